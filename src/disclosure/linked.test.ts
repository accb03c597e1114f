import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { municipalitiesIn } from "../reference/areas.ts";
import { auditProblem } from "./audit-problem.ts";
import type { Problem } from "./model/problem.ts";
import { buildProblem, protectTables } from "./protect.ts";
import { demandsOf, findHypercube } from "./secondary/hypercube.ts";
import { gridValue, requireOnly, testInput, testTable } from "./test-tables.ts";

const names = (p: Problem) => {
  const out: string[] = [];
  for (let g = 0; g < p.size; g++) if (p.canon[g] === g && p.suppressed[g]) out.push(p.describe(g));
  return out.sort();
};

// Municipalities of Nordjylland (1081) and Midtjylland (1082) → regions → DK, by benefit (a, b, total).
// Persons are distinct counts (`union` over areas and benefits), fte additive over areas.
describe("hierarchy: municipalities → region → DK", () => {
  const north = municipalitiesIn("1081");
  const mid = municipalitiesIn("1082");
  const munis = [...north, ...mid];
  const areas = ["DK", "1081", "1082", ...munis];
  const dims = [
    { id: "area", kind: "area" as const, codes: areas },
    { id: "benefit", codes: ["total", "a", "b"] },
  ];
  const small = north[0] as string;
  const persons = (area: string, benefit: string): number => {
    const ms = area === "DK" ? munis : area === "1081" ? north : area === "1082" ? mid : [area];
    const bs = benefit === "total" ? ["a", "b"] : [benefit];
    let s = 0;
    for (const m of ms)
      for (const b of bs) s += m === small && b === "a" ? 2 : b === "a" ? 20 + munis.indexOf(m) : 40;
    return s;
  };
  const table = testTable("h", dims, {
    persons: { area: "union", benefit: "union" },
    fte: { area: "sum", benefit: "union" },
  });
  const input = () =>
    testInput(table, dims, ([a, b], m) => (m === "fte" ? 0.5 : 1) * persons(a as string, b as string));

  it("protects a small municipality with a partner in its own region and keeps the totals", async () => {
    const { problem } = await protectTables([input()]);
    const audit = await auditProblem(problem, { exact: true });
    expect(audit.violations).toEqual([]);
    const supp = names(problem);
    expect(supp).toContain(`h area=${small} benefit=a`);
    // By hand: a partner municipality in another region would move both region totals (hundreds):
    // the cheapest change stays inside Nordjylland, so DK and the regions stay published.
    for (const top of ["DK", "1081", "1082"])
      expect(supp.some((s) => s.startsWith(`h area=${top} `))).toBe(false);
    const partners = supp.map((s) => /area=(\d+)/.exec(s)?.[1]).filter((a) => a && a !== small);
    expect(partners.length).toBeGreaterThan(0);
    for (const a of partners) expect(north).toContain(a);
  });

  it("the hypercube method gives an audit-passing pattern too", async () => {
    const { problem } = await protectTables([input()], { method: "hypercube" });
    expect((await auditProblem(problem, { exact: true })).violations).toEqual([]);
  });
});

// A linked pair as recipients × recipients-age-gender: `ag` has the extra dimension gender with one
// category besides total, so ag(r, K) = ag(r, total) = base(r): the sensitive ag cell equals a base
// cell and must be suppressed there too.
describe("linked tables sharing a margin", () => {
  const rows = ["r1", "r2", "r3"];
  const baseDims = [{ id: "row", codes: ["total", ...rows] }];
  const extDims = [...baseDims, { id: "gender", codes: ["total", "K"] }];
  const grid = [[3], [30], [40]];
  const base = testTable("base", baseDims, { n: { row: "sum" } });
  const ext = testTable(
    "ext",
    extDims,
    { n: { row: "sum", gender: "sum" } },
    {
      disclosure: { periods: "flow", linkedWith: "base", relations: { n: { row: "sum", gender: "sum" } } },
    },
  );
  const value = ([r]: string[]) => gridValue(rows, ["x"], grid)([r as string, "x"]);
  const inputs = () => [testInput(base, baseDims, value), testInput(ext, extDims, value)];

  it("protected together: the margin is suppressed in both tables and the audit passes", async () => {
    const { problem } = await protectTables(inputs());
    expect((await auditProblem(problem, { exact: true })).violations).toEqual([]);
    expect(names(problem)).toContain("base row=r1");
    expect(names(problem)).toContain("ext row=r1 gender=K");
  });

  it("protected one by one, the base table publishes the value and the joint audit names it", async () => {
    const alone = await protectTables([testInput(ext, extDims, value)]);
    // The same pattern, applied to the linked pair, with the base table's own (empty) pattern.
    const { problem } = buildProblem(inputs());
    const extCube = problem.cubes[1];
    if (!extCube) throw new Error("no ext cube");
    for (let local = 0; local < extCube.size; local++) {
      const c = problem.canon[extCube.offset + local] as number;
      if (alone.status[0]?.[local]) problem.suppressed[c] = 1;
      if (alone.status[0]?.[local] === 1) {
        problem.sensitive[c] = 1;
        problem.requirement.get("n")?.down.set([0], c);
        problem.requirement.get("n")?.up.set([8], c);
      }
    }
    // Un-suppress the margin the base table published.
    for (let g = 0; g < (problem.cubes[0]?.size ?? 0); g++) problem.suppressed[g] = 0;
    const audit = await auditProblem(problem, { exact: true });
    expect(audit.violations.map((v) => v.cell)).toContain("ext row=r1 gender=K");
  });
});

// The linked tables lack the rolling windows of `recipients`, so a period's index differs between the
// tables and the base table has cells the linked ones do not. Here the base table lists a window first,
// shifting every other period by one, and the window is the year's twelve months, so it equals the year.
describe("linked tables with a period the linked table lacks", () => {
  const months = Array.from({ length: 12 }, (_, i) => `2025M${String(i + 1).padStart(2, "0")}`);
  const quarters = ["2025K1", "2025K2", "2025K3", "2025K4"];
  const periods = [...months, ...quarters, "2025"];
  const rowDim = { id: "row", codes: ["total", "r1", "r2"] };
  const baseDims = [{ id: "period", kind: "period" as const, codes: ["2025K4R12", ...periods] }, rowDim];
  const extDims = [
    { id: "period", kind: "period" as const, codes: periods },
    rowDim,
    { id: "gender", codes: ["total", "K", "M"] },
  ];
  const relations = { n: { period: "sum", row: "sum", gender: "sum" } } as const;
  const base = testTable("base", baseDims, relations);
  const ext = testTable("ext", extDims, relations, {
    disclosure: { periods: "flow", linkedWith: "base", relations },
  });
  // Leaves by month, row and gender: r1 has 3 women in February (the sensitive cell) and 10 + 10 in
  // the other months; r2 has 20 women and 30 men every month.
  const leaf = (month: string, r: string, g: string): number =>
    r === "r2" ? (g === "K" ? 20 : 30) : month === "2025M02" ? (g === "K" ? 3 : 0) : 10;
  const monthsIn = (period: string): string[] =>
    period.startsWith("2025M")
      ? [period]
      : period.startsWith("2025K") && !period.endsWith("R12")
        ? months.slice((Number(period[5]) - 1) * 3, Number(period[5]) * 3)
        : months;
  const value = ([period, r, g]: string[]): number => {
    const rs = r === "total" ? ["r1", "r2"] : [r as string];
    const gs = g === undefined || g === "total" ? ["K", "M"] : [g];
    let s = 0;
    for (const m of monthsIn(period as string)) for (const x of rs) for (const y of gs) s += leaf(m, x, y);
    return s;
  };
  const inputs = () => [testInput(base, baseDims, value), testInput(ext, extDims, value)];

  // February, its quarter, the year and the window, both rows, in the base table and among the linked
  // table's women; `c` sensitive (it must reach 0 and 8).
  function suppressedAround(sensitive: string) {
    const { problem: p } = buildProblem(inputs());
    const id = (name: string) => [...Array(p.size).keys()].find((g) => p.describe(g) === name) as number;
    for (const period of ["2025M02", "2025K1", "2025", "2025K4R12"])
      for (const r of ["r1", "r2"]) {
        p.suppressed[id(`base period=${period} row=${r}`)] = 1;
        if (period !== "2025K4R12") p.suppressed[id(`ext period=${period} row=${r} gender=K`)] = 1;
      }
    const c = id(sensitive);
    p.sensitive[c] = 1;
    requireOnly(p, c, "n", 0, 8);
    const found = findHypercube(p, c, demandsOf(p, c), { zeroCost: true });
    return found ? new Set(found.cells.map((g) => p.describe(g))) : null;
  }

  it("a base cell's hypercube moves the linked leaves of its own month", () => {
    const moved = suppressedAround("base period=2025M02 row=r1");
    expect(moved).toContain("ext period=2025M02 row=r1 gender=K");
    expect(moved).toContain("base period=2025K4R12 row=r1");
    expect([...(moved ?? [])].filter((n) => /2025M0[13]/.test(n))).toEqual([]);
  });

  it("a linked cell's hypercube moves the base table's window with the year it equals", () => {
    const moved = suppressedAround("ext period=2025M02 row=r1 gender=K");
    expect(moved).toContain("base period=2025 row=r1");
    expect(moved).toContain("base period=2025K4R12 row=r1");
    expect(moved).toContain("base period=2025K4R12 row=r2");
  });

  it("protected together, the audit passes", async () => {
    const { problem } = await protectTables(inputs(), { method: "hypercube" });
    expect(names(problem)).toContain("base period=2025M02 row=r1");
    expect((await auditProblem(problem, { exact: true })).violations).toEqual([]);
  });
});

describe("property: after suppression the audit finds no disclosure", () => {
  it("random small 2-D and 3-D tables with margins", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 3 }),
        fc.integer({ min: 2, max: 3 }),
        fc.boolean(),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 })), {
          minLength: 18,
          maxLength: 18,
        }),
        fc.constantFrom("auto", "lp", "hypercube"),
        async (nr, nc, threeD, cells, method) => {
          const dims = [
            { id: "a", codes: ["total", ...Array.from({ length: nr }, (_, i) => `a${i}`)] },
            { id: "b", codes: ["total", ...Array.from({ length: nc }, (_, i) => `b${i}`)] },
            ...(threeD ? [{ id: "c", codes: ["total", "c0", "c1"] }] : []),
          ];
          const inner = (a: number, b: number, c: number) => cells[(a * 3 + b) * 2 + c] as number;
          const value = (codes: string[]) => {
            const pick = (code: string | undefined, n: number) =>
              code === undefined
                ? [0]
                : code === "total"
                  ? Array.from({ length: n }, (_, i) => i)
                  : [Number(code.slice(1))];
            let s = 0;
            for (const a of pick(codes[0], nr))
              for (const b of pick(codes[1], nc)) for (const c of pick(codes[2], 2)) s += inner(a, b, c);
            return s;
          };
          const rel: Record<string, "sum"> = threeD
            ? { a: "sum", b: "sum", c: "sum" }
            : { a: "sum", b: "sum" };
          const t = testTable("p", dims, { n: rel });
          const { problem, secondary } = await protectTables([testInput(t, dims, value)], { method });
          const audit = await auditProblem(problem, { exact: true });
          expect(audit.violations).toEqual([]);
          expect(secondary.unresolved).toBe(0);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});
