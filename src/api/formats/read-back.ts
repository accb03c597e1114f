// Test helpers: independent readers of our CSV and PX output back into cells, written from the format
// rules (RFC 4180; PX 2013 keywords), not from the writers' code.

export type CellRow = readonly string[];

/** RFC 4180: fields split on `delimiter`, quoted fields may hold the delimiter, quotes ("") and line breaks. */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface PxFile {
  /** Keyword (with its `("sub","keys")` part) → list of values (quotes removed). */
  readonly keywords: Map<string, string[]>;
  readonly data: string[];
}

/** Splits a PX file into keyword entries (on `;` outside quotes) and the DATA tokens. */
export function parsePx(text: string): PxFile {
  const keywords = new Map<string, string[]>();
  const dataAt = text.indexOf("\nDATA=");
  const head = text.slice(0, dataAt + 1);
  const entries: string[] = [];
  let current = "";
  let quoted = false;
  for (const c of head) {
    if (c === '"') quoted = !quoted;
    if (c === ";" && !quoted) {
      entries.push(current.trim());
      current = "";
    } else current += c;
  }
  for (const entry of entries) {
    const eq = entry.search(/=(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const key = entry.slice(0, eq).trim();
    const value = entry.slice(eq + 1).trim();
    const strings = [...value.matchAll(/"([^"]*)"|([^",\s]+)/g)].map((m) => m[1] ?? m[2] ?? "");
    keywords.set(key, strings);
  }
  const body = text.slice(dataAt + "\nDATA=".length).trim();
  if (!body.endsWith(";")) throw new Error("DATA does not end with ;");
  const data = [...body.slice(0, -1).matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? "");
  return { keywords, data };
}
