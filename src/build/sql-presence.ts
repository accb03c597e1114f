// Distinct persons and degree-days per period and area, computed from the month masks of
// prepare/presence.ts and the person-months `pm`, without a person × period table.
//
// Persons: persons with the same benefit, municipality, month mask and attributes (gender, birth
// month, origin …) are counted once as a group; each group meets every period its mask intersects.
// Persons under one municipality in the whole span (almost all) are rolled up from municipalities
// to areas by a sum, which is exact because they lie in one municipality; the few under several
// municipalities get one mask per area (the union of their municipalities' masks there), so each is
// still counted once per area. The two sets of persons are disjoint, so the total is exact.

/** Lower bound of the publication age band (15 stands for 0-15) of an integer age expression. */
function ageBandKey(age: string): string {
  return `CASE WHEN ${age} < 16 THEN 15 WHEN ${age} < 20 THEN 16 WHEN ${age} >= 65 THEN 65 ELSE ${age} // 5 * 5 END`;
}

/**
 * Age band key on the period's last day (`p.last_ym`, `p.last_feb28` of `period_bits`) of a person
 * born in month `birthYm` (year × 12 + month − 1). Periods end on a month's last day, so the
 * birthday has passed exactly when the birth month is not later — except for someone born on
 * 29 February, whose birthday is 1 March (CONTRACT.md §6) and so has not passed on 28 February.
 */
export function ageBandKeyOnPeriodEnd(birthYm: string, bornFeb29: string, p = "p"): string {
  const age = `((${p}.last_ym - ${birthYm}) // 12 - CASE WHEN ${bornFeb29} AND ${p}.last_feb28 THEN 1 ELSE 0 END)`;
  return ageBandKey(age);
}

/** The published age band code (`0-15`, `16-19`, … `65+`) of a band key. */
export function ageBandOfKey(key: string): string {
  return `CASE WHEN ${key} = 15 THEN '0-15' WHEN ${key} = 16 THEN '16-19' WHEN ${key} = 65 THEN '65+'
    ELSE CAST(${key} AS VARCHAR) || '-' || CAST(${key} + 4 AS VARCHAR) END`;
}

export interface PresenceBreakdown {
  /** Person-level columns of the source, constant for a person (e.g. `gender`, `birth_ym`). */
  readonly attributes?: readonly string[];
  /** Columns computed where a group meets a period: alias → SQL over the attributes and `p.` (period_bits). */
  readonly derived?: Readonly<Record<string, string>>;
  /** Period kinds counted (default: all). */
  readonly kinds?: readonly string[];
}

function kindFilter(kinds: readonly string[] | undefined): string {
  return kinds ? `WHERE kind IN (${kinds.map((k) => `'${k}'`).join(", ")})` : "";
}

/**
 * Distinct persons `(period, area, benefit, <derived…>, persons)` from `source`, a relation with one
 * row per person × benefit × municipality: `person_id, benefit, municipality, mask, places` plus the
 * attribute columns (see prepare/presence.ts `pmask`).
 */
export function presentPersonsByArea(source: string, breakdown: PresenceBreakdown = {}): string {
  const attrs = breakdown.attributes ?? [];
  const derived = Object.entries(breakdown.derived ?? {});
  const attrCols = attrs.map((a) => `, ${a}`).join("");
  const derivedSelect = derived.map(([alias, sql]) => `, ${sql} AS ${alias}`).join("");
  const derivedCols = derived.map(([alias]) => `, ${alias}`).join("");
  const expand = (groups: string): string => `
    SELECT p.period, g.benefit, g.place${derivedSelect}, sum(g.n) AS persons
    FROM ${groups} g JOIN (SELECT * FROM period_bits ${kindFilter(breakdown.kinds)}) p ON (g.mask & p.bits) <> 0
    GROUP BY ALL`;
  return `(
    WITH pr_src AS (SELECT * FROM ${source}),
    pr_single AS (
      SELECT benefit, municipality AS place, mask${attrCols}, count(*) AS n
      FROM pr_src WHERE places = 1 GROUP BY ALL
    ),
    pr_mover AS (
      SELECT benefit, place, mask${attrCols}, count(*) AS n FROM (
        SELECT s.person_id, s.benefit, am.area AS place${attrs.map((a) => `, s.${a}`).join("")}, bit_or(s.mask) AS mask
        FROM pr_src s JOIN area_map am USING (municipality) WHERE s.places > 1 GROUP BY ALL
      ) GROUP BY ALL
    )
    SELECT period, area, benefit${derivedCols}, sum(persons) AS persons FROM (
      SELECT e.period, am.area, e.benefit${derived.map(([alias]) => `, e.${alias}`).join("")}, e.persons
      FROM (${expand("pr_single")}) e JOIN area_map am ON am.municipality = e.place
      UNION ALL
      SELECT period, place AS area, benefit${derivedCols}, persons FROM (${expand("pr_mover")})
    ) GROUP BY ALL
  )`;
}

/**
 * Degree-days `(period, area, benefit, <derived…>, dd)` from `source`, a relation of person-months
 * (`pm`: benefit, municipality, month, dd) plus attribute columns. Degree-days add up, so they are
 * summed per municipality and month first, then per period, then rolled up to areas.
 */
export function degreeDaysByArea(source: string, breakdown: PresenceBreakdown = {}): string {
  const attrCols = (breakdown.attributes ?? []).map((a) => `, ${a}`).join("");
  const derived = Object.entries(breakdown.derived ?? {});
  return `(
    WITH dd_month AS (
      SELECT benefit, municipality, month${attrCols}, sum(dd) AS dd FROM ${source} GROUP BY ALL
    ),
    dd_period AS (
      SELECT p.period, m.benefit, m.municipality${derived.map(([alias, sql]) => `, ${sql} AS ${alias}`).join("")}, sum(m.dd) AS dd
      FROM dd_month m JOIN period_months pmo USING (month)
      JOIN (SELECT * FROM period_bits ${kindFilter(breakdown.kinds)}) p ON p.period = pmo.period
      GROUP BY ALL
    )
    SELECT d.period, am.area, d.benefit${derived.map(([alias]) => `, d.${alias}`).join("")}, sum(d.dd) AS dd
    FROM dd_period d JOIN area_map am USING (municipality)
    GROUP BY ALL
  )`;
}
