// Distinct persons per area from microdata without repeating every person row once per area level:
// the count in an area is the number of persons with at least one place inside it, computed exactly.

/**
 * SQL relation `(groups…, area, persons)` from `source(groups…, person_id, <placeColumn>)`: per group,
 * the distinct persons with at least one place (a municipality by default) inside each area.
 *
 * Each person's places in a group form a signature (the sorted list of places); persons are counted
 * per signature and each signature is expanded to the distinct areas its places lie in, through
 * `placeAreas(place, area)` (default `area_map`). As a person has one signature per group, the sum
 * over signatures covering an area is the distinct count of the persons there — the same figure as
 * `count(DISTINCT person_id)` after joining every row to every area, at a fraction of the rows.
 */
export function personsByArea(
  source: string,
  groups: readonly string[],
  placeColumn = "municipality",
  placeAreas = "SELECT municipality AS place, area FROM area_map",
): string {
  const g = groups.join(", ");
  const cg = groups.map((k) => `c.${k}`).join(", ");
  return `(
    WITH pa_sig AS (
      SELECT ${g}, person_id, list_sort(list_distinct(list(${placeColumn}))) AS sig
      FROM ${source} GROUP BY ${g}, person_id
    ),
    pa_count AS (SELECT ${g}, sig, count(*) AS persons FROM pa_sig GROUP BY ${g}, sig),
    pa_places AS (${placeAreas}),
    pa_area AS (
      SELECT DISTINCT s.sig, pl.area
      FROM (SELECT DISTINCT sig FROM pa_count) s, unnest(s.sig) AS u(place)
      JOIN pa_places pl ON pl.place = u.place
    )
    SELECT ${cg}, a.area, sum(c.persons) AS persons
    FROM pa_count c JOIN pa_area a ON a.sig = c.sig
    GROUP BY ${cg}, a.area
  )`;
}
