import { describe, expect, it } from "vitest";
import { auditProblem } from "../audit-problem.ts";
import { auditInThreads } from "../audit-threads.ts";
import type { Problem } from "../model/problem.ts";
import { buildProblem, protectTables } from "../protect.ts";
import { applyPrimaryRules, DEFAULT_RULE_PARAMS } from "../rules/index.ts";
import { testInput, testTable } from "../test-tables.ts";
import { alignPeriods, groupPeriods, sliceToPeriod } from "./periods.ts";
import { heapPerThreadMb, layerThreads, protectEachLayer, threadsWithinMemory } from "./pool.ts";
import { sharesByBlock } from "./repair.ts";

const cellId = (p: Problem, name: string) =>
  [...Array(p.size).keys()].find((g) => p.describe(g) === name) as number;

const months = Array.from({ length: 12 }, (_, i) => `2025M${String(i + 1).padStart(2, "0")}`);

describe("aligning a pattern along the periods", () => {
  const dims = [
    {
      id: "period",
      kind: "period" as const,
      codes: [...months, "2025K1", "2025K2", "2025K3", "2025K4", "2025"],
    },
    { id: "area", codes: ["total", "A", "B"] },
  ];
  const table = testTable("al", dims, { n: { period: "union", area: "union" } });

  it("fills a quarter's block and every period above it, and nothing else", () => {
    const { problem: p } = buildProblem([testInput(table, dims, () => 10)]);
    p.suppressed[cellId(p, "al period=2025M02 area=A")] = 1;
    // Four added: January, March, the first quarter and the year.
    expect(alignPeriods(p)).toBe(4);
    const on = (period: string, area: string) => p.suppressed[cellId(p, `al period=${period} area=${area}`)];
    // January to March and the first quarter (its block), the year (above it).
    for (const period of ["2025M01", "2025M02", "2025M03", "2025K1", "2025"]) expect(on(period, "A")).toBe(1);
    // Not the other quarters, nor another area, nor the total.
    for (const period of ["2025M04", "2025K2", "2025K4"]) expect(on(period, "A")).toBe(0);
    for (const period of ["2025M02", "2025K1", "2025"]) {
      expect(on(period, "B")).toBe(0);
      expect(on(period, "total")).toBe(0);
    }
  });

  it("slices a group to one period and knows when a group has none", () => {
    const input = testInput(
      table,
      dims,
      ([period, area]) => (period === "2025K2" ? 7 : 1) + (area === "A" ? 1 : 0),
    );
    expect(groupPeriods([input])).toEqual(dims[0]?.codes);
    const [slice] = sliceToPeriod([input], "2025K2").inputs;
    expect(slice?.codes[0]).toEqual(["2025K2"]);
    expect([...(slice?.values.n ?? [])]).toEqual([7, 8, 7]);
    // A second table without the quarters (as the tables linked to `recipients` lack its windows).
    const monthsOnly = [
      { id: "period", kind: "period" as const, codes: months },
      dims[1] as (typeof dims)[1],
    ];
    const other = testInput(
      testTable("mo", monthsOnly, { n: { period: "union", area: "union" } }),
      monthsOnly,
      () => 2,
    );
    expect(groupPeriods([other, input])).toEqual([...months, "2025K1", "2025K2", "2025K3", "2025K4", "2025"]);
    expect(sliceToPeriod([other, input], "2025K2").tables).toEqual([1]);
    expect(sliceToPeriod([other, input], "2025M05").tables).toEqual([0, 1]);
    const flat = [{ id: "area", codes: ["total", "A", "B"] }];
    expect(groupPeriods([testInput(testTable("f", flat, { n: { area: "sum" } }), flat, () => 1)])).toBeNull();
  });
});

// Months and quarters × area × gender with persons (a union over periods, genders and areas a
// partition) and fte (a mean over periods). Small counts here and there, so some cells are sensitive in
// every period and protecting one period's layer alone is not enough across the quarter.
describe("protection period by period, then repaired over the whole group", () => {
  const periods = [...months.slice(0, 6), "2025K1", "2025K2"];
  const areas = ["A", "B", "C", "D"];
  const genders = ["K", "M"];
  const dims = [
    { id: "period", kind: "period" as const, codes: periods },
    { id: "area", codes: ["total", ...areas] },
    { id: "gender", codes: ["total", ...genders] },
  ];
  // Persons per month, area and gender: a fixed mix of small and large counts.
  const monthly = (m: number, a: number, g: number) =>
    [1, 3, 12, 0, 2, 25, 4, 9][(m * 5 + a * 3 + g * 7) % 8] as number;
  // A quarter's persons lie between its largest month and the sum of its months.
  const quarterly = (q: number, a: number, g: number) => {
    const ms = [0, 1, 2].map((k) => monthly(q * 3 + k, a, g));
    const max = Math.max(...ms);
    return max + Math.floor((ms.reduce((x, y) => x + y, 0) - max) / 2);
  };
  const leaf = (period: string, a: number, g: number, m: string) => {
    const at = periods.indexOf(period);
    const persons = at < 6 ? monthly(at, a, g) : quarterly(at - 6, a, g);
    if (m === "persons") return persons;
    if (at < 6) return persons * 0.75;
    // fte of a quarter: its months' fte weighted by days.
    const q = at - 6;
    const days = q === 0 ? [31, 28, 31] : [30, 31, 30];
    const sum = days.reduce((x, d, k) => x + d * monthly(q * 3 + k, a, g) * 0.75, 0);
    return sum / days.reduce((x, d) => x + d, 0);
  };
  const input = () =>
    testInput(
      testTable("pg", dims, {
        persons: { period: "union", area: "sum", gender: "sum" },
        fte: { period: "mean", area: "sum", gender: "sum" },
      }),
      dims,
      ([period, area, gender], m) => {
        const as = area === "total" ? areas.map((_, i) => i) : [areas.indexOf(area as string)];
        const gs = gender === "total" ? genders.map((_, i) => i) : [genders.indexOf(gender as string)];
        let s = 0;
        for (const a of as) for (const g of gs) s += leaf(period as string, a, g, m);
        return s;
      },
    );

  it("passes the exact audit, with every sensitive cell suppressed in its quarter's block", async () => {
    const steps: string[] = [];
    const { problem, secondary } = await protectTables([input()], {
      method: "hypercube",
      byPeriod: true,
      onStep: (s) => steps.push(s),
    });
    expect(steps).toEqual([
      ...periods.map((p, i) => `period ${p} (${i + 1}/${periods.length})`),
      "repair over all periods",
    ]);
    expect(secondary.sensitive).toBeGreaterThan(10);
    expect(secondary.unresolved).toBe(0);
    // The repair checked the layers' own hypercubes, their periods carried, before any search.
    expect(secondary.steps?.hinted).toBeGreaterThan(0);
    const audit = await auditProblem(problem, { exact: true });
    expect(audit.violations).toEqual([]);
    // (M01, A, K) has 1 person: its quarter's block is suppressed with it.
    expect(monthly(0, 0, 0)).toBe(1);
    for (const period of ["2025M01", "2025M02", "2025M03", "2025K1"])
      expect(problem.suppressed[cellId(problem, `pg period=${period} area=A gender=K`)]).toBe(1);
  });

  it("gives the same pattern with the layers in worker threads as in this thread", async () => {
    const saved = process.env.JOBINDBLIK_DISCLOSURE_THREADS;
    const statusWith = async (threads: string) => {
      process.env.JOBINDBLIK_DISCLOSURE_THREADS = threads;
      const r = await protectTables([input()], { method: "hypercube", byPeriod: true });
      return [...(r.status[0] ?? [])];
    };
    try {
      const one = await statusWith("1");
      expect(await statusWith("2")).toEqual(one);
      expect(one.filter((s) => s === 2).length).toBeGreaterThan(0);
      process.env.JOBINDBLIK_DISCLOSURE_THREADS = "two";
      expect(() => layerThreads()).toThrow(/JOBINDBLIK_DISCLOSURE_THREADS must be a whole number/);
    } finally {
      if (saved === undefined) delete process.env.JOBINDBLIK_DISCLOSURE_THREADS;
      else process.env.JOBINDBLIK_DISCLOSURE_THREADS = saved;
    }
  });

  it("repairs in two threads: each share whole quarter blocks, the united pattern proven by its witnesses", async () => {
    const { problem, tables } = buildProblem([input()]);
    applyPrimaryRules({ problem, tables, params: DEFAULT_RULE_PARAMS });
    const shares = sharesByBlock(problem, 2);
    expect(shares.flat().sort((a, b) => a - b)).toEqual(problem.sensitiveCells());
    const blockOf = (c: number) => {
      const period = problem.describe(c).split(" ")[1] as string;
      return period.startsWith("period=2025M0") && Number(period.at(-1)) <= 3
        ? "K1"
        : period.endsWith("K1")
          ? "K1"
          : "K2";
    };
    for (const share of shares) expect(new Set(share.map(blockOf)).size).toBe(1);

    const r = await protectTables([input()], {
      method: "hypercube",
      byPeriod: true,
      repairThreads: 2,
      keepWitnesses: true,
    });
    expect(r.secondary.sensitive).toBe(problem.sensitiveCells().length);
    expect(r.secondary.unresolved).toBe(0);
    const audit = await auditProblem(r.problem, r.witnesses ? { witnesses: r.witnesses } : {});
    expect(audit.violations).toEqual([]);
    // Cells of both shares were proven by the witnesses their own thread kept.
    const byShare = shares.map((share) => share.filter((c) => (r.witnesses?.get(c).length ?? 0) > 0).length);
    expect(byShare.every((n) => n > 0)).toBe(true);
    expect(audit.byWitness).toBeGreaterThan(0);

    // The audit in two threads too: the same checks, each share in its own thread.
    const witnesses = r.witnesses ? { witnesses: r.witnesses } : {};
    const split = await auditInThreads([input()], r.problem, witnesses, 2, 0);
    expect(split.violations).toEqual([]);
    expect(split.checks).toBe(audit.checks);
    // A complement published again: the threads' audit names the cells it exposes, as one thread does.
    const complement = [...Array(r.problem.size).keys()].find(
      (g) => r.problem.canon[g] === g && r.problem.suppressed[g] && !r.problem.sensitive[g],
    ) as number;
    r.problem.suppressed[complement] = 0;
    const alone = await auditProblem(r.problem, { ...witnesses, budgetSeconds: 0 });
    const both = await auditInThreads([input()], r.problem, { ...witnesses, budgetSeconds: 0 }, 2, 0);
    expect(alone.violations.length).toBeGreaterThan(0);
    expect(both.violations.map((v) => v.cell).sort()).toEqual(alone.violations.map((v) => v.cell).sort());
  });

  it("takes a thread per copy of the problem only while free memory holds one more", () => {
    const gb = 1024 ** 3;
    // A million cells take ≈ 2.5 GB a copy: the build's own, and one more in 4 GB free (80 % of it).
    expect(threadsWithinMemory(1_000_000, 2, 4 * gb)).toBe(2);
    expect(threadsWithinMemory(1_000_000, 2, 2 * gb)).toBe(1);
    expect(threadsWithinMemory(1_000_000, 8, 8 * gb)).toBe(3);
    expect(threadsWithinMemory(10, 1, 64 * gb)).toBe(1);
    // Each worker's heap: three quarters of the machine shared out, never below 1 GB.
    expect(heapPerThreadMb(2, 24 * gb)).toBe(9216);
    expect(heapPerThreadMb(8, 4 * gb)).toBe(1024);
  });

  it("a layer that fails in a worker fails the whole protection with the worker's reason", async () => {
    const bad = [
      { id: "period", kind: "period" as const, codes: ["2025X1"] },
      { id: "area", codes: ["total", "A"] },
    ];
    const layer = [testInput(testTable("bad", bad, { n: { period: "union", area: "sum" } }), bad, () => 1)];
    const good = sliceToPeriod([input()], "2025M01").inputs;
    const done: number[] = [];
    await expect(
      protectEachLayer(
        [good, layer],
        { method: "hypercube" },
        async () => ({ status: [], hints: new Float64Array(0) }),
        (i) => done.push(i),
        () => {},
        2,
      ),
    ).rejects.toThrow(/protecting a period layer failed: .*Not a period: "2025X1"/s);
  });
});
