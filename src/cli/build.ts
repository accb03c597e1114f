// `jobindblik build [--through YYYY-MM]` builds and publishes a new immutable release and prints its
// id; `jobindblik releases` lists the published releases, newest first.
import type { Command } from "commander";
import { type BuildResult, buildRelease, listReleases } from "../build/index.ts";
import { globalOptions, printResult, showProgress } from "./context.ts";

export function registerBuild(program: Command): void {
  program
    .command("build")
    .description("build and publish a new immutable release from the warehouse")
    .option("--through <YYYY-MM>", "data month (default: the latest month with benefit periods)")
    .option("--force", "build even if the newest release has the same inputs")
    .action(async (flags: { through?: string; force?: boolean }, command: Command) => {
      const options = globalOptions(command);
      const progress = showProgress(options);
      const started = Date.now();
      const result = await buildRelease({
        dataDir: options.dataDir,
        ...(flags.through !== undefined ? { through: flags.through } : {}),
        force: Boolean(flags.force),
        onStep: (step) => {
          if (progress) process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${step}\n`);
        },
      });
      const r = result.release;
      printResult(
        options,
        {
          release: r.release,
          upToDate: result.upToDate,
          dataThrough: r.dataThrough,
          tables: r.tables.map((t) => ({ id: t.id, rows: t.rows })),
          seconds: result.seconds,
          notes: r.notes,
          benchmark: r.benchmark
            ? {
                model: r.benchmark.id,
                windows: r.benchmark.windows.length,
                skipped: r.benchmark.skipped.length,
              }
            : null,
          disclosure: result.disclosure ?? null,
        },
        (o) =>
          o.upToDate
            ? `Release ${o.release} is up to date (data through ${o.dataThrough}); nothing to build`
            : [
                `Release ${o.release}: data through ${o.dataThrough}, ${o.tables.length} tables, ${o.seconds.toFixed(1)} s`,
                ...o.tables.map((t) => `  ${t.id.padEnd(24)} ${t.rows.toLocaleString("da-DK")} cells`),
                `  new months: ${o.notes.newMonths.length > 0 ? o.notes.newMonths.join(", ") : "none"}; ` +
                  `revised tables: ${o.notes.revisions.length}; ${o.notes.provisional} is provisional`,
                ...(o.benchmark
                  ? [
                      `  benchmark model ${o.benchmark.model}: ${o.benchmark.windows} windows fitted, ` +
                        `${o.benchmark.skipped} skipped; ${o.notes.benchmark?.length ?? 0} benchmark notes in the release notes`,
                    ]
                  : []),
                ...disclosureLines(o.disclosure),
              ].join("\n"),
      );
    });

  program
    .command("releases")
    .description("list the published releases, newest first")
    .action((_flags: unknown, command: Command) => {
      const options = globalOptions(command);
      const releases = listReleases(options.dataDir).reverse();
      printResult(
        options,
        {
          releases: releases.map((r) => ({
            release: r.release,
            createdAt: r.createdAt,
            dataThrough: r.dataThrough,
            tables: r.tables.length,
            newMonths: r.notes.newMonths.length,
            revisions: r.notes.revisions.length,
          })),
        },
        (o) =>
          o.releases.length === 0
            ? "No releases yet; run `jobindblik build`"
            : o.releases
                .map(
                  (r) =>
                    `${r.release}  data through ${r.dataThrough}  created ${r.createdAt}  ${r.tables} tables, ${r.revisions} revised`,
                )
                .join("\n"),
      );
    });
}

/** Full disclosure control, per group of linked tables, and the audit; nothing for the threshold rule. */
function disclosureLines(d: BuildResult["disclosure"] | null): string[] {
  if (d?.level !== "full") return [];
  const n = (x: number) => x.toLocaleString("da-DK");
  return [
    ...d.groups
      .filter((g) => g.sensitive > 0)
      .map(
        (g) =>
          `  disclosure ${g.tables.join(", ")}: ${n(g.sensitive)} sensitive, ${n(g.secondary)} complements` +
          `${g.unresolved > 0 ? `, ${n(g.unresolved)} unresolved` : ""} (${g.method}, ${g.seconds.toFixed(1)} s)`,
      ),
    ...(d.audit
      ? [
          `  disclosure audit passed: ${n(d.audit.checks)} checks (${n(d.audit.byWitness)} by the protection's witnesses), ` +
            `${n(d.audit.suppressedCells)} suppressed cells, ` +
            `${d.audit.seconds.toFixed(1)} s (information loss: jobindblik audit)`,
        ]
      : []),
  ];
}
