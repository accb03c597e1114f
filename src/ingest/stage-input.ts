// The rows of a delivery as all-text columns, in file order, for the validation SQL. Fast path: DuckDB
// reads a plain UTF-8 CSV itself. Slow path: Node decodes and parses (quoted fields, other encodings,
// JSON Lines) and appends to an in-memory temporary table. Either way record i (0-based) lies on file
// line `i + base + shift`, where `shifts` lists the few places where empty lines or multi-line fields
// push later records down.
import type { DuckDBAppender, DuckDBConnection } from "@duckdb/node-api";
import { quoteIdentifier, quoteLiteral } from "../store/index.ts";
import { CsvParser } from "./csv-parser.ts";
import { decodedChunks } from "./decode.ts";
import type { HeaderPlan } from "./header.ts";
import { shown } from "./header.ts";
import { JsonlParser } from "./jsonl-parser.ts";
import type { RecordTypeDef } from "./record-types/index.ts";
import type { FileScan } from "./scan-file.ts";

export interface LineShift {
  /** First record index the shift applies to. */
  readonly k: number;
  readonly shift: number;
}

export interface StageInput {
  /** A SELECT yielding `v0…`, `field_problem` (NULL, 'field_count', 'bad_json') and `nf`. */
  readonly sql: string;
  /** The definition's field index of each `v` column. */
  readonly fieldIndexes: readonly number[];
  /** Number of header columns (for field-count messages; 0 for JSON Lines). */
  readonly headerCount: number;
  readonly base: number;
  readonly shifts: readonly LineShift[];
  readonly warnings: readonly string[];
  /** Temporary tables to drop when done. */
  readonly tables: readonly string[];
}

export const RAW_TABLE = "ingest_raw";

/** Whether DuckDB may read the file directly: UTF-8, no quotes, one kind of line ending, safe path. */
export function fastPathPossible(path: string, scan: FileScan): boolean {
  return (
    scan.encoding === "utf-8" &&
    !scan.hasQuote &&
    !scan.hasMarker &&
    scan.newlines !== "mixed" &&
    !/[*?[\]{}]/.test(path)
  );
}

function mappedFields(plan: HeaderPlan): number[] {
  return plan.columnOf.flatMap((column, field) => (column >= 0 ? [field] : []));
}

/** Shifts from empty lines, which DuckDB skips: the j-th (1-based) at line b moves records ≥ b − j − 1. */
export function blankLineShifts(blankLines: readonly number[], lastContentLine: number): LineShift[] {
  const byK = new Map<number, number>();
  blankLines.forEach((line, i) => {
    if (line < lastContentLine) byK.set(line - (i + 1) - 1, i + 1);
  });
  return [...byK].map(([k, shift]) => ({ k, shift }));
}

/** The fast path's SELECT over DuckDB's `read_csv` (every column text, nothing auto-detected). */
export function fastCsvInput(path: string, plan: HeaderPlan, scan: FileScan): StageInput {
  const n = plan.names.length;
  const fields = mappedFields(plan);
  const columns = [...plan.names.map((_, i) => `'c${i}': 'VARCHAR'`), "'c_extra': 'VARCHAR'"].join(", ");
  const present = plan.names.map((_, i) => `c${i}`);
  const lastContentLine =
    scan.lines - scan.blankLines.filter((_, i, a) => a.length - i <= trailingBlanks(scan)).length;
  const options = [
    `columns = {${columns}}`,
    "header = false",
    "skip = 1",
    `delim = ${quoteLiteral(plan.delimiter)}`,
    "quote = ''",
    "escape = ''",
    "comment = ''",
    "auto_detect = false",
    "null_padding = true",
    `nullstr = ${quoteLiteral("\u0002")}`,
    "strict_mode = false",
    "parallel = true",
  ];
  const sql = `SELECT ${fields.map((f, j) => `c${plan.columnOf[f]} AS v${j}`).join(", ")}${fields.length ? "," : ""}
    CASE WHEN c_extra IS NOT NULL OR c${n - 1} IS NULL THEN 'field_count' END AS field_problem,
    CASE WHEN c_extra IS NOT NULL THEN -2
         WHEN c${n - 1} IS NULL THEN len(list_filter([${present.join(", ")}], x -> x IS NOT NULL))
         ELSE ${n} END AS nf
    FROM read_csv(${quoteLiteral(path)}, ${options.join(", ")})`;
  return {
    sql,
    fieldIndexes: fields,
    headerCount: n,
    base: 2,
    shifts: blankLineShifts(scan.blankLines, lastContentLine),
    warnings: [],
    tables: [],
  };
}

/** How many of the file's empty lines come after its last line with content. */
export function trailingBlanks(scan: FileScan): number {
  let count = 0;
  for (let i = scan.blankLines.length - 1; i >= 0; i--) {
    if (scan.blankLines[i] !== scan.lines - count) break;
    count++;
  }
  return count;
}

async function rawTable(connection: DuckDBConnection, width: number): Promise<DuckDBAppender> {
  const columns = ["nf INTEGER", ...Array.from({ length: width }, (_, j) => `v${j} VARCHAR`)];
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(RAW_TABLE)} (${columns.join(", ")})`);
  return connection.createAppender(RAW_TABLE, "main", "temp");
}

class ShiftTracker {
  readonly shifts: LineShift[] = [];
  private k = 0;
  private shift = 0;

  constructor(private readonly base: number) {}

  /** Records that record number `this.k` is on `line`; returns its index. */
  next(line: number): number {
    const expected = this.k + this.base + this.shift;
    if (line !== expected) {
      this.shift = line - this.k - this.base;
      this.shifts.push({ k: this.k, shift: this.shift });
    }
    return this.k++;
  }
}

function appendText(appender: DuckDBAppender, value: string | undefined): void {
  if (value === undefined) appender.appendNull();
  else appender.appendVarchar(value);
}

/** Slow path for CSV: parses decoded text in Node (after the header line) into the raw table. */
export async function appendCsvInput(
  connection: DuckDBConnection,
  path: string,
  scan: FileScan,
  plan: HeaderPlan,
): Promise<StageInput> {
  const fields = mappedFields(plan);
  const columns = fields.map((f) => plan.columnOf[f] as number);
  const appender = await rawTable(connection, fields.length);
  const tracker = new ShiftTracker(2);
  try {
    let header = true;
    const parser = new CsvParser(plan.delimiter, (values, line) => {
      if (header) {
        header = false;
        if (line === 1) return;
      }
      tracker.next(line);
      appender.appendInteger(values.length);
      for (const column of columns) appendText(appender, values[column]);
      appender.endRow();
    });
    for await (const chunk of decodedChunks(path, scan)) parser.push(chunk);
    parser.end();
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  const n = plan.names.length;
  return {
    sql: `SELECT ${fields.map((_, j) => `v${j}, `).join("")}
      CASE WHEN nf <> ${n} THEN 'field_count' END AS field_problem, nf FROM ${quoteIdentifier(RAW_TABLE)}`,
    fieldIndexes: fields,
    headerCount: n,
    base: 2,
    shifts: tracker.shifts,
    warnings: [],
    tables: [RAW_TABLE],
  };
}

/** Slow path for JSON Lines: every field of the definition is a column; unknown keys become warnings. */
export async function appendJsonlInput(
  connection: DuckDBConnection,
  path: string,
  scan: FileScan,
  def: RecordTypeDef,
): Promise<StageInput & { readonly records: number; readonly knownKeys: number }> {
  const names = def.fields.map((f) => f.name);
  const known = new Set(names);
  const unknown = new Set<string>();
  const seen = new Set<string>();
  let records = 0;
  const appender = await rawTable(connection, names.length);
  const tracker = new ShiftTracker(1);
  try {
    const parser = new JsonlParser((record, line) => {
      tracker.next(line);
      records++;
      if (!record.ok) {
        appender.appendInteger(-1);
        for (const _ of names) appender.appendNull();
      } else {
        appender.appendInteger(record.values.size);
        for (const name of names) appendText(appender, record.values.get(name));
        for (const key of record.values.keys()) (known.has(key) ? seen : unknown).add(key);
      }
      appender.endRow();
    });
    for await (const chunk of decodedChunks(path, scan)) parser.push(chunk);
    parser.end();
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return {
    sql: `SELECT ${names.map((_, j) => `v${j}, `).join("")}
      CASE WHEN nf = -1 THEN 'bad_json' END AS field_problem, nf FROM ${quoteIdentifier(RAW_TABLE)}`,
    fieldIndexes: names.map((_, i) => i),
    headerCount: 0,
    base: 1,
    shifts: tracker.shifts,
    warnings: [...unknown].sort().map((key) => `Unknown key ${shown(key)} ignored`),
    tables: [RAW_TABLE],
    records,
    knownKeys: seen.size,
  };
}
