import { describe, expect, it } from "vitest";
import { auditProblem, byWitnesses } from "../audit-problem.ts";
import type { Problem } from "../model/problem.ts";
import { buildProblem, protectTables } from "../protect.ts";
import { gridValue, requireOnly, testInput, testTable, textbookTable2d } from "../test-tables.ts";
import { encodeHints, GroupHints } from "./hints.ts";
import { checkProduct, demandsOf, findHypercube, productHolds } from "./hypercube.ts";
import { ProvenMoves } from "./proven.ts";
import { BuildWitnesses, Witnesses } from "./witnesses.ts";

const cellId = (p: Problem, name: string) =>
  [...Array(p.size).keys()].find((g) => p.describe(g) === name) as number;

// The textbook 2-D table (test-tables.ts): (X, B) = 3 is sensitive (it must be able to reach 0 and 8).
const table = () => textbookTable2d("w2");

// base (rows r1, r2) with two linked tables, by gender (K, M) and by origin (DK, other), from the
// values of the finest cells per row.
function linkedTrio(cells: Record<"K" | "M" | "DK" | "other", Record<"r1" | "r2", number>>) {
  const rowDim = { id: "row", codes: ["total", "r1", "r2"] };
  const byRow = (r: string, v: Record<string, number>) =>
    r === "total" ? (v.r1 ?? 0) + (v.r2 ?? 0) : (v[r] as number);
  const base = testTable("b", [rowDim], { n: { row: "sum" } });
  const linked = (id: string, dim: string, codes: string[]) =>
    testTable(
      id,
      [rowDim, { id: dim, codes: ["total", ...codes] }],
      { n: { row: "sum", [dim]: "sum" } },
      { disclosure: { periods: "flow", linkedWith: "b", relations: { n: { row: "sum", [dim]: "sum" } } } },
    );
  const leafOr =
    (leaves: (keyof typeof cells)[]) =>
    ([r, x]: string[]) =>
      x === "total"
        ? leaves.reduce((s, l) => s + byRow(r as string, cells[l]), 0)
        : byRow(r as string, cells[x as keyof typeof cells]);
  const genderDims = [rowDim, { id: "gender", codes: ["total", "K", "M"] }];
  const originDims = [rowDim, { id: "origin", codes: ["total", "DK", "other"] }];
  return [
    testInput(base, [rowDim], ([r]) => leafOr(["K", "M"])([r as string, "total"])),
    testInput(linked("g", "gender", ["K", "M"]), genderDims, leafOr(["K", "M"])),
    testInput(linked("o", "origin", ["DK", "other"]), originDims, leafOr(["DK", "other"])),
  ];
}

describe("witnesses: the changes protection found, checked by the audit", () => {
  it("keep hypercubes and changes as they were added", () => {
    const { problem: p } = buildProblem([table()]);
    const w = new Witnesses(p);
    const c = cellId(p, "w2 row=X col=B");
    const product = [
      { codes: [1, 2], coefs: [1, -1] },
      { codes: [2, 3], coefs: [1, -0.5] },
    ];
    w.addProduct(c, null, 0, product, [2, 1]);
    w.addDelta(c, "n", -1, new Map([[c, -3]]));
    w.addAlias(c, "n", 1, 7);
    expect(w.get(c)).toEqual([
      { m: "n", sign: 1, source: 7 },
      { m: "n", sign: -1, delta: new Map([[c, -3]]) },
      { m: null, sign: 0, product, carry: [2, 1] },
    ]);
    expect(w.get(cellId(p, "w2 row=Y col=B"))).toEqual([]);
    // A measure outside the relations is refused, never read back as "every demand".
    expect(() => w.addProduct(c, "fte", 1, product)).toThrow(/measure without relations: fte/);
  });

  it("prove every test of a hypercube pattern without a search of the audit's own", async () => {
    const { problem, witnesses } = await protectTables([table()], {
      method: "hypercube",
      keepWitnesses: true,
    });
    expect(witnesses).toBeDefined();
    const audit = await auditProblem(problem, { ...(witnesses ? { witnesses } : {}) });
    expect(audit.violations).toEqual([]);
    // One check (the measure n, up to 8 and down to 0), by the hypercube the secondary step chose.
    expect(audit.checks).toBe(1);
    expect(audit.byWitness).toBe(1);
  });

  it("from the LP method: the LP's change itself, which the audit checks", async () => {
    const { problem, witnesses } = await protectTables([table()], { method: "lp", keepWitnesses: true });
    const x = cellId(problem, "w2 row=X col=B");
    const changes = (witnesses?.get(x) ?? []).filter((w) => "delta" in w);
    expect(changes.length).toBeGreaterThan(0);
    const audit = await auditProblem(problem, { ...(witnesses ? { witnesses } : {}) });
    expect(audit.violations).toEqual([]);
    expect(audit.byWitness).toBe(1);
  });

  it("are not taken when the pattern no longer holds them: the audit names the cell", async () => {
    const { problem, witnesses } = await protectTables([table()], {
      method: "hypercube",
      keepWitnesses: true,
    });
    // Publish every complement: no witness can move (X, B) any more.
    for (let g = 0; g < problem.size; g++) if (!problem.sensitive[g]) problem.suppressed[g] = 0;
    const audit = await auditProblem(problem, { ...(witnesses ? { witnesses } : {}) });
    expect(audit.byWitness).toBe(0);
    expect(audit.violations.map((v) => [v.cell, v.lo, v.hi, v.reason])).toEqual([
      ["w2 row=X col=B", 3, 3, "narrow"],
    ]);
  });

  it("refuses a forged change: one that breaks a row, and one that moves a published cell", async () => {
    const { problem: p } = buildProblem([table()]);
    const x = cellId(p, "w2 row=X col=B");
    const y = cellId(p, "w2 row=Y col=B");
    p.sensitive[x] = 1;
    p.suppressed[x] = 1;
    requireOnly(p, x, "n", 0, 8);
    const w = new Witnesses(p);
    // (X, B) alone to 8: its row and column totals would no longer add up.
    w.addDelta(x, "n", 1, new Map([[x, 5]]));
    // (X, B) and (Y, B) swapping 3: (Y, B) is published.
    w.addDelta(
      x,
      "n",
      -1,
      new Map([
        [x, -3],
        [y, 3],
      ]),
    );
    const audit = await auditProblem(p, { witnesses: w });
    expect(audit.byWitness).toBe(0);
    // Nothing else is suppressed, so the cell is exactly known.
    expect(audit.violations.map((v) => [v.cell, v.lo, v.hi])).toEqual([["w2 row=X col=B", 3, 3]]);
  });

  // Two small cells on a diagonal of one cheap rectangle: (X, A) = 2 and (Z, C) = 4, with (X, C) and
  // (Z, A) = 30 and 100 everywhere else. (X, A) comes first (the cheaper); its rectangle going up 5
  // takes (Z, C) up 5 too, all it asks; going down 2 it takes (Z, C) down 2 only, short of its 4.
  // Rows listed Z before X, so the audit meets (Z, C) first and must resolve the alias.
  const diagonal = () => {
    const rows = ["Z", "Y", "X"];
    const cols = ["A", "B", "C"];
    const dims = [
      { id: "row", codes: ["total", ...rows] },
      { id: "col", codes: ["total", ...cols] },
    ];
    const grid = [
      [30, 100, 4],
      [100, 100, 100],
      [2, 100, 30],
    ];
    return testInput(
      testTable("wd", dims, { n: { row: "sum", col: "sum" } }),
      dims,
      gridValue(rows, cols, grid),
    );
  };

  it("name the cell whose change met a test too, and the audit checks that cell's witnesses", async () => {
    const {
      problem: p,
      secondary,
      witnesses,
    } = await protectTables([diagonal()], {
      method: "hypercube",
      keepWitnesses: true,
    });
    const xa = cellId(p, "wd row=X col=A");
    const zc = cellId(p, "wd row=Z col=C");
    expect(secondary.steps?.shared).toBe(1);
    expect(witnesses?.get(zc)).toContainEqual({ m: "n", sign: 1, source: xa });
    const audit = await auditProblem(p, { ...(witnesses ? { witnesses } : {}) });
    expect(audit.violations).toEqual([]);
    // Both cells proven from the witnesses: no search or LP of the audit's own.
    expect(audit.checks).toBe(2);
    expect(audit.byWitness).toBeGreaterThanOrEqual(1);
    expect(audit.byNeighbourhoodLp + audit.byComponentLp).toBe(0);

    // (Z, C) alone, nothing checked before: up through (X, A)'s witnesses, down through its own.
    const fresh = () => new ProvenMoves(p.size, p.sensitiveCells());
    const demands = demandsOf(p, zc);
    expect(demands).toEqual([{ m: "n", up: 5, down: 4 }]);
    if (witnesses) expect(byWitnesses(p, zc, demands, witnesses, fresh(), new Set())).toEqual([]);
    // An alias whose source holds no witness proves nothing; the audit then searches for itself.
    const forged = new Witnesses(p);
    forged.addAlias(zc, "n", 1, xa);
    expect(byWitnesses(p, zc, demands, forged, fresh(), new Set())).toEqual(demands);
    const own = await auditProblem(p, { witnesses: forged });
    expect(own.byWitness).toBe(0);
    expect(own.violations).toEqual([]);
  });

  // base (rows r1, r2) with two linked tables, by gender (K, M) and by origin (DK, other). The cell
  // ext (r1, K) = 2 moves against (r2, K) with both row totals, and the origin table must follow
  // through one origin leaf: the one with most room, a suppressed one first.
  it("keep the linked tables' leaves a hypercube used, as later suppression changes the default", () => {
    const { problem: p } = buildProblem(
      linkedTrio({
        K: { r1: 2, r2: 15 },
        M: { r1: 28, r2: 25 },
        DK: { r1: 20, r2: 30 },
        other: { r1: 10, r2: 10 },
      }),
    );
    const c = cellId(p, "g row=r1 gender=K");
    p.sensitive[c] = 1;
    requireOnly(p, c, "n", 0, 7);
    for (const name of ["g row=r1 gender=K", "g row=r2 gender=K", "b row=r1", "b row=r2"])
      p.suppressed[cellId(p, name)] = 1;
    for (const r of ["r1", "r2"]) p.suppressed[cellId(p, `o row=${r} origin=other`)] = 1;
    // Rows r1 against r2, gender K with its total.
    const product = [
      { codes: [1, 2], coefs: [1, -1] },
      { codes: [1, 0], coefs: [1, 1] },
    ];
    const demands = demandsOf(p, c);
    const found = findHypercube(p, c, demands, { zeroCost: true, fixed: product });
    // `other` carried it (suppressed, though DK has more room).
    expect(found?.carry).toEqual([2]);
    // Later DK of r1 is suppressed too (for another cell): by default DK would carry the change now, and
    // DK of r2 is published, so only the kept leaf checks the same change again.
    p.suppressed[cellId(p, "o row=r1 origin=DK")] = 1;
    expect(checkProduct(p, c, demands, product)).toBe(false);
    expect(checkProduct(p, c, demands, product, undefined, found?.carry)).toBe(true);
  });

  it("reach the audit of the same build only for a group of the same tables and codes", async () => {
    const input = table();
    const { witnesses } = await protectTables([input], { method: "hypercube", keepWitnesses: true });
    const kept = new BuildWitnesses();
    if (witnesses) kept.add([input], witnesses);
    expect(kept.for([input])).toBe(witnesses);
    const reordered = { ...input, codes: [input.codes[0] ?? [], [...(input.codes[1] ?? [])].reverse()] };
    expect(kept.for([reordered])).toBeUndefined();
  });
});

describe("hints: a period layer's hypercubes, for the repair", () => {
  it("travel as one flat array and come back for the same cells", async () => {
    const { problem, secondary } = await protectTables([table()], {
      method: "hypercube",
      collectHints: true,
    });
    const hints = secondary.hints ?? new Map();
    expect(hints.size).toBe(1);
    const stream = encodeHints(problem, hints);
    const group = new GroupHints(problem);
    group.add(stream, (cube, local) => (problem.cubes[cube]?.offset ?? 0) + local);
    for (const [c, products] of hints) expect(group.get(c)).toEqual(products);
    expect(group.get(cellId(problem, "w2 row=Z col=C"))).toBeUndefined();
  });

  it("name a cell another table's change met only with products of its own table", async () => {
    // (r1, K) = 2 and (r1, M) = 1 make the base row r1 = 3: the gender table comes first, and its
    // cell's hypercube moves its row total, which is the base cell, far enough upwards.
    const { problem: p, secondary } = await protectTables(
      linkedTrio({
        K: { r1: 2, r2: 15 },
        M: { r1: 1, r2: 25 },
        DK: { r1: 1, r2: 30 },
        other: { r1: 2, r2: 10 },
      }),
      { method: "hypercube", collectHints: true, keepWitnesses: true },
    );
    expect(secondary.steps?.shared).toBeGreaterThan(0);
    const hints = secondary.hints ?? new Map();
    for (const [c, products] of hints)
      for (const product of products) expect(product.length).toBe(p.cubes[p.cubeOf(c)]?.dims.length);
    const group = new GroupHints(p);
    group.add(encodeHints(p, hints), (cube, local) => (p.cubes[cube]?.offset ?? 0) + local);
    for (const [c, products] of hints) expect(group.get(c)).toEqual(products);
    expect((await auditProblem(p)).violations).toEqual([]);
  });

  it("prove nothing for a cell they do not move by 1: another cell's hypercube is no hint", () => {
    const { problem: p } = buildProblem([table()]);
    const c = cellId(p, "w2 row=X col=B");
    p.sensitive[c] = 1;
    requireOnly(p, c, "n", 0, 8);
    // The rectangle (Y, A), (Y, C), (Z, A), (Z, C), suppressed: a balanced change, but not of X or B.
    for (const name of ["row=Y col=A", "row=Y col=C", "row=Z col=A", "row=Z col=C"])
      p.suppressed[cellId(p, `w2 ${name}`)] = 1;
    const rows = [2, 3];
    const cols = [1, 3];
    const other = [
      { codes: rows, coefs: [1, -1] },
      { codes: cols, coefs: [1, -1] },
    ];
    expect(productHolds(p, c, other)).toBe(false);
    expect(findHypercube(p, c, demandsOf(p, c), { zeroCost: true, fixed: other })).toBeNull();
    // X against Y: it holds the cell (X is code 1, B code 2), but its cells are not all suppressed.
    const own = [
      { codes: [1, 2], coefs: [1, -1] },
      { codes: [2, 1], coefs: [1, -1] },
    ];
    expect(productHolds(p, c, own)).toBe(true);
    expect(findHypercube(p, c, demandsOf(p, c), { zeroCost: true, fixed: own })).toBeNull();
  });
});
