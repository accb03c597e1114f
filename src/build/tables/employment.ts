// `employment`: persons with at least 80 paid hours in a month and paid hours, by period and area of
// the workplace; rows without a workplace count under `ukendt` and in DK (never in another area).
import { periodDimension } from "../dimensions.ts";
import { workplaceAreaDimension } from "../dimensions-extra.ts";
import { PUBLISHED_KINDS_SQL } from "../sql-days.ts";
import type { TableDef } from "./types.ts";

/** Paid hours in one month from which a person counts as employed (as `job` in `outcomes`). */
export const EMPLOYED_MIN_HOURS = 80;

export const employment: TableDef = {
  id: "employment",
  title: { da: "Beskæftigede og betalte timer", en: "Persons employed and hours paid" },
  subject: "beskaeftigelse",
  description: {
    da: "Personer med mindst 80 betalte timer på en måned og betalte timer efter arbejdsstedets område.",
    en: "Persons with at least 80 paid hours in a month, and hours paid, by area of the workplace.",
  },
  periodKinds: ["month", "quarter", "year"],
  dimensions: [periodDimension, workplaceAreaDimension],
  measures: [
    {
      id: "persons",
      label: { da: "Beskæftigede personer", en: "Persons employed" },
      definition: {
        da: "Forskellige personer med mindst 80 betalte timer i området i mindst én af periodens måneder.",
        en: "Distinct persons with at least 80 paid hours in the area in at least one month of the period.",
      },
      unit: "persons",
      decimals: 0,
      higherIsBetter: null,
      whenEmpty: "zero",
    },
    {
      id: "hours",
      label: { da: "Betalte timer", en: "Hours paid" },
      definition: {
        da: "Summen af betalte timer i periodens måneder.",
        en: "Sum of paid hours in the months of the period.",
      },
      unit: "hours",
      decimals: 0,
      higherIsBetter: null,
      whenEmpty: "zero",
    },
  ],
  primaryCounts: ["persons"],
  footnotes: [
    {
      da: "Område er arbejdsstedets kommune; timer uden oplyst arbejdssted vises som uoplyst og tælles med i hele landet.",
      en: "Area is the municipality of the workplace; hours without a workplace are shown as unknown and count in all Denmark.",
    },
    {
      da: "En persons timer i en måned lægges sammen over alle arbejdssteder i området, før grænsen på 80 timer anvendes. Hele landet omfatter alle personens timer, så en person kan være beskæftiget i hele landet uden at være det i nogen enkelt kommune.",
      en: "A person's hours in a month are added over all workplaces in the area before the 80-hour threshold is applied. All Denmark includes all of the person's hours, so a person may be employed in all Denmark without being so in any single municipality.",
    },
  ],
  // A row is placed in its municipality's areas, or in `ukendt` and DK when its municipality is missing
  // (or not a municipality). Hours are summed per person, month and area before the threshold test.
  sql: `
    WITH located AS (
      SELECT x.person_id, date_trunc('month', x.month)::DATE AS month, coalesce(am.area, u.area) AS area, x.hours
      FROM in_employment x
      LEFT JOIN area_map am ON am.municipality = x.municipality
      LEFT JOIN (VALUES ('ukendt'), ('DK')) AS u(area) ON am.municipality IS NULL
    ),
    person_months AS (
      SELECT person_id, month, area, sum(hours) AS hours FROM located GROUP BY ALL
    )
    SELECT pmo.period, x.area,
      count(DISTINCT x.person_id) FILTER (WHERE x.hours >= ${EMPLOYED_MIN_HOURS}) AS persons,
      sum(x.hours) AS hours
    FROM person_months x
    JOIN period_months pmo ON pmo.month = x.month
    JOIN periods p ON p.period = pmo.period
    WHERE p.kind IN (${PUBLISHED_KINDS_SQL})
    GROUP BY ALL`,
};
