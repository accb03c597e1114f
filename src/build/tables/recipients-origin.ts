// `recipients-origin`: persons and full-time persons by period, area, benefit and origin (from the
// latest `persons` delivery; `ukendt` where none is known) (CONTRACT.md §5).
import { areaDimension, benefitDimension, originDimension, periodDimension } from "../dimensions.ts";
import { FTE, PERSONS } from "../measures.ts";
import { degreeDaysByArea, type PresenceBreakdown, presentPersonsByArea } from "../sql-presence.ts";
import type { TableDef } from "./types.ts";

/** Persons and degree-days by origin (one per person). */
const breakdown: PresenceBreakdown = {
  attributes: ["origin"],
  derived: { origin: "origin" },
  kinds: ["month", "quarter", "year"],
};

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
  disclosure: {
    periods: "flow",
    linkedWith: "recipients",
    relations: {
      persons: { period: "union", area: "union", benefit: "union", origin: "sum" },
      fte: { period: "mean", area: "sum", benefit: "union", origin: "sum" },
    },
  },
  // Each person has one origin, so the total over origins is an exact sum of distinct counts.
  sql: `
    WITH fine AS (
      SELECT * FROM ${presentPersonsByArea(
        "(SELECT x.*, coalesce(po.origin, 'ukendt') AS origin FROM pmask x LEFT JOIN person_origin po USING (person_id))",
        breakdown,
      )}
      FULL JOIN ${degreeDaysByArea(
        "(SELECT x.*, coalesce(po.origin, 'ukendt') AS origin FROM pm x LEFT JOIN person_origin po USING (person_id))",
        breakdown,
      )} USING (area, period, benefit, origin)
      JOIN periods USING (period)
    )
    SELECT period, area, benefit, coalesce(origin, 'total') AS origin, coalesce(sum(persons), 0) AS persons,
      coalesce(sum(dd), 0) / any_value(days) AS fte
    FROM fine
    GROUP BY GROUPING SETS ((period, area, benefit, origin), (period, area, benefit))`,
};
