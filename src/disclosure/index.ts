// Disclosure control of published cells. Until the full primary + secondary suppression lands, one
// rule already protects every release: a cell whose primary count (persons, exits, …) is 1–4 has
// every measure published as empty with status `..`. Zero counts are published.
import type { DuckDBConnection } from "@duckdb/node-api";
import type { TableDef } from "../build/tables/types.ts";
import { quoteIdentifier as qi } from "../store/sql.ts";

/** Counts from 1 to this value minus one are sensitive. */
export const MIN_PUBLISHED_COUNT = 5;

/**
 * Marks as suppressed, in the wide temp table `tableName` (one row per cell: dimension columns, one
 * column per measure, `suppressed`), every cell whose primary counts include a value in
 * 1..MIN_PUBLISHED_COUNT−1; publication then empties all of that cell's measures with status `..`.
 */
export async function applyDisclosure(
  connection: DuckDBConnection,
  table: TableDef,
  tableName: string,
): Promise<void> {
  const sensitive = table.primaryCounts
    .map((c) => `(${qi(c)} > 0 AND ${qi(c)} < ${MIN_PUBLISHED_COUNT})`)
    .join(" OR ");
  await connection.run(`UPDATE ${qi(tableName)} SET suppressed = true WHERE ${sensitive}`);
}
