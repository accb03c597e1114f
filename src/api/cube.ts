// A query's answer as a dense cube: the selected codes of every dimension (catalogue order), the selected
// measures, and one value and status per cell with the measure varying fastest. Every format renders this.

import type { PublishedDimension, PublishedTable } from "../build/release-catalogue.ts";
import type { MeasureDef } from "../build/tables/types.ts";

export type CellStatus = "" | ".." | "-";

export type PublishedCode = PublishedDimension["codes"][number];

export interface CubeDimension {
  readonly id: string;
  readonly kind: PublishedDimension["kind"];
  readonly label: PublishedDimension["label"];
  /** Selected codes, in the catalogue's order. */
  readonly codes: readonly PublishedCode[];
}

export interface CubeRelease {
  readonly id: string;
  readonly createdAt: string;
  readonly dataThrough: string;
}

export interface Cube {
  readonly table: PublishedTable;
  readonly release: CubeRelease;
  /** The table's dimensions in catalogue order (period, area, then the others). */
  readonly dimensions: readonly CubeDimension[];
  readonly measures: readonly MeasureDef[];
  /** One per cell: index = ((d0 · n1 + d1) · n2 + …) · measures + m. */
  readonly values: readonly (number | null)[];
  readonly status: readonly CellStatus[];
  /** The normalised query (for metadata sheets and notes). */
  readonly query: string;
}

/** Sizes of the cube's axes: every dimension, then the measures. */
export function cubeSizes(cube: Pick<Cube, "dimensions" | "measures">): number[] {
  return [...cube.dimensions.map((d) => d.codes.length), cube.measures.length];
}

/** Number of cells (dimension combinations × measures). */
export function cellCount(cube: Pick<Cube, "dimensions" | "measures">): number {
  return cubeSizes(cube).reduce((a, b) => a * b, 1);
}

/**
 * Calls `visit` for every cell in cube order with the position on each axis (dimensions, then measure).
 * The `position` array is reused between calls.
 */
export function forEachCell(cube: Cube, visit: (index: number, position: readonly number[]) => void): void {
  const sizes = cubeSizes(cube);
  const total = sizes.reduce((a, b) => a * b, 1);
  const position = sizes.map(() => 0);
  for (let i = 0; i < total; i++) {
    visit(i, position);
    for (let axis = sizes.length - 1; axis >= 0; axis--) {
      const next = (position[axis] as number) + 1;
      if (next < (sizes[axis] as number)) {
        position[axis] = next;
        break;
      }
      position[axis] = 0;
    }
  }
}

/**
 * Text of every cell in cube order: for each cell, the pieces of its position on each axis (already
 * formatted, separators included) followed by `tail(index)`. The prefix of the outer axes is built once per
 * change, and the text is gathered in 64 kB chunks: ~5× faster than a row array for a million cells.
 */
export function joinCells(
  cube: Pick<Cube, "dimensions" | "measures">,
  pieces: readonly (readonly string[])[],
  tail: (index: number) => string,
): string {
  const sizes = cubeSizes(cube);
  const axes = sizes.length;
  const total = sizes.reduce((a, b) => a * b, 1);
  if (total === 0) return "";
  const position = sizes.map(() => 0);
  // prefix[a] = pieces of axes 0..a-1 at the current position.
  const prefix: string[] = [""];
  for (let a = 0; a < axes - 1; a++) prefix.push(`${prefix[a]}${(pieces[a] as string[])[0]}`);
  const last = pieces[axes - 1] as string[];
  const parts: string[] = [];
  let chunk = "";
  for (let i = 0; i < total; i++) {
    chunk += `${prefix[axes - 1]}${last[position[axes - 1] as number]}${tail(i)}`;
    if (chunk.length > 65_536) {
      parts.push(chunk);
      chunk = "";
    }
    // Advance the odometer and rebuild the prefixes of the axes that moved.
    let axis = axes - 1;
    while (axis >= 0) {
      const next = (position[axis] as number) + 1;
      if (next < (sizes[axis] as number)) {
        position[axis] = next;
        break;
      }
      position[axis] = 0;
      axis--;
    }
    if (axis < 0) break;
    for (let a = Math.max(axis, 0); a < axes - 1; a++) {
      prefix[a + 1] = `${prefix[a]}${(pieces[a] as string[])[position[a] as number]}`;
    }
  }
  parts.push(chunk);
  return parts.join("");
}
