// What every command shares: where the data folder is, whether to print JSON, and how to print.
import { resolve } from "node:path";
import type { Command } from "commander";

export interface GlobalOptions {
  readonly dataDir: string;
  readonly json: boolean;
}

/** Global options from the root program: `--data DIR` (or JOBINDBLIK_DATA, default ./data) and `--json`. */
export function globalOptions(command: Command): GlobalOptions {
  const opts = command.optsWithGlobals<{ data?: string; json?: boolean }>();
  return {
    dataDir: resolve(opts.data ?? process.env.JOBINDBLIK_DATA ?? "data"),
    json: Boolean(opts.json),
  };
}

/** Prints a command's result: one JSON object with --json, otherwise the human summary. */
export function printResult<T>(options: GlobalOptions, result: T, human: (result: T) => string): void {
  if (options.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else process.stdout.write(`${human(result)}\n`);
}

/** Whether progress bars may be drawn (a terminal, and not JSON mode). */
export function showProgress(options: GlobalOptions): boolean {
  return !options.json && Boolean(process.stderr.isTTY);
}
