// Secondary suppression: adds cells to the suppressed set until every sensitive cell can move as far
// as its requirement asks under every relation. Small problems are solved exactly (MIP); otherwise
// each sensitive cell in turn gets, if it is not protected yet, the cheapest change an LP finds in its
// neighbourhood (method "lp") or the cheapest hypercube (method "hypercube", for large tables), with
// the LP as the fallback where no hypercube works. Adding suppression never unprotects a cell, so one
// pass protects all, as far as each step succeeded; the audit then checks the result independently.
import { cheapestChange } from "../lp.ts";
import { neighbourhood, structuralNeighbourhood } from "../model/neighbourhood.ts";
import type { Problem } from "../model/problem.ts";
import { type Demand, demandsOf, findHypercube } from "./hypercube.ts";
import { mipFits, solveMip } from "./mip.ts";

export type Method = "auto" | "mip" | "lp" | "hypercube";

export interface SecondaryOptions {
  readonly method?: Method;
  /** Exact model up to this many cells (auto). */
  readonly mipMaxCells?: number;
  /** …and this many protection tests (sensitive cell × measure × direction). */
  readonly mipMaxTests?: number;
  /** Auto: LP per cell while the problem has at most this many sensitive cells, else hypercubes. */
  readonly lpMaxSensitive?: number;
  /** Cells in an LP neighbourhood at most. */
  readonly lpMaxCells?: number;
  /**
   * Cells at most in the last, wide LP neighbourhood (every line followed, no hop limit) tried, in
   * the LP method only, when the 3- and 5-hop neighbourhoods fail (they can be cut off by lpMaxCells
   * before they reach the totals an aggregate cell needs, e.g. across linked tables).
   */
  readonly lpWideCells?: number;
  /**
   * Seconds the careful search may take for one group; after that the remaining sensitive cells only
   * get hypercubes (no LP), so a release always finishes. Unlimited when absent.
   */
  readonly budgetSeconds?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface SecondaryResult {
  readonly method: Exclude<Method, "auto">;
  readonly sensitive: number;
  readonly secondary: number;
  /** Sensitive cells for which no step found a protecting change (the audit will name them). */
  readonly unresolved: number;
  /** The first few of them (canonical ids), for diagnosis. */
  readonly unresolvedCells?: readonly number[];
  readonly lpSolves: number;
}

function suppress(p: Problem, cells: Iterable<number>): void {
  for (const c of cells) p.suppressed[p.canon[c] as number] = 1;
}

/** The cheapest LP change for each demand of `c` not yet met, within its neighbourhood. */
async function protectByLp(
  p: Problem,
  c: number,
  demands: readonly Demand[],
  maxCells: number,
  wideCells: number,
): Promise<{ ok: boolean; solves: number }> {
  let solves = 0;
  for (const dm of demands) {
    for (const [dir, size] of [
      [1, dm.up],
      [-1, dm.down],
    ] as const) {
      if (size <= 0) continue;
      const single: Demand = { m: dm.m, up: dir > 0 ? size : 0, down: dir < 0 ? size : 0 };
      if (findHypercube(p, c, [single], { zeroCost: true, perDim: 3 })) continue;
      let done = false;
      const x = p.values.get(dm.m)?.[c] as number;
      // Per dimension first (the cell's parts, totals and a few partners, in every linked table),
      // then along lines, 3 and 5 hops, and (LP method only) without a hop limit.
      const hoods: (() => { cells: number[]; last: boolean })[] = [
        () => ({ cells: structuralNeighbourhood(p, c, maxCells).cells, last: false }),
      ];
      const steps: [number, number][] = [
        [3, maxCells],
        [5, maxCells],
      ];
      if (wideCells > maxCells) steps.push([Number.POSITIVE_INFINITY, wideCells]);
      for (const [hops, max] of steps)
        hoods.push(() => {
          const hood = neighbourhood(p, c, hops, max);
          // A complete neighbourhood is the whole connected part: a wider one adds nothing.
          return { cells: hood.cells, last: hood.complete };
        });
      for (const hood of hoods) {
        const near = hood();
        solves++;
        const moved = await cheapestChange(p, dm.m, c, x + dir * size, near.cells);
        if (moved) {
          suppress(p, moved);
          done = true;
          break;
        }
        if (near.last) break;
      }
      if (!done && wideCells > 0) {
        // Last resort (LP method; the hypercube method tried these before): the cheapest hypercube
        // with new complements, checked against every row.
        const one =
          findHypercube(p, c, [single], { zeroCost: false, perDim: 3 }) ??
          findHypercube(p, c, [single], { zeroCost: false, perDim: 6 });
        if (one) {
          suppress(p, one.cells);
          done = true;
        }
      }
      if (!done) return { ok: false, solves };
    }
  }
  return { ok: true, solves };
}

/** The cheapest hypercube meeting every demand, else one per demand and direction. */
function protectByHypercubes(p: Problem, c: number, demands: readonly Demand[]): boolean {
  const found = findHypercube(p, c, demands, { zeroCost: false });
  if (found) {
    suppress(p, found.cells);
    return true;
  }
  // Both directions need not share one hypercube.
  const split = demands.flatMap((d) => [
    { m: d.m, up: d.up, down: 0 },
    { m: d.m, up: 0, down: d.down },
  ]);
  let ok = true;
  for (const d of split) {
    if (d.up === 0 && d.down === 0) continue;
    if (findHypercube(p, c, [d], { zeroCost: true, perDim: 3 })) continue;
    const one =
      findHypercube(p, c, [d], { zeroCost: false, perDim: 3 }) ??
      findHypercube(p, c, [d], { zeroCost: false, perDim: 6 });
    if (one) suppress(p, one.cells);
    else ok = false;
  }
  return ok;
}

/** Chooses the complementary suppressions for the primary pattern in `p` (sensitive ⊆ suppressed). */
export async function secondarySuppression(
  p: Problem,
  options: SecondaryOptions = {},
): Promise<SecondaryResult> {
  const sensitive = p.sensitiveCells();
  for (const c of sensitive) p.suppressed[c] = 1;
  const before = countSuppressed(p);
  const want = options.method ?? "auto";
  let method: Exclude<Method, "auto">;
  if (want === "auto") {
    if (mipFits(p, options.mipMaxCells ?? 300, options.mipMaxTests ?? 40)) method = "mip";
    else method = sensitive.length <= (options.lpMaxSensitive ?? 2000) ? "lp" : "hypercube";
  } else method = want;
  let lpSolves = 0;
  let unresolved = 0;
  const unresolvedCells: number[] = [];
  if (method === "mip" && (await solveMip(p))) {
    return {
      method,
      sensitive: sensitive.length,
      secondary: countSuppressed(p) - before,
      unresolved,
      lpSolves: 1,
    };
  }
  if (method === "mip") method = "lp";
  // The most detailed cells first: their complements often protect the totals above them too.
  const order = sensitive
    .map((c) => ({ c, cube: p.cubeOf(c), w: p.weight[c] as number }))
    .sort((a, b) => b.cube - a.cube || a.w - b.w || a.c - b.c)
    .map((x) => x.c);
  const lpMax = options.lpMaxCells ?? 3000;
  const lpWide = options.lpWideCells ?? 20_000;
  const deadline = Date.now() + (options.budgetSeconds ?? Number.POSITIVE_INFINITY) * 1000;
  const protect = async (c: number, useLp: boolean): Promise<boolean> => {
    const demands = demandsOf(p, c);
    if (demands.length === 0) return true;
    if (findHypercube(p, c, demands, { zeroCost: true })) return true;
    if (method === "hypercube" || !useLp) {
      if (protectByHypercubes(p, c, demands)) return true;
      if (!useLp) return false;
    }
    // The wide LP only in the LP method (small problems): with thousands of fallbacks it is too slow.
    const r = await protectByLp(p, c, demands, lpMax, method === "lp" ? lpWide : 0);
    lpSolves += r.solves;
    return r.ok;
  };
  let done = 0;
  const failed: number[] = [];
  for (const c of order) {
    done++;
    if (done % 1000 === 0) options.onProgress?.(done, order.length);
    if (!(await protect(c, Date.now() < deadline))) failed.push(c);
  }
  // A cell that failed in its turn may be protected by complements chosen later for other cells;
  // the rest get one more try (LP as well, while the budget lasts).
  for (const c of failed) {
    if (await protect(c, Date.now() < deadline)) continue;
    unresolved++;
    if (unresolvedCells.length < 20) unresolvedCells.push(c);
  }
  options.onProgress?.(order.length, order.length);
  return {
    method,
    sensitive: sensitive.length,
    secondary: countSuppressed(p) - before,
    unresolved,
    unresolvedCells,
    lpSolves,
  };
}

/** A simple hypercube heuristic (each sensitive cell its own cheapest hypercube, no reuse): a baseline. */
export function baselineHypercube(p: Problem): { suppressed: number; unresolved: number } {
  const sensitive = p.sensitiveCells();
  for (const c of sensitive) p.suppressed[c] = 1;
  let unresolved = 0;
  for (const c of sensitive) {
    const found = findHypercube(p, c, demandsOf(p, c), { zeroCost: false, noReuse: true, perDim: 1 });
    if (found) suppress(p, found.cells);
    else unresolved++;
  }
  return { suppressed: countSuppressed(p), unresolved };
}

export function countSuppressed(p: Problem): number {
  let n = 0;
  for (let g = 0; g < p.size; g++) if (p.canon[g] === g && p.suppressed[g]) n++;
  return n;
}
