// The threshold rule alone, in SQL, for builds without full disclosure control (the default until
// secondary suppression is fast enough for whole releases, see DESIGN.md): a cell with a primary
// count of 1..T−1 is suppressed in every measure. It marks the same cells, with the same protection
// requirements, as rules/threshold.ts does in memory, but never loads millions of cells into the
// process. Adds the columns the protection record keeps: `disclosure` (0 published, 1 sensitive) and
// `need_down__<m>`, `need_up__<m>` for every measure with relations.
import type { DuckDBConnection } from "@duckdb/node-api";
import type { TableDef } from "../build/tables/types.ts";
import { quoteIdentifier as qi } from "../store/sql.ts";
import type { RuleParams } from "./rules/types.ts";

export async function applyThresholdSql(
  connection: DuckDBConnection,
  table: TableDef,
  rel: string,
  params: RuleParams,
): Promise<number> {
  const { threshold: T, protection: P } = params;
  const small = (m: string): string => `(${qi(m)} > 0 AND ${qi(m)} < ${T})`;
  const counts = table.primaryCounts;
  if (counts.length === 0) return 0;
  const sensitive = counts.map(small).join(" OR ");
  // The smallest sensitive count: other measures must stay uncertain by P persons' worth of it.
  const smallest = `least(${counts.map((c) => `CASE WHEN ${small(c)} THEN ${qi(c)} END`).join(", ")})`;
  const needs = Object.keys(table.disclosure?.relations ?? {}).flatMap((m) => {
    const v = qi(m);
    const margin = counts.includes(m) ? `${P}` : `${v} * ${P} / ${smallest}`;
    const applies = counts.includes(m) ? `sensitive AND ${small(m)}` : `sensitive AND ${v} > 0`;
    return [
      `CAST(CASE WHEN ${applies} THEN greatest(0, ${v} - ${margin}) END AS DOUBLE) AS ${qi(`need_down__${m}`)}`,
      `CAST(CASE WHEN ${applies} THEN ${v} + ${margin} END AS DOUBLE) AS ${qi(`need_up__${m}`)}`,
    ];
  });
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${qi(rel)} AS
    SELECT * EXCLUDE (sensitive), sensitive AS suppressed,
      CAST(CASE WHEN sensitive THEN 1 ELSE 0 END AS TINYINT) AS disclosure${needs.map((n) => `, ${n}`).join("")}
    FROM (SELECT * EXCLUDE (suppressed), coalesce(${sensitive}, false) AS sensitive FROM ${qi(rel)})`);
  const reader = await connection.runAndReadAll(
    `SELECT CAST(count(*) AS INTEGER) FROM ${qi(rel)} WHERE suppressed`,
  );
  return Number(reader.getRowsJson()[0]?.[0] ?? 0);
}
