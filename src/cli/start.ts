// `jobindblik start` (what `npm start` runs): on an empty data folder, generates a demo delivery
// set, registers its sources and ingests it; then builds a release if anything changed, and serves
// the API. Progress goes to stderr; the URL is printed when the server is listening.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { createApp } from "../api/index.ts";
import { buildRelease } from "../build/index.ts";
import { generateDemo } from "../demo/index.ts";
import { fail } from "../errors.ts";
import { ingestManifest, systemEffects } from "../ingest/index.ts";
import { queryValue, warehousePath, withConnection } from "../store/index.ts";
import { globalOptions } from "./context.ts";
import { MAX_SCALE } from "./demo.ts";

/** Small enough that the whole first start stays within about three minutes on two cores. */
export const DEFAULT_START_SCALE = 0.01;

interface StartFlags {
  port: string;
  host: string;
  scale?: string;
}

async function hasDeliveries(dataDir: string): Promise<boolean> {
  if (!existsSync(warehousePath(dataDir))) return false;
  const batches = await withConnection(dataDir, (c) =>
    queryValue<number>(c, "SELECT CAST(count(*) AS INTEGER) FROM batches"),
  );
  return (batches ?? 0) > 0;
}

export function registerStart(program: Command): void {
  program
    .command("start")
    .description(
      "generate and ingest demo data if the data folder is empty, build a release if needed, and serve",
    )
    .option("--port <port>", "port to listen on", "3000")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option(
      "--scale <s>",
      `demo size for an empty data folder (default ${DEFAULT_START_SCALE}, or JOBINDBLIK_DEMO_SCALE)`,
    )
    .action(async (flags: StartFlags, command: Command) => {
      const options = globalOptions(command);
      const started = Date.now();
      const say = (text: string) =>
        process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${text}\n`);
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 1 || port > 65_535)
        fail("bad_argument", `--port must be 1–65535, got "${flags.port}"`);
      const scaleText = flags.scale ?? process.env.JOBINDBLIK_DEMO_SCALE ?? String(DEFAULT_START_SCALE);
      const scale = Number(scaleText);
      if (!(scale > 0 && scale <= MAX_SCALE))
        fail("bad_argument", `--scale must be above 0 and at most ${MAX_SCALE}, got "${scaleText}"`);

      if (!(await hasDeliveries(options.dataDir))) {
        const demoDir = join(options.dataDir, "demo-deliveries");
        if (
          existsSync(demoDir) &&
          readdirSync(demoDir).length > 0 &&
          !existsSync(join(demoDir, "manifest.json"))
        ) {
          fail(
            "bad_argument",
            `${demoDir} exists and is not a demo delivery set; move it away or choose another --data`,
          );
        }
        say(`The data folder ${options.dataDir} is empty: generating demo deliveries (scale ${scale}) …`);
        const demo = generateDemo({
          scale,
          from: { year: 2024, month: 1 },
          to: { year: 2025, month: 12 },
          seed: 1,
          dirty: 0.002,
          outDir: demoDir,
        });
        say(`${demo.rows.toLocaleString("da-DK")} rows in ${demo.manifest.files.length} files; ingesting …`);
        const total = demo.manifest.files.length;
        let done = 0;
        const summary = await withConnection(options.dataDir, (c) =>
          ingestManifest(c, join(demoDir, "manifest.json"), systemEffects(options.dataDir), () => {
            done++;
            if (done % 100 === 0 || done === total) say(`  ingested ${done}/${total} files`);
          }),
        );
        say(
          `${summary.accepted.toLocaleString("da-DK")} rows accepted, ${summary.quarantined.toLocaleString("da-DK")} quarantined (demo rows made bad on purpose)`,
        );
      }
      say("Building the release …");
      const built = await buildRelease({ dataDir: options.dataDir, onStep: (s) => say(`  ${s}`) });
      say(
        built.upToDate
          ? `Release ${built.release.release} is up to date`
          : `Published release ${built.release.release}`,
      );
      const app = createApp({ dataDir: options.dataDir });
      await app.listen({ port, host: flags.host });
      const shown = flags.host === "0.0.0.0" || flags.host === "127.0.0.1" ? "localhost" : flags.host;
      say(`Serving on http://${shown}:${port}  (API: http://${shown}:${port}/api/v1/tables)`);
    });
}
