// `jobindblik ingest FILE --type TYPE --source ID [--period P]`: stores one delivery, prints its receipt.
import type { Command } from "commander";
import { formatReceipt, ingestFile, systemEffects } from "../ingest/index.ts";
import { withConnection } from "../store/index.ts";
import { globalOptions, printResult } from "./context.ts";

export function registerIngest(program: Command): void {
  program
    .command("ingest <file>")
    .description("validate, pseudonymise and store one delivery; prints the receipt")
    .requiredOption("--type <type>", "record type of the file")
    .requiredOption("--source <id>", "registered source that sent it")
    .option(
      "--period <period>",
      "period the delivery covers (2025M03, 2025K1, 2025); replaces an earlier one",
    )
    .action(
      async (file: string, opts: { type: string; source: string; period?: string }, command: Command) => {
        const options = globalOptions(command);
        const effects = systemEffects(options.dataDir);
        const receipt = await withConnection(options.dataDir, (c) =>
          ingestFile(c, { file, type: opts.type, source: opts.source, period: opts.period }, effects),
        );
        printResult(options, receipt, formatReceipt);
      },
    );
}
