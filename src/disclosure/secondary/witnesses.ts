// Witnesses: for each protection test the secondary step met, the change that met it (a point the
// attacker cannot rule out), kept so that the audit can check that very change against its own rows
// before it searches. The audit's verdict does not depend on them: a witness only counts after the
// audit has checked that it moves suppressed cells alone, keeps every row and every value ≥ 0, and
// takes the cell as far as its requirement (DESIGN.md, Audit). They make the audit of a release cheap
// where its own search is dear: on an aligned quarter's block most cells are protected through their
// periods in ways only an LP finds, ≈ 40 ms a cell, against well under 1 ms to check a known change.
//
// A release has over a million sensitive cells, so witnesses live in one growable Float64Array, an
// entry per test, chained per cell: [next, measure, sign, kind, payload…], where kind 0 is a hypercube
// (per dimension of the cell's cube: length, codes, coefficients; then the linked tables' leaves that
// carried its margins: count, leaves), kind 1 a sparse change (count,
// cells, changes) and kind 2 another cell whose witnesses hold the change that met this test too
// (proven.ts); measure −1 with a hypercube means every demand of the cell, both directions.
import type { Problem } from "../model/problem.ts";
import type { Carry, Move, Product } from "./hypercube.ts";

export type Witness =
  | { readonly m: string | null; readonly sign: 1 | -1 | 0; readonly product: Product; readonly carry: Carry }
  | { readonly m: string; readonly sign: 1 | -1; readonly delta: ReadonlyMap<number, number> }
  | { readonly m: string; readonly sign: 1 | -1; readonly source: number };

/** A store's arrays (`Witnesses.parts`): entries, and per cell the latest entry's position. */
export interface WitnessParts {
  readonly data: Float64Array;
  readonly head: Int32Array;
}

export class Witnesses {
  private data: Float64Array<ArrayBufferLike> = new Float64Array(1 << 16);
  private used = 1;
  private readonly head: Int32Array;
  private readonly measures: string[];

  /** Empty, or from the parts of a store of the same problem (`parts()`, another thread's). */
  constructor(
    private readonly p: Problem,
    parts?: WitnessParts,
  ) {
    this.head = parts?.head ?? new Int32Array(p.size);
    if (parts) {
      this.data = parts.data;
      this.used = parts.data.length;
    }
    this.measures = [...p.values.keys()];
  }

  /** The store as transferable arrays, to hand from a worker thread to the build. */
  parts(): WitnessParts {
    return { data: this.data.slice(0, this.used), head: this.head };
  }

  /** Copies the witnesses of `cells` from `other` (a store of the same problem), in their order. */
  adopt(other: Witnesses, cells: Iterable<number>): void {
    for (const c of cells) {
      const list = other.get(c);
      for (let i = list.length - 1; i >= 0; i--) {
        const w = list[i] as Witness;
        if ("product" in w) this.addProduct(c, w.m, w.sign, w.product, w.carry);
        else if ("source" in w) this.addAlias(c, w.m, w.sign, w.source);
        else this.addDelta(c, w.m, w.sign, w.delta);
      }
    }
  }

  /**
   * A hypercube that met the demands of `m` in direction `sign` (or, with m null, all of them), with
   * the linked tables' leaves that carried its margins (`carry`, as findHypercube returned it).
   */
  addProduct(c: number, m: string | null, sign: 1 | -1 | 0, product: Product, carry: Carry = []): void {
    let n = 1 + carry.length;
    for (const mv of product) n += 1 + 2 * mv.codes.length;
    const at = this.entry(c, m, sign, 0, n);
    let i = at;
    for (const mv of product) {
      this.data[i++] = mv.codes.length;
      for (const x of mv.codes) this.data[i++] = x;
      for (const a of mv.coefs) this.data[i++] = a;
    }
    this.data[i++] = carry.length;
    for (const leaf of carry) this.data[i++] = leaf;
  }

  /** A change (canonical cell → change) that met the demand of `m` in direction `sign`. */
  addDelta(c: number, m: string, sign: 1 | -1, delta: ReadonlyMap<number, number>): void {
    const at = this.entry(c, m, sign, 1, 1 + 2 * delta.size);
    let i = at;
    this.data[i++] = delta.size;
    for (const id of delta.keys()) this.data[i++] = id;
    for (const d of delta.values()) this.data[i++] = d;
  }

  /**
   * The change that met the demand of `m` in direction `sign` moved `c` too, far enough: it was found
   * for cell `source`, among whose witnesses it is.
   */
  addAlias(c: number, m: string, sign: 1 | -1, source: number): void {
    this.data[this.entry(c, m, sign, 2, 1)] = source;
  }

  /** The witnesses of canonical cell `c`, most recent first. */
  get(c: number): Witness[] {
    const out: Witness[] = [];
    const dims = this.p.cubes[this.p.cubeOf(c)]?.dims.length ?? 0;
    for (let at = this.head[c] as number; at !== 0; at = this.data[at] as number) {
      const mi = this.data[at + 1] as number;
      const sign = this.data[at + 2] as 1 | -1 | 0;
      let i = at + 4;
      if (this.data[at + 3] === 0) {
        const product: Move[] = [];
        for (let d = 0; d < dims; d++) {
          const len = this.data[i++] as number;
          product.push({
            codes: Array.from(this.data.subarray(i, i + len)),
            coefs: Array.from(this.data.subarray(i + len, i + 2 * len)),
          });
          i += 2 * len;
        }
        const carry = Array.from(this.data.subarray(i + 1, i + 1 + (this.data[i] as number)));
        out.push({ m: mi < 0 ? null : (this.measures[mi] as string), sign, product, carry });
      } else if (this.data[at + 3] === 2) {
        out.push({ m: this.measures[mi] as string, sign: sign as 1 | -1, source: this.data[i] as number });
      } else {
        const n = this.data[i++] as number;
        const delta = new Map<number, number>();
        for (let k = 0; k < n; k++) delta.set(this.data[i + k] as number, this.data[i + n + k] as number);
        out.push({ m: this.measures[mi] as string, sign: sign as 1 | -1, delta });
      }
    }
    return out;
  }

  /** Reserves an entry of `n` payload numbers chained to cell `c`; returns where the payload starts. */
  private entry(c: number, m: string | null, sign: number, kind: 0 | 1 | 2, n: number): number {
    const size = 4 + n;
    if (this.used + size > this.data.length) {
      const grown = new Float64Array(Math.max(this.data.length * 2, this.used + size));
      grown.set(this.data.subarray(0, this.used));
      this.data = grown;
    }
    const mi = m === null ? -1 : this.measures.indexOf(m);
    // −1 stands for "every demand": an unknown measure must not become that.
    if (m !== null && mi < 0) throw new Error(`a witness for a measure without relations: ${m}`);
    const at = this.used;
    this.used += size;
    this.data[at] = this.head[c] as number;
    this.data[at + 1] = mi;
    this.data[at + 2] = sign;
    this.data[at + 3] = kind;
    this.head[c] = at;
    return at + 4;
  }
}

/** The tables of a group with their codes: what a problem's cell ids follow from. */
interface GroupShape {
  readonly table: { readonly id: string };
  readonly codes: readonly (readonly string[])[];
}

/**
 * The witnesses of every group a build protected, for the audit of the same build. The audit builds
 * its problem again from the release and the protection record; its cell ids are the protection's
 * when the group has the same tables with the same codes in the same order, which is checked here
 * (otherwise the audit gets none and searches itself).
 */
export class BuildWitnesses {
  private readonly byGroup = new Map<string, { shape: string; witnesses: Witnesses }>();

  add(inputs: readonly GroupShape[], witnesses: Witnesses): void {
    this.byGroup.set(keyOf(inputs), { shape: shapeOf(inputs), witnesses });
  }

  /** The witnesses kept for a group of this shape, if any. */
  for(inputs: readonly GroupShape[]): Witnesses | undefined {
    const kept = this.byGroup.get(keyOf(inputs));
    return kept && kept.shape === shapeOf(inputs) ? kept.witnesses : undefined;
  }
}

const keyOf = (inputs: readonly GroupShape[]) => inputs.map((i) => i.table.id).join(",");
const shapeOf = (inputs: readonly GroupShape[]) => JSON.stringify(inputs.map((i) => i.codes));
