// Golden end-to-end cases: each folder holds deliveries, a manifest, `case.json` (data month and the
// cells to compare) and `expected/<table>.csv` computed by hand. The deliveries are ingested and a
// release is built through the real stages; the selected cells are written as contract CSV and
// compared byte for byte. A mismatch writes `<case>-changed/` next to the case for review.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, describe, expect, it } from "vitest";
import { buildRelease } from "../../src/build/index.ts";
import { ingestManifest, systemEffects } from "../../src/ingest/index.ts";
import { quoteIdentifier, quoteLiteral, withConnection } from "../../src/store/index.ts";

interface GoldenCase {
  readonly through: string;
  readonly select: Record<string, Record<string, readonly string[]>>;
}

interface CatalogueTable {
  readonly id: string;
  readonly dimensions: readonly { id: string }[];
  readonly measures: readonly { id: string; decimals: number }[];
}

const here = import.meta.dirname;
const cases = readdirSync(here).filter((d) => existsSync(join(here, d, "case.json")));
const tmp = mkdtempSync(join(tmpdir(), "jobindblik-golden-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The selected cells of a published table as contract CSV, in the order of the selection lists. */
async function selectedCsv(
  releaseDir: string,
  table: CatalogueTable,
  select: Record<string, readonly string[]>,
) {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const columns = [...table.dimensions.map((d) => d.id), "measure"];
    const where = columns
      .filter((c) => select[c])
      .map((c) => `${quoteIdentifier(c)} IN (${(select[c] ?? []).map(quoteLiteral).join(", ")})`);
    const order = columns.map((c) =>
      select[c]
        ? `list_position([${(select[c] ?? []).map(quoteLiteral).join(", ")}], ${quoteIdentifier(c)})`
        : quoteIdentifier(c),
    );
    const reader = await connection.runAndReadAll(
      `SELECT * FROM read_parquet(${quoteLiteral(join(releaseDir, `${table.id}.parquet`))})
       ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY ${order.join(", ")}`,
    );
    const decimals = new Map(table.measures.map((m) => [m.id, m.decimals]));
    const lines = [[...columns, "value", "status"].join(",")];
    for (const row of reader.getRowObjectsJson()) {
      const value =
        row.value === null ? "" : Number(row.value).toFixed(decimals.get(String(row.measure)) ?? 0);
      lines.push([...columns.map((c) => String(row[c])), value, String(row.status)].join(","));
    }
    return `${lines.join("\n")}\n`;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe("golden end-to-end cases", () => {
  for (const name of cases) {
    it(`reproduces the hand-computed tables of case "${name}"`, async () => {
      const caseDir = join(here, name);
      const spec = JSON.parse(readFileSync(join(caseDir, "case.json"), "utf8")) as GoldenCase;
      const dataDir = join(tmp, name);
      const summary = await withConnection(dataDir, (c) =>
        ingestManifest(c, join(caseDir, "manifest.json"), systemEffects(dataDir)),
      );
      expect(summary.refused).toEqual([]);
      const { release } = await buildRelease({ dataDir, through: spec.through });
      const releaseDir = join(dataDir, "releases", release.release);
      const catalogue = JSON.parse(
        readFileSync(join(releaseDir, "catalogue.json"), "utf8"),
      ) as CatalogueTable[];
      const changedDir = join(here, `${name}-changed`);
      rmSync(changedDir, { recursive: true, force: true });
      for (const [tableId, select] of Object.entries(spec.select)) {
        const table = catalogue.find((t) => t.id === tableId);
        if (!table) throw new Error(`case ${name}: no table ${tableId} in the release`);
        const actual = await selectedCsv(releaseDir, table, select);
        const expected = readFileSync(join(caseDir, "expected", `${tableId}.csv`), "utf8");
        if (actual !== expected) {
          mkdirSync(changedDir, { recursive: true });
          writeFileSync(join(changedDir, `${tableId}.csv`), actual);
        }
        expect(actual, `${tableId}: see ${changedDir}`).toBe(expected);
      }
    });
  }
});
