// Disclosure control of published cells. Until the full primary + secondary suppression lands, one
// rule already protects every release: a cell whose primary count (persons, exits, …) is 1–4 has
// every measure published as empty with status `..`. Zero counts are published.
import type { DuckDBConnection } from "@duckdb/node-api";
import type { TableDef } from "../build/tables/types.ts";
import { quoteIdentifier as qi, quoteLiteral as ql } from "../store/sql.ts";

/** Counts from 1 to this value minus one are sensitive. */
export const MIN_PUBLISHED_COUNT = 5;

/**
 * Suppresses, in the long-format temp table `tableName` (dimension columns, measure, value, status),
 * every measure of each cell whose primary counts include a value in 1..MIN_PUBLISHED_COUNT−1.
 */
export async function applyDisclosure(
  connection: DuckDBConnection,
  table: TableDef,
  tableName: string,
): Promise<void> {
  const dims = table.dimensions.map((d) => qi(d.id)).join(", ");
  const counts = table.primaryCounts.map(ql).join(", ");
  await connection.run(`UPDATE ${qi(tableName)} AS t SET value = NULL, status = '..'
    FROM (SELECT DISTINCT ${dims} FROM ${qi(tableName)}
          WHERE measure IN (${counts}) AND value > 0 AND value < ${MIN_PUBLISHED_COUNT}) AS s
    WHERE ${table.dimensions.map((d) => `t.${qi(d.id)} = s.${qi(d.id)}`).join(" AND ")}`);
}
