// `flows`: spells starting (inflow) and ending (outflow) by period, area and benefit (CONTRACT.md §5,
// §6): inflow by the municipality of the spell's first day, outflow by that of its last day.
import { areaDimension, benefitDimension, periodDimension } from "../dimensions.ts";
import { monthOf, periodKindList } from "../spell-fragments.ts";
import type { TableDef } from "./types.ts";

const PERIOD_KINDS = ["month", "quarter", "year"] as const;

export const flows: TableDef = {
  id: "flows",
  title: { da: "Tilgang og afgang", en: "Inflow and outflow" },
  subject: "ydelser",
  description: {
    da: "Forløb på offentlige ydelser, der begynder (tilgang) og slutter (afgang) i perioden.",
    en: "Spells on public benefits that begin (inflow) and end (outflow) in the period.",
  },
  periodKinds: PERIOD_KINDS,
  dimensions: [periodDimension, areaDimension, benefitDimension],
  measures: [
    {
      id: "inflow",
      label: { da: "Tilgang (forløb)", en: "Inflow (spells)" },
      definition: {
        da: "Forløb, hvis første dag ligger i perioden, i den kommune der havde ansvaret på forløbets første dag.",
        en: "Spells whose first day lies in the period, in the municipality responsible on the spell's first day.",
      },
      unit: "count",
      decimals: 0,
      higherIsBetter: null,
      whenEmpty: "zero",
    },
    {
      id: "outflow",
      label: { da: "Afgang (forløb)", en: "Outflow (spells)" },
      definition: {
        da: "Forløb, hvis sidste dag ligger i perioden og før udgangen af datamåneden, i den kommune der havde ansvaret på forløbets sidste dag.",
        en: "Spells whose last day lies in the period and before the end of the data month, in the municipality responsible on the spell's last day.",
      },
      unit: "count",
      decimals: 0,
      higherIsBetter: null,
      whenEmpty: "zero",
    },
  ],
  primaryCounts: ["inflow", "outflow"],
  footnotes: [
    {
      da: "Et forløb er perioder med samme ydelse for samme person med højst 28 dages mellemrum. For ydelser i alt dannes forløb på tværs af ydelser, så et skift mellem ydelser hverken er tilgang eller afgang.",
      en: "A spell is periods of one benefit for one person at most 28 days apart. For all benefits spells are formed across benefits, so a switch between benefits is neither inflow nor outflow.",
    },
    {
      da: "Et forløb, der stadig løber ved udgangen af datamåneden, er ikke afgang. Seneste måned er foreløbig: en senere periode inden for 28 dage kan ændre afgangen.",
      en: "A spell still running at the end of the data month is no outflow. The latest month is provisional: a later period within 28 days may revise the outflow.",
    },
  ],
  disclosure: {
    periods: "flow",
    relations: {
      inflow: { period: "sum", area: "sum", benefit: "subsum" },
      outflow: { period: "sum", area: "sum", benefit: "subsum" },
    },
  },
  // Each spell starts (and ends) on one day under one municipality, so every cell is a plain count of
  // spells: counted per month and municipality first, then summed into quarters, years and areas.
  sql: `
    WITH events AS (
      SELECT benefit, start AS day, start_municipality AS municipality, 1 AS inflow, 0 AS outflow FROM spells
      UNION ALL
      SELECT benefit, "end" AS day, end_municipality AS municipality, 0 AS inflow, 1 AS outflow
      FROM spells WHERE ended
    ),
    by_month AS (
      SELECT ${monthOf("day")} AS month, municipality, benefit, sum(inflow) AS inflow, sum(outflow) AS outflow
      FROM events GROUP BY ALL
    )
    SELECT pmo.period, am.area, m.benefit, sum(m.inflow) AS inflow, sum(m.outflow) AS outflow
    FROM by_month m
    JOIN period_months pmo ON pmo.month = m.month
    JOIN periods p ON p.period = pmo.period AND p.kind IN (${periodKindList(PERIOD_KINDS)})
    JOIN area_map am ON am.municipality = m.municipality
    GROUP BY ALL`,
};
