// Hypercube perturbations: for a sensitive cell, a change of its value that every relation tolerates,
// built as the product of one balanced move per dimension (the cell and a partner code, or the cell
// and the totals above it), so each line of the product stays balanced. Across linked tables, a move
// of a shared margin is carried into the other tables by a vertical move (a part and its total). A
// candidate is accepted only after feasibleChange() checked it against every row around it, so the
// search may be rough: it proves protection when it succeeds and never claims it otherwise.
import { type Dim, descendants, type Group } from "../model/dims.ts";
import type { Cube, Problem } from "../model/problem.ts";
import { feasibleChange } from "../model/rows.ts";

/** How far a sensitive cell must be able to move, per measure: up and down (0: no demand). */
export interface Demand {
  readonly m: string;
  readonly up: number;
  readonly down: number;
}

export function demandsOf(p: Problem, c: number): Demand[] {
  const out: Demand[] = [];
  for (const [m, req] of p.requirement) {
    const x = p.values.get(m)?.[c] as number;
    if (Number.isNaN(x)) continue;
    const upT = req.up[c] as number;
    const downT = req.down[c] as number;
    const up = Number.isNaN(upT) ? 0 : Math.max(0, upT - x);
    const down = Number.isNaN(downT) ? 0 : Math.max(0, x - downT);
    if (up > 0 || down > 0) out.push({ m, up, down });
  }
  return out;
}

/** A balanced move along one dimension: codes (indices) and their coefficients. */
export interface Move {
  readonly codes: number[];
  readonly coefs: number[];
}

/**
 * A hypercube as found: one move per dimension of the cell's cube. Kept for a period's layer so that
 * the repair over all periods can check the same hypercube again (its period carried) before it
 * searches (DESIGN.md, Decomposition by period).
 */
export type Product = readonly Move[];

/**
 * Which leaf of each extra dimension of each linked table carried a margin's change (walk), in the
 * order walk meets them. The choice prefers suppressed leaves, so it depends on the pattern at the
 * time: a witness keeps it, or a later check of the same product could build another change.
 */
export type Carry = readonly number[];

/** The coefficient of `code` in `mv` (0 if it does not move). */
function coefAt(mv: Move, code: number): number {
  const i = mv.codes.indexOf(code);
  return i < 0 ? 0 : (mv.coefs[i] as number);
}

/** Whether `product` (one move per dimension of `c`'s cube) moves `c` itself by exactly 1. */
export function productHolds(p: Problem, c: number, product: Product): boolean {
  const cube = p.cubes[p.cubeOf(c)] as Cube;
  return (
    product.length === cube.dims.length && product.every((mv, d) => coefAt(mv, p.coord(cube, c, d)) === 1)
  );
}

/** The balanced move of a dimension: +1 on every code covering `leaf`, −1 on those covering `partner`. */
function move(dim: Dim, leaf: number, partner: number): Move {
  const coef = new Map<number, number>();
  for (const x of dim.covering[leaf] ?? []) coef.set(x, 1);
  if (partner >= 0) for (const x of dim.covering[partner] ?? []) coef.set(x, (coef.get(x) ?? 0) - 1);
  const codes: number[] = [];
  const coefs: number[] = [];
  for (const [x, a] of coef)
    if (a !== 0) {
      codes.push(x);
      coefs.push(a);
    }
  return { codes, coefs };
}

/**
 * Leaves other than `own` nearest to `leaf` in the hierarchy (under its smallest totals first), at
 * least `enough` of them where there are: the partners worth trying, as farther ones move more totals.
 */
function nearLeaves(dim: Dim, leaf: number, own: ReadonlySet<number>, enough: number): number[] {
  const above = [...(dim.covering[leaf] ?? [])].sort(
    (a, b) => (dim.leaves[a]?.length ?? 0) - (dim.leaves[b]?.length ?? 0),
  );
  const out: number[] = [];
  const seen = new Set<number>();
  for (const a of above) {
    for (const x of dim.leaves[a] ?? [])
      if (!own.has(x) && !seen.has(x)) {
        seen.add(x);
        out.push(x);
      }
    if (out.length >= enough) break;
  }
  return out;
}

/**
 * Moves of aggregate `code` through all its descendants in proportion to their values (so emptying
 * the aggregate empties each part, and every row among them stays balanced): alone (a flat total),
 * with every total above it, or against a sibling moving the other way the same proportional way.
 */
function splitMoves(dim: Dim, code: number, value: (code: number) => number): Move[] {
  const v0 = value(code);
  if (!(v0 > 0)) return [];
  const proportional = (top: number, sign: number, coef: Map<number, number>) => {
    const vt = value(top);
    coef.set(top, sign);
    for (const y of descendants(dim, top)) {
      const vy = value(y);
      if (vy > 0) coef.set(y, (sign * vy) / vt);
    }
  };
  const own = new Map<number, number>();
  proportional(code, 1, own);
  const parents = (dim.groupsOf[code] ?? [])
    .map((gi) => dim.groups[gi])
    .filter((g) => g !== undefined && g.parent !== code);
  const out: Move[] = [];
  const toMove = (coef: Map<number, number>): Move => ({
    codes: [...coef.keys()],
    coefs: [...coef.values()],
  });
  if (parents.length === 0) return [toMove(own)];
  // A period's totals above may also stay: distinct persons within the slack of the year's union of
  // quarters (a quarter of people who are there all year empties without the year, which cannot fall
  // below its last quarter).
  if (dim.kind === "period") out.push(toMove(own));
  // With every total above (each code's totals, transitively: in periods a quarter's year and windows).
  const up = new Map(own);
  let frontier = [code];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const x of frontier)
      for (const gi of dim.groupsOf[x] ?? []) {
        const g = dim.groups[gi];
        if (g && g.parent !== x && !up.has(g.parent)) {
          up.set(g.parent, 1);
          next.push(g.parent);
        }
      }
    frontier = next;
  }
  out.push(toMove(up));
  // Against the largest siblings, which take the opposite change.
  const siblings = parents
    .flatMap((g) => g?.children ?? [])
    .filter((x) => x !== code && value(x) > 0)
    .sort((a, b) => value(b) - value(a))
    .slice(0, 3);
  for (const s of siblings) {
    const coef = new Map(own);
    const scaled = new Map<number, number>();
    proportional(s, -1, scaled);
    for (const [x, a] of scaled) coef.set(x, (coef.get(x) ?? 0) + a);
    out.push(toMove(coef));
  }
  return out;
}

export interface SearchOptions {
  /** Only cells already suppressed may move (proof of protection; audit and checks). */
  readonly zeroCost: boolean;
  /** Candidate moves kept per dimension. */
  readonly perDim?: number;
  /** Count already suppressed cells at their full weight (the simple baseline heuristic). */
  readonly noReuse?: boolean;
  /**
   * Told every change of the hypercube found that met a demand (measure, canonical id → change): points
   * the attacker cannot rule out once its cells are suppressed (ProvenMoves).
   */
  readonly found?: (m: string, delta: ReadonlyMap<number, number>) => void;
  /** Per dimension, a move to use as the only candidate there (undefined: search that dimension). */
  readonly fixed?: readonly (Move | undefined)[];
}

interface Candidate {
  readonly cells: Map<number, number>;
  readonly days: Map<number, number>;
  readonly mean: Map<number, ReadonlySet<string>>;
  readonly cost: number;
  readonly carry: Carry;
}

/** Per dimension, the candidate moves of `c` (see findHypercube), or null if a dimension has none. */
function productMoves(
  p: Problem,
  c: number,
  demands: readonly Demand[],
  options: SearchOptions,
): { k: number; coords: number[]; moves: Move[][] } | null {
  const k = p.cubeOf(c);
  const cube = p.cubes[k] as Cube;
  const coords = cube.dims.map((_, d) => p.coord(cube, c, d));
  const primary = demands[0] as Demand;
  const primaryValues = p.values.get(primary.m) as Float64Array;
  const perDim = options.perDim ?? 2;
  const cost = (g: number) => {
    const id = p.canon[g] as number;
    return p.suppressed[id] && !options.noReuse ? 0 : (p.weight[id] as number);
  };
  const lineCell = (d: number, code: number) =>
    cube.offset + c - cube.offset + (code - (coords[d] as number)) * (cube.strides[d] as number);

  // Per dimension, the cheapest few balanced moves with room in the line through the cell.
  const extension = cube.linkedCube >= 0;
  const extra = new Set(
    extension ? cube.dims.map((_, d) => d).filter((d) => !cube.sharedDims.includes(d)) : [],
  );
  const moves: Move[][] = cube.dims.map((dim, d) => {
    const code = coords[d] as number;
    // A move handed in must move the cell itself by 1 (a hint of another cell would prove nothing).
    const fixed = options.fixed?.[d];
    if (fixed) return coefAt(fixed, code) === 1 ? [fixed] : [];
    if (cube.free[d] || dim.groupsOf[code]?.length === 0) return [{ codes: [code], coefs: [1] }];
    const leaves = (dim.leaves[code] ?? []).slice();
    if (leaves.length > 1)
      leaves.sort((a, b) => {
        const ga = lineCell(d, a);
        const gb = lineCell(d, b);
        return (
          cost(ga) - cost(gb) ||
          (primaryValues[p.canon[gb] as number] as number) - (primaryValues[p.canon[ga] as number] as number)
        );
      });
    const own = new Set(dim.leaves[code]);
    const scored: { m: Move; score: number; split?: boolean }[] = [];
    const consider = (mv: Move, keepsMargin: boolean, split = false) => {
      // A move between two leaves under the cell (months of a quarter) leaves the cell where it is.
      if (!mv.codes.includes(code)) return;
      let score = 0;
      for (let j = 0; j < mv.codes.length; j++) {
        const x = mv.codes[j] as number;
        if (x === code) continue;
        const g = lineCell(d, x);
        const v = primaryValues[p.canon[g] as number] as number;
        const a = mv.coefs[j] as number;
        const room = Math.abs(a) * (a < 0 ? primary.up : primary.down);
        if (Number.isNaN(v) || v < room - 1e-9) return;
        const w = cost(g);
        if (options.zeroCost && w > 0) return;
        score += w;
      }
      // In a linked table, a move that keeps the shared margin still keeps the other tables out.
      if (extra.has(d) && keepsMargin) score += 1e6;
      scored.push({ m: mv, score, split });
    };
    // A period may move alone: distinct persons within the slack of their union (persons counted in
    // several months of the quarter), and any measure on a line with no period relation (an age band:
    // a band's quarter is tied to its last month only). The cheapest move when it fits, which works()
    // decides; it is tried first, beside the others.
    const alone = dim.kind === "period" ? { codes: [code], coefs: [1] } : null;
    for (const leaf of leaves.slice(0, 2))
      for (const partner of [-1, ...nearLeaves(dim, leaf, own, 12)])
        consider(move(dim, leaf, partner), partner < 0);
    // An aggregate can also move through all its parts at once, each in proportion to its value on the
    // cell's line (one part alone has too little room to empty it: a quarter of one person is that
    // person in each month). Measure by measure, as the shares differ. Along a `mean` relation (fte
    // over periods) a move is held in person-days (works() divides by each period's days), so the
    // shares are of value × days.
    if (leaves.length > 1 && demands.length === 1) {
      const byDays = cube.relations.get(primary.m)?.[d] === "mean";
      const value = (x: number) =>
        (primaryValues[p.canon[lineCell(d, x)] as number] as number) * (byDays ? (dim.days[x] as number) : 1);
      for (const mv of splitMoves(dim, code, value)) consider(mv, false, true);
    }
    scored.sort((a, b) => a.score - b.score);
    const kept = scored.slice(0, perDim);
    // The vertical move (the cell and every total above it) always balances and, going up, always has
    // room: keep one as the last resort.
    const vertical = scored.find((x) => x.m.coefs.every((a) => a > 0));
    if (vertical && !kept.includes(vertical)) kept.push(vertical);
    // So is the cheapest move through all parts: often the only way down for an aggregate (a quarter
    // stays at least each of its months), however cheap a move through one part looks. In periods, the
    // cheapest is the one whose year stays; keep the one taking it along too (sums and means need it).
    for (const split of scored.filter((x) => x.split).slice(0, dim.kind === "period" ? 2 : 1))
      if (!kept.includes(split)) kept.push(split);
    if (alone) kept.unshift({ m: alone, score: 0 });
    return kept.map((x) => x.m);
  });
  if (moves.some((m) => m.length === 0)) return null;
  return { k, coords, moves };
}

/**
 * A perturbation of canonical cell `c` that meets `demands` (each measure, the directions asked
 * for), as the set of cells it moves, and the weight of those not yet suppressed; null if none of the
 * candidates tried works.
 */
export function findHypercube(
  p: Problem,
  c: number,
  demands: readonly Demand[],
  options: SearchOptions,
): { cells: number[]; cost: number; product: Product; carry: Carry } | null {
  if (demands.length === 0) return { cells: [c], cost: 0, product: [], carry: [] };
  const product = productMoves(p, c, demands, options);
  if (!product) return null;
  const { k, coords, moves } = product;

  // Only the cheapest combinations are built and checked against the rows.
  const chosen = (ch: readonly number[]) => moves.map((m, d) => m[ch[d] as number] as Move);
  for (const ch of cheapestCombinations(p, k, coords, moves, demands, options.zeroCost, 24)) {
    const cand = assemble(p, k, coords, chosen(ch), demands) as Candidate;
    const extra = works(p, c, cand, demands, options.zeroCost, options.found);
    if (extra) return { ...withExtra(p, cand, extra), product: chosen(ch), carry: cand.carry };
  }
  // Last resort: every dimension vertical (the cell, a part below an aggregate, and all totals above
  // it), often dear but going up it always has room. Each dimension may hold several such moves: an
  // aggregate's part (a quarter's month, a job centre's municipality), the move through all parts, or
  // the cell alone within the slack of a union; the first of each is not always the one with room
  // (a quarter of one person going up needs the month that person is in).
  const upright = moves.map((m) => m.filter((x) => x.coefs.every((a) => a > 0)));
  if (upright.every((m) => m.length > 0)) {
    const choice = new Array<number>(upright.length).fill(0);
    const lengths = upright.map((m) => m.length);
    for (let tried = 0; tried < 16; tried++) {
      const chosen = upright.map((m, d) => m[choice[d] as number] as Move);
      const cand = assemble(p, k, coords, chosen, demands, options.zeroCost);
      const extra =
        cand && (!options.zeroCost || cand.cost === 0)
          ? works(p, c, cand, demands, options.zeroCost, options.found)
          : null;
      if (cand && extra) return { ...withExtra(p, cand, extra), product: chosen, carry: cand.carry };
      if (!nextCombination(choice, lengths)) break;
    }
  }
  return null;
}

/**
 * Whether `product` (one move per dimension of `c`'s cube, as findHypercube returned it, with the
 * linked tables' leaves it used: `carry`) moves only suppressed cells and meets `demands` under every
 * row: a witness checked again (the audit).
 */
export function checkProduct(
  p: Problem,
  c: number,
  demands: readonly Demand[],
  product: Product,
  found?: (m: string, delta: ReadonlyMap<number, number>) => void,
  carry?: Carry,
): boolean {
  const k = p.cubeOf(c);
  const cube = p.cubes[k] as Cube;
  if (product.length !== cube.dims.length) return false;
  const coords = cube.dims.map((_, d) => p.coord(cube, c, d));
  const cand = assemble(p, k, coords, product, demands, true, carry);
  // The cell itself must move by exactly the demand (coefficient 1), or the check proves nothing.
  return cand !== null && cand.cells.get(c) === 1 && works(p, c, cand, demands, true, found) !== null;
}

/**
 * The cells of the `count` cheapest candidate hypercubes of `c` (published cells too), with every
 * period related to each of them (its quarter, year and windows; a quarter's months): the variables
 * of a small LP that may combine candidates and let each cell's periods follow it or not, which no
 * single product can (a corner going down may need its quarter to stay while the cell's goes up).
 */
export function hypercubeSupport(p: Problem, c: number, demands: readonly Demand[], count = 8): number[] {
  const product = productMoves(p, c, demands, { zeroCost: false, perDim: 3 });
  if (!product) return [c];
  const { k, coords, moves } = product;
  const chosen = (ch: readonly number[]) => moves.map((m, d) => m[ch[d] as number] as Move);
  const cells = new Set<number>([c]);
  for (const ch of cheapestCombinations(p, k, coords, moves, demands, false, count))
    walk(p, k, coords, chosen(ch), demands, false, (id) => {
      cells.add(id);
    });
  return withPeriods(p, cells);
}

/**
 * The same for hypercubes handed in (a period layer's, hints.ts), each held at `c`'s own period: the
 * corners of the layer's protection and their periods, a smaller LP than hypercubeSupport's.
 */
export function productSupport(
  p: Problem,
  c: number,
  demands: readonly Demand[],
  products: readonly Product[],
): number[] {
  const k = p.cubeOf(c);
  const cube = p.cubes[k] as Cube;
  const coords = cube.dims.map((_, d) => p.coord(cube, c, d));
  const cells = new Set<number>([c]);
  for (const product of products) {
    if (product.length !== cube.dims.length) continue;
    const held = product.map((mv, d) =>
      cube.dims[d]?.kind === "period" ? { codes: [coords[d] as number], coefs: [1] } : mv,
    );
    walk(p, k, coords, held, demands, false, (id) => {
      cells.add(id);
    });
  }
  return withPeriods(p, cells);
}

/** `cells` with every period related to each (its quarter, year and windows; a quarter's months). */
function withPeriods(p: Problem, cells: Set<number>): number[] {
  for (const id of [...cells]) {
    const at = periodOf(p, id);
    if (!at) continue;
    const stride = at.cube.strides[0] as number;
    for (const gi of at.dim.groupsOf[at.code] ?? []) {
      const g = at.dim.groups[gi];
      if (!g) continue;
      for (const u of [g.parent, ...g.children])
        if (u !== at.code) cells.add(p.canon[id + (u - at.code) * stride] as number);
    }
  }
  return [...cells];
}

/**
 * Steps `choice` (one index per position, position i below `lengths[i]`) to the next combination,
 * the first position fastest; false once every combination has been visited.
 */
function nextCombination(choice: number[], lengths: readonly number[]): boolean {
  let d = 0;
  while (d < choice.length && (choice[d] as number) + 1 >= (lengths[d] as number)) choice[d++] = 0;
  if (d === choice.length) return false;
  choice[d] = (choice[d] as number) + 1;
  return true;
}

/**
 * The `count` cheapest combinations of one move per dimension (indices into `moves`), each priced by
 * a walk that allocates nothing; with `zeroCost`, only those that move suppressed cells alone.
 */
function cheapestCombinations(
  p: Problem,
  k: number,
  coords: readonly number[],
  moves: readonly Move[][],
  demands: readonly Demand[],
  zeroCost: boolean,
  count: number,
): number[][] {
  const priced: { choice: number[]; cost: number }[] = [];
  const choice = new Array<number>(moves.length).fill(0);
  const lengths = moves.map((m) => m.length);
  do {
    const chosen = moves.map((m, d) => m[choice[d] as number] as Move);
    const cost = priceOf(p, k, coords, chosen, demands, zeroCost);
    if (cost === 0 || (!zeroCost && Number.isFinite(cost))) priced.push({ choice: [...choice], cost });
  } while (nextCombination(choice, lengths));
  priced.sort((a, b) => a.cost - b.cost);
  return priced.slice(0, count).map((x) => x.choice);
}

function withExtra(
  p: Problem,
  cand: Candidate,
  extra: ReadonlySet<number>,
): { cells: number[]; cost: number } {
  let cost = cand.cost;
  for (const id of extra) if (!p.suppressed[id]) cost += p.weight[id] as number;
  return { cells: [...cand.cells.keys(), ...extra], cost };
}

type Visit = (id: number, coef: number, days: number, mean: ReadonlySet<string>) => void;

/**
 * Visits every cell of the product of the moves (and vertical moves in linked tables) with its
 * coefficient (a canonical cell may come twice, through an alias); false as soon as a cell is not
 * suppressed when only suppressed cells may move (`zeroCost`).
 */
function walk(
  p: Problem,
  k: number,
  coords: readonly number[],
  chosen: readonly Move[],
  demands: readonly Demand[],
  zeroCost: boolean,
  visit: Visit,
  carry?: { readonly fixed?: Carry; readonly chosen?: number[] },
): boolean {
  let carryAt = 0;
  const cube = p.cubes[k] as Cube;
  let blocked = false;
  // Visits every cell of the product of `parts` in cube `cb`, scaled by `scale`.
  const product = (cb: Cube, parts: readonly Move[], scale: number) => {
    const meanHere = meanMeasures(cb, demands);
    const periodDays = (cb.dims[0] as Dim).days;
    const idx = new Array<number>(parts.length).fill(0);
    for (;;) {
      let local = 0;
      let coef = scale;
      for (let d = 0; d < parts.length; d++) {
        const mv = parts[d] as Move;
        const i = idx[d] as number;
        local += (mv.codes[i] as number) * (cb.strides[d] as number);
        coef *= mv.coefs[i] as number;
      }
      const id = p.canon[cb.offset + local] as number;
      if (zeroCost && !p.suppressed[id]) {
        blocked = true;
        return;
      }
      visit(id, coef, periodDays[(parts[0] as Move).codes[idx[0] as number] as number] as number, meanHere);
      // nextCombination, inlined: the innermost loop of every product priced.
      let d = 0;
      while (d < idx.length && (idx[d] as number) + 1 >= (parts[d] as Move).codes.length) idx[d++] = 0;
      if (d === idx.length) return;
      idx[d] = (idx[d] as number) + 1;
    }
  };
  product(cube, chosen, 1);
  if (blocked) return false;

  // Linked tables: the base cube's cells are margins of every cube linked to it.
  const baseIdx = cube.linkedCube >= 0 ? cube.linkedCube : k;
  const base = p.cubes[baseIdx] as Cube;
  let atTotals = 1;
  let shared: Move[];
  if (cube.linkedCube >= 0) {
    cube.dims.forEach((dim, d) => {
      if (cube.sharedDims.includes(d)) return;
      const total = dim.codes.indexOf("total");
      const at = chosen[d]?.codes.indexOf(total) ?? -1;
      atTotals *= at >= 0 ? ((chosen[d] as Move).coefs[at] as number) : 0;
    });
    shared = cube.sharedDims.map((d) => chosen[d] as Move);
  } else shared = [...chosen];
  if (atTotals === 0) return true;
  // The base table may have periods the linked table lacks (the rolling windows of `recipients`):
  // the margin's change moves them there too. Cells with a code only the base has in some dimension
  // are visited once each: that dimension at such codes, the ones before it at shared codes only.
  if (cube.linkedCube >= 0) {
    const inBase = base.dims.map((dim, bd) =>
      extendToBase(cube.dims[cube.sharedDims[bd] as number] as Dim, dim, shared[bd] as Move),
    );
    for (let bd = 0; bd < inBase.length; bd++) {
      if (!inBase[bd]?.only) continue;
      const parts = inBase.map((x, e) => (e < bd ? x.shared : e === bd ? (x.only as Move) : x.all));
      if (parts.some((m) => m.codes.length === 0)) continue;
      product(base, parts, atTotals);
      if (blocked) return false;
    }
  }
  p.cubes.forEach((x, xi) => {
    if (x.linkedCube !== baseIdx || xi === k) return;
    const extraDims = x.dims.map((_, d) => d).filter((d) => !x.sharedDims.includes(d));
    // A shared dimension may list other codes in `x` (the linked tables lack the rolling windows), so
    // codes go over by name; a period `x` lacks has no cells there.
    const own = (bd: number) => (cube.linkedCube >= 0 ? (cube.sharedDims[bd] as number) : bd);
    const maps = base.dims.map((_, bd) =>
      codeMap(cube.dims[own(bd)] as Dim, x.dims[x.sharedDims[bd] as number] as Dim),
    );
    const sharedCoords = base.dims.map((_, bd) => {
      const code = coords[own(bd)] as number;
      return maps[bd] ? (maps[bd][code] as number) : code;
    });
    if (sharedCoords.some((code) => code < 0)) return;
    const parts: Move[] = x.dims.map(() => ({ codes: [], coefs: [] }));
    for (let bd = 0; bd < base.dims.length; bd++) {
      const mv = shared[bd] as Move;
      const map = maps[bd];
      let there: Move = mv;
      if (map) {
        const codes: number[] = [];
        const coefs: number[] = [];
        mv.codes.forEach((code, i) => {
          if ((map[code] as number) < 0) return;
          codes.push(map[code] as number);
          coefs.push(mv.coefs[i] as number);
        });
        if (codes.length === 0) return;
        there = { codes, coefs };
      }
      parts[x.sharedDims[bd] as number] = there;
    }
    for (const e of extraDims) {
      const dim = x.dims[e] as Dim;
      const total = dim.codes.indexOf("total");
      if (total < 0) return;
      // The leaf with the most room (a suppressed one first) carries the margin's change; a witness
      // checked again uses the leaf it used.
      const fixed = carry?.fixed;
      if (fixed) {
        const leaf = fixed[carryAt++];
        if (leaf === undefined || leaf < 0) return;
        parts[e] = { codes: [total, leaf], coefs: [1, 1] };
        continue;
      }
      let local = 0;
      base.dims.forEach((_, bd) => {
        local += (sharedCoords[bd] as number) * (x.strides[x.sharedDims[bd] as number] as number);
      });
      for (const o of extraDims)
        if (o !== e) local += (x.dims[o] as Dim).codes.indexOf("total") * (x.strides[o] as number);
      let best = -1;
      let bestKey = Number.NEGATIVE_INFINITY;
      for (const leaf of dim.leaves[total] ?? []) {
        const g = p.canon[x.offset + local + leaf * (x.strides[e] as number)] as number;
        const v = p.values.get((demands[0] as Demand).m)?.[g] ?? 0;
        const key = (p.suppressed[g] ? 1e12 : 0) + (Number.isNaN(v) ? -1 : v);
        if (key > bestKey) {
          bestKey = key;
          best = leaf;
        }
      }
      carry?.chosen?.push(best);
      if (best < 0) return;
      parts[e] = { codes: [total, best], coefs: [1, 1] };
    }
    product(x, parts, atTotals);
  });
  return !blocked;
}

// Per pair of dimensions of the same id in two tables: each code's index in the other, or null when
// both list the same codes.
const codeMaps = new WeakMap<Dim, WeakMap<Dim, Int32Array | null>>();

/**
 * Per code of `from`, its index in `to` (−1 where `to` lacks it), for a dimension two linked tables
 * share; null when both list the same codes (the usual case: no copying on the hot path).
 */
function codeMap(from: Dim, to: Dim): Int32Array | null {
  if (from === to) return null;
  let byTo = codeMaps.get(from);
  if (!byTo) {
    byTo = new WeakMap();
    codeMaps.set(from, byTo);
  }
  let map = byTo.get(to);
  if (map === undefined) {
    const same = from.codes.length === to.codes.length && from.codes.every((c, i) => to.codes[i] === c);
    map = same ? null : Int32Array.from(from.codes, (c) => to.codes.indexOf(c));
    byTo.set(to, map);
  }
  return map;
}

/**
 * A linked table's move of a shared dimension in the base table's codes: `shared`, the codes both
 * have; `only`, the base's own codes (null if none moves), each with the sum of its parts'
 * coefficients (a rolling window follows its quarters, or the year it equals: an equality first, as
 * a year moving through its months leaves the quarters' sum at 0); `all`, both.
 */
function extendToBase(own: Dim, baseDim: Dim, mv: Move): { shared: Move; only: Move | null; all: Move } {
  const toBase = codeMap(own, baseDim);
  if (!toBase) return { shared: mv, only: null, all: mv };
  const fromBase = codeMap(baseDim, own) as Int32Array;
  const coef = new Float64Array(baseDim.codes.length);
  const known = new Uint8Array(baseDim.codes.length);
  for (let w = 0; w < fromBase.length; w++) if ((fromBase[w] as number) >= 0) known[w] = 1;
  const shared: Move = { codes: [], coefs: [] };
  mv.codes.forEach((code, i) => {
    const at = toBase[code] as number;
    if (at < 0) return;
    coef[at] = mv.coefs[i] as number;
    shared.codes.push(at);
    shared.coefs.push(mv.coefs[i] as number);
  });
  const only: Move = { codes: [], coefs: [] };
  // Base-only codes whose parts are all known, until none is left (a window of windows would wait).
  for (let progress = true; progress; ) {
    progress = false;
    for (let w = 0; w < fromBase.length; w++) {
      if (known[w]) continue;
      const groups = (baseDim.groupsOf[w] ?? [])
        .map((gi) => baseDim.groups[gi] as Group)
        .filter((g) => g.parent === w && g.children.every((x) => known[x]))
        .sort((a, b) => a.children.length - b.children.length);
      const g = groups[0];
      if (!g) continue;
      let sum = 0;
      for (const x of g.children) sum += coef[x] as number;
      coef[w] = sum;
      known[w] = 1;
      progress = true;
      if (sum !== 0) {
        only.codes.push(w);
        only.coefs.push(sum);
      }
    }
  }
  if (only.codes.length === 0) return { shared, only: null, all: shared };
  return {
    shared,
    only,
    all: { codes: [...shared.codes, ...only.codes], coefs: [...shared.coefs, ...only.coefs] },
  };
}

/** The product's cells with their coefficients, days and `mean` measures, and its cost. */
function assemble(
  p: Problem,
  k: number,
  coords: readonly number[],
  chosen: readonly Move[],
  demands: readonly Demand[],
  zeroCost = false,
  fixedCarry?: Carry,
): Candidate | null {
  const cells = new Map<number, number>();
  const days = new Map<number, number>();
  const mean = new Map<number, ReadonlySet<string>>();
  const carry: number[] = [];
  const ok = walk(
    p,
    k,
    coords,
    chosen,
    demands,
    zeroCost,
    (id, coef, d, m) => {
      cells.set(id, coef);
      days.set(id, d);
      mean.set(id, m);
    },
    fixedCarry ? { fixed: fixedCarry } : { chosen: carry },
  );
  return ok ? finish(p, cells, days, mean, fixedCarry ?? carry) : null;
}

// Per problem, the call in which each cell was last counted: a product's cost counts a cell once
// without a set.
const stamps = new WeakMap<Problem, { mark: Int32Array; call: number }>();

/** Weight of the product's cells not yet suppressed (each once); Infinity if blocked. */
function priceOf(
  p: Problem,
  k: number,
  coords: readonly number[],
  chosen: readonly Move[],
  demands: readonly Demand[],
  zeroCost: boolean,
): number {
  let st = stamps.get(p);
  if (!st) {
    st = { mark: new Int32Array(p.size), call: 0 };
    stamps.set(p, st);
  }
  if (st.call === 0x7fffffff) {
    st.mark.fill(0);
    st.call = 0;
  }
  const { mark } = st;
  const call = ++st.call;
  let cost = 0;
  const ok = walk(p, k, coords, chosen, demands, zeroCost, (id) => {
    if (mark[id] === call) return;
    mark[id] = call;
    if (!p.suppressed[id]) cost += p.weight[id] as number;
  });
  return ok ? cost : Number.POSITIVE_INFINITY;
}

const meanCache = new WeakMap<Cube, Map<string, ReadonlySet<string>>>();
function meanMeasures(cube: Cube, demands: readonly Demand[]): ReadonlySet<string> {
  let byKey = meanCache.get(cube);
  if (!byKey) {
    byKey = new Map();
    meanCache.set(cube, byKey);
  }
  const key = demands.map((d) => d.m).join(",");
  let set = byKey.get(key);
  if (!set) {
    set = new Set(demands.filter((d) => cube.relations.get(d.m)?.[0] === "mean").map((d) => d.m));
    byKey.set(key, set);
  }
  return set;
}

function finish(
  p: Problem,
  cells: Map<number, number>,
  days: Map<number, number>,
  mean: Map<number, ReadonlySet<string>>,
  carry: Carry,
): Candidate {
  let cost = 0;
  for (const id of cells.keys()) if (!p.suppressed[id]) cost += p.weight[id] as number;
  return { cells, days, mean, cost, carry };
}

/**
 * Whether the candidate meets every demand of `c`, each direction on its own: the cells it needs
 * beyond its own (periods that follow, see followVariants), or null if it does not.
 */
function works(
  p: Problem,
  c: number,
  cand: Candidate,
  demands: readonly Demand[],
  zeroCost: boolean,
  found?: (m: string, delta: ReadonlyMap<number, number>) => void,
): Set<number> | null {
  const refDays = cand.days.get(c) ?? 1;
  const extra = new Set<number>();
  // The accepted changes, kept only for a caller that asks (the audit's shared proofs).
  const points: [string, ReadonlyMap<number, number>][] | null = found ? [] : null;
  for (const dm of demands) {
    for (const [sign, size] of [
      [1, dm.up],
      [-1, dm.down],
    ] as const) {
      if (size <= 0) continue;
      const delta = new Map<number, number>();
      for (const [id, coef] of cand.cells) {
        const scale = cand.mean.get(id)?.has(dm.m) ? refDays / (cand.days.get(id) ?? refDays) : 1;
        delta.set(id, sign * size * coef * scale);
      }
      if (feasibleChange(p, dm.m, delta)) {
        points?.push([dm.m, delta]);
        continue;
      }
      const variant = followVariants(p, c, dm.m, delta, zeroCost).find((v) => feasibleChange(p, dm.m, v));
      if (!variant) return null;
      points?.push([dm.m, variant]);
      for (const id of variant.keys()) if (!cand.cells.has(id)) extra.add(id);
    }
  }
  if (found && points) for (const [m, delta] of points) found(m, delta);
  return extra;
}

/**
 * Distinct persons over periods (a union): when a candidate moves only cells of the target's own
 * period, the periods covering it (quarter, year, windows) may follow some cells and not others. The
 * cells going up take their quarter up with them (a quarter holds at least each month) and those
 * going down leave it where it is (room from persons counted in several months), or the other way
 * round. A product cannot express this (every corner gets the same period move), and on a scale-1
 * quarter's block it is what most month cells moving up needed.
 */
function followVariants(
  p: Problem,
  c: number,
  m: string,
  delta: ReadonlyMap<number, number>,
  zeroCost: boolean,
): Map<number, number>[] {
  const own = periodOf(p, c);
  if (own?.cube.relations.get(m)?.[0] !== "union") return [];
  const covering = new Map<number, number[]>();
  for (const id of delta.keys()) {
    const at = periodOf(p, id);
    if (!at || at.code !== own.code) return [];
    const ids: number[] = [];
    for (const u of at.dim.covering[at.code] ?? [])
      if (u !== at.code) ids.push(p.canon[id + (u - at.code) * (at.cube.strides[0] as number)] as number);
    if (ids.length === 0) return [];
    covering.set(id, ids);
  }
  const out: Map<number, number>[] = [];
  for (const sign of [1, -1]) {
    const variant = new Map(delta);
    let blocked = false;
    for (const [id, d] of delta)
      if (d * sign > 0)
        for (const g of covering.get(id) ?? []) {
          if (zeroCost && !p.suppressed[g]) blocked = true;
          variant.set(g, (variant.get(g) ?? 0) + d);
        }
    if (!blocked) out.push(variant);
  }
  return out;
}

/** The period dimension (the first) of canonical cell `g`'s cube and its code there, if it has one. */
function periodOf(p: Problem, g: number): { cube: Cube; dim: Dim; code: number } | null {
  const cube = p.cubes[p.cubeOf(g)] as Cube;
  const dim = cube.dims[0] as Dim;
  if (dim.kind !== "period") return null;
  return { cube, dim, code: p.coord(cube, g, 0) };
}
