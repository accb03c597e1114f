// SQL fragments for day intervals shared by the activation, a-kasse and education tables: the release's
// published span, the days a row has in a period, and non-overlapping day segments per key.

/** The period kinds these tables publish, as an SQL list. */
export const PUBLISHED_KINDS_SQL = "'month', 'quarter', 'year'";

/** One row `(first_day, through)`: the first day of the first month and the last day of the data month. */
export const SPAN_SQL =
  "SELECT min(first_day) AS first_day, max(last_day) AS through FROM periods WHERE kind = 'month'";

/** The end of a row whose `end` may be empty: open-ended rows and rows beyond it stop at `through`. */
export function clippedEnd(end: string, through: string): string {
  return `least(coalesce(${end}, ${through}), ${through})`;
}

/** Days of the interval `[s, e]` inside period `p` (a row of `periods`); ≤ 0 when they do not meet. */
export function daysInPeriod(s: string, e: string, p = "p"): string {
  return `(least(${e}, ${p}.last_day) - greatest(${s}, ${p}.first_day) + 1)`;
}

/**
 * Splits the inclusive day intervals `[s, e]` of relation `source`, per value of `keys` (never NULL),
 * into non-overlapping segments, each a run of days covered by the same rows, with `aggregates` over
 * the covering rows `r` (e.g. `max(r.degree) AS degree`). Days covered by no row have no segment.
 * Keys without overlapping rows pass through unchanged (one segment per row), as most do.
 */
export function daySegments(source: string, keys: readonly string[], aggregates: string): string {
  const k = keys.join(", ");
  const rk = keys.map((key) => `r.${key}`).join(", ");
  const on = keys.map((key) => `r.${key} = seg.${key}`).join(" AND ");
  return `(
    WITH ds_ov AS (
      SELECT DISTINCT ${k} FROM (
        SELECT ${k}, s, max(e) OVER (PARTITION BY ${k} ORDER BY s, e
          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_e
        FROM ${source}
      ) WHERE prev_e >= s
    ),
    ds_multi AS (SELECT * FROM ${source} SEMI JOIN ds_ov USING (${k})),
    ds_seg AS (
      SELECT ${k}, d AS s, lead(d) OVER (PARTITION BY ${k} ORDER BY d) - 1 AS e
      FROM (SELECT DISTINCT ${k}, d FROM (
        SELECT ${k}, s AS d FROM ds_multi UNION ALL SELECT ${k}, e + 1 AS d FROM ds_multi
      ))
    )
    SELECT ${rk}, r.s, r.e, ${aggregates}
    FROM (SELECT * FROM ${source} ANTI JOIN ds_ov USING (${k})) r
    GROUP BY ${rk}, r.s, r.e
    UNION ALL
    SELECT ${keys.map((key) => `seg.${key}`).join(", ")}, seg.s, seg.e, ${aggregates}
    FROM ds_seg seg JOIN ds_multi r ON ${on} AND r.s <= seg.s AND r.e >= seg.e
    WHERE seg.e IS NOT NULL
    GROUP BY ${keys.map((key) => `seg.${key}`).join(", ")}, seg.s, seg.e
  )`;
}
