// The SQL validation and the row-at-a-time `checkRow` (record-types/check-row.ts) read the same
// definitions independently; on random good and bad rows of every record type they must find the same
// problems, through the fast path (DuckDB reads the CSV), the Node CSV parser and JSON Lines.
import type { DuckDBConnection } from "@duckdb/node-api";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { codesOf, FRAMEWORK_VARIABLES } from "../reference/codes.ts";
import { makeCpr } from "../reference/cpr.ts";
import { ingestFile } from "./ingest-file.ts";
import { checkRow } from "./record-types/check-row.ts";
import type { FieldDef, RecordTypeDef } from "./record-types/index.ts";
import { RECORD_TYPE_DEFS } from "./record-types/index.ts";
import { quarantineOf, TempDir, testEffects, testWarehouse } from "./testing.ts";

const dir = new TempDir();
afterAll(() => dir.remove());
const AS_OF = "2025-06-15";

function pool(field: FieldDef): string[] {
  switch (field.type) {
    case "cpr":
      return [
        makeCpr("1985-03-15", "M", 7),
        "150385-2347",
        "0101901234",
        "12345",
        "3102851234",
        "0101304123",
        "150385 2347",
        "15038523470",
        "2902001234",
        "2902004234",
      ];
    case "code":
      return [...(field.codes ?? []).slice(0, 4), "xx", (field.codes?.[0] ?? "a").toUpperCase()];
    case "date":
      return [
        "2025-01-31",
        "31-01-2025",
        "2025-02-29",
        "29-02-2024",
        "2025-1-01",
        "0000-01-01",
        "2025/01/01",
        "9999-12-31",
        "2024-12-31",
      ];
    case "month":
      return ["2025-03", "2025-00", "2025-3", "0000-12", "2025-13", "2025-03-01"];
    case "integer":
      return [
        "0",
        "1",
        "-1",
        "+5",
        "007",
        "1.5",
        "abc",
        "1e3",
        "126",
        "1899",
        "2199",
        "2200",
        ...(field.alsoAccepts ?? []).slice(0, 3),
        "16-18",
      ];
    case "decimal":
      return ["0", "0.5", "1", "1,5", "-0,1", ".5", "1.", ",", "abc", "1e3", "1.000,5", "-0"];
    case "text":
      return ["A1", "2512", "25123", "12a", "x y", ...codesOf(FRAMEWORK_VARIABLES).slice(0, 2)];
  }
}

/** A value that passes the field's checks, so that many random rows are good. */
function good(field: FieldDef): string {
  switch (field.type) {
    case "cpr":
      return "0101901234";
    case "code":
      return field.codes?.[0] ?? "";
    case "date":
      return "2024-12-31";
    case "month":
      return "2025-03";
    case "integer":
      return String(field.min !== undefined ? Math.max(field.min + 1, Math.min(2000, field.max ?? 2000)) : 5);
    case "decimal":
      return field.min !== undefined && field.max !== undefined
        ? String((field.min + field.max) / 2)
        : "10,5";
    case "text":
      return field.pattern ? "2512" : "A1";
  }
}

const PADDING = ["", "", "", " ", "\t", "\u00a0"];

function rowArbitrary(def: RecordTypeDef): fc.Arbitrary<string[]> {
  return fc.tuple(
    ...def.fields.map((field) =>
      fc
        .tuple(
          fc.oneof(
            { weight: 8, arbitrary: fc.constant(good(field)) },
            { weight: 2, arbitrary: fc.constantFrom(...pool(field)) },
            { weight: 1, arbitrary: fc.constant("") },
          ),
          fc.constantFrom(...PADDING),
        )
        .map(([value, pad]) => (value === "" ? "" : `${pad}${value}${pad === "\t" ? "" : pad}`)),
    ),
  );
}

/** Every cell quoted, so the file must go through the Node parser. */
function csvCell(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

function expected(def: RecordTypeDef, rows: readonly string[][]): string[][] {
  return rows.map((cells) => {
    const row = Object.fromEntries(def.fields.map((f, i) => [f.name, cells[i]]));
    return checkRow(def, row, AS_OF)
      .map((p) => `${p.field}:${p.reason}`)
      .sort();
  });
}

async function actual(
  connection: DuckDBConnection,
  def: RecordTypeDef,
  name: string,
  text: string,
  rows: number,
  firstLine: number,
  reader: "duckdb" | "node",
): Promise<string[][]> {
  const receipt = await ingestFile(
    connection,
    { file: dir.file(name, text), type: def.type, source: "DST" },
    testEffects,
  );
  expect(receipt.rows_read).toBe(rows);
  expect(receipt.reader).toBe(reader);
  const byLine: string[][] = Array.from({ length: rows }, () => []);
  for (const q of await quarantineOf(connection, receipt.batch)) {
    if (q.reason !== "duplicate_key") byLine[q.line - firstLine]?.push(`${q.field}:${q.reason}`);
  }
  return byLine.map((problems) => problems.sort());
}

describe("SQL validation agrees with checkRow", () => {
  for (const def of RECORD_TYPE_DEFS) {
    it(`on random rows of ${def.type}`, async () => {
      const rows = fc.sample(rowArbitrary(def), { numRuns: 120, seed: def.type.length * 7919 });
      const want = expected(def, rows);
      expect(want.some((p) => p.length === 0)).toBe(true);
      expect(want.some((p) => p.length > 0)).toBe(true);
      const names = def.fields.map((f) => f.name);
      const warehouse = await testWarehouse();
      const c = warehouse.connection;
      const plain = `${names.join(";")}\n${rows.map((r) => r.join(";")).join("\n")}\n`;
      expect(await actual(c, def, `${def.type}.csv`, plain, rows.length, 2, "duckdb")).toEqual(want);
      const quoted = `${names.join(",")}\n${rows.map((r) => r.map(csvCell).join(",")).join("\n")}\n`;
      expect(await actual(c, def, `${def.type}-quoted.csv`, quoted, rows.length, 2, "node")).toEqual(want);
      const jsonl = rows
        .map((r) => JSON.stringify(Object.fromEntries(names.map((n, i) => [n, r[i]]))))
        .join("\n");
      expect(await actual(c, def, `${def.type}.jsonl`, jsonl, rows.length, 1, "node")).toEqual(want);
      warehouse.close();
    });
  }
});
