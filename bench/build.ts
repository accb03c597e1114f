// Benchmark of `jobindblik build` on an ingested warehouse (`--data DIR`): a full release with time
// per table and peak memory, and as baseline in the same run one bare DuckDB query computing monthly
// `recipients` persons per municipality from the warehouse.
import { buildRelease } from "../src/build/index.ts";
import { queryValue, withConnection } from "../src/store/index.ts";
import { flag, machine, peakRssMb, timed } from "./_util.ts";

const dataDir = flag("data", "data");
console.log(`build benchmark: ${dataDir}, ${machine()}`);
const baseline = await timed(() =>
  withConnection(
    dataDir,
    (c) =>
      queryValue<number>(
        c,
        `SELECT CAST(count(*) AS INTEGER) FROM (
           SELECT m.month, f.municipality, count(DISTINCT f.person_id) AS persons
           FROM fact_benefit_periods f JOIN batches b ON b.id = f.batch AND b.status = 'active',
             LATERAL (SELECT unnest(generate_series(date_trunc('month', f.start),
               date_trunc('month', coalesce(f."end", DATE '2025-12-31')), INTERVAL 1 MONTH)) AS month) m
           WHERE m.month >= DATE '2023-01-01'
           GROUP BY ALL)`,
      ),
    { memoryLimit: "6GB" },
  ),
);
console.log(`baseline query:  ${baseline.seconds.toFixed(1)} s (${baseline.result} municipality-months)`);
const t0 = Date.now();
const result = await buildRelease({
  dataDir,
  force: true,
  onStep: (s) => console.log(`  [${((Date.now() - t0) / 1000).toFixed(1)} s] ${s}`),
});
for (const [table, seconds] of Object.entries(result.tableSeconds))
  console.log(`  ${table.padEnd(24)} ${seconds.toFixed(1)} s`);
console.log(
  `release ${result.release.release}: ${result.seconds.toFixed(1)} s in all; ratio to baseline ${(result.seconds / baseline.seconds).toFixed(1)}×`,
);
console.log(`peak memory (this process, DuckDB included): ${peakRssMb()} MB`);
