// `jobindblik quarantine BATCH [--limit N]`: the quarantined rows of a batch (line, field, reason,
// masked value — never a clear CPR).
import type { Command } from "commander";
import { AppError } from "../errors.ts";
import { listQuarantine } from "../ingest/index.ts";
import { withConnection } from "../store/index.ts";
import { globalOptions, printResult } from "./context.ts";

function positiveInteger(text: string, what: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 2 ** 31 - 1)
    throw new AppError("bad_argument", `${what} must be a positive whole number`);
  return n;
}

export function registerQuarantine(program: Command): void {
  program
    .command("quarantine <batch>")
    .description("list the quarantined rows of a batch")
    .option("--limit <n>", "show at most N entries", "50")
    .action(async (batchText: string, opts: { limit: string }, command: Command) => {
      const options = globalOptions(command);
      const batch = positiveInteger(batchText, "BATCH");
      const limit = positiveInteger(opts.limit, "--limit");
      const listing = await withConnection(options.dataDir, (c) => listQuarantine(c, batch, limit));
      printResult(options, listing, (r) => {
        if (r.total === 0) return `Batch ${r.batch} has no quarantined rows`;
        const rows = r.entries.map(
          (e) =>
            `${String(e.line).padStart(8)}  ${(e.field || "(row)").padEnd(14)} ${e.reason.padEnd(18)} ${e.masked_value ?? ""}`,
        );
        const more = r.total > r.entries.length ? [`… ${r.total - r.entries.length} more (--limit)`] : [];
        return [
          `${"line".padStart(8)}  ${"field".padEnd(14)} ${"reason".padEnd(18)} value`,
          ...rows,
          ...more,
        ].join("\n");
      });
    });
}
