// The model's inputs from the prepared build tables, aggregated in DuckDB to one row per window,
// benefit group and area: full-time persons per municipality (degree-days ÷ days, additive over
// municipalities, from `pm`), distinct persons per municipality, job centre and DK (a person under two
// municipalities of one centre counts once; from the presence masks `pmask`, as `recipients` counts), residents 16–66 per municipality, and the framework
// conditions per municipality and year (the latest delivery of a value wins). Only these small tables
// travel to JS.
import type { DuckDBConnection } from "@duckdb/node-api";
import { presentPersonsByArea } from "../build/sql-presence.ts";
import { queryRows } from "../store/query.ts";
import { quoteLiteral } from "../store/sql.ts";
import { BENEFIT_GROUPS } from "./groups.ts";

export interface WindowRow {
  readonly period: string;
  readonly days: number;
  readonly year: number;
}

export interface ModelInputs {
  readonly windows: readonly WindowRow[];
  /** period → group → municipality → full-time persons. */
  readonly fte: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, number>>>;
  /** period → group → area → distinct persons. */
  readonly persons: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, number>>>;
  /** period → municipality → residents 16–66. */
  readonly residents: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Years of the population deliveries. */
  readonly populationYears: readonly number[];
  /** year → municipality → variable → value. */
  readonly framework: ReadonlyMap<number, ReadonlyMap<string, ReadonlyMap<string, number>>>;
  /** Every variable name delivered, sorted. */
  readonly variables: readonly string[];
}

const groupBenefits = BENEFIT_GROUPS.flatMap((g) =>
  g.benefits.map((b) => `(${quoteLiteral(g.code)}, ${quoteLiteral(b)})`),
).join(", ");

function nest<K1, K2, K3, V>(map: Map<K1, Map<K2, Map<K3, V>>>, a: K1, b: K2, c: K3, v: V): void {
  const m1 = map.get(a) ?? new Map<K2, Map<K3, V>>();
  map.set(a, m1);
  const m2 = m1.get(b) ?? new Map<K3, V>();
  m1.set(b, m2);
  m2.set(c, v);
}

export async function readModelInputs(connection: DuckDBConnection): Promise<ModelInputs> {
  await connection.run(`CREATE OR REPLACE TEMP TABLE bm_group_benefit AS
    SELECT * FROM (VALUES ${groupBenefits}) AS t(benefit_group, benefit)`);
  const windows = await queryRows<WindowRow>(
    connection,
    `SELECT period, CAST(days AS INTEGER) AS days, CAST(year(last_day) AS INTEGER) AS year
     FROM periods WHERE kind = 'rolling' ORDER BY sort`,
  );
  // Degree-days add up over months and municipalities: summed from the person-months directly.
  const fteRows = await queryRows<{ period: string; grp: string; municipality: string; fte: number }>(
    connection,
    `SELECT pmo.period, g.benefit_group AS grp, m.municipality,
       CAST(sum(m.dd) AS DOUBLE) / any_value(p.days) AS fte
     FROM pm m JOIN period_months pmo ON pmo.month = m.month
     JOIN periods p ON p.period = pmo.period AND p.kind = 'rolling'
     JOIN bm_group_benefit g ON g.benefit = m.benefit
     GROUP BY ALL ORDER BY ALL`,
  );
  // Presence by month masks (prepare/presence.ts), a group's mask being the union of its benefits'.
  const personRows = await queryRows<{ period: string; grp: string; area: string; persons: number }>(
    connection,
    `WITH bm_mask AS (
       SELECT person_id, benefit, municipality, mask, count(*) OVER (PARTITION BY person_id, benefit) AS places
       FROM (
         SELECT x.person_id, g.benefit_group AS benefit, x.municipality, bit_or(x.mask) AS mask
         FROM pmask x JOIN bm_group_benefit g ON g.benefit = x.benefit GROUP BY ALL
       )
     )
     SELECT c.period, c.benefit AS grp, c.area, CAST(c.persons AS DOUBLE) AS persons
     FROM ${presentPersonsByArea("bm_mask", { kinds: ["rolling"] })} c
     JOIN areas a ON a.area = c.area AND a.level IN ('country', 'jobcentre', 'municipality')
     ORDER BY ALL`,
  );
  const residentRows = await queryRows<{ period: string; municipality: string; residents: number }>(
    connection,
    `SELECT r.period, r.area AS municipality, CAST(r.residents AS DOUBLE) AS residents
     FROM pop_16_66 r JOIN areas a ON a.area = r.area AND a.level = 'municipality'
     JOIN periods p ON p.period = r.period AND p.kind = 'rolling' ORDER BY ALL`,
  );
  const populationYears = (
    await queryRows<{ year: number }>(
      connection,
      "SELECT DISTINCT CAST(year AS INTEGER) AS year FROM pop_muni ORDER BY 1",
    )
  ).map((r) => r.year);
  const frameworkRows = await queryRows<{
    year: number;
    municipality: string;
    variable: string;
    value: number;
  }>(
    connection,
    `SELECT CAST(year AS INTEGER) AS year, municipality, variable, arg_max(value, batch * 1e9 + line) AS value
     FROM in_framework_conditions GROUP BY ALL ORDER BY ALL`,
  );

  const fte = new Map<string, Map<string, Map<string, number>>>();
  for (const r of fteRows) nest(fte, r.period, r.grp, r.municipality, r.fte);
  const persons = new Map<string, Map<string, Map<string, number>>>();
  for (const r of personRows) nest(persons, r.period, r.grp, r.area, r.persons);
  const residents = new Map<string, Map<string, number>>();
  for (const r of residentRows) {
    if (!residents.has(r.period)) residents.set(r.period, new Map());
    residents.get(r.period)?.set(r.municipality, r.residents);
  }
  const framework = new Map<number, Map<string, Map<string, number>>>();
  for (const r of frameworkRows) nest(framework, r.year, r.municipality, r.variable, r.value);
  const variables = [...new Set(frameworkRows.map((r) => r.variable))].sort();
  return { windows, fte, persons, residents, populationYears, framework, variables };
}
