// `interviews`: held job interviews and the share held on time, by period of the interview date,
// area, who held it and kind (CONTRACT.md §5); a-kasse interviews without a municipality count in DK.
import { areaDimension, periodDimension } from "../dimensions.ts";
import { heldByDimension, interviewKindDimension } from "../dimensions-extra.ts";
import { PUBLISHED_KINDS_SQL } from "../sql-days.ts";
import type { TableDef } from "./types.ts";

/**
 * The two counts behind the on-time share, over a relation of interviews (`date`, `due`): those with a
 * due date and those held on or before it. Shared with `benchmark-akasse`.
 */
export const ON_TIME_COUNTS = "count(due) AS with_due, count(*) FILTER (WHERE date <= due) AS on_time";

export const interviews: TableDef = {
  id: "interviews",
  title: { da: "Afholdte samtaler", en: "Interviews held" },
  subject: "indsats",
  description: {
    da: "Afholdte jobsamtaler, CV-samtaler og fællessamtaler og andelen afholdt rettidigt, efter område og afholder.",
    en: "Job, CV and joint interviews held and the share held on time, by area and who held them.",
  },
  periodKinds: ["month", "quarter", "year"],
  dimensions: [periodDimension, areaDimension, heldByDimension, interviewKindDimension],
  measures: [
    {
      id: "interviews",
      label: { da: "Samtaler", en: "Interviews" },
      definition: {
        da: "Antal afholdte samtaler med samtaledato i perioden.",
        en: "Number of interviews held with the interview date in the period.",
      },
      unit: "count",
      decimals: 0,
      higherIsBetter: null,
      whenEmpty: "zero",
    },
    {
      id: "on_time_rate",
      label: { da: "Rettidighed (pct.)", en: "Held on time (%)" },
      definition: {
        da: "Samtaler afholdt senest på fristen ÷ samtaler med en oplyst frist × 100.",
        en: "Interviews held on or before their due date ÷ interviews with a known due date × 100.",
      },
      unit: "percent",
      decimals: 1,
      higherIsBetter: true,
      whenEmpty: "not_applicable",
    },
  ],
  primaryCounts: ["interviews"],
  footnotes: [
    {
      da: "Område er samtalens kommune. A-kassesamtaler uden kommune tælles kun med i hele landet.",
      en: "Area is the municipality of the interview. A-kasse interviews without a municipality count in all Denmark only.",
    },
    {
      da: "Rettidigheden opgøres kun for samtaler med en frist; uden nogen frist vises den ikke (-).",
      en: "The on-time share covers only interviews with a due date; where none has one it is not shown (-).",
    },
  ],
  disclosure: {
    periods: "flow",
    relations: { interviews: { period: "sum", area: "sum", held_by: "sum", kind: "sum" } },
    ratios: { on_time_rate: "interviews" },
  },
  // Counts are additive, so the microdata are first counted per municipality (NULL when none), month,
  // held_by and kind; every area, period and total is an exact sum of those unrounded counts.
  sql: `
    WITH counted AS (
      SELECT municipality, date_trunc('month', date)::DATE AS month, held_by, coalesce(kind, 'job') AS kind,
        count(*) AS interviews, ${ON_TIME_COUNTS}
      FROM in_interviews
      GROUP BY ALL
    ),
    located AS (
      SELECT coalesce(am.area, 'DK') AS area, c.*
      FROM counted c LEFT JOIN area_map am ON am.municipality = c.municipality
    )
    SELECT pmo.period, x.area, coalesce(x.held_by, 'total') AS held_by, coalesce(x.kind, 'total') AS kind,
      sum(x.interviews) AS interviews,
      CASE WHEN sum(x.with_due) > 0 THEN 100.0 * sum(x.on_time) / sum(x.with_due) END AS on_time_rate
    FROM located x
    JOIN period_months pmo ON pmo.month = x.month
    JOIN periods p ON p.period = pmo.period
    WHERE p.kind IN (${PUBLISHED_KINDS_SQL})
    GROUP BY GROUPING SETS ((pmo.period, x.area, x.held_by, x.kind), (pmo.period, x.area, x.held_by),
      (pmo.period, x.area, x.kind), (pmo.period, x.area))`,
};
