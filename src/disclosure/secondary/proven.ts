// Changes already shown possible, per cell: every change a hypercube check accepted is a point the
// attacker cannot rule out, and it moves every cell of the hypercube, not only the one it was sought
// for. A cell that such a point moved far enough in a direction (and, the feasible set being convex
// and holding the true values, any point on the way there) needs no search of its own in that
// direction. In small, sparse lines most sensitive cells are corners of each other's hypercubes.
// Used by the audit (audit-problem.ts); see DESIGN.md for why the secondary step does not.
import type { Demand } from "./hypercube.ts";

export class ProvenMoves {
  private readonly up = new Map<string, Float64Array>();
  private readonly down = new Map<string, Float64Array>();

  constructor(private readonly size: number) {}

  /** Records an accepted change of measure `m` (canonical id → change). */
  record(m: string, delta: ReadonlyMap<number, number>): void {
    const up = this.array(this.up, m);
    const down = this.array(this.down, m);
    for (const [id, d] of delta) {
      if (d > (up[id] as number)) up[id] = d;
      if (-d > (down[id] as number)) down[id] = -d;
    }
  }

  /** The part of `demands` of cell `c` that no recorded change meets (demands met dropped). */
  remaining(c: number, demands: readonly Demand[]): Demand[] {
    const out: Demand[] = [];
    const met = (have: number | undefined, need: number) =>
      need <= 0 || (have ?? 0) >= need - 1e-9 * (1 + Math.abs(need));
    for (const d of demands) {
      const up = met(this.up.get(d.m)?.[c], d.up) ? 0 : d.up;
      const down = met(this.down.get(d.m)?.[c], d.down) ? 0 : d.down;
      if (up > 0 || down > 0) out.push({ m: d.m, up, down });
    }
    return out;
  }

  private array(byMeasure: Map<string, Float64Array>, m: string): Float64Array {
    let a = byMeasure.get(m);
    if (!a) {
      a = new Float64Array(this.size);
      byMeasure.set(m, a);
    }
    return a;
  }
}
