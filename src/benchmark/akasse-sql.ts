// The data-heavy half of the a-kasse benchmark, in DuckDB: per quarter and rolling 12-month window and
// per a-kasse (plus `total`, all of Denmark), the dagpenge recipients, the a-kasse's interviews with a
// due date and those on time, and its ended dagpenge spells with their length and status 3 and 6
// months later. The national recipients are all dagpenge recipients, with or without an a-kasse
// (full-time persons from the person-months `pm`, as `recipients` counts them). Every definition is
// the published tables' own: days and degrees as `recipients-akasse`, on time as `interviews`, status
// after exit as `outcomes`, spells as `flows`. It reads the prepared build tables and writes
// `bm_akasse_base`. (Fragments are imported from their modules, not from the build's index, which
// imports the build runner that calls this stage.)
import { exitStatusCtes, monthOf } from "../build/spell-fragments.ts";
import { daySegments, daysInPeriod, exactSum, mergeTouching } from "../build/sql-days.ts";
import { ON_TIME_COUNTS } from "../build/tables/interviews.ts";

/** Horizons (months after the month of the spell's last day) of the exits-to-job shares. */
export const AKASSE_HORIZONS = [3, 6] as const;

/** Period kinds of `benchmark-akasse`. */
export const AKASSE_PERIOD_KINDS = ["quarter", "rolling"] as const;

const kinds = AKASSE_PERIOD_KINDS.map((k) => `'${k}'`).join(", ");
const horizonValues = AKASSE_HORIZONS.map((h) => `(${h})`).join(", ");
const jobColumns = AKASSE_HORIZONS.map(
  (h) =>
    `CASE WHEN any_value(k.known_${h}) THEN count(*) FILTER (WHERE c.months = ${h} AND c.status = 'job') END AS job_${h}m`,
).join(", ");

/**
 * `bm_akasse_base(period, akasse, persons, fte, with_due, on_time, exits, job_3m, job_6m, median_weeks)`.
 * A missing a-kasse on a benefit period or interview counts only in `total`. A spell belongs to the
 * a-kasse of its last benefit period (the latest start on its last day, then the lowest code). `job_*`
 * is NULL for a period whose last month plus the horizon lies after the data month (not yet known).
 */
export const AKASSE_BASE_SQL = `
  CREATE OR REPLACE TEMP TABLE bm_akasse_base AS
  WITH ak_periods AS (SELECT period, first_day, last_day, days FROM periods WHERE kind IN (${kinds})),
  span AS (SELECT min(first_day) AS first_day, ${monthOf("max(last_day)")} AS data_month FROM periods),
  ak_input AS (
    SELECT person_id, coalesce(akasse, '?') AS akasse, s, e, degree
    FROM bp WHERE benefit = 'dagpenge' AND e >= (SELECT first_day FROM span)
  ),
  ak_rows AS (SELECT * FROM ${mergeTouching("ak_input", ["person_id", "akasse", "degree"])}),
  by_akasse AS (SELECT * FROM ${daySegments("ak_rows", ["person_id", "akasse"], "max(r.degree) AS degree")}),
  -- Per a-kasse and, in the same pass, distinct persons over all a-kasser (akasse NULL).
  recipients_all AS MATERIALIZED (
    SELECT p.period, x.akasse, count(DISTINCT x.person_id) AS persons,
      CAST(${exactSum(`${daysInPeriod("x.s", "x.e")} * x.degree`)} AS DOUBLE) / any_value(p.days) AS fte
    FROM by_akasse x JOIN ak_periods p ON p.first_day <= x.e AND p.last_day >= x.s
    GROUP BY GROUPING SETS ((p.period, x.akasse), (p.period))
  ),
  recipients AS (SELECT * FROM recipients_all WHERE akasse IS NOT NULL),
  national AS (
    SELECT f.period, f.fte, n.persons FROM (
      SELECT pmo.period, CAST(sum(m.dd) AS DOUBLE) / any_value(p.days) AS fte
      FROM pm m JOIN period_months pmo ON pmo.month = m.month JOIN ak_periods p ON p.period = pmo.period
      WHERE m.benefit = 'dagpenge' GROUP BY pmo.period
    ) f JOIN (SELECT period, persons FROM recipients_all WHERE akasse IS NULL) n USING (period)
  ),
  iv_rows AS (
    SELECT coalesce(akasse, '?') AS akasse, date_trunc('month', date)::DATE AS month, date, due
    FROM in_interviews WHERE held_by = 'akasse'
  ),
  iv_month AS (SELECT akasse, month, ${ON_TIME_COUNTS} FROM iv_rows GROUP BY ALL),
  iv AS (
    SELECT pmo.period, coalesce(m.akasse, 'total') AS akasse, sum(m.with_due) AS with_due, sum(m.on_time) AS on_time
    FROM iv_month m JOIN period_months pmo ON pmo.month = m.month JOIN ak_periods p ON p.period = pmo.period
    GROUP BY GROUPING SETS ((pmo.period, m.akasse), (pmo.period))
  ),
  ended AS (
    SELECT s.person_id, s.spell_no, any_value(s.start) AS start, any_value(s."end") AS "end",
      first(coalesce(b.akasse, '?') ORDER BY b.s DESC, coalesce(b.akasse, '?')) AS akasse
    FROM spells s JOIN bp b ON b.person_id = s.person_id AND b.benefit = 'dagpenge' AND b.e = s."end"
    WHERE s.benefit = 'dagpenge' AND s.ended AND s."end" >= (SELECT first_day FROM span)
    GROUP BY s.person_id, s.spell_no
  ),
  exit_months AS (
    SELECT e.*, 'dagpenge' AS benefit, ${monthOf('e."end"')} AS end_month, hz.months,
      CAST(${monthOf('e."end"')} + to_months(hz.months) AS DATE) AS month
    FROM ended e, (VALUES ${horizonValues}) AS hz(months), span
    WHERE ${monthOf('e."end"')} + to_months(hz.months) <= span.data_month
  ),
  ${exitStatusCtes("exit_months", "classified")},
  known AS (
    SELECT p.period, ${AKASSE_HORIZONS.map((h) => `${monthOf("p.last_day")} + to_months(${h}) <= span.data_month AS known_${h}`).join(", ")}
    FROM ak_periods p, span
  ),
  spell_stats AS (
    SELECT pmo.period, coalesce(e.akasse, 'total') AS akasse, count(*) AS exits,
      median((e."end" - e.start + 1) / 7.0) AS median_weeks
    FROM ended e JOIN period_months pmo ON pmo.month = ${monthOf('e."end"')} JOIN ak_periods p ON p.period = pmo.period
    GROUP BY GROUPING SETS ((pmo.period, e.akasse), (pmo.period))
  ),
  jobs AS (
    SELECT pmo.period, coalesce(c.akasse, 'total') AS akasse, ${jobColumns}
    FROM classified c JOIN period_months pmo ON pmo.month = c.end_month JOIN known k ON k.period = pmo.period
    GROUP BY GROUPING SETS ((pmo.period, c.akasse), (pmo.period))
  ),
  keys AS (
    SELECT period, akasse FROM recipients UNION SELECT period, 'total' FROM national
    UNION SELECT period, akasse FROM iv UNION SELECT period, akasse FROM spell_stats
  )
  SELECT k.period, k.akasse,
    coalesce(CASE WHEN k.akasse = 'total' THEN n.persons ELSE r.persons END, 0)::DOUBLE AS persons,
    coalesce(CASE WHEN k.akasse = 'total' THEN n.fte ELSE r.fte END, 0)::DOUBLE AS fte,
    coalesce(iv.with_due, 0)::DOUBLE AS with_due, coalesce(iv.on_time, 0)::DOUBLE AS on_time,
    coalesce(st.exits, 0)::DOUBLE AS exits, st.median_weeks::DOUBLE AS median_weeks,
    ${AKASSE_HORIZONS.map((h) => `CASE WHEN kn.known_${h} THEN coalesce(j.job_${h}m, 0) END::DOUBLE AS job_${h}m`).join(", ")}
  FROM keys k
  JOIN known kn ON kn.period = k.period
  LEFT JOIN recipients r ON r.period = k.period AND r.akasse = k.akasse
  LEFT JOIN national n ON n.period = k.period AND k.akasse = 'total'
  LEFT JOIN iv ON iv.period = k.period AND iv.akasse = k.akasse
  LEFT JOIN spell_stats st ON st.period = k.period AND st.akasse = k.akasse
  LEFT JOIN jobs j ON j.period = k.period AND j.akasse = k.akasse
  WHERE k.akasse <> '?'`;
