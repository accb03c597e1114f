// SQL fragments for day intervals shared by the activation, a-kasse, employment and education tables:
// the published span, the days a row has in a period, non-overlapping day segments, exact sums.

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

/**
 * Merges rows of `source` with the same `keys` (never NULL) whose day intervals `[s, e]` overlap or touch
 * into one row `(keys…, s, e)`: the same days, fewer rows (deliveries often split a period by month).
 * Only for rows whose other columns do not matter (put a degree among the keys).
 */
export function mergeTouching(source: string, keys: readonly string[]): string {
  const k = keys.join(", ");
  return `(
    SELECT ${k}, min(s) AS s, max(e) AS e FROM (
      SELECT ${k}, s, e, sum(CASE WHEN s <= prev_e + 1 THEN 0 ELSE 1 END)
        OVER (PARTITION BY ${k} ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS run
      FROM (
        SELECT ${k}, s, e, max(e) OVER (PARTITION BY ${k} ORDER BY s, e
          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_e
        FROM ${source}
      )
    ) GROUP BY ${k}, run
  )`;
}

/**
 * A sum of fractional values (degree-days, hours) taken in DECIMAL (6 decimals, each value below 10¹²;
 * DuckDB accumulates in 38 digits), so it does not depend on the order in which parallel threads add
 * the rows: a rebuild gives the same bytes.
 */
export function exactSum(expr: string): string {
  return `sum(CAST(${expr} AS DECIMAL(18, 6)))`;
}

/**
 * Amounts of the delivered benefit periods (`bp`, with `person_id`, `benefit`, `municipality`)
 * allocated to the months of the published span by days, rounded to øre per row and month: one row
 * per row × month (`person_id, benefit, municipality, month, amount`). `recipients` adds them up;
 * its dominance rule takes each person's largest share.
 */
export const AMOUNT_MONTHS_SQL = `
  SELECT person_id, benefit, municipality, month,
    CAST(round(amount * (least(e, last_day(month)) - greatest(s, month) + 1) / row_days, 2) AS DECIMAL(18, 2)) AS amount
  FROM (
    SELECT bp.*, unnest(generate_series(date_trunc('month', greatest(s, span.first_day)), date_trunc('month', e),
      INTERVAL 1 MONTH))::DATE AS month
    FROM bp, (SELECT min(first_day) AS first_day FROM periods) span WHERE amount > 0 AND e >= span.first_day
  )`;
