import { describe, expect, it } from "vitest";
import { auditProblem } from "./audit-problem.ts";
import type { Problem } from "./model/problem.ts";
import { protectTables } from "./protect.ts";
import { testInput, testTable, textbookTable2d } from "./test-tables.ts";

const cellId = (p: Problem, name: string) =>
  [...Array(p.size).keys()].find((g) => p.describe(g) === name) as number;

const suppressedCells = (p: Problem) => {
  const out: string[] = [];
  for (let g = 0; g < p.size; g++) if (p.canon[g] === g && p.suppressed[g]) out.push(p.describe(g));
  return out.sort();
};

// The textbook 2-D table (test-tables.ts): (X, B) = 3 is sensitive; the cheapest protecting
// rectangle, by hand, is (X, B), (X, C), (Y, B), (Y, C) at 46.
const table2d = () => textbookTable2d("t2");

describe("secondary suppression of a 2-D table", () => {
  it("finds the known optimal pattern: the cheapest rectangle through the sensitive cell", async () => {
    const { problem, secondary } = await protectTables([table2d()]);
    expect(secondary.method).toBe("mip");
    expect(suppressedCells(problem)).toEqual([
      "t2 row=X col=B",
      "t2 row=X col=C",
      "t2 row=Y col=B",
      "t2 row=Y col=C",
    ]);
    const audit = await auditProblem(problem, { exact: true });
    expect(audit.violations).toEqual([]);
    // By hand, with t = (X, B): (X, C) = 18 − t, (Y, B) = 21 − t, (Y, C) = 7 + t, all ≥ 0: t ∈ [0, 18].
    expect(audit.intervals?.get("n")?.get(cellId(problem, "t2 row=X col=B"))).toEqual({ lo: 0, hi: 18 });
  });

  it("the LP and hypercube methods also give patterns the audit passes", async () => {
    for (const method of ["lp", "hypercube"] as const) {
      const { problem } = await protectTables([table2d()], { method });
      expect((await auditProblem(problem, { exact: true })).violations).toEqual([]);
      expect(suppressedCells(problem)).toContain("t2 row=X col=B");
    }
  });

  it("falls back to a wide LP, then to a hypercube, when the LP neighbourhood is cut off", async () => {
    // Two cells per neighbourhood leave the 3- and 5-hop LPs nothing to move: formerly unresolved.
    for (const lpWideCells of [20_000, 2]) {
      const { problem, secondary } = await protectTables([table2d()], {
        method: "lp",
        lpMaxCells: 2,
        lpWideCells,
      });
      expect(secondary.unresolved).toBe(0);
      expect(secondary.secondary).toBeGreaterThan(0);
      expect((await auditProblem(problem, { exact: true })).violations).toEqual([]);
    }
  });

  it("fails the audit and names the cell when one complement is published", async () => {
    const { problem } = await protectTables([table2d()]);
    problem.suppressed[cellId(problem, "t2 row=Y col=C")] = 0;
    const audit = await auditProblem(problem, { exact: true });
    expect(audit.violations.map((v) => [v.cell, v.measure, v.lo, v.hi])).toEqual([
      ["t2 row=X col=B", "n", 3, 3],
    ]);
  });

  it("after its time budget the audit proves by hypercubes only and reports the rest unproven", async () => {
    const { problem } = await protectTables([table2d()]);
    expect((await auditProblem(problem, { budgetSeconds: 0 })).violations).toEqual([]);
    problem.suppressed[cellId(problem, "t2 row=Y col=C")] = 0;
    const audit = await auditProblem(problem, { budgetSeconds: 0 });
    expect(audit.violations.map((v) => [v.cell, v.reason])).toEqual([["t2 row=X col=B", "unproven"]]);
  });
});

// 3-D table a × b × c with all margins; (a1, b1, c1) = 2 is sensitive. Every null move of a 3-way
// table with its 2-way margins has at least 8 cells (a 2×2×2 box); cells with a3 or b3 hold 50, the
// totals more, and the box {a1, a2} × {b1, b2} × {c1, c2} holds 10s: it is the unique optimum.
describe("secondary suppression of a 3-D table", () => {
  const dims3 = [
    { id: "a", codes: ["total", "a1", "a2", "a3"] },
    { id: "b", codes: ["total", "b1", "b2", "b3"] },
    { id: "c", codes: ["total", "c1", "c2"] },
  ];
  const inner = (a: string, b: string, c: string) =>
    a === "a1" && b === "b1" && c === "c1" ? 2 : a === "a3" || b === "b3" ? 50 : 10;
  const value = ([a, b, c]: string[]) => {
    const as = a === "total" ? ["a1", "a2", "a3"] : [a as string];
    const bs = b === "total" ? ["b1", "b2", "b3"] : [b as string];
    const cs = c === "total" ? ["c1", "c2"] : [c as string];
    let s = 0;
    for (const x of as) for (const y of bs) for (const z of cs) s += inner(x, y, z);
    return s;
  };
  it("suppresses exactly the 2×2×2 box of small cells", async () => {
    const t = testTable("t3", dims3, { n: { a: "sum", b: "sum", c: "sum" } });
    const { problem, secondary } = await protectTables([testInput(t, dims3, value)]);
    expect(secondary.method).toBe("mip");
    const box: string[] = [];
    for (const a of ["a1", "a2"])
      for (const b of ["b1", "b2"]) for (const c of ["c1", "c2"]) box.push(`t3 a=${a} b=${b} c=${c}`);
    expect(suppressedCells(problem)).toEqual(box.sort());
    expect((await auditProblem(problem, { exact: true })).violations).toEqual([]);
  });

  it("gives an audit-passing pattern with hypercubes", async () => {
    const t = testTable("t3", dims3, { n: { a: "sum", b: "sum", c: "sum" } });
    const { problem } = await protectTables([testInput(t, dims3, value)], { method: "hypercube" });
    expect((await auditProblem(problem, { exact: true })).violations).toEqual([]);
    expect(suppressedCells(problem).length).toBe(8);
  });
});
