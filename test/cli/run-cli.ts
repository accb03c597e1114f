// Runs the real `jobindblik` command in a child process, as a user would, for CLI tests.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const BIN = resolve(import.meta.dirname, "../../bin/jobindblik.js");

export function runCli(args: readonly string[], env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
