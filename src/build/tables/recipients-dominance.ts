// Dominance input of `recipients` (the p %-rule on amount_dkk): the largest amount a single person
// received in each cell, from microdata, allocated to months pro rata by days as the amount itself.
import { AMOUNT_MONTHS_SQL } from "../sql-days.ts";

export const RECIPIENTS_LARGEST_AMOUNT_SQL = `
  WITH amount_months AS (${AMOUNT_MONTHS_SQL}),
  per_person AS (
    SELECT pmo.period, am.area, coalesce(x.benefit, 'total') AS benefit, x.person_id, sum(x.amount) AS amount
    FROM amount_months x
    JOIN period_months pmo ON pmo.month = x.month
    JOIN area_map am ON am.municipality = x.municipality
    GROUP BY GROUPING SETS ((pmo.period, am.area, x.benefit, x.person_id), (pmo.period, am.area, x.person_id))
  )
  SELECT period, area, benefit, max(amount) AS largest FROM per_person GROUP BY ALL`;
