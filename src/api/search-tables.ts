// Full-text search over the catalogue: every word of the query must occur in a table's titles,
// descriptions, subject, measure labels and definitions or dimension labels (da and en), ignoring case and
// diacritics, with æ/ø/å matching ae/oe/aa as well as a/o/a.
import type { PublishedTable } from "../build/release-catalogue.ts";

function strip(text: string): string {
  return text.normalize("NFD").replace(/\p{M}+/gu, "");
}

/** The two foldings a Danish word may be typed in: `søgning` → `soegning` and `sogning`. */
export function foldings(text: string): [string, string] {
  const lower = text.toLowerCase();
  const long = strip(lower.replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa"));
  const short = strip(lower.replace(/æ/g, "ae").replace(/ø/g, "o"));
  return [long, short];
}

function searchText(table: PublishedTable): string {
  const parts: string[] = [table.id, table.subject];
  for (const l of [table.title, table.description]) parts.push(l.da, l.en);
  for (const m of table.measures) parts.push(m.id, m.label.da, m.label.en, m.definition.da, m.definition.en);
  for (const d of table.dimensions) parts.push(d.id, d.label.da, d.label.en);
  return foldings(parts.join(" \u0000 ")).join(" \u0000 ");
}

const textCache = new WeakMap<PublishedTable, string>();

/** Whether every word of `query` occurs in the table's searchable text. */
export function matchesQuery(table: PublishedTable, query: string): boolean {
  let haystack = textCache.get(table);
  if (haystack === undefined) {
    haystack = searchText(table);
    textCache.set(table, haystack);
  }
  const words = query.split(/[\s,.;:!?"'()]+/).filter((w) => w.length > 0);
  return words.every((word) => foldings(word).some((f) => (haystack as string).includes(f)));
}
