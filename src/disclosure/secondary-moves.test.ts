import { describe, expect, it } from "vitest";
import { auditProblem } from "./audit-problem.ts";
import { areaDim, codeDim } from "./model/dims.ts";
import { codesAround, structuralNeighbourhood } from "./model/neighbourhood.ts";
import type { Problem } from "./model/problem.ts";
import { buildProblem, protectTables } from "./protect.ts";
import { applyPrimaryRules, DEFAULT_RULE_PARAMS } from "./rules/index.ts";
import { findHypercube } from "./secondary/hypercube.ts";
import { secondarySuppression } from "./secondary/index.ts";
import { gridValue, testInput, testTable } from "./test-tables.ts";

const cellId = (p: Problem, name: string) =>
  [...Array(p.size).keys()].find((g) => p.describe(g) === name) as number;

// Area × gender, gender a partition. Row A is small: (A, K) = 1, (A, M) = 2, (A, total) = 3, all
// sensitive. Emptying (A, total) needs both parts to go down at once (−1 and −2): no single part has
// room for −3, so only a move through all parts of the aggregate does it.
const areas = ["A", "B"];
const genders = ["K", "M"];
const grid = [
  [1, 2],
  [20, 30],
];
const dims = [
  { id: "area", codes: ["total", ...areas] },
  { id: "gender", codes: ["total", ...genders] },
];
const input = () =>
  testInput(
    testTable("ag", dims, { n: { area: "sum", gender: "sum" } }),
    dims,
    gridValue(areas, genders, grid),
  );

describe("moves of an aggregate through all its parts", () => {
  it("empties (A, total) by suppressed cells alone once rows A and B are suppressed", () => {
    const { problem: p } = buildProblem([input()]);
    for (const name of ["A", "B"])
      for (const g of ["total", "K", "M"]) p.suppressed[cellId(p, `ag area=${name} gender=${g}`)] = 1;
    const c = cellId(p, "ag area=A gender=total");
    expect(findHypercube(p, c, [{ m: "n", up: 0, down: 3 }], { zeroCost: true })).not.toBeNull();
    // One part alone cannot carry it: K has 1, M has 2.
    p.suppressed[cellId(p, "ag area=A gender=M")] = 0;
    expect(findHypercube(p, c, [{ m: "n", up: 0, down: 3 }], { zeroCost: true })).toBeNull();
  });

  it("protection of the whole table passes the exact audit, and (A, total) can reach 0", async () => {
    const { problem } = await protectTables([input()], { method: "hypercube" });
    const audit = await auditProblem(problem, { exact: true });
    expect(audit.violations).toEqual([]);
    // (A, total) = 3 must reach 0 and 3 + 5 = 8 (T = P = 5).
    const iv = audit.intervals?.get("n")?.get(cellId(problem, "ag area=A gender=total"));
    expect(iv?.lo).toBe(0);
    expect(iv?.hi).toBeGreaterThanOrEqual(8);
  });
});

describe("neighbourhoods built per dimension", () => {
  const dim = codeDim("x", ["total", "a", "b", "c", "d", "e"]);
  it("a total takes all its parts; a part its total and at most the siblings asked for", () => {
    expect(codesAround(dim, 0, 3).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    const around = codesAround(dim, 2, 2);
    expect(around).toContain(2);
    expect(around).toContain(0);
    expect(around).toHaveLength(4);
    expect(codesAround(dim, 2, 0).sort()).toEqual([0, 2]);
  });

  it("a municipality alone in its job centre finds partners among the other job centres", () => {
    // RAR areas and regions left out: DK → JC101 → 101 and DK → JC147 → 147.
    const areas = areaDim("area", ["DK", "JC101", "101", "JC147", "147"]);
    const names = (codes: number[]) => codes.map((i) => areas.codes[i]).sort();
    expect(names(codesAround(areas, 2, 3))).toEqual(["101", "147", "DK", "JC101", "JC147"]);
    expect(names(codesAround(areas, 2, 0))).toEqual(["101", "DK", "JC101"]);
  });

  it("takes the product of each dimension's codes, dropping siblings when they are too many", () => {
    const { problem: p } = buildProblem([input()]);
    const hood = structuralNeighbourhood(p, cellId(p, "ag area=A gender=K"), 100);
    const names = hood.cells.map((g) => p.describe(g)).sort();
    // area: A, its total and sibling B; gender: K, its total and sibling M → 3 × 3 cells.
    expect(names).toHaveLength(9);
    expect(hood.cut).toBe(false);
    const small = structuralNeighbourhood(p, cellId(p, "ag area=A gender=K"), 4);
    expect(small.cut).toBe(false);
    expect(small.cells.map((g) => p.describe(g)).sort()).toEqual([
      "ag area=A gender=K",
      "ag area=A gender=total",
      "ag area=total gender=K",
      "ag area=total gender=total",
    ]);
    expect(structuralNeighbourhood(p, cellId(p, "ag area=A gender=K"), 3).cut).toBe(true);
  });
});

describe("time budget", () => {
  it("after the budget only hypercubes are tried, and every test is accounted for", async () => {
    const { problem, tables } = buildProblem([input()]);
    applyPrimaryRules({ problem, tables, params: DEFAULT_RULE_PARAMS });
    const r = await secondarySuppression(problem, { method: "hypercube", budgetSeconds: 0 });
    expect(r.lpSolves).toBe(0);
    const steps = r.steps ?? { free: 0, lp: 0, hypercube: 0 };
    expect(steps.lp).toBe(0);
    expect(steps.free + steps.hypercube).toBeGreaterThan(0);
    expect(r.unresolved).toBe(0);
    expect((await auditProblem(problem, { exact: true })).violations).toEqual([]);
  });
});

// Months and their quarter × gender. One woman is on benefit all of January and half of February:
// persons (K) 1, 1, 0 in the months and 1 in the quarter; fte (K) 1, 0.5, 0 and
// (31 × 1 + 28 × 0.5) / 90 = 0.5 in the quarter. Men: 20 each month, 25 in the quarter, fte 20.
// Persons are a union over periods, fte a mean weighted by days, genders a partition.
describe("moves of a quarter through its months", () => {
  const periods = ["2025M01", "2025M02", "2025M03", "2025K1"];
  const pdims = [
    { id: "period", kind: "period" as const, codes: periods },
    { id: "gender", codes: ["total", "K", "M"] },
  ];
  const K: Record<string, Record<string, number>> = {
    persons: { "2025M01": 1, "2025M02": 1, "2025M03": 0, "2025K1": 1 },
    fte: { "2025M01": 1, "2025M02": 0.5, "2025M03": 0, "2025K1": 0.5 },
  };
  const M: Record<string, Record<string, number>> = {
    persons: { "2025M01": 20, "2025M02": 20, "2025M03": 20, "2025K1": 25 },
    fte: { "2025M01": 20, "2025M02": 20, "2025M03": 20, "2025K1": 20 },
  };
  const quarterInput = () =>
    testInput(
      testTable("pq", pdims, {
        persons: { period: "union", gender: "sum" },
        fte: { period: "mean", gender: "sum" },
      }),
      pdims,
      ([period, gender], m) => {
        const k = K[m]?.[period as string] as number;
        const men = M[m]?.[period as string] as number;
        return gender === "K" ? k : gender === "M" ? men : k + men;
      },
    );

  it("empties the quarter's cell by moving every month in proportion (fte weighted by days)", () => {
    const { problem: p } = buildProblem([quarterInput()]);
    for (const period of periods)
      for (const g of ["total", "K"]) p.suppressed[cellId(p, `pq period=${period} gender=${g}`)] = 1;
    const c = cellId(p, "pq period=2025K1 gender=K");
    // Down to 0 persons: both January and February must go to 0 with it (a quarter ≥ each month).
    expect(findHypercube(p, c, [{ m: "persons", up: 0, down: 1 }], { zeroCost: true })).not.toBeNull();
    // fte 0.5 → 0 takes January 1 → 0 and February 0.5 → 0: a move in person-days.
    expect(findHypercube(p, c, [{ m: "fte", up: 0, down: 0.5 }], { zeroCost: true })).not.toBeNull();
    // With February published the quarter keeps at least its 1 person and its 14 / 90 fte.
    p.suppressed[cellId(p, "pq period=2025M02 gender=K")] = 0;
    expect(findHypercube(p, c, [{ m: "persons", up: 0, down: 1 }], { zeroCost: true })).toBeNull();
    expect(findHypercube(p, c, [{ m: "fte", up: 0, down: 0.5 }], { zeroCost: true })).toBeNull();
  });

  it("a month moves alone where its quarter's persons have slack (a union), never its fte (a mean)", () => {
    const { problem: p } = buildProblem([quarterInput()]);
    for (const g of ["total", "K"]) p.suppressed[cellId(p, `pq period=2025M01 gender=${g}`)] = 1;
    const c = cellId(p, "pq period=2025M01 gender=K");
    // The quarter still has its woman through February: January may lose her, quarter published.
    expect(findHypercube(p, c, [{ m: "persons", up: 0, down: 1 }], { zeroCost: true })).not.toBeNull();
    // Her fte in January is fixed by the published quarter, February and March.
    expect(findHypercube(p, c, [{ m: "fte", up: 0, down: 1 }], { zeroCost: true })).toBeNull();
  });

  it("protection of months and quarter together passes the exact audit", async () => {
    const { problem } = await protectTables([quarterInput()], { method: "hypercube" });
    expect((await auditProblem(problem, { exact: true })).violations).toEqual([]);
    const iv = (await auditProblem(problem, { exact: true })).intervals
      ?.get("persons")
      ?.get(cellId(problem, "pq period=2025K1 gender=K"));
    expect(iv?.lo).toBe(0);
  });
});

// Months and their quarter × area, persons a union over both. Area A has the same 2 people all
// quarter, B the same 20, so each quarter equals its months. January's A must reach 2 + 5 = 7.
describe("periods that follow some cells of a move and not others", () => {
  const periods = ["2025M01", "2025M02", "2025M03", "2025K1"];
  const pdims = [
    { id: "period", kind: "period" as const, codes: periods },
    { id: "area", codes: ["total", "A", "B"] },
  ];
  const persons: Record<string, number> = { A: 2, B: 20, total: 22 };
  const input = () =>
    testInput(
      testTable("pa", pdims, { persons: { period: "union", area: "union" } }),
      pdims,
      ([, area]) => persons[area as string] as number,
    );

  it("January's A goes up with its quarter while B goes down in January alone", () => {
    const { problem: p } = buildProblem([input()]);
    for (const name of ["2025M01 area=A", "2025M01 area=B", "2025K1 area=A"])
      p.suppressed[cellId(p, `pa period=${name}`)] = 1;
    const c = cellId(p, "pa period=2025M01 area=A");
    // A +5 against B −5 in January (DK unchanged). A's quarter must rise to 7 with it (a quarter holds
    // at least each month); B's quarter may stay at 20, as February and March still hold 20 each.
    // Moving both quarters (A +5, B −5) would take B's quarter below its February.
    const up = [{ m: "persons", up: 5, down: 0 }];
    const found = findHypercube(p, c, up, { zeroCost: true });
    expect(found?.cells.map((g) => p.describe(g)).sort()).toEqual([
      "pa period=2025K1 area=A",
      "pa period=2025M01 area=A",
      "pa period=2025M01 area=B",
    ]);
    // Without A's quarter suppressed, nothing lets January's A above 2.
    p.suppressed[cellId(p, "pa period=2025K1 area=A")] = 0;
    expect(findHypercube(p, c, up, { zeroCost: true })).toBeNull();
  });

  it("the secondary search finds the same change and the exact audit confirms it", async () => {
    const { problem } = await protectTables([input()], { method: "hypercube" });
    const audit = await auditProblem(problem, { exact: true });
    expect(audit.violations).toEqual([]);
    const iv = audit.intervals?.get("persons")?.get(cellId(problem, "pa period=2025M01 area=A"));
    expect(iv?.hi).toBeGreaterThanOrEqual(7);
  });
});
