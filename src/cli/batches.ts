// `jobindblik batches [--source ID]`: the stored deliveries.
import type { Command } from "commander";
import type { BatchRow } from "../ingest/index.ts";
import { listBatches } from "../ingest/index.ts";
import { withConnection } from "../store/index.ts";
import { globalOptions, printResult } from "./context.ts";

function line(b: BatchRow): string {
  const status = b.status === "superseded" ? `superseded by ${b.superseded_by}` : "active";
  const period = b.period ?? "-";
  return `${String(b.id).padStart(5)}  ${b.source.padEnd(8)} ${b.record_type.padEnd(20)} ${period.padEnd(8)} ${String(b.rows_read).padStart(10)} ${String(b.accepted).padStart(10)} ${String(b.quarantined).padStart(8)}  ${status}  ${b.file_name}`;
}

export function registerBatches(program: Command): void {
  program
    .command("batches")
    .description("list stored deliveries (batches)")
    .option("--source <id>", "only this source's batches")
    .action(async (opts: { source?: string }, command: Command) => {
      const options = globalOptions(command);
      const batches = await withConnection(options.dataDir, (c) => listBatches(c, opts.source));
      printResult(options, { batches }, (r) =>
        r.batches.length === 0
          ? "No batches"
          : [
              `${"batch".padStart(5)}  ${"source".padEnd(8)} ${"type".padEnd(20)} ${"period".padEnd(8)} ${"rows".padStart(10)} ${"accepted".padStart(10)} ${"quarant.".padStart(8)}  status  file`,
              ...r.batches.map(line),
            ].join("\n"),
      );
    });
}
