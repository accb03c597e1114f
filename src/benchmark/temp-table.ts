// Writes small JS results (a few thousand rows) into a DuckDB temp table that table SQL reads. Numbers
// travel as text cast to DOUBLE (DuckDB parses the shortest round-trip form exactly), so a value read
// back is bit-identical to the one computed; non-finite numbers become NULL.
import type { DuckDBConnection } from "@duckdb/node-api";
import { quoteIdentifier, quoteLiteral } from "../store/sql.ts";

export type ColumnType = "VARCHAR" | "DOUBLE";
export type Cell = string | number | null;

function literal(value: Cell, type: ColumnType): string {
  if (value === null) return "NULL";
  if (type === "DOUBLE") {
    if (typeof value !== "number" || !Number.isFinite(value)) return "NULL";
    return `CAST(${quoteLiteral(String(value))} AS DOUBLE)`;
  }
  return quoteLiteral(String(value));
}

/** Creates (or replaces) temp table `name` with `columns` and inserts `rows` (each in column order). */
export async function writeTempTable(
  connection: DuckDBConnection,
  name: string,
  columns: readonly (readonly [string, ColumnType])[],
  rows: readonly (readonly Cell[])[],
): Promise<void> {
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(name)} (${columns.map(([c, t]) => `${quoteIdentifier(c)} ${t}`).join(", ")})`,
  );
  const chunk = 500;
  for (let i = 0; i < rows.length; i += chunk) {
    const values = rows
      .slice(i, i + chunk)
      .map((row) => `(${columns.map(([, type], j) => literal(row[j] ?? null, type)).join(", ")})`);
    await connection.run(`INSERT INTO ${quoteIdentifier(name)} VALUES ${values.join(", ")}`);
  }
}
