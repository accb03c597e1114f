// Benefit days of each person, as the contract counts them (CONTRACT.md §6):
// - open-ended periods run to the end of the data month; nothing after it counts;
// - overlapping periods of one person and one benefit count each day once, at the highest degree;
// - for `benefit = total` a person's degrees on one day are added and capped at 1;
// - a day belongs to one municipality: the one of the covering period with the highest degree
//   (then the latest start, then the lowest code), so fte adds up across areas.
// Output: `bp` (clean periods), `person_attr`, `days_seg` (non-overlapping segments per person and
// benefit, `total` included) and `pm` (person × benefit × municipality × month: days, degree-days).
import type { DuckDBConnection } from "@duckdb/node-api";
import { quoteLiteral } from "../../store/sql.ts";

export interface DaysWindow {
  /** First day of the first published month. */
  readonly firstDay: string;
  /** Last day of the data month. */
  readonly throughDay: string;
}

/**
 * Which covering row a day's municipality comes from: the highest degree, then the latest start of
 * the delivered period (`row_start`, carried through segmenting so ties are decided the same way for
 * a benefit and for the total), then the lowest municipality code.
 */
const TIE_KEY = "r.degree * 1e9 + (r.row_start - DATE '1970-01-01') * 1e3 - CAST(r.municipality AS INTEGER)";

/** Splits overlapping rows of `source` (grouped by `keys`) into elementary segments. */
function elementarySegments(source: string, keys: string, degreeExpr: string): string {
  return `
    WITH b AS (
      SELECT DISTINCT ${keys}, d FROM (
        SELECT ${keys}, s AS d FROM ${source} UNION ALL SELECT ${keys}, e + 1 AS d FROM ${source}
      )
    ),
    seg AS (
      SELECT ${keys}, d AS s, lead(d) OVER (PARTITION BY ${keys} ORDER BY d) - 1 AS e FROM b
    )
    SELECT ${keys
      .split(",")
      .map((k) => `seg.${k.trim()}`)
      .join(", ")}, seg.s, seg.e,
      arg_max(r.municipality, ${TIE_KEY}) AS municipality,
      ${degreeExpr} AS degree,
      arg_max(r.row_start, ${TIE_KEY}) AS row_start
    FROM seg JOIN ${source} r ON ${keys
      .split(",")
      .map((k) => `r.${k.trim()} = seg.${k.trim()}`)
      .join(" AND ")} AND r.s <= seg.s AND r.e >= seg.e
    WHERE seg.e IS NOT NULL
    GROUP BY ALL`;
}

export async function createBenefitDays(connection: DuckDBConnection, window: DaysWindow): Promise<void> {
  const through = `DATE ${quoteLiteral(window.throughDay)}`;
  const first = `DATE ${quoteLiteral(window.firstDay)}`;
  await connection.run(`CREATE OR REPLACE TEMP TABLE bp AS
    SELECT person_id, benefit, municipality, akasse, start AS s, start AS row_start,
      least(coalesce("end", ${through}), ${through}) AS e,
      CAST(coalesce(degree, 1) AS DECIMAL(18, 6)) AS degree,
      CAST(coalesce(amount_dkk, 0) AS DECIMAL(18, 2)) AS amount,
      coalesce("end", ${through}) - start + 1 AS row_days
    FROM in_benefit_periods WHERE start <= ${through}`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE person_attr AS
    SELECT *, year(birth_date) * 12 + month(birth_date) - 1 AS birth_ym,
      (month(birth_date) = 2 AND day(birth_date) = 29) AS born_feb29
    FROM (
      SELECT person_id, any_value(birth_date) AS birth_date, any_value(gender) AS gender
      FROM in_benefit_periods GROUP BY person_id
    )`);

  // Per benefit: most person-benefit pairs have no overlapping rows and pass through unchanged.
  await connection.run(`CREATE OR REPLACE TEMP TABLE ov_pairs AS
    SELECT DISTINCT person_id, benefit FROM (
      SELECT person_id, benefit, s,
        max(e) OVER (PARTITION BY person_id, benefit ORDER BY s, e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_e
      FROM bp) WHERE prev_e >= s`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE bp_ov AS
    SELECT bp.* FROM bp SEMI JOIN ov_pairs USING (person_id, benefit)`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE seg_benefit AS
    SELECT person_id, benefit, s, e, municipality, degree, row_start FROM bp ANTI JOIN ov_pairs USING (person_id, benefit)
    UNION ALL SELECT * FROM (${elementarySegments("bp_ov", "person_id, benefit", "max(r.degree)")})`);

  // Total over benefits: persons on two benefits at once have their degrees added, capped at 1.
  await connection.run(`CREATE OR REPLACE TEMP TABLE ov_persons AS
    SELECT DISTINCT person_id FROM (
      SELECT person_id, s,
        max(e) OVER (PARTITION BY person_id ORDER BY s, e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_e
      FROM seg_benefit) WHERE prev_e >= s`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE seg_ov AS
    SELECT seg_benefit.* FROM seg_benefit SEMI JOIN ov_persons USING (person_id)`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE days_seg AS
    SELECT * FROM seg_benefit
    UNION ALL SELECT person_id, 'total' AS benefit, s, e, municipality, degree, row_start
      FROM seg_benefit ANTI JOIN ov_persons USING (person_id)
    UNION ALL SELECT person_id, 'total' AS benefit, s, e, municipality, degree, row_start FROM (
      ${elementarySegments("seg_ov", "person_id", "least(1, sum(r.degree))")})`);
  await connection.run(
    "DROP TABLE ov_pairs; DROP TABLE bp_ov; DROP TABLE ov_persons; DROP TABLE seg_ov; DROP TABLE seg_benefit",
  );

  // Person-months within the published span.
  await connection.run(`CREATE OR REPLACE TEMP TABLE pm AS
    WITH clipped AS (
      SELECT person_id, benefit, municipality, degree, greatest(s, ${first}) AS s, e
      FROM days_seg WHERE e >= ${first}
    ),
    months AS (
      SELECT *, unnest(generate_series(date_trunc('month', s), date_trunc('month', e), INTERVAL 1 MONTH))::DATE AS month
      FROM clipped
    )
    SELECT person_id, benefit, municipality, month,
      CAST(sum(least(e, last_day(month)) - greatest(s, month) + 1) AS INTEGER) AS days,
      sum(CAST(least(e, last_day(month)) - greatest(s, month) + 1 AS DECIMAL(18, 0)) * degree) AS dd
    FROM months GROUP BY person_id, benefit, municipality, month`);
}
