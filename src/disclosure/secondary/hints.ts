// Hypercubes found in a period's layer, kept for the repair over all periods (DESIGN.md, Decomposition
// by period). After alignment a cell's own hypercube is suppressed in its period, so checking it again
// with its period carried along (the period's moves: alone, with its quarter, year and windows, …)
// costs one small search where a fresh one enumerates hundreds of products. A release has over a
// million sensitive cells, so the products travel as one flat Float64Array per layer (from a worker
// thread, without an object per move) and are decoded only when a cell is reached.
import type { Problem } from "../model/problem.ts";
import type { Move, Product } from "./hypercube.ts";

/** Products that met some of each cell's demands, by canonical cell, as the secondary step found them. */
export type HintMap = Map<number, Product[]>;

/**
 * The hints of one problem as a flat stream: per cell, its cube, its local index, the number of
 * products and, per product and dimension, the move's length, codes and coefficients.
 */
export function encodeHints(p: Problem, hints: HintMap): Float64Array {
  const out: number[] = [];
  for (const [c, products] of hints) {
    const k = p.cubeOf(c);
    const dims = p.cubes[k]?.dims.length ?? 0;
    out.push(k, c - (p.cubes[k]?.offset ?? 0), products.length);
    for (const product of products) {
      // The stream is read back by the cell's dimensions: another table's product would garble it.
      if (product.length !== dims) throw new Error("a hint with another table's dimensions");
      for (const mv of product) out.push(mv.codes.length, ...mv.codes, ...mv.coefs);
    }
  }
  return Float64Array.from(out);
}

/** The hints of every layer, addressed by the group's canonical cells. */
export class GroupHints {
  private readonly streams: Float64Array[] = [];
  /** Per group cell: 1 + the index of the stream holding its hints, 0 for none. */
  private readonly stream: Uint16Array;
  private readonly at: Int32Array;

  constructor(private readonly p: Problem) {
    this.stream = new Uint16Array(p.size);
    this.at = new Int32Array(p.size);
  }

  /**
   * Adds a layer's stream; `toGroup` maps a layer cell (its cube in the layer, local index there) to
   * the group's cell, or −1. Dimensions are the same in the layer and the group (the period's only
   * code in the layer stands for the layer's period, which the repair moves itself).
   */
  add(hints: Float64Array, toGroup: (cube: number, local: number) => number): void {
    this.streams.push(hints);
    const index = this.streams.length;
    let i = 0;
    while (i < hints.length) {
      const g = toGroup(hints[i] as number, hints[i + 1] as number);
      if (g < 0) throw new Error("a layer's hint names a cell the group does not have");
      const start = i;
      const count = hints[i + 2] as number;
      i += 3;
      const dims = this.p.cubes[this.p.cubeOf(g)]?.dims.length ?? 0;
      for (let n = 0; n < count; n++) for (let d = 0; d < dims; d++) i += 1 + 2 * (hints[i] as number);
      const id = this.p.canon[g] as number;
      this.stream[id] = index;
      this.at[id] = start;
    }
  }

  /** The products of canonical cell `c`, decoded, or undefined. */
  get(c: number): Product[] | undefined {
    const s = this.stream[c] as number;
    if (s === 0) return undefined;
    const hints = this.streams[s - 1] as Float64Array;
    const dims = this.p.cubes[this.p.cubeOf(c)]?.dims.length ?? 0;
    let i = (this.at[c] as number) + 2;
    const count = hints[i++] as number;
    const out: Product[] = [];
    for (let n = 0; n < count; n++) {
      const product: Move[] = [];
      for (let d = 0; d < dims; d++) {
        const len = hints[i++] as number;
        product.push({
          codes: Array.from(hints.subarray(i, i + len)),
          coefs: Array.from(hints.subarray(i + len, i + 2 * len)),
        });
        i += 2 * len;
      }
      out.push(product);
    }
    return out;
  }
}
