// Decomposition by period: a release's group holds every period (months, quarters, years, rolling
// windows), and protecting all of them as one problem is slow, as the period relations couple every
// cell to its quarter, year and windows. Each period's layer is protected alone (a problem the size
// of one month), the layers' patterns are aligned along the period hierarchy so that the product
// changes that protect a cell within its layer can carry their periods with them, and the secondary
// search over the whole group then only repairs what the layers left open. See DESIGN.md.
import type { Dim } from "../model/dims.ts";
import type { Problem } from "../model/problem.ts";
import type { TableInput } from "../protect.ts";

/**
 * The period codes of a group (every table's, in the first table's order, then any others), when
 * every table has the period as its first dimension; else null. Tables may lack some periods (the
 * rolling windows of `recipients` are not in the tables linked to it).
 */
export function groupPeriods(inputs: readonly TableInput[]): readonly string[] | null {
  if (inputs.length === 0 || inputs.some((i) => i.table.dimensions[0]?.kind !== "period")) return null;
  const codes = new Set<string>();
  for (const input of inputs) for (const c of input.codes[0] ?? []) codes.add(c);
  return [...codes];
}

/** One period of a group: the tables that have it, restricted to it, and each one's index in the group. */
export interface PeriodLayer {
  readonly inputs: TableInput[];
  readonly tables: number[];
}

/** The group's tables restricted to one period (the first dimension); tables without it left out. */
export function sliceToPeriod(inputs: readonly TableInput[], period: string): PeriodLayer {
  const layer: PeriodLayer = { inputs: [], tables: [] };
  inputs.forEach((input, k) => {
    const at = input.codes[0]?.indexOf(period) ?? -1;
    if (at < 0) return;
    const inner = input.codes.slice(1).reduce((a, c) => a * c.length, 1);
    const slice = (a: Float64Array) => a.slice(at * inner, (at + 1) * inner);
    const values = Object.fromEntries(Object.entries(input.values).map(([m, a]) => [m, slice(a)]));
    layer.inputs.push({
      table: input.table,
      codes: [[period], ...input.codes.slice(1)],
      values,
      ...(input.largest ? { largest: slice(input.largest) } : {}),
    });
    layer.tables.push(k);
  });
  return layer;
}

/**
 * Aligns a suppression pattern along the period hierarchy, per cross-section cell (the same codes in
 * every dimension but the period): within a quarter and its months, a cell suppressed in any of them
 * is suppressed in all (a month's change takes its quarter along, and a quarter's goes through its
 * months); and a cell suppressed in a period is suppressed in every period covering it (year, rolling
 * windows), which an additive measure (fte, amounts) must follow. Returns the cells added.
 */
export function alignPeriods(p: Problem): number {
  let added = 0;
  const set = (g: number) => {
    const id = p.canon[g] as number;
    if (p.suppressed[id]) return;
    p.suppressed[id] = 1;
    added++;
  };
  for (const cube of p.cubes) {
    const dim = cube.dims[0] as Dim;
    if (dim.kind !== "period") continue;
    const inner = cube.strides[0] as number;
    const at = (code: number, l: number) => p.canon[cube.offset + code * inner + l] as number;
    // Blocks: groups whose parts are leaves (a quarter and its months).
    const blocks = dim.groups.filter((g) => g.children.every((x) => (dim.leaves[x]?.length ?? 0) === 1));
    const upward = dim.groups.filter((g) => !blocks.includes(g));
    for (let l = 0; l < inner; l++) {
      for (const g of blocks) {
        const members = [g.parent, ...g.children];
        if (members.some((x) => p.suppressed[at(x, l)]))
          for (const x of members) set(cube.offset + x * inner + l);
      }
      // Up the hierarchy (quarters → years and windows → windows equal to a year) until nothing changes.
      for (let changed = true; changed; ) {
        changed = false;
        for (const g of upward)
          if (!p.suppressed[at(g.parent, l)] && g.children.some((x) => p.suppressed[at(x, l)])) {
            set(cube.offset + g.parent * inner + l);
            changed = true;
          }
      }
    }
  }
  return added;
}
