// The `jobindblik` command: wires one file per command into commander and owns the exit path.
import { Command, CommanderError } from "commander";
import { AppError, exitWithError } from "../errors.ts";
import { registerAudit } from "./audit.ts";
import { registerBatches } from "./batches.ts";
import { registerBuild } from "./build.ts";
import { registerDeliveries } from "./deliveries.ts";
import { registerDemo } from "./demo.ts";
import { registerIngest } from "./ingest.ts";
import { registerIngestManifest } from "./ingest-manifest.ts";
import { registerQuarantine } from "./quarantine.ts";
import { registerServe } from "./serve.ts";
import { registerSource } from "./source.ts";
import { registerStart } from "./start.ts";

const program = new Command();
program
  .name("jobindblik")
  .description("Open, self-hostable Danish employment statistics")
  .option("--data <dir>", "data folder (default ./data or JOBINDBLIK_DATA)")
  .option("--json", "print one JSON object instead of a human summary")
  .showHelpAfterError()
  .exitOverride()
  .configureOutput({ writeErr: () => {} });

registerDemo(program);
registerSource(program);
registerIngest(program);
registerIngestManifest(program);
registerBatches(program);
registerQuarantine(program);
registerDeliveries(program);
registerBuild(program);
registerAudit(program);
registerServe(program);
registerStart(program);

const wantsJson = process.argv.includes("--json");
try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    if (err.exitCode === 0) process.exit(0); // --help, --version
    exitWithError(new AppError("bad_argument", err.message.replace(/^error: /, "")), wantsJson);
  }
  exitWithError(err, wantsJson);
}
