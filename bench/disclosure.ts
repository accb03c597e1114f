// `npm run bench -- disclosure [--data DIR] [--month 2025M12] [--from 2025M10] [--method auto|lp|hypercube]
// [--tables recipients,...] [--budget SECONDS]`: primary
// and secondary suppression plus the audit of the three linked `recipients*` tables for one month of
// an ingested warehouse (a copy is opened, so the original is never locked or changed), and as a
// baseline in the same run a simple hypercube heuristic (each sensitive cell its own cheapest
// hypercube, no reuse of earlier complements) on the same cells.
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { compileCells } from "../src/build/compile-table.ts";
import { createInputViews, prepareBuild } from "../src/build/prepare/index.ts";
import { TABLES } from "../src/build/tables/index.ts";
import { auditProblem } from "../src/disclosure/audit-problem.ts";
import { loadTableInput } from "../src/disclosure/db.ts";
import type { Problem } from "../src/disclosure/model/problem.ts";
import { buildProblem, COST_EXPONENT, protectTables, type TableInput } from "../src/disclosure/protect.ts";
import { applyPrimaryRules, DEFAULT_RULE_PARAMS } from "../src/disclosure/rules/index.ts";
import { baselineHypercube, type Method } from "../src/disclosure/secondary/index.ts";
import { flag, machine, peakRssMb, timed } from "./_util.ts";

/** Information loss as secondary suppression weighs it: Σ (1 + count) over suppressed cells. */
function weightedLoss(p: Problem): number {
  let loss = 0;
  for (let g = 0; g < p.size; g++)
    if (p.canon[g] === g && p.suppressed[g]) loss += 1 + (p.count[g] as number);
  return Math.round(loss);
}

const dataDir = flag("data", "/tmp/data-s1");
const month = flag("month", "2025M12");
// First month of the block (default: the month alone); e.g. --from 2025M10 adds 2025K4 and its months.
const from = flag("from", month);
const method = flag("method", "auto") as Method;
const budget = flag("budget", "");
const tableIds = flag("tables", "recipients,recipients-age-gender,recipients-origin").split(",");
const work = "/tmp/jobindblik-bench-disclosure";
// A stopped run (timeout) still exits through process.exit, so --cpu-prof writes its profile.
process.on("SIGTERM", () => process.exit(143));
const source = join(dataDir, "warehouse.duckdb");
if (!existsSync(source)) {
  process.stderr.write(`no warehouse at ${source}; ingest a demo set first (--data DIR)\n`);
  process.exit(2);
}
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
copyFileSync(source, join(work, "warehouse.duckdb"));
process.stdout.write(
  `disclosure benchmark: ${tableIds.join(", ")} for ${from === month ? month : `${from}–${month}`} of ${dataDir}; ${machine()}\n`,
);

const instance = await DuckDBInstance.create(join(work, "warehouse.duckdb"), {
  threads: "2",
  memory_limit: "8GB",
});
const connection = await instance.connect();
try {
  await createInputViews(connection);
  const prep = await timed(() => prepareBuild(connection, { firstMonth: from, throughMonth: month }));
  const group = tableIds.map((id) => TABLES.find((t) => t.id === id) as (typeof TABLES)[number]);
  const cells = await timed(async () => {
    const inputs: TableInput[] = [];
    for (const [i, table] of group.entries()) {
      await compileCells(connection, table, `bench_${i}`);
      inputs.push(await loadTableInput(connection, table, `bench_${i}`));
    }
    return inputs;
  });
  const inputs = cells.result;
  const nCells = inputs.map((x) => x.codes.reduce((a, c) => a * c.length, 1));
  process.stdout.write(
    `prepare ${prep.seconds.toFixed(1)} s, cells ${cells.seconds.toFixed(1)} s: ${group.map((t, i) => `${t.id} ${nCells[i]}`).join(", ")}\n`,
  );
  const t0 = Date.now();
  const onProgress = (done: number, total: number) =>
    process.stderr.write(
      `  secondary: ${done}/${total} sensitive cells, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`,
    );
  const ours = await timed(() =>
    protectTables(inputs, {
      method,
      onProgress,
      keepWitnesses: true,
      ...(budget ? { budgetSeconds: Number(budget) } : {}),
    }),
  );
  process.stdout.write(
    `secondary: ${ours.seconds.toFixed(1)} s, ${ours.result.secondary.sensitive} sensitive, ${ours.result.secondary.secondary} complements, ${ours.result.secondary.unresolved} unresolved; tests met ${JSON.stringify(ours.result.secondary.steps ?? {})}, ${ours.result.secondary.lpSolves} LP solves\n`,
  );
  const audit = await timed(() =>
    // As the build does: the changes protection found are checked first (the audit's verdict is its own).
    auditProblem(ours.result.problem, {
      ...(ours.result.witnesses ? { witnesses: ours.result.witnesses } : {}),
      onProgress: (done, total) =>
        process.stderr.write(
          `  audit: ${done}/${total} sensitive cells, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`,
        ),
    }),
  );
  const s = ours.result.secondary;
  const suppressed = s.sensitive + s.secondary;
  // The baseline weighs a cell 1 + its count (the classic information loss); the same heuristic with
  // our cost is shown beside it.
  const baselineWith = (exponent: number) =>
    timed(() => {
      const { problem, tables } = buildProblem(inputs, exponent);
      applyPrimaryRules({ problem, tables, params: DEFAULT_RULE_PARAMS });
      return { ...baselineHypercube(problem), loss: weightedLoss(problem) };
    });
  const baseline = await baselineWith(1);
  const baselineOurCost = await baselineWith(COST_EXPONENT);
  const rows = [
    ["", "suppressed cells", "sensitive", "complements", "Σ (1 + count)", "time"],
    [
      `ours (${s.method})`,
      suppressed,
      s.sensitive,
      s.secondary,
      weightedLoss(ours.result.problem),
      `${ours.seconds.toFixed(1)} s`,
    ],
    [
      "baseline hypercube",
      baseline.result.suppressed,
      s.sensitive,
      baseline.result.suppressed - s.sensitive,
      baseline.result.loss,
      `${baseline.seconds.toFixed(1)} s`,
    ],
    [
      `baseline, cost 1+n^${COST_EXPONENT}`,
      baselineOurCost.result.suppressed,
      s.sensitive,
      baselineOurCost.result.suppressed - s.sensitive,
      baselineOurCost.result.loss,
      `${baselineOurCost.seconds.toFixed(1)} s`,
    ],
  ];
  for (const r of rows)
    process.stdout.write(`${r.map((x, i) => String(x).padStart(i === 0 ? 26 : 18)).join(" ")}\n`);
  process.stdout.write(
    `audit: ${audit.result.violations.length} violations in ${audit.result.checks} checks (${audit.result.byHypercube} by hypercube, ${audit.result.byWitness} of them by witnesses, ${audit.result.byNeighbourhoodLp} by neighbourhood LP, ${audit.result.byComponentLp} by component LP), ${audit.seconds.toFixed(1)} s\n`,
  );
  const reasons = new Map<string, number>();
  for (const v of audit.result.violations) reasons.set(v.reason, (reasons.get(v.reason) ?? 0) + 1);
  if (reasons.size > 0) {
    process.stdout.write(`audit violations by reason: ${JSON.stringify(Object.fromEntries(reasons))}\n`);
    for (const v of audit.result.violations.slice(0, 5)) process.stdout.write(`  ${JSON.stringify(v)}\n`);
  }
  process.stdout.write(
    `suppression + audit: ${(ours.seconds + audit.seconds).toFixed(1)} s; ours / baseline cells: ${(suppressed / baseline.result.suppressed).toFixed(3)}; unresolved ${s.unresolved}, baseline unresolved ${baseline.result.unresolved} (${baselineOurCost.result.unresolved} with our cost); peak ${peakRssMb()} MB\n`,
  );
} finally {
  connection.closeSync();
  instance.closeSync();
  rmSync(work, { recursive: true, force: true });
}
