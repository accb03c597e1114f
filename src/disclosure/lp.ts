// Linear programs over cells with HiGHS (WASM, package `highs`): the attainable interval of a cell
// given the published values and the rows (audit), and the cheapest set of published cells whose
// suppression lets a cell move far enough (secondary suppression). Cells outside the variables are
// fixed at their true values, so a restricted program can only understate the attacker's freedom
// when proving protection, never overstate it.
import type { Highs } from "highs";
import * as highsModule from "highs";
import type { Problem } from "./model/problem.ts";
import { type Row, rowsAround } from "./model/rows.ts";

// The package's types describe an ES default export that TypeScript reads as CommonJS here.
const loadHighs = (highsModule as unknown as { default: () => Promise<Highs> }).default;
let loaded: Promise<Highs> | null = null;

/** The HiGHS runtime, loaded once per process (the WASM ships in the npm package; nothing is fetched). */
export function highs(): Promise<Highs> {
  if (!loaded) loaded = loadHighs();
  return loaded;
}

interface Built {
  readonly rowLower: number[];
  readonly rowUpper: number[];
  readonly starts: number[];
  readonly indices: number[];
  readonly values: number[];
}

/**
 * Min and max of cell `target` (measure `m`) over the points the attacker cannot rule out, with the
 * cells in `vars` free (≥ 0) and every other cell at its true value. Returns the interval, or null if
 * the program could not be solved. `ends` limits the work to one end (the other is NaN).
 */
export async function attainable(
  p: Problem,
  m: string,
  target: number,
  vars: readonly number[],
  ends: "both" | "lo" | "hi" = "both",
): Promise<{ lo: number; hi: number } | null> {
  const h = await highs();
  const x = p.values.get(m) as Float64Array;
  const col = new Map(vars.map((c, i) => [c, i]));
  const terms = new Map(vars.map((c, i): [number, [number, number][]] => [c, [[i, 1]]]));
  const n = vars.length;
  const colLower = new Float64Array(n);
  const colUpper = new Float64Array(n).fill(h.infinity);
  const built = buildRows(p, rowsAround(p, vars, m), x, terms, () => false, h.infinity, {
    lower: colLower,
    upper: colUpper,
  });
  const cost = new Float64Array(n);
  cost[col.get(target) as number] = 1;
  const model = h.createModel({
    numCols: n,
    numRows: built.rowLower.length,
    colCost: cost,
    colLower,
    colUpper,
    rowLower: built.rowLower,
    rowUpper: built.rowUpper,
    matrix: {
      format: "csr",
      numRows: built.rowLower.length,
      numCols: n,
      starts: built.starts,
      indices: built.indices,
      values: built.values,
    },
  });
  try {
    model.options.set({ output_flag: false });
    const solve = (sense: "minimize" | "maximize"): number | null => {
      model.changeObjectiveSense(h.constants.objectiveSense[sense]);
      model.run();
      const status = model.getModelStatus();
      if (status === h.constants.modelStatus.unbounded)
        return sense === "maximize" ? Number.POSITIVE_INFINITY : 0;
      if (status !== h.constants.modelStatus.optimal) return null;
      return model.getObjectiveValue();
    };
    const lo = ends === "hi" ? Number.NaN : solve("minimize");
    const hi = ends === "lo" ? Number.NaN : solve("maximize");
    return lo === null || hi === null ? null : { lo, hi };
  } finally {
    model.dispose();
  }
}

/**
 * The published cells among `candidates` that must be suppressed (with the cells already suppressed)
 * for cell `target` of measure `m` to take the value `goal`: the change of least total weight per unit
 * (an LP, rounded up to every cell that moves), with the change itself (canonical cell → change, the
 * cells that move). Returns null if no change within the candidates works.
 */
export async function cheapestChange(
  p: Problem,
  m: string,
  target: number,
  goal: number,
  candidates: readonly number[],
): Promise<{ moved: number[]; delta: Map<number, number> } | null> {
  const h = await highs();
  const x = p.values.get(m) as Float64Array;
  const terms = new Map<number, [number, number][]>();
  const lower: number[] = [];
  const upper: number[] = [];
  const cost: number[] = [];
  const published: [number, number][] = [];
  const scale = Math.max(1e-9, Math.abs(goal - (x[target] as number)));
  for (const c of candidates) {
    const v = x[c] as number;
    if (Number.isNaN(v)) continue;
    if (p.suppressed[c] || c === target) {
      terms.set(c, [[lower.length, 1]]);
      const fixed = c === target;
      lower.push(fixed ? goal : 0);
      upper.push(fixed ? goal : h.infinity);
      cost.push(0);
    } else {
      // x = true + up − down; a constant part is folded in through the row bounds below.
      const up = lower.length;
      terms.set(c, [
        [up, 1],
        [up + 1, -1],
      ]);
      published.push([c, up]);
      const w = (p.weight[c] as number) / scale;
      lower.push(0, 0);
      upper.push(h.infinity, v);
      cost.push(w, w);
    }
  }
  // Published cells enter as true + up − down: their true value goes into the row's constant.
  const offset = (c: number) => !p.suppressed[c] && c !== target;
  const built = buildRows(p, rowsAround(p, terms.keys(), m), x, terms, offset, h.infinity, {
    lower,
    upper,
  });
  const model = h.createModel({
    numCols: lower.length,
    numRows: built.rowLower.length,
    colCost: cost,
    colLower: lower,
    colUpper: upper,
    rowLower: built.rowLower,
    rowUpper: built.rowUpper,
    matrix: {
      format: "csr",
      numRows: built.rowLower.length,
      numCols: lower.length,
      starts: built.starts,
      indices: built.indices,
      values: built.values,
    },
  });
  try {
    model.options.set({ output_flag: false });
    model.run();
    if (model.getModelStatus() !== h.constants.modelStatus.optimal) return null;
    const sol = model.getSolution().colValue;
    const moved: number[] = [];
    const delta = new Map<number, number>();
    for (const [c, t] of terms) {
      const [col, coef] = t[0] as [number, number];
      const change =
        t.length > 1
          ? (sol[col] as number) - (sol[col + 1] as number)
          : coef * (sol[col] as number) - (x[c] as number);
      if (Math.abs(change) <= 1e-7 * (1 + scale)) continue;
      delta.set(c, change);
      if (t.length > 1) moved.push(c);
    }
    return { moved, delta };
  } finally {
    model.dispose();
  }
}

/** Per problem, a scratch slot per cell for buildRows (−1: not a variable), reset after each use. */
const slots = new WeakMap<Problem, Int32Array>();

/**
 * Rows over columns: a cell with `terms` is Σ a × column (plus its true value when `offset`), any
 * other cell a constant at its true value. Each variable cell's terms are looked up by a slot per cell
 * and columns summed in flat arrays: one LP per demand the hypercubes left open, and maps per row
 * made most of the LPs' time garbage.
 */
function buildRows(
  p: Problem,
  rows: readonly Row[],
  x: Float64Array,
  terms: ReadonlyMap<number, [number, number][]>,
  offset: (c: number) => boolean,
  inf: number,
  bounds?: { lower: number[] | Float64Array; upper: number[] | Float64Array },
): Built {
  let slot = slots.get(p);
  if (!slot) {
    slot = new Int32Array(p.size).fill(-1);
    slots.set(p, slot);
  }
  const list: [number, number][][] = [];
  let numCols = 0;
  for (const [c, t] of terms) {
    slot[c] = list.length;
    list.push(t);
    for (const [col] of t) numCols = Math.max(numCols, col + 1);
  }
  const out: Built = { rowLower: [], rowUpper: [], starts: [0], indices: [], values: [] };
  const acc = new Float64Array(numCols);
  const seenIn = new Int32Array(numCols).fill(-1);
  const touched = new Int32Array(numCols);
  try {
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as Row;
      let constant = 0;
      let n = 0;
      for (let k = 0; k < row.ids.length; k++) {
        const id = row.ids[k] as number;
        const coef = row.coefs[k] as number;
        const at = slot[id] as number;
        if (at < 0 || offset(id)) constant += coef * (x[id] as number);
        if (at < 0) continue;
        const t = list[at] as [number, number][];
        for (let j = 0; j < t.length; j++) {
          const [col, a] = t[j] as [number, number];
          if (seenIn[col] !== r) {
            seenIn[col] = r;
            acc[col] = 0;
            touched[n++] = col;
          }
          acc[col] = (acc[col] as number) + coef * a;
        }
      }
      if (n === 0) continue;
      // A row of one variable is a bound on it: HiGHS gets a smaller model to pass and presolve.
      if (n === 1 && bounds) {
        const col = touched[0] as number;
        const a = acc[col] as number;
        if (a !== 0) {
          const at = -constant / a;
          if (row.eq || a < 0) bounds.lower[col] = Math.max(bounds.lower[col] as number, at);
          if (row.eq || a > 0) bounds.upper[col] = Math.min(bounds.upper[col] as number, at);
          continue;
        }
      }
      for (const col of touched.subarray(0, n).sort()) {
        out.indices.push(col);
        out.values.push(acc[col] as number);
      }
      out.starts.push(out.indices.length);
      out.rowLower.push(row.eq ? -constant : -inf);
      out.rowUpper.push(-constant);
    }
  } finally {
    for (const c of terms.keys()) slot[c] = -1;
  }
  // Bounds from two rows may cross by rounding where the rows met within HiGHS's tolerance: meet them.
  if (bounds)
    for (let col = 0; col < numCols; col++) {
      const lo = bounds.lower[col] as number;
      const hi = bounds.upper[col] as number;
      if (lo > hi && lo - hi <= 1e-7 * (1 + Math.abs(lo)))
        bounds.lower[col] = bounds.upper[col] = (lo + hi) / 2;
    }
  return out;
}
