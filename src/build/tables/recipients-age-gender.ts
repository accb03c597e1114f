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
import { ageBand, ageOn, distinctPersonsByArea, sumByArea } from "../sql-fragments.ts";
import type { TableDef } from "./types.ts";

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
  // Every person has exactly one age band and one gender in a period, so the totals over age and
  // gender are exact sums of the finest cells' distinct counts (no person is counted twice).
  sql: `
    WITH pres_src AS (
      SELECT x.person_id, x.municipality, x.period, x.benefit,
        ${ageBand(ageOn("pa.birth_date", "p.last_day"))} AS age, pa.gender
      FROM pres x JOIN periods p USING (period) JOIN person_attr pa USING (person_id)
      WHERE p.kind IN ('month', 'quarter', 'year')
    ),
    src AS (
      SELECT pp.person_id, pp.municipality, pp.period, pp.benefit, pp.dd, p.days,
        ${ageBand(ageOn("pa.birth_date", "p.last_day"))} AS age, pa.gender
      FROM pp JOIN periods p USING (period) JOIN person_attr pa USING (person_id)
      WHERE p.kind IN ('month', 'quarter', 'year')
    ),
    fine AS (
      SELECT * FROM (${distinctPersonsByArea("pres_src", ["period", "benefit", "age", "gender"])})
      FULL JOIN (${sumByArea("src", ["period", "benefit", "age", "gender"], "s.dd", "dd")}) USING (area, period, benefit, age, gender)
      JOIN periods USING (period)
    )
    SELECT period, area, benefit, coalesce(age, 'total') AS age, coalesce(gender, 'total') AS gender,
      coalesce(sum(persons), 0) AS persons, coalesce(sum(dd), 0) / any_value(days) AS fte
    FROM fine
    GROUP BY GROUPING SETS ((period, area, benefit, age, gender), (period, area, benefit, age),
      (period, area, benefit, gender), (period, area, benefit))`,
};
