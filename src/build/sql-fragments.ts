// SQL fragments several tables share, so a definition (age on a day, age band) is written once.

/** Whole years of age on `day` for a birth date; someone born 29 February has the birthday 1 March. */
export function ageOn(birth: string, day: string): string {
  return `(year(${day}) - year(${birth}) - CASE WHEN strftime(${day}, '%m%d') < strftime(${birth}, '%m%d') THEN 1 ELSE 0 END)`;
}

/** The publication age band of an age expression: 0-15, 16-19, 20-24, …, 60-64, 65+. */
export function ageBand(age: string): string {
  return `CASE WHEN ${age} < 16 THEN '0-15' WHEN ${age} < 20 THEN '16-19' WHEN ${age} >= 65 THEN '65+'
    ELSE CAST(${age} // 5 * 5 AS VARCHAR) || '-' || CAST(${age} // 5 * 5 + 4 AS VARCHAR) END`;
}

/**
 * Distinct persons per area and `keys`, from `source`: a relation with one row per (person_id,
 * municipality, keys…). `count(DISTINCT …)` over the area join is the slowest query of a build, so
 * persons under a single municipality (almost all) are counted per municipality and rolled up, and
 * only the few under several municipalities (movers) are counted distinctly — the two sets of persons
 * are disjoint, so the sum is exact. Returns a SELECT with columns `area`, keys…, `persons`.
 */
export function distinctPersonsByArea(source: string, keys: readonly string[]): string {
  const k = keys.join(", ");
  return `
    WITH g AS (
      SELECT person_id, ${k}, count(*) AS n_muni, any_value(municipality) AS municipality
      FROM ${source} GROUP BY person_id, ${k}
    ),
    single AS (SELECT municipality, ${k}, count(*) AS persons FROM g WHERE n_muni = 1 GROUP BY ALL),
    multi AS (
      SELECT DISTINCT am.area, ${keys.map((x) => `src.${x}`).join(", ")}, src.person_id
      FROM ${source} src
      SEMI JOIN (SELECT person_id, ${k} FROM g WHERE n_muni > 1) movers USING (person_id, ${k})
      JOIN area_map am ON am.municipality = src.municipality
    )
    SELECT area, ${k}, sum(persons) AS persons FROM (
      SELECT am.area, ${keys.map((x) => `single.${x}`).join(", ")}, single.persons
      FROM single JOIN area_map am ON am.municipality = single.municipality
      UNION ALL SELECT area, ${k}, count(*) AS persons FROM multi GROUP BY ALL
    ) GROUP BY ALL`;
}

/** Sum of an additive measure per area and `keys` from a relation with a municipality column. */
export function sumByArea(
  source: string,
  keys: readonly string[],
  expression: string,
  alias: string,
): string {
  return `SELECT am.area, ${keys.map((x) => `s.${x}`).join(", ")}, sum(${expression}) AS ${alias}
    FROM ${source} s JOIN area_map am ON am.municipality = s.municipality GROUP BY ALL`;
}
