// `education-uptake`: persons on a benefit who were enrolled in ordinary education on one of their
// benefit days in the period, by period, area (benefit municipality), benefit and education level.
import { areaDimension, benefitDimension, periodDimension } from "../dimensions.ts";
import { educationLevelDimension } from "../dimensions-extra.ts";
import { personsByArea } from "../sql-areas.ts";
import { clippedEnd, PUBLISHED_KINDS_SQL, SPAN_SQL } from "../sql-days.ts";
import type { TableDef } from "./types.ts";

export const educationUptake: TableDef = {
  id: "education-uptake",
  title: { da: "Ydelsesmodtagere i ordinær uddannelse", en: "Benefit recipients in ordinary education" },
  subject: "uddannelse",
  description: {
    da: "Personer på offentlig forsørgelse, som samtidig er indskrevet på en ordinær uddannelse, efter ydelse og uddannelsesniveau.",
    en: "Persons on public benefits who are enrolled in ordinary education at the same time, by benefit and level of education.",
  },
  periodKinds: ["month", "quarter", "year"],
  dimensions: [periodDimension, areaDimension, benefitDimension, educationLevelDimension],
  measures: [
    {
      id: "persons",
      label: { da: "Personer i uddannelse", en: "Persons in education" },
      definition: {
        da: "Forskellige personer på ydelsen i perioden, som på mindst én af deres ydelsesdage i perioden var indskrevet på en ordinær uddannelse på niveauet.",
        en: "Distinct persons on the benefit in the period who, on at least one of their benefit days in the period, were enrolled in ordinary education at the level.",
      },
      unit: "persons",
      decimals: 0,
      higherIsBetter: null,
      whenEmpty: "zero",
    },
  ],
  primaryCounts: ["persons"],
  footnotes: [
    {
      da: "Område er den kommune, der har ansvaret for ydelsen. Indskrivningen skal falde på en dag med ydelsen, ikke blot i samme periode. Indskrivninger uden slutdato regnes til udgangen af datamåneden.",
      en: "Area is the municipality responsible for the benefit. The enrolment must fall on a day with the benefit, not merely in the same period. Enrolments without an end date run to the end of the data month.",
    },
    {
      da: "En person, der er indskrevet på flere niveauer, tælles på hvert niveau og én gang i alt.",
      en: "A person enrolled at several levels counts at each level and once in the total.",
    },
  ],
  disclosure: {
    periods: "flow",
    relations: { persons: { period: "union", area: "union", benefit: "union", level: "union" } },
  },
  // A person counts in a cell when one of their benefit periods (under a municipality of the area; any
  // benefit for `total`) and one of their enrolments (at the level; any for `total`) share a day in the
  // period. Each combination is a distinct count from microdata.
  sql: `
    WITH span AS (${SPAN_SQL}),
    enrolled AS (
      SELECT x.person_id, x.level, x.start AS s, ${clippedEnd('x."end"', "span.through")} AS e
      FROM in_education x, span
      WHERE x.start <= span.through AND coalesce(x."end", span.through) >= span.first_day
    ),
    both_days AS (
      SELECT b.person_id, b.benefit, b.municipality, x.level, greatest(b.s, x.s) AS s, least(b.e, x.e) AS e
      FROM bp b JOIN enrolled x ON x.person_id = b.person_id AND x.s <= b.e AND x.e >= b.s
    ),
    keyed AS (
      SELECT p.period, d.municipality, d.person_id,
        CASE WHEN g.all_benefits THEN 'total' ELSE d.benefit END AS benefit,
        CASE WHEN l.all_levels THEN 'total' ELSE d.level END AS level
      FROM both_days d JOIN periods p ON p.first_day <= d.e AND p.last_day >= d.s,
        (VALUES (false), (true)) g(all_benefits), (VALUES (false), (true)) l(all_levels)
      WHERE p.kind IN (${PUBLISHED_KINDS_SQL})
    )
    SELECT period, area, benefit, level, persons FROM ${personsByArea("keyed", ["period", "benefit", "level"])}`,
};
