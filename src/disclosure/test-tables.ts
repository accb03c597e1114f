// Small synthetic tables for the disclosure tests: a definition with code dimensions (each with a
// `total`) and values given as nested objects, turned into the cube input protectTables() reads.
import type { RelationKind, TableDef } from "../build/tables/types.ts";
import type { Problem } from "./model/problem.ts";
import type { TableInput } from "./protect.ts";

export interface TestDim {
  readonly id: string;
  readonly kind?: "code" | "area" | "period";
  readonly codes: readonly string[];
}

export function testTable(
  id: string,
  dims: readonly TestDim[],
  relations: Readonly<Record<string, Readonly<Record<string, RelationKind>>>>,
  extra: Partial<TableDef> = {},
): TableDef {
  const measures = Object.keys(relations);
  return {
    id,
    title: { da: id, en: id },
    subject: "test",
    description: { da: id, en: id },
    periodKinds: ["month"],
    dimensions: dims.map((d) => ({
      id: d.id,
      kind: d.kind ?? "code",
      label: { da: d.id, en: d.id },
      ...(d.kind === "code" || !d.kind
        ? { codes: d.codes.map((c) => ({ code: c, label: { da: c, en: c } })) }
        : {}),
    })),
    measures: measures.map((m) => ({
      id: m,
      label: { da: m, en: m },
      definition: { da: m, en: m },
      unit: "persons",
      decimals: 0,
      higherIsBetter: null,
      whenEmpty: "zero",
    })),
    primaryCounts: [measures[0] as string],
    footnotes: [],
    disclosure: { periods: "flow", relations },
    sql: "SELECT 1",
    ...extra,
  };
}

/** Cube input from a value function of the codes (one per dimension, in order). */
export function testInput(
  table: TableDef,
  dims: readonly TestDim[],
  value: (codes: string[], measure: string) => number,
): TableInput {
  const sizes = dims.map((d) => d.codes.length);
  const size = sizes.reduce((a, b) => a * b, 1);
  const values: Record<string, Float64Array> = {};
  for (const m of table.measures) {
    const arr = new Float64Array(size);
    for (let local = 0; local < size; local++) {
      let rest = local;
      const codes: string[] = new Array(dims.length);
      for (let d = dims.length - 1; d >= 0; d--) {
        codes[d] = dims[d]?.codes[rest % (sizes[d] as number)] as string;
        rest = Math.floor(rest / (sizes[d] as number));
      }
      arr[local] = value(codes, m.id);
    }
    values[m.id] = arr;
  }
  return { table, codes: dims.map((d) => d.codes), values };
}

/** A 2-D grid with margins: `grid[r][c]` interior values; totals are sums. */
export function gridValue(
  rows: readonly string[],
  cols: readonly string[],
  grid: readonly (readonly number[])[],
) {
  return ([r, c]: string[]): number => {
    const ri = r === "total" ? rows.map((_, i) => i) : [rows.indexOf(r as string)];
    const ci = c === "total" ? cols.map((_, i) => i) : [cols.indexOf(c as string)];
    let s = 0;
    for (const i of ri) for (const j of ci) s += grid[i]?.[j] as number;
    return s;
  };
}

// Hundepool et al.-style 2-D table with margins; (X, B) = 3 is sensitive (T = 5, P = 5: its interval
// must reach 0 and 8). Every protecting pattern holds a cycle of suppressed cells through (X, B); the
// shortest are rectangles (X, B), (X, c'), (r', B), (r', c'). By hand, with weight 1 + value:
// (Y, A) 21+19+13 = 53, (Y, C) 16+19+11 = 46, (Z, A) 21+15+11 = 47, (Z, C) 16+15+26 = 57, and every
// rectangle through a margin costs more than 100; longer cycles need ≥ 5 more cells (≥ 55).
const textbookRows = ["X", "Y", "Z"];
const textbookCols = ["A", "B", "C"];
const textbookGrid = [
  [20, 3, 15],
  [12, 18, 10],
  [10, 14, 25],
];

/** The textbook 2-D table above as table `id` (dimensions `row` and `col`, measure `n`, sums). */
export function textbookTable2d(id: string) {
  const dims = [
    { id: "row", codes: ["total", ...textbookRows] },
    { id: "col", codes: ["total", ...textbookCols] },
  ];
  const table = testTable(id, dims, { n: { row: "sum", col: "sum" } });
  return testInput(table, dims, gridValue(textbookRows, textbookCols, textbookGrid));
}

/** Makes cell `c` the only one with a requirement on measure `m`: it must reach `down` and `up`. */
export function requireOnly(p: Problem, c: number, m: string, down: number, up: number): void {
  p.requirement.set(m, {
    down: new Float64Array(p.size).fill(Number.NaN).fill(down, c, c + 1),
    up: new Float64Array(p.size).fill(Number.NaN).fill(up, c, c + 1),
  });
}
