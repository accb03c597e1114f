// `recipients-origin`: persons and full-time persons by period, area, benefit and origin (from the
// latest `persons` delivery; `ukendt` where none is known) (CONTRACT.md §5).
import { areaDimension, benefitDimension, originDimension, periodDimension } from "../dimensions.ts";
import { FTE, PERSONS } from "../measures.ts";
import { distinctPersonsByArea, sumByArea } from "../sql-fragments.ts";
import type { TableDef } from "./types.ts";

export const recipientsOrigin: TableDef = {
  id: "recipients-origin",
  title: { da: "Modtagere efter herkomst", en: "Recipients by origin" },
  subject: "ydelser",
  description: {
    da: "Personer og fuldtidspersoner på offentlige ydelser efter herkomst.",
    en: "Persons and full-time persons on public benefits by origin.",
  },
  periodKinds: ["month", "quarter", "year"],
  dimensions: [periodDimension, areaDimension, benefitDimension, originDimension],
  measures: [PERSONS, FTE],
  primaryCounts: ["persons"],
  footnotes: [
    {
      da: "Herkomst fra seneste levering af personoplysninger; uoplyst hvis ingen findes.",
      en: "Origin from the latest delivery of person data; unknown where there is none.",
    },
  ],
  // Each person has one origin, so the total over origins is an exact sum of distinct counts.
  sql: `
    WITH pres_src AS (
      SELECT x.person_id, x.municipality, x.period, x.benefit, coalesce(po.origin, 'ukendt') AS origin
      FROM pres x JOIN periods p USING (period) LEFT JOIN person_origin po USING (person_id)
      WHERE p.kind IN ('month', 'quarter', 'year')
    ),
    src AS (
      SELECT pp.person_id, pp.municipality, pp.period, pp.benefit, pp.dd, p.days,
        coalesce(po.origin, 'ukendt') AS origin
      FROM pp JOIN periods p USING (period) LEFT JOIN person_origin po USING (person_id)
      WHERE p.kind IN ('month', 'quarter', 'year')
    ),
    fine AS (
      SELECT * FROM (${distinctPersonsByArea("pres_src", ["period", "benefit", "origin"])})
      FULL JOIN (${sumByArea("src", ["period", "benefit", "origin"], "s.dd", "dd")}) USING (area, period, benefit, origin)
      JOIN periods USING (period)
    )
    SELECT period, area, benefit, coalesce(origin, 'total') AS origin, coalesce(sum(persons), 0) AS persons, coalesce(sum(dd), 0) / any_value(days) AS fte
    FROM fine
    GROUP BY GROUPING SETS ((period, area, benefit, origin), (period, area, benefit))`,
};
