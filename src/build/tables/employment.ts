// `employment`: persons with at least 80 paid hours in a month and paid hours, by period and area of
// the workplace; rows without a workplace count under `ukendt` and in DK (never in another area).
import { periodDimension } from "../dimensions.ts";
import { workplaceAreaDimension } from "../dimensions-extra.ts";
import { personsByArea } from "../sql-areas.ts";
import { exactSum, PUBLISHED_KINDS_SQL } from "../sql-days.ts";
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
  disclosure: {
    periods: "flow",
    relations: { persons: { period: "union", area: "union" }, hours: { period: "sum", area: "sum" } },
  },
  // Hours are additive: summed per month and place (municipality or `ukendt`), then over areas. For
  // persons, a person-month with hours at one place qualifies there (and in every area containing it)
  // when the hours reach 80; a person-month split over several places qualifies in each area where the
  // hours summed over its places reach 80. Distinct persons per area come from these qualifications.
  sql: `
    WITH monthly AS MATERIALIZED (
      SELECT x.person_id, date_trunc('month', x.month)::DATE AS month,
        CASE WHEN m.municipality IS NULL THEN 'ukendt' ELSE x.municipality END AS place, ${exactSum("x.hours")} AS hours
      FROM in_employment x LEFT JOIN (SELECT DISTINCT municipality FROM area_map) m ON m.municipality = x.municipality
      GROUP BY ALL
    ),
    place_areas AS (
      SELECT municipality AS place, area FROM area_map
      UNION ALL SELECT 'ukendt', 'ukendt' UNION ALL SELECT 'ukendt', 'DK'
    ),
    split AS (SELECT person_id, month FROM monthly GROUP BY ALL HAVING count(*) > 1),
    qualifying AS (
      SELECT person_id, month, place FROM monthly ANTI JOIN split USING (person_id, month)
      WHERE hours >= ${EMPLOYED_MIN_HOURS}
      UNION ALL
      SELECT * FROM (
        SELECT m.person_id, m.month, 'area:' || pa.area AS place
        FROM monthly m SEMI JOIN split USING (person_id, month) JOIN place_areas pa USING (place)
        GROUP BY ALL HAVING sum(m.hours) >= ${EMPLOYED_MIN_HOURS}
      )
    ),
    in_period AS (
      SELECT pmo.period, q.person_id, q.place
      FROM qualifying q JOIN period_months pmo ON pmo.month = q.month JOIN periods p ON p.period = pmo.period
      WHERE p.kind IN (${PUBLISHED_KINDS_SQL})
    ),
    persons AS (
      SELECT * FROM ${personsByArea(
        "in_period",
        ["period"],
        "place",
        "SELECT place, area FROM place_areas UNION ALL SELECT DISTINCT 'area:' || area, area FROM place_areas",
      )}
    ),
    hours AS (
      SELECT pmo.period, pa.area, sum(h.hours) AS hours
      FROM (SELECT month, place, sum(hours) AS hours FROM monthly GROUP BY ALL) h
      JOIN place_areas pa ON pa.place = h.place
      JOIN period_months pmo ON pmo.month = h.month
      JOIN periods p ON p.period = pmo.period
      WHERE p.kind IN (${PUBLISHED_KINDS_SQL})
      GROUP BY ALL
    )
    SELECT h.period, h.area, coalesce(x.persons, 0) AS persons, CAST(h.hours AS DOUBLE) AS hours
    FROM hours h LEFT JOIN persons x USING (period, area)`,
};
