// Test harness for table definitions: tiny microdata in an in-memory DuckDB as the `in_*` relations,
// the real prepare stage and compile step, and the published cells back as plain objects.
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { RECORD_TYPE_DEFS } from "../ingest/record-types/index.ts";
import { factColumns, quoteIdentifier } from "../store/index.ts";
import { compileTable } from "./compile-table.ts";
import { prepareBuild } from "./prepare/index.ts";
import type { TableDef } from "./tables/types.ts";

/** Rows of microdata per input relation; columns as in the fact tables (CPR replaced by person_id…). */
export interface Microdata {
  readonly benefit_periods?: readonly Record<string, unknown>[];
  readonly activation_offers?: readonly Record<string, unknown>[];
  readonly interviews?: readonly Record<string, unknown>[];
  readonly job_openings?: readonly Record<string, unknown>[];
  readonly employment?: readonly Record<string, unknown>[];
  readonly persons?: readonly Record<string, unknown>[];
  readonly education?: readonly Record<string, unknown>[];
  readonly population?: readonly Record<string, unknown>[];
  readonly framework_conditions?: readonly Record<string, unknown>[];
}

/** Each input relation has the columns of its fact table (src/store/fact-tables.ts). */
const COLUMNS = Object.fromEntries(
  RECORD_TYPE_DEFS.map((def) => [
    def.type,
    factColumns(def)
      .map((c) => `${quoteIdentifier(c.name)} ${c.sqlType.replace(" NOT NULL", "")}`)
      .join(", "),
  ]),
) as Record<keyof Microdata, string>;

function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") return String(value);
  return `'${String(value).replaceAll("'", "''")}'`;
}

export interface PublishedCell {
  readonly [dimension: string]: string | number | null;
}

/**
 * Builds `table` from the microdata for the span and returns its published rows (long format),
 * without disclosure control unless `protected` (definitions are tested on tiny, unprotected data),
 * only the rows matching the SQL condition `where` when given.
 */
export async function buildTableForTest(
  table: TableDef,
  data: Microdata,
  span: { firstMonth: string; throughMonth: string },
  options: {
    protected?: boolean;
    where?: string;
    /** A stage to run between prepare and compile (e.g. the benchmark stage, which writes `bm_*`). */
    afterPrepare?: (connection: DuckDBConnection) => Promise<unknown>;
  } = {},
): Promise<PublishedCell[]> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const connection = await instance.connect();
  try {
    for (const [name, columns] of Object.entries(COLUMNS) as [keyof Microdata, string][]) {
      await connection.run(`CREATE TABLE in_${name} (${columns})`);
      const rows = data[name] ?? [];
      if (rows.length === 0) continue;
      const names = columns.split(", ").map((c) => (c.split(" ")[0] as string).replaceAll('"', ""));
      const values = rows.map(
        (row, i) =>
          `(${names.map((n) => (n === "batch" ? literal(row.batch ?? 1) : n === "line" ? literal(row.line ?? i + 2) : literal(row[n]))).join(", ")})`,
      );
      await connection.run(`INSERT INTO in_${name} VALUES ${values.join(", ")}`);
    }
    await prepareBuild(connection, span);
    await options.afterPrepare?.(connection);
    await compileTable(connection, table, { unprotected: !options.protected });
    // Large cubes (five dimensions) are filtered in SQL so a test does not read millions of rows.
    const reader = await connection.runAndReadAll(
      `SELECT * FROM pub${options.where ? ` WHERE ${options.where}` : ""}`,
    );
    return reader.getRowObjectsJson() as PublishedCell[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
