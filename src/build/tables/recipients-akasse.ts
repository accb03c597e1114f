// `recipients-akasse`: persons and full-time persons on dagpenge and efterløn by period and a-kasse
// (the a-kasse of each benefit period), with the days and degrees counted as in `recipients`.
import { periodDimension } from "../dimensions.ts";
import { akasseBenefitDimension, akasseDimension } from "../dimensions-extra.ts";
import { FTE, PERSONS } from "../measures.ts";
import { daySegments, daysInPeriod, exactSum, mergeTouching, PUBLISHED_KINDS_SQL } from "../sql-days.ts";
import type { TableDef } from "./types.ts";

export const recipientsAkasse: TableDef = {
  id: "recipients-akasse",
  title: {
    da: "Modtagere af dagpenge og efterløn efter a-kasse",
    en: "Recipients of dagpenge and efterløn by a-kasse",
  },
  subject: "ydelser",
  description: {
    da: "Personer og fuldtidspersoner på dagpenge og efterløn efter a-kasse.",
    en: "Persons and full-time persons on unemployment benefit (dagpenge) and early retirement pay by a-kasse.",
  },
  periodKinds: ["month", "quarter", "year"],
  dimensions: [periodDimension, akasseDimension, akasseBenefitDimension],
  measures: [PERSONS, FTE],
  primaryCounts: ["persons"],
  footnotes: [
    {
      da: "A-kassen er den, der er angivet på ydelsesperioden. Ydelse i alt er dagpenge og efterløn tilsammen: en dag tæller én gang, og ydelsesgraderne lægges sammen med højst 1.",
      en: "The a-kasse is the one given on the benefit period. Benefit total is dagpenge and efterløn together: a day counts once, with the degrees added and capped at 1.",
    },
    {
      da: "A-kasse i alt tæller hver person og dag én gang, også ved skift af a-kasse; for dagpenge og for efterløn svarer den til hele landet i tabellen over modtagere.",
      en: "A-kasse total counts each person and day once, also when a person changes a-kasse; for dagpenge and for efterløn it equals all Denmark in the recipients table.",
    },
  ],
  disclosure: {
    periods: "flow",
    relations: {
      persons: { period: "union", akasse: "union", benefit: "union" },
      fte: { period: "mean", akasse: "union", benefit: "union" },
    },
  },
  // Rows that touch at the same degree are merged first (deliveries split periods by month), then
  // segments per person, benefit and a-kasse (each day once at the highest degree), and the totals built
  // from them: over benefits degrees are added and capped at 1, over a-kasser (one benefit) the highest
  // degree of the day is kept, as `recipients` does for one benefit. A missing a-kasse ('?') counts
  // only in the a-kasse total.
  sql: `
    WITH ak_input AS (
      SELECT person_id, benefit, coalesce(akasse, '?') AS akasse, s, e, degree
      FROM bp WHERE benefit IN ('dagpenge', 'efterloen') AND e >= (SELECT min(first_day) FROM periods)
    ),
    ak_rows AS (SELECT * FROM ${mergeTouching("ak_input", ["person_id", "benefit", "akasse", "degree"])}),
    by_akasse AS MATERIALIZED (SELECT * FROM ${daySegments("ak_rows", ["person_id", "benefit", "akasse"], "max(r.degree) AS degree")}),
    akasse_total AS (
      SELECT * FROM ${daySegments("by_akasse", ["person_id", "akasse"], "least(1, sum(r.degree)) AS degree")}
    ),
    benefit_only AS MATERIALIZED (SELECT * FROM ${daySegments("by_akasse", ["person_id", "benefit"], "max(r.degree) AS degree")}),
    both_totals AS (
      SELECT * FROM ${daySegments("benefit_only", ["person_id"], "least(1, sum(r.degree)) AS degree")}
    ),
    segments AS (
      SELECT person_id, akasse, benefit, s, e, degree FROM by_akasse
      UNION ALL SELECT person_id, akasse, 'total', s, e, degree FROM akasse_total
      UNION ALL SELECT person_id, 'total', benefit, s, e, degree FROM benefit_only
      UNION ALL SELECT person_id, 'total', 'total', s, e, degree FROM both_totals
    )
    SELECT p.period, x.akasse, x.benefit, count(DISTINCT x.person_id) AS persons,
      CAST(${exactSum(`${daysInPeriod("x.s", "x.e")} * x.degree`)} AS DOUBLE) / any_value(p.days) AS fte
    FROM segments x JOIN periods p ON p.first_day <= x.e AND p.last_day >= x.s
    WHERE p.kind IN (${PUBLISHED_KINDS_SQL})
    GROUP BY ALL`,
};
