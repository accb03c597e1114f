// Dominance input of `recipients` (the p %-rule on amount_dkk): the largest amount a single person
// received in each cell, from microdata, allocated to months pro rata by days as the amount itself.
export const RECIPIENTS_LARGEST_AMOUNT_SQL = `
  WITH span AS (SELECT min(first_day) AS first_day FROM periods),
  amount_months AS (
    SELECT person_id, benefit, municipality, month,
      CAST(round(amount * (least(e, last_day(month)) - greatest(s, month) + 1) / row_days, 2) AS DECIMAL(18, 2)) AS amount
    FROM (
      SELECT bp.*, unnest(generate_series(date_trunc('month', greatest(s, span.first_day)), date_trunc('month', e),
        INTERVAL 1 MONTH))::DATE AS month
      FROM bp, span WHERE amount > 0 AND e >= span.first_day
    )
  ),
  per_person AS (
    SELECT pmo.period, am.area, coalesce(x.benefit, 'total') AS benefit, x.person_id, sum(x.amount) AS amount
    FROM amount_months x
    JOIN period_months pmo ON pmo.month = x.month
    JOIN area_map am ON am.municipality = x.municipality
    GROUP BY GROUPING SETS ((pmo.period, am.area, x.benefit, x.person_id), (pmo.period, am.area, x.person_id))
  )
  SELECT period, area, benefit, max(amount) AS largest FROM per_person GROUP BY ALL`;
