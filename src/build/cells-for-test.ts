// Looks up published cells in table tests by their dimension codes and measure; a missing cell fails
// the test with the codes it looked for, so a wrong code is never mistaken for an empty cell.
import type { PublishedCell } from "./test-harness.ts";

export type CellCodes = Readonly<Record<string, string>>;

export function cellOf(cells: readonly PublishedCell[], codes: CellCodes, measure: string): PublishedCell {
  const keys = Object.keys(codes);
  const cell = cells.find((c) => c.measure === measure && keys.every((k) => c[k] === codes[k]));
  if (!cell) throw new Error(`no cell ${JSON.stringify(codes)} ${measure}`);
  return cell;
}

/** The published value (null when suppressed or not applicable). */
export function cellValue(cells: readonly PublishedCell[], codes: CellCodes, measure: string) {
  return cellOf(cells, codes, measure).value;
}

/** The published status: "" (ordinary), ".." (suppressed) or "-" (not applicable). */
export function cellStatus(cells: readonly PublishedCell[], codes: CellCodes, measure: string) {
  return cellOf(cells, codes, measure).status;
}
