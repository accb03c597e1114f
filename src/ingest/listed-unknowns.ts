// Values of a listed field outside its known list (e.g. framework-condition variables): stored as inert
// text, and named on the receipt, escaped.
import type { DuckDBConnection } from "@duckdb/node-api";
import { literalList, queryRows, quoteIdentifier } from "../store/index.ts";
import { shown } from "./header.ts";
import type { RecordTypeDef } from "./record-types/index.ts";
import { outputColumn, STAGE_TABLE } from "./stage-sql.ts";
import { LISTED_UNKNOWNS } from "./type-extras.ts";

const SHOWN = 20;

export async function listedUnknowns(
  connection: DuckDBConnection,
  def: RecordTypeDef,
  accepted: string,
): Promise<string[]> {
  const listed = LISTED_UNKNOWNS[def.type];
  if (!listed) return [];
  const o = outputColumn(def, listed.field);
  const rows = await queryRows<{ v: string }>(
    connection,
    `SELECT DISTINCT ${o} AS v FROM ${quoteIdentifier(STAGE_TABLE)} s
     WHERE ${accepted} AND ${o} NOT IN ${literalList(listed.known)} ORDER BY v LIMIT ${SHOWN + 1}`,
  );
  if (rows.length === 0) return [];
  const names = rows.slice(0, SHOWN).map((r) => shown(r.v));
  const more = rows.length > SHOWN ? ", …" : "";
  return [`Unknown ${listed.field} values stored as given: ${names.join(", ")}${more}`];
}
