// `outcomes`: what became of the spells that ended in a period, 3, 6 and 12 months later (CONTRACT.md
// §5, §6). A horizon not yet reached by the data month is published as "-" in every measure.
import { quoteIdentifier, quoteLiteral } from "../../store/sql.ts";
import { areaDimension, benefitDimension, periodDimension, TOTAL } from "../dimensions.ts";
import { codeValues, exitStatusCtes, monthOf, periodKindList } from "../spell-fragments.ts";
import type { DimensionDef, TableDef } from "./types.ts";

const PERIOD_KINDS = ["month", "quarter", "year"] as const;

/** Horizons in months after the month of the spell's last day. */
const HORIZONS: readonly [string, number][] = [
  ["3m", 3],
  ["6m", 6],
  ["12m", 12],
];

export const horizonDimension: DimensionDef = {
  id: "horizon",
  kind: "code",
  label: { da: "Tid efter afgang", en: "Time after exit" },
  // The horizons are not added up (the same exits three times): `total` exists because every
  // breakdown has one (§5), and it is "-" in every cell.
  codes: [
    { code: "3m", label: { da: "3 måneder efter", en: "3 months after" } },
    { code: "6m", label: { da: "6 måneder efter", en: "6 months after" } },
    { code: "12m", label: { da: "12 måneder efter", en: "12 months after" } },
    TOTAL,
  ],
};

// The contract (§5) calls this dimension `status`, but every published row already has a `status`
// column (ordinary, `..`, `-`) right after `value`, in the release files and the CSV (§5): a dimension
// of that name would collide with it. Hence the id `outcome`, with the contract's codes.
export const statusDimension: DimensionDef = {
  id: "outcome",
  kind: "code",
  label: { da: "Status", en: "Status" },
  codes: [
    TOTAL,
    { code: "job", label: { da: "I job", en: "In work" } },
    { code: "uddannelse", label: { da: "I uddannelse", en: "In education" } },
    { code: "samme_ydelse", label: { da: "På samme ydelse", en: "On the same benefit" } },
    { code: "anden_ydelse", label: { da: "På anden ydelse", en: "On another benefit" } },
    { code: "oevrige", label: { da: "Øvrige", en: "Other" } },
  ],
};

const STATUSES = (statusDimension.codes ?? []).map((c) => c.code).filter((code) => code !== "total");
const column = (code: string): string => quoteIdentifier(`n_${code}`);
const statusCounts = STATUSES.map(
  (code) => `count(*) FILTER (WHERE status = ${quoteLiteral(code)}) AS ${column(code)}`,
).join(", ");
const statusSums = STATUSES.map((code) => `sum(${column(code)}) AS ${column(code)}`).join(", ");
const personsOfStatus = `CASE st.status WHEN 'total' THEN g.n_total ${STATUSES.map((code) => `WHEN ${quoteLiteral(code)} THEN g.${column(code)}`).join(" ")} END`;

const horizonValues = HORIZONS.map(([code, months]) => `('${code}', ${months})`).join(", ");

export const outcomes: TableDef = {
  id: "outcomes",
  title: { da: "Status efter afgang", en: "Status after exit" },
  subject: "ydelser",
  description: {
    da: "Afgange fra offentlige ydelser i perioden efter personens status 3, 6 og 12 måneder senere.",
    en: "Exits from public benefits in the period by the person's status 3, 6 and 12 months later.",
  },
  periodKinds: PERIOD_KINDS,
  dimensions: [periodDimension, areaDimension, benefitDimension, horizonDimension, statusDimension],
  measures: [
    {
      id: "exits",
      label: { da: "Afgange (forløb)", en: "Exits (spells)" },
      definition: {
        da: "Forløb, der sluttede i perioden (før datamånedens udgang), i den kommune der havde ansvaret på forløbets sidste dag. Samme tal for hver status.",
        en: "Spells that ended in the period (before the end of the data month), in the municipality responsible on the spell's last day. The same for every status.",
      },
      unit: "count",
      decimals: 0,
      higherIsBetter: null,
      whenEmpty: "not_applicable",
    },
    {
      id: "persons",
      label: { da: "Personer", en: "Persons" },
      definition: {
        da: "Afgange, hvor personen har status i den kalendermåned, der ligger 3, 6 eller 12 måneder efter måneden for forløbets sidste dag.",
        en: "Exits whose person has the status in the calendar month 3, 6 or 12 months after the month of the spell's last day.",
      },
      unit: "persons",
      decimals: 0,
      higherIsBetter: null,
      whenEmpty: "not_applicable",
    },
    {
      id: "share",
      label: { da: "Andel af afgangene (pct.)", en: "Share of the exits (%)" },
      definition: {
        da: "Personer ÷ afgange × 100.",
        en: "Persons ÷ exits × 100.",
      },
      unit: "percent",
      decimals: 1,
      higherIsBetter: null,
      whenEmpty: "not_applicable",
    },
  ],
  // Both are counts of people: with exits of 1–4 the statuses of a handful of people could be read
  // from the zeros beside them (3 exits, 0 in work), so a small `exits` protects its cells too.
  primaryCounts: ["exits", "persons"],
  footnotes: [
    {
      da: "Status i måneden: på samme ydelse (mindst én dag; for ydelser i alt: enhver ydelse), ellers på anden ydelse, ellers i job (mindst 80 betalte timer i måneden), ellers i uddannelse (indskrevet mindst én dag), ellers øvrige.",
      en: "Status in the month: on the same benefit (at least one day; for all benefits: any benefit), else on another benefit, else in work (at least 80 paid hours in the month), else in education (enrolled on at least one day), else other.",
    },
    {
      da: "En horisont, der ligger efter datamåneden for periodens sidste måned, er endnu ikke kendt og vises som -. Horisonterne lægges ikke sammen: I alt vises som -.",
      en: "A horizon after the data month for the period's last month is not yet known and shown as -. Horizons are not added up: Total is shown as -.",
    },
    {
      da: "En person, der afgår flere gange i perioden, tælles ved hver afgang.",
      en: "A person who exits more than once in the period is counted at each exit.",
    },
  ],
  disclosure: {
    periods: "flow",
    relations: {
      exits: { period: "sum", area: "sum", benefit: "subsum", horizon: "none", outcome: "none" },
      persons: { period: "sum", area: "sum", benefit: "none", horizon: "none", outcome: "sum" },
    },
    ratios: { share: "exits" },
  },
  // Unknown horizons must be "-" in all three measures, but compile-table turns an empty count into
  // 0; so every measure is `not_applicable` when empty and this SQL returns every known cell itself,
  // zeros included (the grid of known period × horizon by every area, benefit and status). Counts are
  // kept one column per status until the end, so the grid is joined once, not once per status.
  sql: `
    WITH hz AS (SELECT * FROM (VALUES ${horizonValues}) AS t(horizon, months)),
    data_month AS (SELECT ${monthOf("max(last_day)")} AS month FROM periods),
    known AS (
      SELECT p.period, hz.horizon FROM periods p, hz, data_month dm
      WHERE p.kind IN (${periodKindList(PERIOD_KINDS)})
        AND ${monthOf("p.last_day")} + to_months(hz.months) <= dm.month
    ),
    exits AS (
      SELECT s.person_id, s.benefit, s.end_municipality AS municipality, ${monthOf('s."end"')} AS end_month,
        hz.horizon, CAST(${monthOf('s."end"')} + to_months(hz.months) AS DATE) AS month
      FROM spells s, hz, data_month dm
      WHERE s.ended AND s."end" >= (SELECT min(first_day) FROM periods)
        AND ${monthOf('s."end"')} + to_months(hz.months) <= dm.month
    ),
    ${exitStatusCtes("exits", "classified")},
    by_month AS (
      SELECT end_month, municipality, benefit, horizon, count(*) AS n_total, ${statusCounts}
      FROM classified GROUP BY ALL
    ),
    wide AS (
      SELECT k.period, am.area, c.benefit, c.horizon, sum(c.n_total) AS n_total, ${statusSums}
      FROM by_month c
      JOIN period_months pmo ON pmo.month = c.end_month
      JOIN known k ON k.period = pmo.period AND k.horizon = c.horizon
      JOIN area_map am ON am.municipality = c.municipality
      GROUP BY ALL
    ),
    grid AS (
      SELECT k.period, a.area, b.benefit, k.horizon, w.* EXCLUDE (period, area, benefit, horizon)
      FROM known k CROSS JOIN areas a CROSS JOIN ${codeValues(benefitDimension, "b", "benefit")}
      LEFT JOIN wide w ON w.period = k.period AND w.area = a.area AND w.benefit = b.benefit
        AND w.horizon = k.horizon
    ),
    cells AS (
      SELECT g.period, g.area, g.benefit, g.horizon, st.status, coalesce(g.n_total, 0) AS exits,
        coalesce(${personsOfStatus}, 0) AS persons
      FROM grid g CROSS JOIN ${codeValues(statusDimension, "st", "status")}
    )
    SELECT period, area, benefit, horizon, status AS ${quoteIdentifier(statusDimension.id)}, exits, persons,
      CASE WHEN exits > 0 THEN 100.0 * persons / exits END AS share
    FROM cells`,
};
