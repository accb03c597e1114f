// The attacker's knowledge as linear rows over cells: every line (a group of one dimension, the other
// coordinates fixed) gives, per measure, the rows its relation implies. A row that the true values
// do not satisfy is left out: the definitions do not make it hold (e.g. fte of the benefit total
// within one municipality), so it is no relation an attacker can know.
import type { Dim, Group } from "./dims.ts";
import type { Cube, Problem } from "./problem.ts";

/** Σ coef × value (= 0 for `eq`, ≤ 0 for `le`), over canonical cell ids. */
export interface Row {
  readonly ids: number[];
  readonly coefs: number[];
  readonly eq: boolean;
  /** The call of rowsAround / feasibleChange that last visited the row (visit each row once). */
  mark?: number;
}

export interface Line {
  readonly cube: number;
  readonly dim: number;
  readonly group: number;
  /** Local index of the line's cells with the line's dimension at code 0. */
  readonly base: number;
}

export function lineKey(l: Line): number {
  return (l.base * 64 + l.cube * 8 + l.dim) * 4096 + l.group;
}

/** Every line through canonical cell `c`, in every cube it appears in. */
export function linesThrough(p: Problem, c: number, out: Line[] = []): Line[] {
  for (const g of p.idsOf(c)) {
    const k = p.cubeOf(g);
    const cube = p.cubes[k] as Cube;
    const local = g - cube.offset;
    for (let d = 0; d < cube.dims.length; d++) {
      const dim = cube.dims[d] as Dim;
      const stride = cube.strides[d] as number;
      const code = Math.floor(local / stride) % dim.codes.length;
      const base = local - code * stride;
      for (const group of dim.groupsOf[code] as number[]) out.push({ cube: k, dim: d, group, base });
    }
  }
  return out;
}

const TOL = 1e-7;

/** Whether Σ coef × x satisfies the row, with a tolerance relative to the terms. */
export function rowHolds(row: Row, x: (id: number) => number, slack = TOL): boolean {
  let s = 0;
  let scale = 1;
  for (let k = 0; k < row.ids.length; k++) {
    const t = (row.coefs[k] as number) * x(row.ids[k] as number);
    s += t;
    scale += Math.abs(t);
  }
  return row.eq ? Math.abs(s) <= slack * scale : s <= slack * scale;
}

/**
 * The rows of `line` for measure `m`, keeping only those the true values satisfy; none where the
 * relation is `none` or a value is not applicable.
 */
export function lineRows(p: Problem, line: Line, m: string): Row[] {
  const cube = p.cubes[line.cube] as Cube;
  const kind = cube.relations.get(m)?.[line.dim] ?? "none";
  if (kind === "none") return [];
  const dim = cube.dims[line.dim] as Dim;
  const group = dim.groups[line.group] as Group;
  const stride = cube.strides[line.dim] as number;
  const id = (code: number) => p.canon[cube.offset + line.base + code * stride] as number;
  const values = p.values.get(m) as Float64Array;
  const parent = id(group.parent);
  const children = group.children.map(id);
  if (Number.isNaN(values[parent] as number) || children.some((c) => Number.isNaN(values[c] as number)))
    return [];
  const x = (i: number) => values[i] as number;
  const rows: Row[] = [];
  const w = (code: number) => (kind === "mean" ? (dim.days[code] as number) : 1);
  if (dim.kind === "period" && !periodRelates(cube, line)) {
    // On a band's line only the part that ends on the total's last day is known: its persons have the
    // same band on that day in both (persons, degree-days and amounts of the part within the total's).
    const last = group.children.find((ch) => lastLeaf(dim, ch) === lastLeaf(dim, group.parent));
    if (last === undefined) return [];
    const row: Row = { ids: [id(last), parent], coefs: [w(last), -w(group.parent)], eq: false, mark: 0 };
    return rowHolds(row, x) ? [row] : [];
  }
  const total: Row = {
    ids: [parent, ...children],
    coefs: [w(group.parent), ...group.children.map((c) => -w(c))],
    eq: kind === "sum" || kind === "mean",
    mark: 0,
  };
  rows.push(total);
  if (kind === "union")
    for (const c of children) rows.push({ ids: [c, parent], coefs: [1, -1], eq: false, mark: 0 });
  return rows.filter((r) => rowHolds(r, x));
}

/**
 * Whether periods relate on `line` (along the period dimension) as the relation says: not where a
 * dimension taken on the period's last day (age) is at a band rather than its total, as a person can
 * change band between a month's last day and the quarter's. There the relation holds only where the
 * values happen to fit, which the attacker cannot know (and requiring it made quarters of one person
 * impossible to protect); what the definitions do give is the part ending on the same day (lineRows).
 */
function periodRelates(cube: Cube, line: Line): boolean {
  for (let d = 0; d < cube.dims.length; d++) {
    const need = cube.periodEnd[d] as number;
    if (need < 0) continue;
    const code = Math.floor(line.base / (cube.strides[d] as number)) % (cube.dims[d] as Dim).codes.length;
    if (code !== need) return false;
  }
  return true;
}

/** The latest month `code` covers (its leaves are months; their codes sort in time). */
function lastLeaf(dim: Dim, code: number): string {
  let last = "";
  for (const leaf of dim.leaves[code] ?? [])
    if ((dim.codes[leaf] as string) > last) last = dim.codes[leaf] as string;
  return last;
}

// Rows depend on the true values only, never on which cells are suppressed: each line's rows are
// derived once per problem and measure, and so is the list of rows through each cell.
interface Cache {
  readonly byLine: Map<number, Row[]>;
  readonly byCell: Map<number, Row[]>;
}
const rowCache = new WeakMap<Problem, Map<string, Cache>>();
// Numbers each visit; rows remember the last one that saw them.
let calls = 0;

function cacheOf(p: Problem, m: string): Cache {
  let byMeasure = rowCache.get(p);
  if (!byMeasure) {
    byMeasure = new Map();
    rowCache.set(p, byMeasure);
  }
  let cache = byMeasure.get(m);
  if (!cache) {
    cache = { byLine: new Map(), byCell: new Map() };
    byMeasure.set(m, cache);
  }
  return cache;
}

/** Rows of measure `m` on the lines through canonical cell `c` (in every cube it appears in). */
function rowsThrough(p: Problem, cache: Cache, c: number, m: string): Row[] {
  let rows = cache.byCell.get(c);
  if (rows) return rows;
  rows = [];
  const seen = new Set<number>();
  for (const line of linesThrough(p, c)) {
    const key = lineKey(line);
    if (seen.has(key)) continue;
    seen.add(key);
    let found = cache.byLine.get(key);
    if (!found) {
      found = lineRows(p, line, m);
      cache.byLine.set(key, found);
    }
    for (const r of found) rows.push(r);
  }
  cache.byCell.set(c, rows);
  return rows;
}

/** Rows of measure `m` on every line through any of `cells`, each once. */
export function rowsAround(p: Problem, cells: Iterable<number>, m: string): Row[] {
  const cache = cacheOf(p, m);
  const call = ++calls;
  const out: Row[] = [];
  for (const c of cells)
    for (const r of rowsThrough(p, cache, c, m)) {
      if (r.mark === call) continue;
      r.mark = call;
      out.push(r);
    }
  return out;
}

/**
 * Whether true values plus `delta` (canonical id → change) satisfy every row of `m` around the
 * changed cells and keep every changed value ≥ 0: then the changed values are a point the attacker
 * cannot rule out, a proof that the cell's interval reaches that far.
 */
export function feasibleChange(p: Problem, m: string, delta: ReadonlyMap<number, number>): boolean {
  const values = p.values.get(m) as Float64Array;
  for (const [c, d] of delta) if ((values[c] as number) + d < -1e-9) return false;
  const cache = cacheOf(p, m);
  const call = ++calls;
  for (const c of delta.keys())
    for (const row of rowsThrough(p, cache, c, m)) {
      if (row.mark === call) continue;
      row.mark = call;
      // rowHolds, inlined: this is the innermost loop of every hypercube check.
      let sum = 0;
      let scale = 1;
      for (let k = 0; k < row.ids.length; k++) {
        const id = row.ids[k] as number;
        const t = (row.coefs[k] as number) * ((values[id] as number) + (delta.get(id) ?? 0));
        sum += t;
        scale += Math.abs(t);
      }
      if (row.eq ? Math.abs(sum) > 1e-6 * scale : sum > 1e-6 * scale) return false;
    }
  return true;
}
