// Quoting helpers: the only way identifiers and constant literals enter generated SQL. Values that come
// from users travel as bound parameters; these are for names and for our own reference constants.

/** `name` as a DuckDB identifier: double-quoted, inner quotes doubled. */
export function quoteIdentifier(name: string): string {
  if (name.includes("\0")) throw new Error("identifier contains a NUL character");
  return `"${name.replaceAll('"', '""')}"`;
}

/** `value` as a DuckDB string literal: single-quoted, inner quotes doubled (no escape sequences). */
export function quoteLiteral(value: string): string {
  if (value.includes("\0")) throw new Error("literal contains a NUL character");
  return `'${value.replaceAll("'", "''")}'`;
}

/** A parenthesised list of string literals for `IN (…)`; never empty (an empty list matches nothing). */
export function literalList(values: readonly string[]): string {
  return values.length === 0 ? "(NULL)" : `(${values.map(quoteLiteral).join(", ")})`;
}
