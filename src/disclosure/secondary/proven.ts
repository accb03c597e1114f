// Changes already shown possible, per cell: every change a hypercube check (or an LP) accepted is a
// point the attacker cannot rule out, and it moves every cell of the hypercube, not only the one it was
// sought for. A cell that such a point moved far enough in a direction (and, the feasible set being
// convex and holding the true values, any point on the way there) needs no search of its own in that
// direction. In small, sparse lines most sensitive cells are corners of each other's hypercubes.
// The secondary step skips those directions and keeps, as their witness, which cell's change met them
// (an alias the audit resolves by checking that cell's own witnesses); the audit uses the same to skip
// its own searches.
import type { Demand } from "./hypercube.ts";

interface Moves {
  readonly up: Float64Array;
  readonly down: Float64Array;
  /** The cell whose change moved each cell furthest up / down (−1: none). */
  readonly upFrom: Int32Array;
  readonly downFrom: Int32Array;
}

export class ProvenMoves {
  /** Slot of each canonical cell kept track of, or −1. */
  private readonly slot: Int32Array;
  private readonly slots: number;
  private readonly byMeasure = new Map<string, Moves>();

  /** Keeps the moves of `tracked` cells (the sensitive ones: a release has millions of others). */
  constructor(size: number, tracked?: readonly number[]) {
    this.slot = new Int32Array(size);
    if (tracked) {
      this.slot.fill(-1);
      tracked.forEach((c, i) => {
        this.slot[c] = i;
      });
      this.slots = tracked.length;
    } else {
      for (let c = 0; c < size; c++) this.slot[c] = c;
      this.slots = size;
    }
  }

  /** Records an accepted change of measure `m` (canonical id → change), found for cell `source`. */
  record(m: string, delta: ReadonlyMap<number, number>, source = -1): void {
    const moves = this.moves(m);
    for (const [id, d] of delta) {
      const s = this.slot[id] as number;
      if (s < 0) continue;
      if (d > (moves.up[s] as number)) {
        moves.up[s] = d;
        moves.upFrom[s] = source;
      }
      if (-d > (moves.down[s] as number)) {
        moves.down[s] = -d;
        moves.downFrom[s] = source;
      }
    }
  }

  /** The part of `demands` of cell `c` that no recorded change meets (demands met dropped). */
  remaining(c: number, demands: readonly Demand[]): Demand[] {
    const out: Demand[] = [];
    const s = this.slot[c] as number;
    for (const d of demands) {
      const moves = s < 0 ? undefined : this.byMeasure.get(d.m);
      const up = moves && met(moves.up[s] as number, d.up) ? 0 : d.up;
      const down = moves && met(moves.down[s] as number, d.down) ? 0 : d.down;
      if (up > 0 || down > 0) out.push({ m: d.m, up, down });
    }
    return out;
  }

  /** The cell whose change moved `c` furthest in direction `sign` of `m`, or −1. */
  sourceOf(c: number, m: string, sign: 1 | -1): number {
    const s = this.slot[c] as number;
    const moves = this.byMeasure.get(m);
    if (s < 0 || !moves) return -1;
    return (sign > 0 ? moves.upFrom[s] : moves.downFrom[s]) as number;
  }

  private moves(m: string): Moves {
    let moves = this.byMeasure.get(m);
    if (!moves) {
      moves = {
        up: new Float64Array(this.slots),
        down: new Float64Array(this.slots),
        upFrom: new Int32Array(this.slots).fill(-1),
        downFrom: new Int32Array(this.slots).fill(-1),
      };
      this.byMeasure.set(m, moves);
    }
    return moves;
  }
}

const met = (have: number, need: number) => need <= 0 || have >= need - 1e-9 * (1 + Math.abs(need));
