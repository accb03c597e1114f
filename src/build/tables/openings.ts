// `openings`: posted job openings and their positions by period of posting, workplace area and
// occupation (DISCO-08 major group = the code's first digit) (CONTRACT.md §5).
import { areaDimension, periodDimension } from "../dimensions.ts";
import { occupationDimension } from "../dimensions-extra.ts";
import { PUBLISHED_KINDS_SQL } from "../sql-days.ts";
import type { TableDef } from "./types.ts";

export const openings: TableDef = {
  id: "openings",
  title: { da: "Opslåede job", en: "Job openings posted" },
  subject: "jobopslag",
  description: {
    da: "Opslåede stillingsopslag og antal stillinger efter arbejdsstedets område og stillingens hovedgruppe.",
    en: "Job openings posted and their number of positions by area of the workplace and occupation.",
  },
  periodKinds: ["month", "quarter", "year"],
  dimensions: [periodDimension, areaDimension, occupationDimension],
  measures: [
    {
      id: "openings",
      label: { da: "Jobopslag", en: "Openings" },
      definition: {
        da: "Antal stillingsopslag med opslagsdato i perioden.",
        en: "Number of job openings posted in the period.",
      },
      unit: "count",
      decimals: 0,
      higherIsBetter: true,
      whenEmpty: "zero",
    },
    {
      id: "positions",
      label: { da: "Stillinger", en: "Positions" },
      definition: {
        da: "Antal stillinger i opslagene (1, hvor intet er oplyst).",
        en: "Number of positions in the openings (1 where none is given).",
      },
      unit: "count",
      decimals: 0,
      higherIsBetter: true,
      whenEmpty: "zero",
    },
  ],
  // Openings are not persons, but an area and occupation with 1–4 openings may point out a single
  // employer's hiring; the opening count is therefore the count that makes a cell sensitive.
  primaryCounts: ["openings"],
  footnotes: [
    {
      da: "Område er arbejdsstedets kommune. Stillingen grupperes efter første ciffer i DISCO-08-koden.",
      en: "Area is the municipality of the workplace. The occupation is grouped by the first digit of its DISCO-08 code.",
    },
  ],
  disclosure: {
    periods: "flow",
    relations: {
      openings: { period: "sum", area: "sum", occupation: "sum" },
      positions: { period: "sum", area: "sum", occupation: "sum" },
    },
  },
  // Counts and sums are additive, so the openings are first counted per municipality, month and major
  // group; every area, period and total is an exact sum of those unrounded figures.
  sql: `
    WITH counted AS (
      SELECT municipality, date_trunc('month', posted)::DATE AS month, left(occupation, 1) AS occupation,
        count(*) AS openings, sum(coalesce(positions, 1)) AS positions
      FROM in_job_openings
      GROUP BY ALL
    )
    SELECT pmo.period, am.area, coalesce(c.occupation, 'total') AS occupation,
      sum(c.openings) AS openings, sum(c.positions) AS positions
    FROM counted c
    JOIN area_map am ON am.municipality = c.municipality
    JOIN period_months pmo ON pmo.month = c.month
    JOIN periods p ON p.period = pmo.period
    WHERE p.kind IN (${PUBLISHED_KINDS_SQL})
    GROUP BY GROUPING SETS ((pmo.period, am.area, c.occupation), (pmo.period, am.area))`,
};
