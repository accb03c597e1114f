// The cells of a group of linked tables as one problem: every table a dense cube (one cell per
// combination of codes), cells of a linked table's margin aliased to the cells of the table they
// equal, per-cell values of the measures in relations, and the state disclosure control works on.
import type { RelationKind } from "../../build/tables/types.ts";
import type { Dim } from "./dims.ts";

export interface Cube {
  readonly table: string;
  readonly dims: readonly Dim[];
  readonly strides: readonly number[];
  readonly size: number;
  /** First global cell id of this cube. */
  readonly offset: number;
  /** Relation per measure, per dimension (index as `dims`); only measures in relations. */
  readonly relations: ReadonlyMap<string, readonly RelationKind[]>;
  /** The cube whose cells this cube's margin equals, or −1. */
  readonly linkedCube: number;
  /** For a linked cube: per dimension of the linked cube, the index of the same dimension here. */
  readonly sharedDims: readonly number[];
  /** Dimensions no measure has a relation along (a cell moves alone in them). */
  readonly free: readonly boolean[];
  /**
   * Per dimension, the code a period relation needs there (its `total`), or −1: dimensions taken on
   * the period's last day (age), along which periods relate on the total's lines only.
   */
  readonly periodEnd: readonly number[];
}

export interface CubeInput {
  readonly table: string;
  readonly dims: readonly Dim[];
  readonly relations: Readonly<Record<string, Readonly<Record<string, RelationKind>>>>;
  /** Unrounded values per measure (local cell order; NaN where not applicable). */
  readonly values: Readonly<Record<string, Float64Array>>;
  /** Local index of the linked cube's cell this cell equals, or −1 (with `linkedCube`). */
  readonly link?: Int32Array;
  readonly linkedCube?: number;
  /** Ids of dimensions taken on the period's last day (TableDef `disclosure.periodEnd`). */
  readonly periodEnd?: readonly string[];
}

/** Per measure, the bounds a sensitive cell's attainable interval must reach (NaN: no demand). */
export interface Requirement {
  readonly down: Float64Array;
  readonly up: Float64Array;
}

export class Problem {
  readonly cubes: Cube[] = [];
  readonly size: number;
  /** Canonical id of each global cell (itself, or the cell of the table its margin equals). */
  readonly canon: Int32Array;
  /** Global ids aliased to a canonical cell, for canonical cells that have aliases. */
  readonly aliases = new Map<number, number[]>();
  /** Measures taking part in relations, with global values (NaN where not applicable). */
  readonly values = new Map<string, Float64Array>();
  readonly suppressed: Uint8Array;
  readonly sensitive: Uint8Array;
  /** The cell's primary count (persons), 0 where none: what information loss is reported in. */
  readonly count: Float64Array;
  /** Cost of suppressing a cell, as secondary suppression weighs it (see buildProblem). */
  readonly weight: Float64Array;
  readonly requirement = new Map<string, Requirement>();

  constructor(inputs: readonly CubeInput[]) {
    let offset = 0;
    for (const input of inputs) {
      const strides: number[] = [];
      let size = 1;
      for (let d = input.dims.length - 1; d >= 0; d--) {
        strides[d] = size;
        size *= (input.dims[d] as Dim).codes.length;
      }
      const relations = new Map<string, RelationKind[]>();
      for (const [m, byDim] of Object.entries(input.relations))
        relations.set(
          m,
          input.dims.map((d) => byDim[d.id] ?? "none"),
        );
      const linked = input.linkedCube ?? -1;
      const sharedDims =
        linked >= 0
          ? (this.cubes[linked] as Cube).dims.map((d) => input.dims.findIndex((x) => x.id === d.id))
          : [];
      const free = input.dims.map((_, d) => [...relations.values()].every((r) => r[d] === "none"));
      this.cubes.push({
        table: input.table,
        dims: input.dims,
        strides,
        size,
        offset,
        relations,
        linkedCube: linked,
        sharedDims,
        free,
        periodEnd: input.dims.map((d) => (input.periodEnd?.includes(d.id) ? d.codes.indexOf("total") : -1)),
      });
      offset += size;
    }
    this.size = offset;
    this.canon = new Int32Array(offset);
    for (let g = 0; g < offset; g++) this.canon[g] = g;
    inputs.forEach((input, k) => {
      const cube = this.cubes[k] as Cube;
      for (const m of cube.relations.keys()) {
        let arr = this.values.get(m);
        if (!arr) {
          arr = new Float64Array(offset).fill(Number.NaN);
          this.values.set(m, arr);
        }
        const local = input.values[m];
        if (local) arr.set(local, cube.offset);
      }
    });
    inputs.forEach((input, k) => {
      if (!input.link || input.linkedCube === undefined) return;
      const cube = this.cubes[k] as Cube;
      const base = this.cubes[input.linkedCube] as Cube;
      input.link.forEach((target, local) => {
        if (target < 0) return;
        const g = cube.offset + local;
        const c = base.offset + target;
        this.canon[g] = c;
        const list = this.aliases.get(c);
        if (list) list.push(g);
        else this.aliases.set(c, [g]);
      });
    });
    this.suppressed = new Uint8Array(offset);
    this.sensitive = new Uint8Array(offset);
    this.count = new Float64Array(offset);
    this.weight = new Float64Array(offset).fill(1);
    for (const m of this.values.keys()) {
      this.requirement.set(m, {
        down: new Float64Array(offset).fill(Number.NaN),
        up: new Float64Array(offset).fill(Number.NaN),
      });
    }
  }

  cubeOf(g: number): number {
    for (let k = this.cubes.length - 1; k >= 0; k--) if (g >= (this.cubes[k] as Cube).offset) return k;
    return 0;
  }

  /** Code index of global cell `g` in dimension `d` of its cube. */
  coord(cube: Cube, g: number, d: number): number {
    const local = g - cube.offset;
    return Math.floor(local / (cube.strides[d] as number)) % (cube.dims[d] as Dim).codes.length;
  }

  /** Value of measure `m` in cell `g` (through its canonical cell). */
  value(m: string, g: number): number {
    return (this.values.get(m) as Float64Array)[this.canon[g] as number] as number;
  }

  isSuppressed(g: number): boolean {
    return this.suppressed[this.canon[g] as number] === 1;
  }

  /** Every global id of a canonical cell: itself and its aliases. */
  idsOf(c: number): readonly number[] {
    const a = this.aliases.get(c);
    return a ? [c, ...a] : [c];
  }

  /** Canonical cells that are sensitive, in id order. */
  sensitiveCells(): number[] {
    const out: number[] = [];
    for (let g = 0; g < this.size; g++) if (this.sensitive[g] && this.canon[g] === g) out.push(g);
    return out;
  }

  /** Human-readable name of a cell: table and codes. */
  describe(g: number): string {
    const cube = this.cubes[this.cubeOf(g)] as Cube;
    const codes = cube.dims.map((d, i) => `${d.id}=${d.codes[this.coord(cube, g, i)]}`);
    return `${cube.table} ${codes.join(" ")}`;
  }
}
