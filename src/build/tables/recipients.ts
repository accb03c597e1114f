// `recipients`: persons, full-time persons, amounts and share of residents, by period, area and
// benefit (CONTRACT.md §5, §6).
import { areaDimension, benefitDimension, periodDimension } from "../dimensions.ts";
import { FTE, PERSONS } from "../measures.ts";
import { AMOUNT_MONTHS_SQL } from "../sql-days.ts";
import { degreeDaysByArea, presentPersonsByArea } from "../sql-presence.ts";
import { RECIPIENTS_LARGEST_AMOUNT_SQL } from "./recipients-dominance.ts";
import type { TableDef } from "./types.ts";

const benefitValues = (benefitDimension.codes ?? []).map((c) => `('${c.code}')`).join(", ");

export const recipients: TableDef = {
  id: "recipients",
  title: { da: "Modtagere af offentlig forsørgelse", en: "Recipients of public benefits" },
  subject: "ydelser",
  description: {
    da: "Personer og fuldtidspersoner på offentlige ydelser efter område og ydelse.",
    en: "Persons and full-time persons on public benefits by area and benefit.",
  },
  periodKinds: ["month", "quarter", "year", "rolling"],
  dimensions: [periodDimension, areaDimension, benefitDimension],
  measures: [
    PERSONS,
    FTE,
    {
      id: "amount_dkk",
      label: { da: "Udbetalt beløb (kr.)", en: "Amount paid (DKK)" },
      definition: {
        da: "Udbetalte ydelser i perioden; beløb for perioder over flere måneder fordeles efter dage.",
        en: "Benefits paid in the period; amounts for periods spanning months are allocated by days.",
      },
      unit: "dkk",
      decimals: 0,
      higherIsBetter: null,
      whenEmpty: "zero",
    },
    {
      id: "share_pop",
      label: { da: "Andel af befolkningen 16-66 år (pct.)", en: "Share of residents aged 16-66 (%)" },
      definition: {
        da: "Personer i perioden ÷ indbyggere 16-66 år i området i periodens år × 100.",
        en: "Persons in the period ÷ residents aged 16-66 of the area in the period's year × 100.",
      },
      unit: "percent",
      decimals: 1,
      higherIsBetter: false,
      whenEmpty: "not_applicable",
    },
  ],
  primaryCounts: ["persons"],
  footnotes: [
    {
      da: "Område er den kommune, der har ansvaret for ydelsen, ikke bopælskommunen.",
      en: "Area is the municipality responsible for the benefit, not the municipality of residence.",
    },
  ],
  disclosure: {
    periods: "flow",
    relations: {
      persons: { period: "union", area: "union", benefit: "union" },
      fte: { period: "mean", area: "sum", benefit: "union" },
      amount_dkk: { period: "sum", area: "sum", benefit: "sum" },
    },
    ratios: { share_pop: null },
    dominance: { measure: "amount_dkk", sql: RECIPIENTS_LARGEST_AMOUNT_SQL },
  },
  sql: `
    WITH persons AS ${presentPersonsByArea("pmask")},
    dd AS ${degreeDaysByArea("pm")},
    cells AS (SELECT * FROM persons FULL JOIN dd USING (area, period, benefit)),
    -- Amounts are allocated to months by days, per delivered row, and added up per municipality
    -- and month before they meet the periods and areas.
    amount_months AS (
      SELECT benefit, municipality, month, sum(amount) AS amount FROM (${AMOUNT_MONTHS_SQL}) GROUP BY ALL
    ),
    amounts AS (
      SELECT pmo.period, am.area, coalesce(x.benefit, 'total') AS benefit, sum(x.amount) AS amount
      FROM amount_months x
      JOIN period_months pmo ON pmo.month = x.month
      JOIN area_map am ON am.municipality = x.municipality
      GROUP BY GROUPING SETS ((pmo.period, am.area, x.benefit), (pmo.period, am.area))
    ),
    base AS (
      SELECT period, area, benefit FROM pop_16_66, (VALUES ${benefitValues}) AS b(benefit)
      UNION SELECT period, area, benefit FROM cells
    )
    SELECT b.period, b.area, b.benefit, coalesce(c.persons, 0) AS persons, coalesce(c.dd, 0) / p.days AS fte,
      coalesce(a.amount, 0) AS amount_dkk,
      CASE WHEN pop.residents > 0 THEN 100.0 * coalesce(c.persons, 0) / pop.residents END AS share_pop
    FROM base b
    JOIN periods p USING (period)
    LEFT JOIN cells c USING (period, area, benefit)
    LEFT JOIN amounts a USING (period, area, benefit)
    LEFT JOIN pop_16_66 pop USING (period, area)`,
};
