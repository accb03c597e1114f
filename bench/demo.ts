// Benchmark of `jobindblik demo`: generates a delivery set (default scale 1, 2023-01..2025-12) and
// prints rows, seconds, rows/s and peak memory. Baseline in the same run: writing the same number
// of bytes of fixed text to one file, the floor any generator pays for output.
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateDemo } from "../src/demo/index.ts";
import { flag, machine, peakRssMb, timed } from "./_util.ts";

const scale = Number(flag("scale", "1"));
const [fy, fm] = flag("from", "2023-01").split("-").map(Number);
const [ty, tm] = flag("to", "2025-12").split("-").map(Number);
const out = mkdtempSync(join(tmpdir(), "jobindblik-bench-demo-"));
try {
  console.log(`demo benchmark: scale ${scale}, ${machine()}`);
  const { result, seconds } = await timed(() =>
    generateDemo({
      scale,
      from: { year: fy ?? 2023, month: fm ?? 1 },
      to: { year: ty ?? 2025, month: tm ?? 12 },
      seed: 1,
      dirty: 0,
      outDir: out,
      onProgress: (done, total) => process.stderr.write(`\r${done}/${total} municipalities`),
    }),
  );
  process.stderr.write("\n");
  const bytes = result.manifest.files.reduce((a, f) => a + statSync(join(out, f.path)).size, 0);
  const peak = peakRssMb();
  const line = "x".repeat(63);
  const chunk = `${line}\n`.repeat(16_384);
  const baselineFile = join(out, "baseline.txt");
  const baseline = await timed(() => {
    writeFileSync(baselineFile, "");
    for (let written = 0; written < bytes; written += chunk.length)
      writeFileSync(baselineFile, chunk, { flag: "a" });
  });
  console.log(`rows:            ${result.rows.toLocaleString("en")}`);
  console.log(`files:           ${result.manifest.files.length} (${(bytes / 2 ** 20).toFixed(0)} MiB)`);
  console.log(
    `time:            ${seconds.toFixed(1)} s  (${Math.round(result.rows / seconds).toLocaleString("en")} rows/s)`,
  );
  console.log(`peak memory:     ${peak} MB`);
  console.log(
    `baseline write:  ${baseline.seconds.toFixed(1)} s for the same bytes; ratio ${(seconds / baseline.seconds).toFixed(1)}×`,
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}
