// The exact secondary-suppression model for small problems (Fischetti and Salazar's formulation):
// binary s_j per cell (1 = suppressed, fixed for sensitive cells) and, for every sensitive cell,
// measure and direction, a copy z of all cell values that satisfies every row, puts the sensitive
// cell at its protection bound and differs from the true values only in suppressed cells
// (|z_j − x_j| ≤ M_j s_j). Minimising Σ w_j s_j gives the pattern of least weight that protects every
// sensitive cell against the LP attacker.
import { highs } from "../lp.ts";
import type { Problem } from "../model/problem.ts";
import { type Row, rowsAround } from "../model/rows.ts";
import { demandsOf } from "./hypercube.ts";

/** Whether the exact model is small enough to solve quickly. */
export function mipFits(p: Problem, maxCells: number, maxTests: number): boolean {
  let cells = 0;
  let tests = 0;
  for (let g = 0; g < p.size; g++) {
    if (p.canon[g] !== g) continue;
    cells++;
    if (p.sensitive[g]) for (const d of demandsOf(p, g)) tests += (d.up > 0 ? 1 : 0) + (d.down > 0 ? 1 : 0);
  }
  return cells <= maxCells && tests <= maxTests && tests > 0;
}

/** Solves the exact model and marks its pattern in `p.suppressed`; false if it did not solve. */
export async function solveMip(p: Problem, timeLimitSeconds = 30): Promise<boolean> {
  const h = await highs();
  const cells: number[] = [];
  for (let g = 0; g < p.size; g++) if (p.canon[g] === g) cells.push(g);
  const sIdx = new Map(cells.map((c, i) => [c, i]));
  const tests: { c: number; m: string; goal: number }[] = [];
  for (const c of cells) {
    if (!p.sensitive[c]) continue;
    for (const d of demandsOf(p, c)) {
      const x = p.values.get(d.m)?.[c] as number;
      if (d.up > 0) tests.push({ c, m: d.m, goal: x + d.up });
      if (d.down > 0) tests.push({ c, m: d.m, goal: x - d.down });
    }
  }
  const rowsOf = new Map<string, Row[]>();
  for (const t of tests) if (!rowsOf.has(t.m)) rowsOf.set(t.m, rowsAround(p, cells, t.m));
  const n = cells.length;
  const numCols = n + tests.length * n;
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(h.infinity);
  const colCost = new Float64Array(numCols);
  const integrality = new Int32Array(numCols);
  cells.forEach((c, i) => {
    colCost[i] = p.weight[c] as number;
    integrality[i] = 1;
    colUpper[i] = 1;
    if (p.sensitive[c] || p.suppressed[c]) colLower[i] = 1;
  });
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const addRow = (entries: [number, number][], lo: number, up: number) => {
    entries.sort((a, b) => a[0] - b[0]);
    for (const [col, a] of entries) {
      indices.push(col);
      values.push(a);
    }
    starts.push(indices.length);
    rowLower.push(lo);
    rowUpper.push(up);
  };
  tests.forEach((t, ti) => {
    const x = p.values.get(t.m) as Float64Array;
    const z = (c: number) => n + ti * n + (sIdx.get(c) as number);
    let big = 0;
    for (const c of cells) big = Math.max(big, Number.isNaN(x[c] as number) ? 0 : (x[c] as number));
    big = 2 * big + Math.abs(t.goal) + 1;
    for (const c of cells) {
      const v = x[c] as number;
      if (Number.isNaN(v)) {
        colUpper[z(c)] = 0;
        continue;
      }
      if (c === t.c) {
        colLower[z(c)] = t.goal;
        colUpper[z(c)] = t.goal;
        continue;
      }
      // z − x ≤ M s and x − z ≤ M s
      const s = sIdx.get(c) as number;
      addRow(
        [
          [z(c), 1],
          [s, -big],
        ],
        -h.infinity,
        v,
      );
      addRow(
        [
          [z(c), -1],
          [s, -big],
        ],
        -h.infinity,
        -v,
      );
    }
    for (const row of rowsOf.get(t.m) ?? []) {
      const entries = new Map<number, number>();
      row.ids.forEach((id, k) => {
        entries.set(z(id), (entries.get(z(id)) ?? 0) + (row.coefs[k] as number));
      });
      addRow([...entries], row.eq ? 0 : -h.infinity, 0);
    }
  });
  const model = h.createModel({
    numCols,
    numRows: rowLower.length,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    integrality,
    matrix: { format: "csr", numRows: rowLower.length, numCols, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false, time_limit: timeLimitSeconds, mip_rel_gap: 0 });
    model.run();
    const status = model.getModelStatus();
    if (status !== h.constants.modelStatus.optimal) return false;
    const sol = model.getSolution().colValue;
    cells.forEach((c, i) => {
      if ((sol[i] as number) > 0.5) p.suppressed[c] = 1;
    });
    return true;
  } finally {
    model.dispose();
  }
}
