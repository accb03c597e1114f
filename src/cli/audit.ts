// `jobindblik audit [RELEASE]`: proves the disclosure control of a release (the newest by default)
// from its files and its protection record, prints the information loss, and exits non-zero naming
// every suppressed value that can be narrowed below its protection interval.
import { join } from "node:path";
import type { Command } from "commander";
import { listReleases, releasesDir, TABLES } from "../build/index.ts";
import { type AuditReport, auditRelease, privateDir } from "../disclosure/index.ts";
import { fail } from "../errors.ts";
import { globalOptions, printResult } from "./context.ts";

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function human(release: string, r: AuditReport): string {
  const lines = [
    `Release ${release}: disclosure audit ${r.ok ? "passed" : "FAILED"} in ${r.seconds.toFixed(1)} s`,
    `  ${r.sensitiveCells.toLocaleString("da-DK")} sensitive cells, ${r.suppressedCells.toLocaleString("da-DK")} suppressed in all, ${r.checks.toLocaleString("da-DK")} protection checks`,
  ];
  for (const v of r.violations.slice(0, 50)) {
    const interval = v.lo === null ? "not proven (component too large)" : `[${v.lo}, ${v.hi}]`;
    lines.push(
      `  DISCLOSED ${v.cell} ${v.measure} = ${v.value}: ${v.reason === "published" ? "published" : interval}, must reach [${v.needDown}, ${v.needUp}]`,
    );
  }
  if (r.violations.length > 50) lines.push(`  … and ${r.violations.length - 50} more`);
  if (r.mismatches > 0) lines.push(`  ${r.mismatches} published values differ from their protected cells`);
  lines.push("Information loss (suppressed values / values):");
  for (const l of r.loss)
    lines.push(
      `  ${l.table.padEnd(24)} ${l.measure.padEnd(16)} ${String(l.suppressed).padStart(10)} / ${String(l.cells).padEnd(10)} ${pct(l.share)}`,
    );
  return lines.join("\n");
}

export function registerAudit(program: Command): void {
  program
    .command("audit [release]")
    .description(
      "prove the disclosure control of a release (default: the newest); non-zero exit on any disclosure",
    )
    .option("--exact", "compute the exact attainable interval of every suppressed cell (small releases)")
    .action(async (release: string | undefined, flags: { exact?: boolean }, command: Command) => {
      const options = globalOptions(command);
      const releases = listReleases(options.dataDir);
      const chosen = release ?? releases[releases.length - 1]?.release;
      if (!chosen) fail("no_release", "There is no release to audit; run `jobindblik build`");
      if (!releases.some((r) => r.release === chosen)) fail("unknown_release", `No release "${chosen}"`);
      const started = Date.now();
      const report = await auditRelease(
        join(releasesDir(options.dataDir), chosen),
        privateDir(options.dataDir, chosen),
        TABLES,
        {
          exact: Boolean(flags.exact),
          // Progress on stderr: an audit of a large release takes minutes.
          onStep: options.json
            ? undefined
            : (step) =>
                process.stderr.write(
                  `[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${step}\n`,
                ),
        },
      );
      if (report.ok || !options.json)
        printResult(options, { release: chosen, ...report }, (o) => human(chosen, o));
      if (!report.ok)
        fail(
          "disclosure_failed",
          `Release ${chosen}: ${report.violations.length} suppressed value(s) can be narrowed below their protection interval`,
          {
            violations: report.violations.slice(0, 100),
          },
        );
    });
}
