// Spells (CONTRACT.md §5, §6): benefit days of one person and one benefit that touch or are at most
// 28 free days apart (start₂ − end₁ − 1 ≤ 28) form one spell; for `total` the same rule over any
// benefit. A move between municipalities does not break a spell. Output: `spell_seg` (segments with
// their spell number) and `spells(person_id, benefit, spell_no, start, "end", start_municipality,
// end_municipality, ended)`, where `ended` means the spell ended before the data month's end.
import type { DuckDBConnection } from "@duckdb/node-api";
import { quoteLiteral } from "../../store/sql.ts";

/** Free days allowed between two periods of one spell. */
export const SPELL_GAP_DAYS = 28;

export async function createSpells(connection: DuckDBConnection, throughDay: string): Promise<void> {
  await connection.run(`CREATE OR REPLACE TEMP TABLE spell_seg AS
    WITH o AS (
      SELECT *,
        CASE WHEN s - max(e) OVER (PARTITION BY person_id, benefit ORDER BY s, e
          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) - 1 <= ${SPELL_GAP_DAYS} THEN 0 ELSE 1 END AS new_spell
      FROM days_seg
    )
    SELECT person_id, benefit, s, e, municipality,
      CAST(sum(new_spell) OVER (PARTITION BY person_id, benefit ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS INTEGER) AS spell_no
    FROM o`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE spells AS
    SELECT person_id, benefit, spell_no, min(s) AS start, max(e) AS "end",
      arg_min(municipality, s) AS start_municipality,
      arg_max(municipality, e) AS end_municipality,
      max(e) < DATE ${quoteLiteral(throughDay)} AS ended
    FROM spell_seg GROUP BY person_id, benefit, spell_no`);
}
