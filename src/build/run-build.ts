// `jobindblik build`: builds a new immutable release from the warehouse. Every table is computed,
// passed through disclosure control and written as Parquet into a dot-folder, the manifest is
// written last, and the folder is renamed into place, so a failed or killed build leaves no partial
// release. A release whose inputs, data month and code are those of the newest one is not rebuilt.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { readBenchmarkConfig, runBenchmarkStage } from "../benchmark/index.ts";
import {
  auditRelease,
  BuildWitnesses,
  disclosureGroups,
  type GroupSummary,
  privateDir,
} from "../disclosure/index.ts";
import { layerThreads } from "../disclosure/layers/pool.ts";
import { fail } from "../errors.ts";
import { formatMonth, monthsBetween, parsePeriod } from "../reference/periods.ts";
import { openWarehouse, queryRows, quoteLiteral } from "../store/index.ts";
import { compileGroup, disclosureBudgetSeconds, disclosureLevel } from "./compile-table.ts";
import type { BatchUsed, DataBreak, ReleaseManifest, Revision, Supersession, TableFile } from "./manifest.ts";
import { createInputViews, periodsOfSpan, prepareBuild } from "./prepare/index.ts";
import { publishedCatalogue } from "./release-catalogue.ts";
import { listReleases, releasesDir, removeAbandonedBuilds } from "./release-paths.ts";
import { TABLES } from "./tables/index.ts";
import { validateCatalogue } from "./validate-catalogue.ts";

export interface BuildOptions {
  readonly dataDir: string;
  /** Data month `YYYY-MM` (default: the latest month in accepted benefit periods). */
  readonly through?: string;
  /** Build even when the newest release has the same inputs. */
  readonly force?: boolean;
  readonly now?: () => Date;
  readonly onStep?: (step: string) => void;
}

export interface BuildResult {
  readonly release: ReleaseManifest;
  /** True when nothing changed and the newest release was kept. */
  readonly upToDate: boolean;
  readonly seconds: number;
  readonly tableSeconds: Readonly<Record<string, number>>;
  /** Disclosure control per group of linked tables, and the audit (full control only). */
  readonly disclosure?: {
    readonly level: "full" | "threshold";
    readonly groups: readonly GroupSummary[];
    readonly audit: {
      readonly checks: number;
      /** Checks proven by the protection step's witnesses (each checked by the audit). */
      readonly byWitness: number;
      readonly suppressedCells: number;
      readonly seconds: number;
    } | null;
  };
}

export function codeVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

async function dataMonths(
  connection: DuckDBConnection,
): Promise<{ latest: string | null; earliest: string | null }> {
  const [row] = await queryRows<{ latest: string | null; earliest: string | null }>(
    connection,
    `SELECT strftime(max(greatest(start, coalesce("end", start))), '%Y-%m') AS latest,
            strftime(min(start), '%Y-%m') AS earliest FROM in_benefit_periods`,
  );
  return { latest: row?.latest ?? null, earliest: row?.earliest ?? null };
}

const toMonthCode = (ym: string): string => `${ym.slice(0, 4)}M${ym.slice(5, 7)}`;

/** The published span: from the earliest declared delivery period (or data) to the data month. */
export async function resolveSpan(
  connection: DuckDBConnection,
  through: string | undefined,
): Promise<{ firstMonth: string; throughMonth: string }> {
  const { latest, earliest } = await dataMonths(connection);
  if (!latest || !earliest)
    fail("no_data", "There is no data to build from: no accepted benefit periods in the warehouse");
  if (through !== undefined) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(through))
      fail("bad_period", `--through must be YYYY-MM, got "${through}"`);
    if (through > latest)
      fail("no_data", `--through ${through} is after the latest month with data (${latest})`);
    if (through < earliest)
      fail("no_data", `--through ${through} is before the earliest month with data (${earliest})`);
  }
  const throughMonth = toMonthCode(through ?? latest);
  const declared = await queryRows<{ period: string }>(
    connection,
    "SELECT DISTINCT period FROM batches WHERE status = 'active' AND record_type = 'benefit_periods' AND period IS NOT NULL",
  );
  const through0 = parsePeriod(throughMonth);
  const firstDays = declared
    .map((d) => parsePeriod(d.period).first)
    .filter((first) => first <= through0.last);
  let first = firstDays.length > 0 ? (firstDays.sort()[0] as string) : `${earliest}-01`;
  // At most ten years are published.
  const floor = `${through0.year - 9}-${String(through0.index).padStart(2, "0")}-01`;
  if (first < floor) first = floor;
  return { firstMonth: formatMonth(Number(first.slice(0, 4)), Number(first.slice(5, 7))), throughMonth };
}

function sha256File(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

function readDataBreaks(dataDir: string): DataBreak[] {
  const path = join(dataDir, "data-breaks.json");
  if (!existsSync(path)) return [];
  try {
    return JSON.parse(readFileSync(path, "utf8")) as DataBreak[];
  } catch {
    fail("bad_argument", `${path} is not valid JSON: a list of { period, tables?, note: { da, en } }`);
  }
}

async function revisionsAgainst(
  connection: DuckDBConnection,
  previousDir: string,
  table: (typeof TABLES)[number],
): Promise<Revision | null> {
  const file = join(previousDir, `${table.id}.parquet`);
  if (!existsSync(file)) return null;
  const keys = [...table.dimensions.map((d) => `"${d.id}"`), "measure"].join(", ");
  const rows = await queryRows<{ period: string; changed: number }>(
    connection,
    `SELECT n.period, CAST(count(*) AS INTEGER) AS changed
     FROM pub n JOIN read_parquet(${quoteLiteral(file)}) o USING (${keys})
     WHERE n.value IS DISTINCT FROM o.value OR n.status <> o.status
     GROUP BY n.period ORDER BY n.period`,
  );
  if (rows.length === 0) return null;
  return {
    table: table.id,
    changedCells: rows.reduce((a, r) => a + r.changed, 0),
    periods: rows.map((r) => r.period),
  };
}

export async function buildRelease(options: BuildOptions): Promise<BuildResult> {
  const started = Date.now();
  const step = options.onStep ?? (() => {});
  const now = options.now ?? (() => new Date());
  validateCatalogue(TABLES);
  // A bad disclosure setting is refused before any work, not after the first table.
  if (disclosureLevel() === "full") {
    disclosureBudgetSeconds();
    // JOBINDBLIK_DISCLOSURE_THREADS (a coded error if bad).
    layerThreads();
  }
  removeAbandonedBuilds(options.dataDir);
  const spillDir = join(options.dataDir, ".spill");
  const warehouse = await openWarehouse(options.dataDir, {
    memoryLimit: process.env.JOBINDBLIK_BUILD_MEMORY ?? "6GB",
    spillDir,
  });
  const connection = warehouse.connection;
  let tmpDir: string | null = null;
  let recordTmp: string | null = null;
  try {
    await createInputViews(connection);
    const span = await resolveSpan(connection, options.through);
    const batches = await queryRows<BatchUsed>(
      connection,
      `SELECT id, source, record_type AS type, period, sha256 FROM batches WHERE status = 'active' ORDER BY id`,
    );
    const releases = listReleases(options.dataDir);
    const previous = releases[releases.length - 1] ?? null;
    const version = codeVersion();
    const dataBreaks = readDataBreaks(options.dataDir);
    const benchmarkConfig = readBenchmarkConfig(options.dataDir);
    if (
      previous &&
      !options.force &&
      previous.dataThrough === span.throughMonth &&
      previous.codeVersion === version &&
      JSON.stringify(previous.batches) === JSON.stringify(batches) &&
      JSON.stringify(previous.notes.dataBreaks) ===
        JSON.stringify(dataBreaks.filter((b) => b.period <= span.throughMonth)) &&
      JSON.stringify(previous.benchmark?.config) === JSON.stringify(benchmarkConfig)
    ) {
      return { release: previous, upToDate: true, seconds: (Date.now() - started) / 1000, tableSeconds: {} };
    }

    const sequence = (previous?.sequence ?? 0) + 1;
    const releaseId = `${span.throughMonth}-${releases.filter((r) => r.dataThrough === span.throughMonth).length + 1}`;
    tmpDir = join(releasesDir(options.dataDir), `.tmp-${releaseId}-${process.pid}`);
    mkdirSync(tmpDir, { recursive: true });

    step(`preparing ${span.firstMonth}..${span.throughMonth}`);
    await prepareBuild(connection, span, (s) => step(`preparing: ${s}`));
    step("benchmark model");
    const benchmark = await runBenchmarkStage(connection, benchmarkConfig);
    const previousDir = previous ? join(releasesDir(options.dataDir), previous.release) : null;
    const tables: TableFile[] = [];
    const revisions: Revision[] = [];
    const tableSeconds: Record<string, number> = {};
    const groups: GroupSummary[] = [];
    // Linked tables (sharing margins) are compiled and protected together, then published one by one;
    // their protection record goes beside the warehouse for the audit, never into the release.
    recordTmp = join(options.dataDir, "disclosure", `.tmp-${releaseId}-${process.pid}`);
    mkdirSync(recordTmp, { recursive: true });
    const releaseDir = tmpDir;
    // What protection found, for the audit below to check before it searches (its verdict is its own).
    const witnesses = disclosureLevel() === "full" ? new BuildWitnesses() : undefined;
    for (const group of disclosureGroups(TABLES)) {
      step(`table ${group.map((t) => t.id).join(", ")}`);
      let t0 = Date.now();
      const summary = await compileGroup(
        connection,
        group,
        {
          recordDir: recordTmp,
          onStep: (s) => step(`table ${group.map((t) => t.id).join(", ")}: ${s}`),
          ...(witnesses ? { witnesses } : {}),
        },
        async (table, { rows }) => {
          const file = `${table.id}.parquet`;
          const path = join(releaseDir, file);
          await connection.run(`COPY pub TO ${quoteLiteral(path)} (FORMAT parquet, COMPRESSION zstd)`);
          if (previousDir) {
            const revision = await revisionsAgainst(connection, previousDir, table);
            if (revision) revisions.push(revision);
          }
          tables.push({ id: table.id, file, sha256: sha256File(path), rows });
          tableSeconds[table.id] = (Date.now() - t0) / 1000;
          t0 = Date.now();
        },
      );
      groups.push(summary);
    }
    const previousBatchIds = new Set(previous?.batches.map((b) => b.id) ?? []);
    const superseded = await queryRows<Supersession>(
      connection,
      `SELECT id AS batch, superseded_by AS "supersededBy", source, record_type AS type, period
       FROM batches WHERE status = 'superseded' ORDER BY id`,
    );
    const previousMonths = new Set(previous ? monthsBetween(previous.firstMonth, previous.dataThrough) : []);
    const manifest: ReleaseManifest = {
      release: releaseId,
      sequence,
      createdAt: now().toISOString(),
      dataThrough: span.throughMonth,
      firstMonth: span.firstMonth,
      codeVersion: version,
      previous: previous?.release ?? null,
      batches,
      tables,
      notes: {
        newMonths: monthsBetween(span.firstMonth, span.throughMonth).filter((m) => !previousMonths.has(m)),
        revisions,
        superseded: superseded.filter((s) => !previousBatchIds.has(s.supersededBy)),
        dataBreaks: dataBreaks.filter((b) => b.period <= span.throughMonth),
        provisional: span.throughMonth,
        benchmark: benchmark.notes,
      },
      benchmark: benchmark.model,
    };
    writeFileSync(
      join(tmpDir, "catalogue.json"),
      `${JSON.stringify(publishedCatalogue(TABLES, periodsOfSpan(span)), null, 2)}\n`,
    );
    writeFileSync(join(tmpDir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    step("disclosure audit");
    const audit =
      disclosureLevel() === "full"
        ? await auditRelease(tmpDir, recordTmp, TABLES, {
            budgetSeconds: disclosureBudgetSeconds(),
            ...(witnesses ? { buildWitnesses: witnesses } : {}),
          })
        : null;
    if (audit && !audit.ok) {
      const first = audit.violations[0];
      const unproven = audit.violations.filter((v) => v.reason === "unproven").length;
      const narrowed = audit.violations.length - unproven;
      const problems = [
        ...(narrowed > 0 ? [`${narrowed} value(s) published or narrowed below their protection`] : []),
        ...(unproven > 0
          ? [`${unproven} value(s) not proven protected within ${disclosureBudgetSeconds()} s per group`]
          : []),
      ];
      fail(
        "disclosure_failed",
        `Disclosure audit failed: ${problems.join(", ")}${first ? `, e.g. ${first.cell} ${first.measure}` : ""}${audit.mismatches ? `; ${audit.mismatches} published value(s) differ from the protected cells` : ""}; the release was not published`,
        { violations: audit.violations.slice(0, 20) },
      );
    }
    const recordDir = privateDir(options.dataDir, releaseId);
    rmSync(recordDir, { recursive: true, force: true });
    renameSync(recordTmp, recordDir);
    recordTmp = null;
    renameSync(tmpDir, join(releasesDir(options.dataDir), releaseId));
    tmpDir = null;
    return {
      release: manifest,
      upToDate: false,
      seconds: (Date.now() - started) / 1000,
      tableSeconds,
      disclosure: {
        level: disclosureLevel(),
        groups,
        audit: audit
          ? {
              checks: audit.checks,
              byWitness: audit.byWitness,
              suppressedCells: audit.suppressedCells,
              seconds: audit.seconds,
            }
          : null,
      },
    };
  } finally {
    warehouse.close();
    if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
    if (recordTmp) rmSync(recordTmp, { recursive: true, force: true });
    rmSync(spillDir, { recursive: true, force: true });
  }
}
