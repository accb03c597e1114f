// `jobindblik ingest-manifest MANIFEST.json`: registers the manifest's sources and ingests all its
// files, with a progress bar on a terminal. Exits non-zero if any file was refused (after the summary).
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { ERROR_CATALOGUE } from "../errors.ts";
import type { ManifestSummary } from "../ingest/index.ts";
import { ingestManifest, readManifest, systemEffects, topReasons } from "../ingest/index.ts";
import { withConnection } from "../store/index.ts";
import { globalOptions, printResult, showProgress } from "./context.ts";

function human(s: ManifestSummary): string {
  const lines = [
    `Sources: ${s.sources_added.length} registered, ${s.sources_skipped.length} already registered`,
    `Files: ${s.ingested} ingested, ${s.skipped} already ingested, ${s.refused.length} refused (of ${s.files})`,
    `Rows: ${s.rows_read} read, ${s.accepted} accepted, ${s.quarantined} quarantined in ${s.seconds} s`,
  ];
  if (s.quarantined > 0) lines.push(`Top reasons: ${topReasons(s.reasons)}`);
  for (const r of s.refused) lines.push(`  refused ${r.path}: ${r.message} [${r.code}]`);
  return lines.join("\n");
}

export function registerIngestManifest(program: Command): void {
  program
    .command("ingest-manifest <manifest>")
    .description("register the sources of a delivery manifest and ingest all its files")
    .action(async (manifestPath: string, _opts: unknown, command: Command) => {
      const options = globalOptions(command);
      const effects = systemEffects(options.dataDir);
      const manifest = readManifest(manifestPath);
      const bar = showProgress(options)
        ? new SingleBar({
            format: "ingest [{bar}] {percentage}% | {value}/{total} rows | {file}",
            hideCursor: true,
          })
        : undefined;
      bar?.start(
        manifest.files.reduce((sum, f) => sum + (f.rows ?? 1), 0),
        0,
        { file: "" },
      );
      let summary: ManifestSummary;
      try {
        summary = await withConnection(options.dataDir, (c) =>
          ingestManifest(c, manifestPath, effects, (done) => bar?.increment(done.rows, { file: done.path })),
        );
      } finally {
        bar?.stop();
      }
      printResult(options, summary, human);
      const first = summary.refused[0];
      if (first) {
        process.stderr.write(
          `jobindblik: ${summary.refused.length} of ${summary.files} files were refused [${first.code}]\n`,
        );
        process.exitCode = ERROR_CATALOGUE[first.code].exit;
      }
    });
}
