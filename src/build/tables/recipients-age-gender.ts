// `recipients-age-gender`: persons and full-time persons by period, area, benefit, age on the
// period's last day and gender (CONTRACT.md §5, §6).
import {
  ageDimension,
  areaDimension,
  benefitDimension,
  genderDimension,
  periodDimension,
} from "../dimensions.ts";
import { FTE, PERSONS } from "../measures.ts";
import {
  ageBandKeyOnPeriodEnd,
  ageBandOfKey,
  degreeDaysByArea,
  type PresenceBreakdown,
  presentPersonsByArea,
} from "../sql-presence.ts";
import type { TableDef } from "./types.ts";

/** Persons and degree-days by gender and by age band on the period's last day. */
const breakdown: PresenceBreakdown = {
  attributes: ["gender", "birth_ym", "born_feb29"],
  derived: { age_key: ageBandKeyOnPeriodEnd("birth_ym", "born_feb29"), gender: "gender" },
  kinds: ["month", "quarter", "year"],
};

export const recipientsAgeGender: TableDef = {
  id: "recipients-age-gender",
  title: { da: "Modtagere efter alder og køn", en: "Recipients by age and gender" },
  subject: "ydelser",
  description: {
    da: "Personer og fuldtidspersoner på offentlige ydelser efter alder (på periodens sidste dag) og køn.",
    en: "Persons and full-time persons on public benefits by age (on the period's last day) and gender.",
  },
  periodKinds: ["month", "quarter", "year"],
  dimensions: [periodDimension, areaDimension, benefitDimension, ageDimension, genderDimension],
  measures: [PERSONS, FTE],
  primaryCounts: ["persons"],
  footnotes: [
    {
      da: "Alder opgøres på periodens sidste dag. Personer under 16 år tælles i gruppen 0-15 år.",
      en: "Age is taken on the period's last day. Persons under 16 are counted in the band 0-15.",
    },
  ],
  disclosure: {
    periods: "flow",
    linkedWith: "recipients",
    periodEnd: ["age"],
    relations: {
      persons: { period: "union", area: "union", benefit: "union", age: "sum", gender: "sum" },
      fte: { period: "mean", area: "sum", benefit: "union", age: "sum", gender: "sum" },
    },
  },
  // Every person has exactly one age band and one gender in a period, so the totals over age and
  // gender are exact sums of the finest cells' distinct counts (no person is counted twice).
  sql: `
    WITH fine AS (
      SELECT * FROM ${presentPersonsByArea(
        "(SELECT x.*, pa.gender, pa.birth_ym, pa.born_feb29 FROM pmask x JOIN person_attr pa USING (person_id))",
        breakdown,
      )}
      FULL JOIN ${degreeDaysByArea(
        "(SELECT x.*, pa.gender, pa.birth_ym, pa.born_feb29 FROM pm x JOIN person_attr pa USING (person_id))",
        breakdown,
      )} USING (area, period, benefit, age_key, gender)
      JOIN periods USING (period)
    )
    SELECT period, area, benefit, coalesce(${ageBandOfKey("age_key")}, 'total') AS age, coalesce(gender, 'total') AS gender,
      coalesce(sum(persons), 0) AS persons, coalesce(sum(dd), 0) / any_value(days) AS fte
    FROM fine
    GROUP BY GROUPING SETS ((period, area, benefit, age_key, gender), (period, area, benefit, age_key),
      (period, area, benefit, gender), (period, area, benefit))`,
};
