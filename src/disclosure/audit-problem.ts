// The audit of a suppression pattern, independent of how it was chosen: for every sensitive cell and
// measure, is the interval an attacker can compute by linear programming over the published values
// and the relations wide enough? A cell passes when a point the attacker cannot rule out is found at
// each end of its requirement — first among hypercube-shaped changes of suppressed cells (cheap),
// then by an LP over its neighbourhood (other cells at their true values, so any point found is one
// the attacker cannot rule out), and finally by the exact LP over its whole connected component,
// whose min and max are reported when the cell fails.
import { attainable } from "./lp.ts";
import { neighbourhood, structuralNeighbourhood } from "./model/neighbourhood.ts";
import type { Problem } from "./model/problem.ts";
import { feasibleChange } from "./model/rows.ts";
import {
  checkProduct,
  type Demand,
  demandsOf,
  findHypercube,
  hypercubeSupport,
} from "./secondary/hypercube.ts";
import { ProvenMoves } from "./secondary/proven.ts";
import type { Witnesses } from "./secondary/witnesses.ts";

export interface Violation {
  /** Table and codes of the cell. */
  readonly cell: string;
  readonly measure: string;
  readonly value: number;
  /** The interval the attacker can compute (null bounds: not computed, component too large). */
  readonly lo: number | null;
  readonly hi: number | null;
  /** The interval must reach down to `needDown` and up to `needUp`. */
  readonly needDown: number;
  readonly needUp: number;
  readonly reason: "published" | "narrow" | "unproven";
}

export interface AuditOptions {
  /** Largest component solved exactly (cells). */
  readonly maxComponent?: number;
  /** Compute min and max for every suppressed cell by the exact LP (small releases, tests). */
  readonly exact?: boolean;
  /** Told what the audit is working on (a table group and its size), for progress output. */
  readonly onStep?: (step: string) => void;
  /**
   * Seconds in all for LPs far along lines of suppressed cells (8 hops, seconds each), tried for
   * checks nothing nearer settled (60): bounds the audit of a release with many unprotected cells.
   */
  readonly farSeconds?: number;
  /**
   * Seconds the whole audit may take before it stops solving LPs: a check no hypercube settles after
   * that is reported `unproven` (the release is refused, never published unproven). Unlimited when
   * absent; builds pass JOBINDBLIK_DISCLOSURE_BUDGET, so a refused release is refused in time.
   */
  readonly budgetSeconds?: number;
  /** Called every 1,000 sensitive cells with the cells done and the number to do. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * The changes the secondary step found for each test (witnesses.ts), checked first: each counts
   * only once this audit has checked it against its own rows, so a wrong one is merely not used.
   */
  readonly witnesses?: Witnesses;
  /**
   * Only these sensitive cells are checked: a share of an audit split over threads (audit-threads.ts).
   * Not with `exact`.
   */
  readonly cells?: readonly number[];
}

export interface ProblemAudit {
  readonly violations: Violation[];
  /** Sensitive cell × measure checks, and how each was settled. */
  readonly checks: number;
  readonly byHypercube: number;
  /** Of the checks settled by hypercubes, those settled by a witness handed in (its change checked). */
  readonly byWitness: number;
  readonly byNeighbourhoodLp: number;
  readonly byComponentLp: number;
  /** With `exact`: the attainable interval of every suppressed cell, per measure. */
  readonly intervals?: Map<string, Map<number, { lo: number; hi: number }>>;
}

const reaches = (got: number, need: number, up: boolean) =>
  up ? got >= need - 1e-6 * (1 + Math.abs(need)) : got <= need + 1e-6 * (1 + Math.abs(need));

export async function auditProblem(p: Problem, options: AuditOptions = {}): Promise<ProblemAudit> {
  const maxComponent = options.maxComponent ?? 20_000;
  const violations: Violation[] = [];
  let checks = 0;
  let byHypercube = 0;
  let byWitness = 0;
  let byNeighbourhoodLp = 0;
  let byComponentLp = 0;
  const suppressed = (c: number) => p.suppressed[c] === 1;
  const intervals = options.exact ? new Map<string, Map<number, { lo: number; hi: number }>>() : undefined;
  const componentInterval = async (m: string, c: number) => {
    const comp = neighbourhood(p, c, Number.POSITIVE_INFINITY, maxComponent, suppressed);
    if (!comp.complete) return null;
    return attainable(p, m, c, comp.cells.filter(suppressed));
  };
  if (intervals) {
    for (let c = 0; c < p.size; c++) {
      if (p.canon[c] !== c || !p.suppressed[c]) continue;
      for (const m of p.values.keys()) {
        if (Number.isNaN(p.values.get(m)?.[c] as number)) continue;
        const iv = await componentInterval(m, c);
        if (!iv) continue;
        const byM = intervals.get(m) ?? new Map<number, { lo: number; hi: number }>();
        intervals.set(m, byM);
        byM.set(c, iv);
      }
    }
  }
  const sensitive = p.sensitiveCells();
  const proven = new ProvenMoves(p.size, sensitive);
  const found = (m: string, delta: ReadonlyMap<number, number>) => proven.record(m, delta);
  // Cells whose witnesses were checked for another cell's alias (each once).
  const resolved = new Set<number>();
  let farLeftMs = (options.farSeconds ?? 60) * 1000;
  const deadline = Date.now() + (options.budgetSeconds ?? Number.POSITIVE_INFINITY) * 1000;
  const toCheck = intervals ? sensitive : (options.cells ?? sensitive);
  for (const [i, c] of toCheck.entries()) {
    if (i % 1000 === 999) options.onProgress?.(i + 1, toCheck.length);
    const all = demandsOf(p, c);
    // What hypercubes found for other cells may have moved this one far enough already.
    let demands = intervals || !p.suppressed[c] ? all : proven.remaining(c, all);
    checks += all.length - demands.length;
    byHypercube += all.length - demands.length;
    if (options.witnesses && !intervals && p.suppressed[c] && demands.length > 0) {
      const left = byWitnesses(p, c, demands, options.witnesses, proven, resolved);
      const met = demands.length - left.length;
      checks += met;
      byHypercube += met;
      byWitness += met;
      demands = left;
    }
    // One hypercube of suppressed cells that meets every measure in both directions proves them all.
    if (
      !intervals &&
      p.suppressed[c] &&
      demands.length > 0 &&
      (findHypercube(p, c, demands, { zeroCost: true, found }) ??
        findHypercube(p, c, demands, { zeroCost: true, perDim: 3, found }))
    ) {
      checks += demands.length;
      byHypercube += demands.length;
      continue;
    }
    for (const d of demands) {
      checks++;
      const x = p.values.get(d.m)?.[c] as number;
      // The requirement in full (a direction already proven has 0 left in `d`).
      const need = all.find((a) => a.m === d.m) ?? d;
      const needUp = x + need.up;
      const needDown = x - need.down;
      const base = { cell: p.describe(c), measure: d.m, value: x, needDown, needUp };
      if (!p.suppressed[c]) {
        violations.push({ ...base, lo: x, hi: x, reason: "published" });
        continue;
      }
      if (!intervals) {
        // Each end on its own: a point reaching the upper bound and another reaching the lower.
        const byCube = (up: number, down: number) =>
          findHypercube(p, c, [{ m: d.m, up, down }], { zeroCost: true, perDim: 3, found }) !== null ||
          findHypercube(p, c, [{ m: d.m, up, down }], { zeroCost: true, perDim: 6, found }) !== null;
        const upOk = d.up <= 0 || byCube(d.up, 0);
        const downOk = d.down <= 0 || byCube(0, d.down);
        if (upOk && downOk) {
          byHypercube++;
          continue;
        }
        // At the deadline itself already: a budget of 0 means no LP at all, however fast the start.
        if (Date.now() >= deadline) {
          violations.push({ ...base, lo: null, hi: null, reason: "unproven" });
          continue;
        }
        // Small LPs first, as most checks need no more: the suppressed cells of the cheapest
        // hypercubes, then around it per dimension (its parts, totals and partners in every linked
        // table: one partner, three, twelve), then along lines of suppressed cells.
        let proven = false;
        const hoods = [
          // The cells of the cheapest hypercubes and their periods (≈ 300 cells): it combines them,
          // and a quarter may follow some of them and not others.
          () => hypercubeSupport(p, c, [d]),
          () => structuralNeighbourhood(p, c, 6000, 1).cells,
          () => structuralNeighbourhood(p, c, 6000).cells,
          () => structuralNeighbourhood(p, c, 20_000, 12).cells,
          () => neighbourhood(p, c, 4, 3000, suppressed).cells,
          // Far along lines of suppressed cells: slow (seconds), so within a time allowance.
          () => (farLeftMs > 0 ? neighbourhood(p, c, 8, 30_000, suppressed).cells : []),
        ];
        for (const [k, near] of hoods.entries()) {
          const started = Date.now();
          const vars = near().filter(suppressed);
          if (vars.length === 0) continue;
          const ends = upOk ? "lo" : downOk ? "hi" : "both";
          const iv = await attainable(p, d.m, c, vars, ends);
          if (k === hoods.length - 1) farLeftMs -= Date.now() - started;
          proven =
            iv !== null &&
            (upOk || reaches(iv.hi, needUp, true)) &&
            (downOk || reaches(iv.lo, needDown, false));
          if (proven) break;
        }
        if (proven) {
          byNeighbourhoodLp++;
          continue;
        }
      }
      const iv = intervals?.get(d.m)?.get(c) ?? (await componentInterval(d.m, c));
      if (!iv) {
        violations.push({ ...base, lo: null, hi: null, reason: "unproven" });
        continue;
      }
      byComponentLp++;
      if (!reaches(iv.hi, needUp, true) || !reaches(iv.lo, needDown, false))
        violations.push({ ...base, lo: iv.lo, hi: iv.hi, reason: "narrow" });
    }
  }
  return {
    violations,
    checks,
    byHypercube,
    byWitness,
    byNeighbourhoodLp,
    byComponentLp,
    ...(intervals ? { intervals } : {}),
  };
}

/**
 * The demands of `c` (per measure, both directions) that the witnesses handed in do not prove, each
 * witness checked here: a hypercube by the same row checks as any other, a change by moving suppressed
 * cells only, keeping every row and value ≥ 0, and taking the cell to its bound. An alias (the change
 * was found for another cell) is checked by checking that cell's own witnesses, whose accepted changes
 * go to `proven`, and then seeing how far they moved `c`. A measure with one direction proven comes
 * back with that direction at 0.
 */
export function byWitnesses(
  p: Problem,
  c: number,
  demands: readonly Demand[],
  witnesses: Witnesses,
  proven: ProvenMoves,
  /** Sources already checked for an alias; null: aliases are not followed (checking a source). */
  resolved: Set<number> | null,
): Demand[] {
  const list = witnesses.get(c);
  if (list.length === 0) return [...demands];
  const found = (m: string, delta: ReadonlyMap<number, number>) => proven.record(m, delta);
  for (const w of list)
    if ("product" in w && w.m === null && checkProduct(p, c, demands, w.product, found, w.carry)) return [];
  const left: Demand[] = [];
  for (const d of demands) {
    let { up, down } = d;
    for (const w of list) {
      if (w.m !== d.m || (w.sign > 0 ? up : down) <= 0) continue;
      const single = { m: d.m, up: w.sign > 0 ? up : 0, down: w.sign < 0 ? down : 0 };
      let ok: boolean;
      if ("source" in w) {
        if (!resolved) continue;
        // The source's own witnesses, each demand in full, once (their aliases are not followed).
        if (!resolved.has(w.source)) {
          resolved.add(w.source);
          byWitnesses(p, w.source, demandsOf(p, w.source), witnesses, proven, null);
        }
        ok = proven.remaining(c, [single]).length === 0;
      } else if ("product" in w) ok = checkProduct(p, c, [single], w.product, found, w.carry);
      else {
        ok = changeProves(p, c, single, w.delta, w.sign);
        if (ok) found(d.m, w.delta);
      }
      if (ok && w.sign > 0) up = 0;
      if (ok && w.sign < 0) down = 0;
    }
    if (up > 0 || down > 0) left.push({ m: d.m, up, down });
  }
  return left;
}

/** Whether `delta` moves suppressed cells only, keeps every row, and takes `c` as far as `d` asks. */
function changeProves(
  p: Problem,
  c: number,
  d: Demand,
  delta: ReadonlyMap<number, number>,
  sign: 1 | -1,
): boolean {
  const need = sign > 0 ? d.up : d.down;
  const moved = sign * (delta.get(c) ?? 0);
  if (moved < need - 1e-6 * (1 + need)) return false;
  for (const id of delta.keys()) if (!p.suppressed[id]) return false;
  return feasibleChange(p, d.m, delta);
}
