// The protection record of a table: its cells' true values, status and requirements, written by the
// build beside the warehouse (never into the release) so that `audit` can check a release later.
import type { DuckDBConnection } from "@duckdb/node-api";
import type { TableDef } from "../build/tables/types.ts";
import { quoteIdentifier as qi, quoteLiteral as ql } from "../store/sql.ts";

/** Writes the cells of wide temp table `rel` (after protectGroup) to `path` as Parquet. */
export async function writeProtectionRecord(
  connection: DuckDBConnection,
  table: TableDef,
  rel: string,
  path: string,
): Promise<void> {
  const measures = Object.keys(table.disclosure?.relations ?? {});
  const have = await connection.runAndReadAll(`SELECT column_name FROM (DESCRIBE ${qi(rel)})`);
  const names = new Set(have.getRowsJson().map((r) => String(r[0])));
  const needs = measures
    .flatMap((m) => [`need_down__${m}`, `need_up__${m}`])
    .map((c) => (names.has(c) ? qi(c) : `NULL::DOUBLE AS ${qi(c)}`));
  const cols = [
    ...table.dimensions.map((d) => qi(d.id)),
    ...table.measures.map((m) => qi(m.id)),
    names.has("disclosure") ? "disclosure" : "CAST(0 AS TINYINT) AS disclosure",
    ...needs,
  ];
  await connection.run(
    `COPY (SELECT ${cols.join(", ")} FROM ${qi(rel)}) TO ${ql(path)} (FORMAT parquet, COMPRESSION zstd)`,
  );
}
