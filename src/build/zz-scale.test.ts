import { DuckDBInstance } from "@duckdb/node-api";
import { it } from "vitest";
import { MUNICIPALITY_CODES } from "../reference/municipalities.ts";
import { prepareBuild } from "./prepare/index.ts";
import { duration } from "./tables/duration.ts";
import { flows } from "./tables/flows.ts";
import { outcomes } from "./tables/outcomes.ts";

it("scale", async () => {
  const instance = await DuckDBInstance.create(":memory:", { threads: "2", memory_limit: "6GB" });
  const c = await instance.connect();
  const q = async (sql: string) => (await c.runAndReadAll(sql)).getRowObjectsJson();
  const munis = MUNICIPALITY_CODES.map((m) => `'${m}'`).join(",");
  await c.run(
    `CREATE TABLE in_population (batch INTEGER, line BIGINT, municipality VARCHAR, year BIGINT, age VARCHAR, gender VARCHAR, count BIGINT)`,
  );
  await c.run(
    `CREATE TABLE in_persons (batch INTEGER, line BIGINT, person_id INTEGER, birth_date DATE, gender VARCHAR, origin VARCHAR, education VARCHAR, residence VARCHAR)`,
  );
  await c.run(`SELECT setseed(0.42)`);
  const N = Number(process.env.N ?? 200000);
  await c.run(`CREATE TABLE in_benefit_periods AS
    WITH p AS (SELECT range::INTEGER AS person_id, [${munis}][1 + (random()*97)::INT] AS home FROM range(${N})),
    r AS (SELECT p.*, unnest(range(1 + (random()*5)::INT)) AS k FROM p)
    SELECT 1 AS batch, row_number() OVER () AS line, person_id, DATE '1980-01-01' AS birth_date, 'M' AS gender,
      ['dagpenge','kontanthjaelp','sygedagpenge','jobafklaring','fleksjob'][1 + (random()*4)::INT] AS benefit,
      CASE WHEN random() < 0.1 THEN [${munis}][1 + (random()*97)::INT] ELSE home END AS municipality, 'D86' AS akasse,
      DATE '2021-06-01' + (random()*1300)::INT AS start, NULL::DATE AS "end", 1.0 AS degree, NULL::DOUBLE AS amount_dkk
    FROM r`);
  await c.run(
    `UPDATE in_benefit_periods SET "end" = CASE WHEN random() < 0.05 THEN NULL ELSE start + (random()*200)::INT END`,
  );
  await c.run(`CREATE TABLE in_employment AS SELECT 1 AS batch, 1 AS line, (random()*${N})::INTEGER AS person_id, NULL::DATE AS birth_date, NULL AS gender,
     (DATE '2022-01-01' + to_months((random()*36)::INT))::DATE AS month, random()*160 AS hours, NULL AS municipality FROM range(${N * 4})`);
  await c.run(`CREATE TABLE in_education AS SELECT 1 AS batch, 1 AS line, (random()*${N})::INTEGER AS person_id, NULL::DATE AS birth_date, NULL AS gender,
     'lang' AS level, DATE '2021-01-01' + (random()*1400)::INT AS start, NULL::DATE AS "end" FROM range(${N / 4})`);
  await c.run(
    `UPDATE in_education SET "end" = CASE WHEN random() < 0.2 THEN NULL ELSE start + (random()*700)::INT END`,
  );
  let t = Date.now();
  await prepareBuild(c, { firstMonth: "2022M01", throughMonth: "2024M12" });
  console.log(
    "prepare",
    Date.now() - t,
    await q("SELECT count(*)::INT AS n FROM in_benefit_periods"),
    await q("SELECT count(*)::INT AS n FROM spells"),
  );
  for (const tbl of [flows, duration, outcomes]) {
    t = Date.now();
    await c.run(`CREATE TABLE r_${tbl.id} AS ${tbl.sql}`);
    console.log(tbl.id, Date.now() - t, await q(`SELECT count(*)::INT AS n FROM r_${tbl.id}`));
  }
  // duration DK total == direct count of running spells
  console.log(
    "dur-vs-direct",
    await q(`
    WITH d AS (SELECT period, benefit, persons FROM r_duration WHERE area='DK' AND duration='total'),
    x AS (SELECT p.period, s.benefit, count(*) AS n FROM spells s JOIN periods p ON s.start <= p.last_day AND p.last_day <= s."end" WHERE p.kind IN ('month','quarter','year') GROUP BY ALL)
    SELECT count(*)::INT AS cells, count(*) FILTER (WHERE coalesce(d.persons,0) <> coalesce(x.n,0))::INT AS bad FROM d FULL JOIN x USING (period, benefit)`),
  );
  // duration per municipality == naive latest segment
  console.log(
    "dur-muni-vs-naive",
    await q(`
    WITH d AS (SELECT period, area, benefit, persons FROM r_duration WHERE duration='total' AND area IN (SELECT municipality FROM area_map)),
    x AS (SELECT period, muni AS area, benefit, count(*) AS n FROM (
      SELECT p.period, s.person_id, s.benefit, arg_max(g.municipality, g.s) AS muni
      FROM spells s JOIN periods p ON s.start <= p.last_day AND p.last_day <= s."end"
      JOIN spell_seg g ON g.person_id = s.person_id AND g.benefit = s.benefit AND g.spell_no = s.spell_no AND g.s <= p.last_day
      WHERE p.kind IN ('month','quarter','year') GROUP BY ALL) GROUP BY ALL)
    SELECT count(*)::INT AS cells, count(*) FILTER (WHERE coalesce(d.persons,0) <> coalesce(x.n,0))::INT AS bad FROM d FULL JOIN x USING (period, area, benefit)`),
  );
  // bands sum to total
  console.log(
    "bands-sum",
    await q(
      `SELECT count(*)::INT AS bad FROM (SELECT period, area, benefit, sum(persons) FILTER (WHERE duration<>'total') AS s, sum(persons) FILTER (WHERE duration='total') AS t FROM r_duration GROUP BY ALL) WHERE s <> t`,
    ),
  );
  // outcomes: statuses sum to exits; exits == flows outflow
  console.log(
    "status-sum",
    await q(
      `SELECT count(*)::INT AS bad FROM (SELECT period, area, benefit, horizon, sum(persons) FILTER (WHERE outcome<>'total') AS s, any_value(exits) AS e, min(exits) AS e2, max(exits) AS e3 FROM r_outcomes GROUP BY ALL) WHERE s <> e OR e2 <> e3`,
    ),
  );
  console.log(
    "exits-vs-outflow",
    await q(
      `SELECT count(*)::INT AS cells, count(*) FILTER (WHERE o.exits <> coalesce(f.outflow, 0))::INT AS bad FROM r_outcomes o LEFT JOIN r_flows f USING (period, area, benefit) WHERE o.outcome='total'`,
    ),
  );
  console.log(
    "known",
    await q(
      `SELECT horizon, min(period) AS a, max(period) AS b, count(DISTINCT period)::INT AS n FROM r_outcomes GROUP BY ALL ORDER BY ALL`,
    ),
  );
  console.log(
    "dist",
    await q(
      `SELECT outcome, horizon, sum(persons)::INT AS n FROM r_outcomes WHERE area='DK' AND benefit='total' AND period LIKE '2023M%' GROUP BY ALL ORDER BY ALL`,
    ),
  );
  console.log(
    "flowsDK",
    await q(
      `SELECT period, inflow::INT AS i, outflow::INT AS o FROM r_flows WHERE area='DK' AND benefit='total' AND period IN ('2022M01','2023M06','2024M12','2023') ORDER BY ALL`,
    ),
  );
}, 1800000);
