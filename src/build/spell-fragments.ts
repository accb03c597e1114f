// SQL fragments shared by the spell tables (`flows`, `duration`, `outcomes`): which periods a table
// computes and a dimension's codes as an inline relation. They read only the prepared build tables.

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
