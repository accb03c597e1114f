// Which tables are protected (and audited) together: a table and the tables linked to its margin.
import type { TableDef } from "../build/tables/types.ts";

/**
 * The groups of tables protected together, in catalogue order: a table and the tables linked to it
 * (`disclosure.linkedWith`); every other table alone.
 */
export function disclosureGroups(tables: readonly TableDef[]): TableDef[][] {
  const ids = new Set(tables.map((t) => t.id));
  const groups: TableDef[][] = [];
  const placed = new Set<string>();
  for (const t of tables) {
    if (placed.has(t.id)) continue;
    const base =
      t.disclosure?.linkedWith && ids.has(t.disclosure.linkedWith) ? t.disclosure.linkedWith : t.id;
    const group = tables.filter((x) => x.id === base || (x.disclosure?.linkedWith === base && ids.has(base)));
    for (const x of group) placed.add(x.id);
    groups.push(group);
  }
  return groups;
}
