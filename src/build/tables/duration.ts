// `duration`: persons in a running spell on the period's last day, by the spell's length so far in
// weeks, area and benefit (CONTRACT.md §5, §6). A stock: a quarter's or year's cell is its last day's.
import { areaDimension, benefitDimension, periodDimension, TOTAL } from "../dimensions.ts";
import { periodKindList } from "../spell-fragments.ts";
import type { CodeDef, DimensionDef, TableDef } from "./types.ts";

const PERIOD_KINDS = ["month", "quarter", "year"] as const;

/** Duration bands: [code, first day of the band (days since the spell's start + 1), da, en]. */
const BANDS: readonly [string, number, string, string][] = [
  ["0-4", 1, "Under 4 uger", "Under 4 weeks"],
  ["4-13", 4 * 7, "4 til under 13 uger", "4 to under 13 weeks"],
  ["13-26", 13 * 7, "13 til under 26 uger", "13 to under 26 weeks"],
  ["26-52", 26 * 7, "26 til under 52 uger", "26 to under 52 weeks"],
  ["52-104", 52 * 7, "52 til under 104 uger", "52 to under 104 weeks"],
  ["104+", 104 * 7, "104 uger og derover", "104 weeks or more"],
];

export const durationDimension: DimensionDef = {
  id: "duration",
  kind: "code",
  label: { da: "Varighed af forløbet", en: "Duration of the spell" },
  codes: [TOTAL, ...BANDS.map(([code, , da, en]): CodeDef => ({ code, label: { da, en } }))],
};

/** The band of a spell length in days (first day of the spell = 1): the last band it reaches. */
function bandSql(days: string): string {
  const whens = [...BANDS]
    .reverse()
    .map(([code, from]) => `WHEN ${days} >= ${from} THEN '${code}'`)
    .join(" ");
  return `CASE ${whens} END`;
}

export const duration: TableDef = {
  id: "duration",
  title: { da: "Forløbets varighed", en: "Duration of spells" },
  subject: "ydelser",
  description: {
    da: "Personer i et løbende forløb på periodens sidste dag efter forløbets varighed indtil da.",
    en: "Persons in a running spell on the period's last day by the spell's duration so far.",
  },
  periodKinds: PERIOD_KINDS,
  dimensions: [periodDimension, areaDimension, benefitDimension, durationDimension],
  measures: [
    {
      id: "persons",
      label: { da: "Personer", en: "Persons" },
      definition: {
        da: "Personer, hvis forløb med ydelsen løber på periodens sidste dag (forløbets første dag ≤ dagen ≤ forløbets sidste dag).",
        en: "Persons whose spell of the benefit is running on the period's last day (the spell's first day ≤ the day ≤ its last day).",
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
      da: "Varighed er dage fra forløbets første dag til og med periodens sidste dag, i hele uger: under 4 uger er under 28 dage, 104 uger og derover er mindst 728 dage.",
      en: "Duration is the days from the spell's first day up to and including the period's last day, in whole weeks: under 4 weeks is under 28 days, 104 weeks or more is at least 728 days.",
    },
    {
      da: "Et forløb løber også i et mellemrum på højst 28 dage mellem to perioder i forløbet. Et forløb, der ikke er slut ved datamånedens udgang, løber til dens sidste dag.",
      en: "A spell also runs in a gap of at most 28 days between two periods of the spell. A spell not over by the end of the data month runs to its last day.",
    },
    {
      da: "Område er den kommune, der havde ansvaret i forløbets seneste periode, som begyndte senest på dagen.",
      en: "Area is the municipality responsible in the spell's latest period beginning on or before the day.",
    },
  ],
  disclosure: {
    periods: "stock",
    relations: { persons: { period: "sum", area: "sum", benefit: "union", duration: "sum" } },
  },
  // Each segment of a spell holds from its start until the day before the next segment's start (its
  // gap included), the last one until the spell's end; so on any day a running spell has exactly one
  // segment and one municipality, and a person is in one band per benefit: all totals are plain sums.
  // (One window, ordered: the running max(e) at the last segment is the spell's end.)
  sql: `
    WITH seg AS (
      SELECT person_id, benefit, municipality, s, coalesce(lead(s) OVER w - 1, max(e) OVER w) AS until,
        first_value(s) OVER w AS spell_start
      FROM spell_seg
      WINDOW w AS (PARTITION BY person_id, benefit, spell_no ORDER BY s, e)
    ),
    running AS (
      SELECT p.period, seg.benefit, seg.municipality, ${bandSql("(p.last_day - seg.spell_start + 1)")} AS duration,
        count(*) AS persons
      FROM seg JOIN periods p ON p.last_day >= seg.s AND p.last_day <= seg.until
      WHERE p.kind IN (${periodKindList(PERIOD_KINDS)})
      GROUP BY ALL
    )
    SELECT r.period, am.area, r.benefit, coalesce(r.duration, 'total') AS duration, sum(r.persons) AS persons
    FROM running r JOIN area_map am ON am.municipality = r.municipality
    GROUP BY GROUPING SETS ((r.period, am.area, r.benefit, r.duration), (r.period, am.area, r.benefit))`,
};
