// Cells near a cell along the relations: those sharing a line with it, then with those, and so on.
import { type Dim, descendants, type Group } from "./dims.ts";
import type { Cube, Problem } from "./problem.ts";
import { type Line, lineKey, linesThrough } from "./rows.ts";

/** Canonical ids of every cell on `line`. */
export function cellsOfLine(p: Problem, line: Line): number[] {
  const cube = p.cubes[line.cube] as Cube;
  const group = cube.dims[line.dim]?.groups[line.group];
  if (!group) return [];
  const stride = cube.strides[line.dim] as number;
  return [group.parent, ...group.children].map(
    (code) => p.canon[cube.offset + line.base + code * stride] as number,
  );
}

/**
 * Cells within `hops` lines of `c` (itself included), at most `max` of them; with `through`, a line
 * is followed only from cells that pass it (the audit follows suppressed cells only).
 */
export function neighbourhood(
  p: Problem,
  c: number,
  hops: number,
  max: number,
  through: (cell: number) => boolean = () => true,
): { cells: number[]; complete: boolean } {
  const seen = new Set<number>([c]);
  const lines = new Set<number>();
  let frontier = [c];
  const buf: Line[] = [];
  for (let h = 0; h < hops && frontier.length > 0; h++) {
    const next: number[] = [];
    for (const cell of frontier) {
      buf.length = 0;
      for (const line of linesThrough(p, cell, buf)) {
        const key = lineKey(line);
        if (lines.has(key)) continue;
        lines.add(key);
        for (const x of cellsOfLine(p, line)) {
          if (seen.has(x)) continue;
          if (seen.size >= max) return { cells: [...seen], complete: false };
          seen.add(x);
          if (through(x)) next.push(x);
        }
      }
    }
    frontier = next;
  }
  return { cells: [...seen], complete: frontier.length === 0 };
}

/** `list` ordered by distance from `x`'s place in it (both sides alternately), or as is without it. */
function nearestFirst(list: readonly number[], x: number): readonly number[] {
  const at = list.indexOf(x);
  if (at < 0) return list;
  const out: number[] = [];
  for (let step = 1; out.length < list.length - 1; step++) {
    if (at - step >= 0) out.push(list[at - step] as number);
    if (at + step < list.length) out.push(list[at + step] as number);
  }
  return out;
}

/**
 * Codes of one dimension that a change of `code` can involve: the code, everything below it (an
 * aggregate moves through its parts), everything above it (totals that move with it), and up to
 * `siblings` other parts of its totals, nearest first, with what is below them (partners that can
 * take the opposite change).
 */
export function codesAround(dim: Dim, code: number, siblings: number): number[] {
  const set = new Set<number>([code, ...descendants(dim, code)]);
  const below = (from: number) => {
    for (const x of descendants(dim, from)) set.add(x);
  };
  // Going up, siblings are taken from the nearest levels that have any (a municipality that is its
  // job centre's only one finds its partners among the other job centres).
  let frontier = [code];
  let taken = 0;
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const x of frontier)
      for (const gi of dim.groupsOf[x] ?? []) {
        const g = dim.groups[gi] as Group;
        if (g.parent === x) continue;
        if (!set.has(g.parent)) {
          set.add(g.parent);
          next.push(g.parent);
        }
        // Nearest in the list first: adjacent age bands hold the persons whose band on the period's
        // last day differs between a month and its quarter.
        for (const s of nearestFirst(g.children, x)) {
          if (taken >= siblings) break;
          if (set.has(s)) continue;
          set.add(s);
          below(s);
          taken++;
        }
      }
    frontier = next;
  }
  return [...set];
}

/**
 * Cells a change of `c` can involve, built per dimension rather than by hops along lines: in every
 * table of `c`'s linked group, the product of `codesAround` of each dimension's code of `c` (a
 * dimension `c`'s table lacks is taken whole), with up to `siblings` partners per dimension. Fewer
 * siblings are taken while the product exceeds `max` cells; it is cut at `max` (`cut`) when even
 * none is too many.
 */
export function structuralNeighbourhood(
  p: Problem,
  c: number,
  max: number,
  siblings = 3,
): { cells: number[]; cut: boolean } {
  const own = p.cubes[p.cubeOf(c)] as Cube;
  const codeOf = new Map(own.dims.map((dim, d) => [dim.id, dim.codes[p.coord(own, c, d)] as string]));
  const base = own.linkedCube >= 0 ? own.linkedCube : p.cubeOf(c);
  const group = p.cubes.filter((x, i) => i === base || x.linkedCube === base);
  const setsFor = (partners: number) =>
    group.map((cube) =>
      cube.dims.map((dim) => {
        const code = codeOf.get(dim.id);
        const at = code === undefined ? -1 : dim.codes.indexOf(code);
        return at < 0 ? dim.codes.map((_, i) => i) : codesAround(dim, at, partners);
      }),
    );
  const sizeOf = (sets: number[][][]) => sets.reduce((a, s) => a + s.reduce((b, x) => b * x.length, 1), 0);
  let sets = setsFor(siblings);
  for (const fewer of [3, 1, 0]) if (fewer < siblings && sizeOf(sets) > max) sets = setsFor(fewer);
  const seen = new Set<number>();
  const out: number[] = [];
  group.forEach((cube, gi) => {
    const parts = sets[gi] as number[][];
    const idx = new Array<number>(parts.length).fill(0);
    if (parts.some((x) => x.length === 0)) return;
    for (;;) {
      let local = 0;
      parts.forEach((codes, d) => {
        local += (codes[idx[d] as number] as number) * (cube.strides[d] as number);
      });
      const id = p.canon[cube.offset + local] as number;
      if (!seen.has(id)) {
        if (out.length >= max) return;
        seen.add(id);
        out.push(id);
      }
      let d = parts.length - 1;
      while (d >= 0 && (idx[d] as number) + 1 >= (parts[d] as number[]).length) idx[d--] = 0;
      if (d < 0) return;
      idx[d] = (idx[d] as number) + 1;
    }
  });
  return { cells: out, cut: sizeOf(sets) > max };
}
