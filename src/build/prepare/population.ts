// Residents aged 16–66 per area and period, the denominator of `share_pop` (CONTRACT.md §6): from
// `population` for the period's year (the year of its last day), or the latest year delivered when
// that year is missing; regions and DK are sums of their municipalities. Output: `pop_16_66(area,
// period, residents)`.
import type { DuckDBConnection } from "@duckdb/node-api";
import { ageBandRange, POPULATION_AGE_BANDS } from "../../reference/codes.ts";

/** The population bands that lie wholly within ages 16–66. */
const WORKING_AGE_BANDS = POPULATION_AGE_BANDS.filter((band) => {
  const range = ageBandRange(band);
  return range !== undefined && range[0] >= 16 && range[1] <= 66;
});

export async function createPopulation(connection: DuckDBConnection): Promise<void> {
  const bands = WORKING_AGE_BANDS.map((b) => `'${b}'`).join(", ");
  await connection.run(`CREATE OR REPLACE TEMP TABLE pop_muni AS
    SELECT municipality, year, sum(count) AS residents
    FROM in_population
    WHERE (TRY_CAST(age AS INTEGER) BETWEEN 16 AND 66) OR age IN (${bands})
    GROUP BY municipality, year`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE pop_16_66 AS
    WITH years AS (SELECT DISTINCT year FROM pop_muni),
    used AS (
      SELECT p.period,
        CASE WHEN year(p.last_day) IN (SELECT year FROM years) THEN year(p.last_day)
             ELSE (SELECT max(year) FROM years) END AS year
      FROM periods p
    )
    SELECT u.period, am.area, sum(pm.residents) AS residents
    FROM used u JOIN pop_muni pm ON pm.year = u.year JOIN area_map am ON am.municipality = pm.municipality
    GROUP BY u.period, am.area`);
}
