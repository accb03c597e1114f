// Benchmark of the benchmark stage on an ingested warehouse (`--data DIR`, e.g. a copy of the scale-1
// demo set): prepares the build tables once (reported, not counted), then times fitting every benefit
// group and rolling window — the DuckDB aggregates the model reads, the model itself in JS, and the
// a-kasse part — and prints per-window counts. Baseline in the same run: one bare DuckDB aggregate of
// full-time persons per rolling window and municipality over the same prepared tables.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { readBenchmarkConfig, runBenchmarkStage } from "../src/benchmark/index.ts";
import { createInputViews, prepareBuild } from "../src/build/prepare/index.ts";
import { resolveSpan } from "../src/build/run-build.ts";
import { queryRows, withConnection } from "../src/store/index.ts";
import { flag, machine, peakRssMb, timed } from "./_util.ts";

const dataDir = flag("data", "data");
console.log(`benchmark-stage benchmark: ${dataDir}, ${machine()}`);
await withConnection(
  dataDir,
  async (c) => {
    await createInputViews(c);
    // The release's span, as `build` resolves it (declared delivery periods, at most ten years).
    const through = process.argv.includes("--through") ? flag("through", "") : undefined;
    const span = await resolveSpan(c, through);
    const t0 = Date.now();
    const prep = await timed(() =>
      prepareBuild(c, span, (s) =>
        console.log(`  [${((Date.now() - t0) / 1000).toFixed(1)} s] preparing: ${s}`),
      ),
    );
    console.log(
      `prepare ${span.firstMonth}..${span.throughMonth}: ${prep.seconds.toFixed(1)} s (setup, not counted)`,
    );

    const baseline = await timed(() =>
      queryRows<{ n: number }>(
        c,
        `SELECT CAST(count(*) AS INTEGER) AS n FROM (
           SELECT pmo.period, m.municipality, sum(m.dd) FROM pm m JOIN period_months pmo USING (month)
           JOIN periods p ON p.period = pmo.period AND p.kind = 'rolling' WHERE m.benefit = 'total' GROUP BY ALL)`,
      ),
    );
    console.log(
      `baseline: one aggregate of fte per window and municipality: ${baseline.seconds.toFixed(2)} s`,
    );

    const config = readBenchmarkConfig(dataDir);
    const stage = await timed(() => runBenchmarkStage(c, config));
    const { model, seconds } = stage.result;
    for (const w of model.windows) {
      const fits = w.fits
        .map(
          (f) =>
            `${f.group} n=${f.n} R²=${f.r2.toFixed(3)} out=${f.excluded.jobcentre.length + f.excluded.municipality.length}`,
        )
        .join("; ");
      console.log(`  ${w.period} (framework ${w.vintage.framework}): ${fits}`);
    }
    for (const s of model.skipped) console.log(`  ${s.period} skipped: ${s.reason}`);
    const [cells] = await queryRows<{ cells: number; peers: number; akasse: number }>(
      c,
      `SELECT (SELECT count(*) FROM bm_cells)::INT AS cells, (SELECT count(*) FROM bm_peers)::INT AS peers,
              (SELECT count(*) FROM bm_akasse)::INT AS akasse`,
    );
    console.log(
      `benchmark stage: ${stage.seconds.toFixed(1)} s in all (model inputs in DuckDB ${seconds.inputs.toFixed(1)} s, ` +
        `fit of ${model.windows.length} windows × ${model.windows[0]?.fits.length ?? 0} groups in JS ${seconds.fit.toFixed(2)} s, ` +
        `a-kasser ${seconds.akasse.toFixed(1)} s); ratio to baseline ${(stage.seconds / baseline.seconds).toFixed(1)}×`,
    );
    console.log(
      `rows: ${cells?.cells} benchmark cells, ${cells?.peers} peer links, ${cells?.akasse} a-kasse rows`,
    );
  },
  { memoryLimit: process.env.JOBINDBLIK_BUILD_MEMORY ?? "6GB", spillDir: join(dataDir, ".spill") },
);
rmSync(join(dataDir, ".spill"), { recursive: true, force: true });
console.log(`peak memory (this process, DuckDB included): ${peakRssMb()} MB`);
