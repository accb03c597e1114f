// Test fixture: tiny releases written the way the build writes them (manifest.json, catalogue.json, one
// Parquet file per table holding the full cube in long format), with values from `fixtureCell`, a pure
// function of the release and the cell's codes, so tests know every expected value independently.
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { ReleaseManifest } from "../build/manifest.ts";
import type { PublishedDimension, PublishedTable } from "../build/release-catalogue.ts";
import type { MeasureDef } from "../build/tables/types.ts";
import { quoteLiteral } from "../store/sql.ts";
import type { CellStatus } from "./cube.ts";

const label = (da: string, en: string) => ({ da, en });

const persons: MeasureDef = {
  id: "persons",
  label: label("Personer", "Persons"),
  definition: label("Personer med mindst én dag i perioden.", "Persons with at least one day in the period."),
  unit: "persons",
  decimals: 0,
  higherIsBetter: null,
  whenEmpty: "zero",
};
const fte: MeasureDef = {
  id: "fte",
  label: label("Fuldtidspersoner", "Full-time persons"),
  definition: label(
    "Dage gange grad divideret med dage i perioden.",
    "Days times degree over days in the period.",
  ),
  unit: "fte",
  decimals: 1,
  higherIsBetter: null,
  whenEmpty: "zero",
};
const sharePop: MeasureDef = {
  id: "share_pop",
  label: label("Andel af befolkningen 16-66 år (pct.)", "Share of residents aged 16-66 (%)"),
  definition: label("Personer divideret med indbyggere 16-66 år.", "Persons over residents aged 16-66."),
  unit: "percent",
  decimals: 1,
  higherIsBetter: false,
  whenEmpty: "not_applicable",
};

function periodDim(codes: readonly string[]): PublishedDimension {
  return {
    id: "period",
    label: label("Periode", "Period"),
    kind: "period",
    codes: codes.map((code) => ({ code, label: label(`${code} (periode)`, `${code} (period)`) })),
  };
}

const areaDim: PublishedDimension = {
  id: "area",
  label: label("Område", "Area"),
  kind: "area",
  codes: [
    { code: "DK", label: label("Hele landet", "All Denmark"), level: "country" },
    { code: "1084", label: label("Region Hovedstaden", "Capital Region"), level: "region" },
    { code: "101", label: label("København", "Copenhagen"), level: "municipality" },
    { code: "147", label: label("Frederiksberg", "Frederiksberg"), level: "municipality" },
    { code: "851", label: label("Aalborg", "Aalborg"), level: "municipality" },
  ],
};

const benefitDim: PublishedDimension = {
  id: "benefit",
  label: label("Ydelse", "Benefit"),
  kind: "code",
  codes: [
    { code: "total", label: label("I alt", "Total") },
    { code: "dagpenge", label: label("Dagpenge", "Unemployment benefit") },
    { code: "kontanthjaelp", label: label('Kontanthjælp, "aktivitetsparat"; m.fl.', "Social assistance") },
  ],
};

/** The periods of a release whose data month is `through` (2024M03 or 2024M04). */
function periods(through: string): string[] {
  const months = ["2024M01", "2024M02", "2024M03"];
  return through === "2024M04" ? ["2023", ...months, "2024K1", "2024M04"] : ["2023", ...months, "2024K1"];
}

export function fixtureTables(through: string): PublishedTable[] {
  const p = periods(through);
  return [
    {
      id: "recipients",
      title: label("Modtagere af offentlig forsørgelse", "Recipients of public benefits"),
      subject: "ydelser",
      description: label(
        "Personer på offentlige ydelser efter område og ydelse.",
        "Persons on benefits by area and benefit.",
      ),
      dimensions: [periodDim(p), areaDim, benefitDim],
      measures: [persons, fte, sharePop],
      footnotes: [label("Område er den ansvarlige kommune.", "Area is the responsible municipality.")],
      firstPeriod: p[0] ?? null,
      lastPeriod: p[p.length - 1] ?? null,
      file: "recipients.parquet",
    },
    {
      id: "recipients-akasse",
      title: label("Dagpengemodtagere efter a-kasse", "Unemployment benefit recipients by a-kasse"),
      subject: "a-kasser",
      description: label(
        "Personer på dagpenge efter a-kasse.",
        "Persons on unemployment benefit by a-kasse.",
      ),
      dimensions: [
        periodDim(p.filter((c) => c.includes("M"))),
        {
          id: "akasse",
          label: label("A-kasse", "Unemployment insurance fund"),
          kind: "code",
          codes: [
            { code: "total", label: label("I alt", "Total") },
            { code: "D86", label: label("Akademikernes A-kasse", "Akademikernes A-kasse") },
            { code: "D15", label: label("3F", "3F") },
          ],
        },
      ],
      measures: [persons],
      footnotes: [],
      firstPeriod: "2024M01",
      lastPeriod: through,
      file: "recipients-akasse.parquet",
    },
    {
      id: "benchmark",
      title: label("Benchmarking af jobcentre", "Benchmarking of job centres"),
      subject: "benchmark",
      description: label("Faktisk og forventet andel på ydelser.", "Actual and expected share on benefits."),
      dimensions: [
        periodDim(["2024K1"]),
        {
          id: "area",
          label: label("Jobcenter", "Job centre"),
          kind: "area",
          codes: [
            {
              code: "JC101",
              label: label("Jobcenter København", "Job centre Copenhagen"),
              level: "jobcentre",
            },
            {
              code: "JC147",
              label: label("Jobcenter Frederiksberg", "Job centre Frederiksberg"),
              level: "jobcentre",
            },
          ],
        },
      ],
      measures: [sharePop],
      footnotes: [],
      firstPeriod: "2024K1",
      lastPeriod: "2024K1",
      file: "benchmark.parquet",
    },
  ];
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** The published value of one cell: a pure function of the release, table, codes and measure. */
export function fixtureCell(
  release: string,
  table: string,
  codes: Readonly<Record<string, string>>,
  measure: string,
): { value: number | null; status: CellStatus } {
  const keys = Object.keys(codes).sort();
  const h = hash([release, table, ...keys.map((k) => `${k}=${codes[k]}`), measure].join("|"));
  if (h % 11 === 0) return { value: null, status: ".." };
  if (measure === "share_pop" && h % 5 === 0) return { value: null, status: "-" };
  const base = h % 100_000;
  return { value: measure === "persons" ? base : Math.round(base / 10) / 10, status: "" };
}

function allCells(table: PublishedTable): Record<string, string>[] {
  let combos: Record<string, string>[] = [{}];
  for (const d of table.dimensions) {
    combos = combos.flatMap((c) => d.codes.map((code) => ({ ...c, [d.id]: code.code })));
  }
  return combos;
}

async function writeParquet(release: string, table: PublishedTable, path: string): Promise<number> {
  const rows: string[] = [];
  for (const cell of allCells(table)) {
    for (const m of table.measures) {
      const { value, status } = fixtureCell(release, table.id, cell, m.id);
      const codes = table.dimensions.map((d) => quoteLiteral(cell[d.id] ?? ""));
      rows.push(
        `(${[...codes, quoteLiteral(m.id), value === null ? "NULL" : String(value), quoteLiteral(status)].join(", ")})`,
      );
    }
  }
  const names = [...table.dimensions.map((d) => d.id), "measure", "value", "status"];
  const casts = names.map((n) =>
    n === "value" ? `CAST("${n}" AS DOUBLE) AS "${n}"` : `CAST("${n}" AS VARCHAR) AS "${n}"`,
  );
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await connection.run(
      `COPY (SELECT ${casts.join(", ")} FROM (VALUES ${rows.join(", ")}) AS t(${names.map((n) => `"${n}"`).join(", ")}))
       TO ${quoteLiteral(path)} (FORMAT parquet)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return rows.length;
}

export interface FixtureRelease {
  readonly id: string;
  readonly sequence: number;
  /** Data month: 2024M03 or 2024M04. */
  readonly through: string;
}

export const RELEASE_1: FixtureRelease = { id: "2024M03-1", sequence: 1, through: "2024M03" };
export const RELEASE_2: FixtureRelease = { id: "2024M04-1", sequence: 2, through: "2024M04" };

/** Writes one release into `<dataDir>/releases/<id>/` (via a dot-folder renamed into place, as the build does). */
export async function writeFixtureRelease(dataDir: string, spec: FixtureRelease): Promise<void> {
  const releases = join(dataDir, "releases");
  const tmp = join(releases, `.tmp-${spec.id}`);
  mkdirSync(tmp, { recursive: true });
  const tables = fixtureTables(spec.through);
  const files = [];
  for (const t of tables) {
    const rows = await writeParquet(spec.id, t, join(tmp, t.file));
    files.push({ id: t.id, file: t.file, sha256: "0".repeat(64), rows });
  }
  const manifest: ReleaseManifest = {
    release: spec.id,
    sequence: spec.sequence,
    createdAt: `2024-0${spec.sequence + 4}-10T08:00:00.000Z`,
    dataThrough: spec.through,
    firstMonth: "2023M01",
    codeVersion: "0.1.0",
    previous: spec.sequence > 1 ? RELEASE_1.id : null,
    batches: [{ id: 1, source: "national", type: "benefit_periods", period: null, sha256: "f".repeat(64) }],
    tables: files,
    notes: {
      newMonths: [spec.through],
      revisions: spec.sequence > 1 ? [{ table: "recipients", changedCells: 12, periods: ["2024M03"] }] : [],
      superseded: [],
      dataBreaks: [],
      provisional: spec.through,
    },
  };
  writeFileSync(join(tmp, "catalogue.json"), `${JSON.stringify(tables, null, 2)}\n`);
  writeFileSync(join(tmp, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(tmp, join(releases, spec.id));
}

/** A fresh data folder with the given releases; `cleanup()` removes it. */
export async function makeFixtureDataDir(
  releases: readonly FixtureRelease[] = [RELEASE_1, RELEASE_2],
): Promise<{ dataDir: string; cleanup: () => void }> {
  const dataDir = mkdtempSync(join(tmpdir(), "jobindblik-api-"));
  for (const r of releases) await writeFixtureRelease(dataDir, r);
  // An unfinished build must be ignored.
  mkdirSync(join(dataDir, "releases", ".tmp-2099M01-1"), { recursive: true });
  return { dataDir, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}
