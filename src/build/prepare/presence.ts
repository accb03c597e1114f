// Presence of persons as month bit masks. A person counts in a period and area when they had at
// least one benefit day there (CONTRACT.md §6), so a person's presence under one benefit and one
// municipality is fully described by the set of months of the published span in which they had a
// day: bit i of `mask` is month i of the span. A period is a set of months too (`bits`), and a
// person is present in it exactly when the two intersect. Counting persons then never needs a
// person × period table (100 M rows at national scale): groups of equal masks meet the periods.
// Output: `period_bits(period, kind, bits, last_ym, last_feb28)` and
// `pmask(person_id, benefit, municipality, mask, places)`, `places` being the number of
// municipalities the person has under that benefit in the whole span (1 for almost everyone).
import type { DuckDBConnection } from "@duckdb/node-api";
import { fail } from "../../errors.ts";
import { quoteLiteral } from "../../store/sql.ts";
import type { DaysWindow } from "./benefit-days.ts";

/** A HUGEINT holds 127 usable bits; releases span at most ten years (120 months). */
const MAX_MONTHS = 126;

/** Month index of a date expression relative to the first month of the span. */
function monthIndex(day: string, first: string): string {
  return `((year(${day}) - year(${first})) * 12 + month(${day}) - month(${first}))`;
}

/** Bits `a..b` set (inclusive month indexes), as HUGEINT. */
function bitRange(a: string, b: string): string {
  return `((CAST(1 AS HUGEINT) << (${b} + 1)) - (CAST(1 AS HUGEINT) << ${a}))`;
}

export async function createPresence(connection: DuckDBConnection, window: DaysWindow): Promise<void> {
  const first = `DATE ${quoteLiteral(window.firstDay)}`;
  const through = `DATE ${quoteLiteral(window.throughDay)}`;
  const reader = await connection.runAndReadAll(`SELECT ${monthIndex(through, first)} + 1`);
  const months = Number(reader.getRowsJson()[0]?.[0] ?? 0);
  if (months > MAX_MONTHS)
    fail("build_failed", `A release spans at most ${MAX_MONTHS} months, not ${months}`);

  // Every period as a month mask, with its last day's year-month and whether that day is a
  // 28 February (for the age of persons born on 29 February, see sql-presence.ts).
  await connection.run(`CREATE OR REPLACE TEMP TABLE period_bits AS
    SELECT p.period, p.kind, bit_or(CAST(1 AS HUGEINT) << ${monthIndex("pm.month", first)}) AS bits,
      year(p.last_day) * 12 + month(p.last_day) - 1 AS last_ym,
      (month(p.last_day) = 2 AND day(p.last_day) = 28) AS last_feb28
    FROM periods p JOIN period_months pm USING (period)
    GROUP BY p.period, p.kind, p.last_day`);

  // Presence comes from the delivered periods (`bp`), whichever municipality owns a day for fte:
  // a person counts in every municipality where they had a benefit day.
  await connection.run(`CREATE OR REPLACE TEMP TABLE pmask AS
    WITH r AS (
      SELECT person_id, benefit, municipality,
        ${bitRange(`greatest(${monthIndex("s", first)}, 0)`, monthIndex("e", first))} AS mask
      FROM bp WHERE e >= ${first}
    ),
    m AS (
      SELECT person_id, benefit, municipality, bit_or(mask) AS mask FROM r GROUP BY ALL
      UNION ALL
      SELECT person_id, 'total' AS benefit, municipality, bit_or(mask) AS mask FROM r
      GROUP BY person_id, municipality
    )
    SELECT *, count(*) OVER (PARTITION BY person_id, benefit) AS places FROM m`);
}
