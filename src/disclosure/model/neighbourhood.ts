// Cells near a cell along the relations: those sharing a line with it, then with those, and so on.
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
