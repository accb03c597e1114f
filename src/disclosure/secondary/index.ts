// Secondary suppression: adds cells to the suppressed set until every sensitive cell can move as far
// as its requirement asks under every relation. Small problems are solved exactly (MIP); otherwise
// each sensitive cell in turn, per measure and direction not yet met by suppressed cells: the
// cheapest hypercube, else the cheapest change an LP finds among the cell's parts, totals and
// partners (in every linked table), else LPs over wider neighbourhoods. After a time budget only
// hypercubes are tried, so a release always finishes. Adding suppression never unprotects a cell, so
// one pass protects all that a step met; the audit then checks the result independently.
import { cheapestChange } from "../lp.ts";
import { neighbourhood, structuralNeighbourhood } from "../model/neighbourhood.ts";
import type { Cube, Problem } from "../model/problem.ts";
import type { HintMap } from "./hints.ts";
import {
  type Carry,
  type Demand,
  demandsOf,
  findHypercube,
  hypercubeSupport,
  type Product,
  productHolds,
  productSupport,
} from "./hypercube.ts";
import { mipFits, solveMip } from "./mip.ts";
import { ProvenMoves } from "./proven.ts";
import type { Witnesses } from "./witnesses.ts";

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
  /**
   * The same as an instant (ms since 1970), which takes precedence: a group protected period by period
   * gives its layers (in any thread) and its repair one deadline, so the budget is the group's.
   */
  readonly deadline?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * The suppressed cells already protect most sensitive cells (layers protected alone and aligned):
   * a small LP looks for that protection before new complements are chosen.
   */
  readonly seeded?: boolean;
  /** Keep, per sensitive cell, the hypercubes that met its demands (`SecondaryResult.hints`). */
  readonly collectHints?: boolean;
  /**
   * Hypercubes to check first, per canonical cell, their period dimension searched again: a period
   * layer's, for the repair over all periods (hints.ts).
   */
  readonly hints?: { get(c: number): readonly Product[] | undefined };
  /** Where to keep the change that met each protection test, for the audit to check (witnesses.ts). */
  readonly witnesses?: Witnesses;
  /**
   * Only these sensitive cells are protected here: a share of a repair split over threads
   * (layers/repair.ts); the others stay suppressed and are protected in another share.
   */
  readonly cells?: readonly number[];
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
  /** How the protection tests were met (not for the exact MIP). */
  readonly steps?: StepCounts;
  /** With `collectHints`: the hypercubes that met each cell's demands. */
  readonly hints?: HintMap;
}

function suppress(p: Problem, cells: Iterable<number>): void {
  for (const c of cells) p.suppressed[p.canon[c] as number] = 1;
}

/** How each protection test (sensitive cell × measure × direction) was met. */
export interface StepCounts {
  /** By cells already suppressed (a hypercube of them, or the whole cell at once). */
  free: number;
  /** Of those, by a hypercube handed in (`hints`), its period carried. */
  hinted: number;
  /** By the cheapest change an LP found (possibly of cells already suppressed only). */
  lp: number;
  /** By the cheapest hypercube with new complements. */
  hypercube: number;
  /** By a change found for another cell that moved this one far enough (no search of its own). */
  shared: number;
}

interface Context {
  readonly p: Problem;
  readonly maxCells: number;
  /** Cells of the last, widest LP neighbourhood (0: not tried). */
  readonly wideCells: number;
  /** LP before costly hypercubes (the LP method); otherwise hypercubes first, and a joint one. */
  readonly lpFirst: boolean;
  readonly seeded: boolean;
  readonly steps: StepCounts;
  readonly hints: SecondaryOptions["hints"];
  /** The last cell whose hints were decoded, and them: a cell's demands all ask for the same. */
  lastHinted: { c: number; products: readonly Product[] | undefined } | null;
  /** Where the hypercubes found are kept (`collectHints`), else null. */
  readonly hintsFound: HintMap | null;
  readonly witnesses: Witnesses | undefined;
  /** How far accepted changes moved each sensitive cell, and for which cell they were found. */
  readonly proven: ProvenMoves;
  /** The cell being protected: the source of the changes accepted now. */
  current: number;
  /** Told every accepted change (findHypercube's `found`). */
  readonly found: (m: string, delta: ReadonlyMap<number, number>) => void;
  lpSolves: number;
}

/**
 * Keeps the hypercube that met `demands` of `c` (one measure and direction, or all that are left): as
 * a hint for a later repair and as a witness for the audit, one for every demand of the cell where
 * `whole`, else one per measure and direction it met (others were met by other cells' changes).
 */
function remember(
  ctx: Context,
  c: number,
  { product, carry }: { readonly product: Product; readonly carry: Carry },
  demands: readonly Demand[],
  whole: boolean,
): void {
  if (whole) ctx.witnesses?.addProduct(c, null, 0, product, carry);
  else
    for (const d of demands) {
      if (d.up > 0) ctx.witnesses?.addProduct(c, d.m, 1, product, carry);
      if (d.down > 0) ctx.witnesses?.addProduct(c, d.m, -1, product, carry);
    }
  keepHint(ctx, c, product);
}

function keepHint(ctx: Context, c: number, product: Product): void {
  if (!ctx.hintsFound) return;
  const list = ctx.hintsFound.get(c);
  if (list) list.push(product);
  else ctx.hintsFound.set(c, [product]);
}

/**
 * Whether a hypercube handed in for `c` (hints) meets `demands` with cells already suppressed: every
 * dimension's move as it was, the period dimension searched afresh (the cell alone, with its quarter,
 * year and windows, through its months, …), as the layer that found it held one period only.
 */
function hintsOf(ctx: Context, c: number): readonly Product[] | undefined {
  if (ctx.lastHinted?.c !== c) ctx.lastHinted = { c, products: ctx.hints?.get(c) };
  return ctx.lastHinted.products;
}

function byHint(ctx: Context, c: number, demands: readonly Demand[], whole: boolean): boolean {
  const products = hintsOf(ctx, c);
  if (!products) return false;
  const dims = (ctx.p.cubes[ctx.p.cubeOf(c)] as Cube).dims;
  for (const product of products) {
    const fixed = product.map((mv, d) => (dims[d]?.kind === "period" ? undefined : mv));
    const hit = findHypercube(ctx.p, c, demands, { zeroCost: true, perDim: 3, fixed, found: ctx.found });
    if (hit) {
      remember(ctx, c, hit, demands, whole);
      return true;
    }
  }
  return false;
}

/** The cheapest LP change within the cells of `near`, suppressed; whether one was found. */
async function byLp(ctx: Context, c: number, d: Demand, goal: number, near: number[]): Promise<boolean> {
  ctx.lpSolves++;
  const change = await cheapestChange(ctx.p, d.m, c, goal, near);
  if (!change) return false;
  const { moved, delta } = change;
  suppress(ctx.p, moved);
  ctx.witnesses?.addDelta(c, d.m, d.up > 0 ? 1 : -1, delta);
  ctx.found(d.m, delta);
  // No cell had to move that was published: the cell was protected already (no hypercube showed it).
  if (moved.length === 0) ctx.steps.free++;
  else ctx.steps.lp++;
  return true;
}

/**
 * Meets one demand (one measure, one direction) of `c`: by suppressed cells alone if a hypercube of
 * them does it; else with new complements. Large problems: the cheapest hypercube (fast, checked
 * against every row), then (`useLp`) the cheapest LP change per dimension (the cell's parts, totals
 * and partners in every linked table) and along lines (3 and 5 hops). Small problems (LP method): the
 * LP along lines (3, 5 hops, then wide), then a hypercube; a cell neither protects waits for the
 * `final` pass, which tries the LP per dimension and over the suppressed component.
 */
async function protectDemand(
  ctx: Context,
  c: number,
  d: Demand,
  useLp: boolean,
  final: boolean,
): Promise<boolean> {
  const { p } = ctx;
  if (byHint(ctx, c, [d], false)) {
    ctx.steps.free++;
    ctx.steps.hinted++;
    return true;
  }
  const free = findHypercube(p, c, [d], { zeroCost: true, perDim: 3, found: ctx.found });
  if (free) {
    remember(ctx, c, free, [d], false);
    ctx.steps.free++;
    return true;
  }
  const byHypercube = () => {
    const one =
      findHypercube(p, c, [d], { zeroCost: false, perDim: 3, found: ctx.found }) ??
      findHypercube(p, c, [d], { zeroCost: false, perDim: 6, found: ctx.found });
    if (!one) return false;
    remember(ctx, c, one, [d], false);
    suppress(p, one.cells);
    ctx.steps.hypercube++;
    return true;
  };
  const x = p.values.get(d.m)?.[c] as number;
  const goal = d.up > 0 ? x + d.up : x - d.down;
  type Hood = () => { cells: number[]; last: boolean };
  const along =
    (hops: number, max: number): Hood =>
    () => {
      const hood = neighbourhood(p, c, hops, max);
      // A complete neighbourhood is the whole connected part: a wider one adds nothing.
      return { cells: hood.cells, last: hood.complete };
    };
  const perDimension: Hood = () => ({
    cells: structuralNeighbourhood(p, c, ctx.maxCells).cells,
    last: false,
  });
  // Perhaps already protected through suppressed cells far away (as the audit's component LP would
  // find), which neighbourhoods cut through published cells miss.
  const suppressedComponent: Hood = () => ({
    cells: neighbourhood(p, c, Number.POSITIVE_INFINITY, ctx.wideCells, (y) => p.suppressed[y] === 1).cells,
    last: true,
  });
  const byLps = async (hoods: readonly Hood[]) => {
    for (const hood of hoods) {
      const near = hood();
      if (await byLp(ctx, c, d, goal, near.cells)) return true;
      if (near.last) break;
    }
    return false;
  };
  if (ctx.lpFirst) {
    if (final) return useLp && (await byLps([perDimension, suppressedComponent]));
    const hoods = [along(3, ctx.maxCells), along(5, ctx.maxCells)];
    if (ctx.wideCells > ctx.maxCells) hoods.push(along(Number.POSITIVE_INFINITY, ctx.wideCells));
    if (useLp && (await byLps(hoods))) return true;
    return byHypercube();
  }
  // The LP over the cheapest hypercubes' cells and their periods: it may combine them and let each
  // cell's quarter follow it or not, and it is small (≈ 300 cells, ≈ 10 ms).
  const support: Hood = () => ({ cells: hypercubeSupport(p, c, [d]), last: false });
  // Seeded (most cells protected already), it comes before a new hypercube: mostly it finds that
  // protection. Otherwise after: on one scale-0.05 month that took the secondary step from 55 s to
  // 37 s with the same cells (before: 51 s, 1 % fewer cells).
  // Seeded with the layer's hypercubes: first the LP over their corners and periods alone (≈ 100
  // cells), where each corner's quarter may follow it or not.
  const hinted = hintsOf(ctx, c);
  const hintSupport: Hood = () => ({ cells: productSupport(p, c, [d], hinted ?? []), last: false });
  if (useLp && ctx.seeded && hinted && (await byLps([hintSupport]))) return true;
  if (useLp && ctx.seeded && (await byLps([support]))) return true;
  if (byHypercube()) return true;
  if (useLp && !ctx.seeded && (await byLps([support]))) return true;
  // One partner per dimension first: a model a third the size, and on a scale-0.05 month it met every
  // demand the three-partner one met (916 of 916), in ≈ 50 s of secondary instead of 91.
  const perDimensionSmall: Hood = () => ({
    cells: structuralNeighbourhood(p, c, ctx.maxCells, 1).cells,
    last: false,
  });
  // Last, in the final pass only (a few cells): every partner of each dimension (all age bands, both
  // genders), up to 20,000 cells. A quarter's cell whose period relation fails on its own line (age on
  // the period's last day) but holds on its totals' lines needs its months to move at the totals and
  // the bands its persons were in during the months; no smaller neighbourhood holds them all.
  const perDimensionWide: Hood = () => ({
    cells: structuralNeighbourhood(p, c, WIDE_CELLS, 12).cells,
    last: true,
  });
  // Seeded (a repair over all periods), the three-partner LP after the one-partner one met none of 71
  // tests in a sample of the 18-period release, and the lines' LPs met the same with half the cells
  // (repair 105.7 → 97.8 s, the same pattern): both left out there, but in the final pass.
  const lean = ctx.seeded && !final;
  const lineCells = lean ? Math.min(ctx.maxCells, 1500) : ctx.maxCells;
  const hoods = [
    perDimensionSmall,
    ...(lean ? [] : [perDimension]),
    along(3, lineCells),
    along(5, lineCells),
  ];
  if (final) hoods.push(perDimensionWide);
  return useLp && (await byLps(hoods));
}

/** Cells of the widest per-dimension LP neighbourhood, tried in the final pass. */
const WIDE_CELLS = 20_000;

const tests = (demands: readonly Demand[]) =>
  demands.reduce((n, d) => n + (d.up > 0 ? 1 : 0) + (d.down > 0 ? 1 : 0), 0);

/**
 * Every demand of `c`: all at once by suppressed cells, else by one new hypercube, else one measure
 * and direction at a time.
 */
async function protectCell(ctx: Context, c: number, useLp: boolean, final: boolean): Promise<boolean> {
  ctx.current = c;
  const all = demandsOf(ctx.p, c);
  // What changes found for other cells moved this one far enough needs no search of its own (on a
  // scale-0.05 month that halved the step); the audit, which may meet the cells in another order, is
  // told which cell's witnesses hold the change (an alias).
  const demands = ctx.proven.remaining(c, all);
  let shared = 0;
  for (const d of all)
    for (const sign of [1, -1] as const) {
      if ((sign > 0 ? d.up : d.down) <= 0) continue;
      const left = demands.find((x) => x.m === d.m);
      if (left && (sign > 0 ? left.up : left.down) > 0) continue;
      // Met already: by another cell's change, or (in the final pass) by this cell's own.
      const source = ctx.proven.sourceOf(c, d.m, sign);
      if (source === c) continue;
      shared++;
      ctx.witnesses?.addAlias(c, d.m, sign, source);
      // The source's hypercubes hold this cell as a corner: hints for a later repair too (products are
      // per dimension of a cube, so only a source of the same table's; and only those holding this cell,
      // as the change that met the test may have been an LP's).
      if (ctx.p.cubeOf(source) === ctx.p.cubeOf(c))
        for (const product of ctx.hintsFound?.get(source) ?? [])
          if (productHolds(ctx.p, c, product)) keepHint(ctx, c, product);
    }
  ctx.steps.shared += shared;
  if (demands.length === 0) return true;
  const whole = tests(demands) === tests(all);
  if (byHint(ctx, c, demands, whole)) {
    ctx.steps.free += tests(demands);
    ctx.steps.hinted += tests(demands);
    return true;
  }
  const free = findHypercube(ctx.p, c, demands, { zeroCost: true, found: ctx.found });
  if (free) {
    remember(ctx, c, free, demands, whole);
    ctx.steps.free += tests(demands);
    return true;
  }
  // One hypercube for every measure and both directions costs fewer complements than one each (but
  // seeded, the cell is most likely protected already, which the per-demand LP shows).
  const joint =
    ctx.lpFirst || ctx.seeded
      ? null
      : findHypercube(ctx.p, c, demands, { zeroCost: false, found: ctx.found });
  if (joint) {
    remember(ctx, c, joint, demands, whole);
    suppress(ctx.p, joint.cells);
    ctx.steps.hypercube += tests(demands);
    return true;
  }
  let ok = true;
  for (const dm of demands)
    for (const single of [
      { m: dm.m, up: dm.up, down: 0 },
      { m: dm.m, up: 0, down: dm.down },
    ]) {
      if (single.up <= 0 && single.down <= 0) continue;
      if (!(await protectDemand(ctx, c, single, useLp, final))) ok = false;
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
  const order = (options.cells ?? sensitive)
    .map((c) => ({ c, cube: p.cubeOf(c), w: p.weight[c] as number }))
    .sort((a, b) => b.cube - a.cube || a.w - b.w || a.c - b.c)
    .map((x) => x.c);
  const proven = new ProvenMoves(p.size, sensitive);
  const ctx: Context = {
    p,
    maxCells: options.lpMaxCells ?? 3000,
    // The wide LP only in the LP method (small problems): with thousands of fallbacks it is too slow.
    wideCells: method === "lp" ? (options.lpWideCells ?? 20_000) : 0,
    lpFirst: method === "lp",
    seeded: options.seeded ?? false,
    steps: { free: 0, hinted: 0, lp: 0, hypercube: 0, shared: 0 },
    hints: options.hints,
    lastHinted: null,
    hintsFound: options.collectHints ? new Map() : null,
    witnesses: options.witnesses,
    proven,
    current: -1,
    found: (m, delta) => proven.record(m, delta, ctx.current),
    lpSolves: 0,
  };
  const deadline =
    options.deadline ?? Date.now() + (options.budgetSeconds ?? Number.POSITIVE_INFINITY) * 1000;
  let done = 0;
  const failed: number[] = [];
  for (const c of order) {
    done++;
    if (done % 1000 === 0) options.onProgress?.(done, order.length);
    if (!(await protectCell(ctx, c, Date.now() < deadline, false))) failed.push(c);
  }
  // A cell that failed in its turn may be protected by complements chosen later for other cells;
  // the rest get one more try, the final pass (LPs as well, while the budget lasts).
  for (const c of failed) {
    if (await protectCell(ctx, c, Date.now() < deadline, true)) continue;
    unresolved++;
    if (unresolvedCells.length < 20) unresolvedCells.push(c);
  }
  lpSolves += ctx.lpSolves;
  options.onProgress?.(order.length, order.length);
  return {
    method,
    sensitive: order.length,
    secondary: countSuppressed(p) - before,
    unresolved,
    unresolvedCells,
    lpSolves,
    steps: ctx.steps,
    ...(ctx.hintsFound ? { hints: ctx.hintsFound } : {}),
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
