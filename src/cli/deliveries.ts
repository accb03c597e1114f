// `jobindblik deliveries --month 2025M03`: which sources have (not) delivered each record type.
import type { Command } from "commander";
import { deliveries } from "../ingest/index.ts";
import { withConnection } from "../store/index.ts";
import { globalOptions, printResult } from "./context.ts";

export function registerDeliveries(program: Command): void {
  program
    .command("deliveries")
    .description("delivery monitoring: delivered or missing, per source and record type, for a month")
    .requiredOption("--month <month>", "month, e.g. 2025M03")
    .action(async (opts: { month: string }, command: Command) => {
      const options = globalOptions(command);
      const report = await withConnection(options.dataDir, (c) => deliveries(c, opts.month));
      printResult(options, report, (r) =>
        [
          `${r.month}: ${r.delivered} delivered, ${r.missing} missing`,
          ...r.sources.flatMap((s) =>
            s.types.map(
              (t) =>
                `  ${s.source.padEnd(8)} ${t.type.padEnd(22)} ${t.status}${t.batches.length ? ` (batch ${t.batches.join(", ")})` : ""}`,
            ),
          ),
        ].join("\n"),
      );
    });
}
