// SQL fragments shared by the spell tables (`flows`, `duration`, `outcomes`, `benchmark-akasse`): which
// periods a table computes, a dimension's codes as an inline relation, and the status after an exit.
// They read only the prepared build tables.

import type { PeriodKind } from "../reference/periods.ts";
import { quoteLiteral } from "../store/sql.ts";
import type { DimensionDef } from "./tables/types.ts";

/** `kind IN (…)` list of the period kinds a table offers, for filtering `periods`. */
export function periodKindList(kinds: readonly PeriodKind[]): string {
  return kinds.map(quoteLiteral).join(", ");
}

/** A code dimension's codes (`total` included) as `(VALUES …) AS alias(column)`. */
export function codeValues(dimension: DimensionDef, alias: string, column: string): string {
  const codes = (dimension.codes ?? []).map((c) => `(${quoteLiteral(c.code)})`).join(", ");
  return `(VALUES ${codes}) AS ${alias}(${column})`;
}

/** The first day of the month of a DATE expression, as a DATE. */
export function monthOf(day: string): string {
  return `CAST(date_trunc('month', ${day}) AS DATE)`;
}

/** Paid hours in a month from which a person without any benefit that month counts as in work. */
export const JOB_HOURS = 80;

/**
 * CTEs (to join a WITH list after the one named `exits`) that give every row of `exits` (columns
 * `person_id`, `benefit`, `month` = the calendar month looked at, any others kept) its `status` in
 * that month, as CTE `classified`: on the same benefit (at least one day; for `total`: any benefit),
 * else on another benefit, else in work (at least JOB_HOURS paid hours), else in education (enrolled on
 * at least one day), else other — the `outcomes` table's definition, shared so every table means the same.
 */
export function exitStatusCtes(exits: string, classified: string): string {
  return `xs_keys AS (SELECT DISTINCT person_id, month FROM ${exits}),
    xs_on_benefit AS (
      SELECT person_id, month, list(DISTINCT benefit) AS benefits
      FROM pm SEMI JOIN xs_keys USING (person_id, month) WHERE benefit <> 'total' GROUP BY ALL
    ),
    xs_paid AS (
      SELECT person_id, month, sum(hours) AS hours
      FROM in_employment SEMI JOIN xs_keys USING (person_id, month) GROUP BY ALL
    ),
    xs_enrolled AS (
      SELECT DISTINCT k.person_id, k.month FROM xs_keys k JOIN in_education ed ON ed.person_id = k.person_id
        AND ed.start <= last_day(k.month) AND (ed."end" IS NULL OR ed."end" >= k.month)
    ),
    ${classified} AS (
      SELECT x.*, CASE
        WHEN b.benefits IS NOT NULL AND (x.benefit = 'total' OR list_contains(b.benefits, x.benefit))
          THEN 'samme_ydelse'
        WHEN b.benefits IS NOT NULL THEN 'anden_ydelse'
        WHEN p.hours >= ${JOB_HOURS} THEN 'job'
        WHEN en.person_id IS NOT NULL THEN 'uddannelse'
        ELSE 'oevrige' END AS status
      FROM ${exits} x
      LEFT JOIN xs_on_benefit b USING (person_id, month)
      LEFT JOIN xs_paid p USING (person_id, month)
      LEFT JOIN xs_enrolled en USING (person_id, month)
    )`;
}
