// Reads a generated delivery back into rows of lower-case field names to raw text, the way the
// contract describes the formats (delimiter from the header, BOM, CRLF, JSON Lines). For tests only:
// demo files never quote fields, which the reader asserts rather than handles.
import { readFileSync } from "node:fs";

export interface ReadBack {
  readonly header: readonly string[];
  /** Rows with their line number in the file (header = line 1) and the number of fields seen. */
  readonly rows: readonly { line: number; fields: number; values: Record<string, string> }[];
}

export function readDeliveryForTests(path: string): ReadBack {
  let text = readFileSync(path, "utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  if (path.endsWith(".jsonl")) {
    return {
      header: [],
      rows: lines.map((line, i) => {
        const obj = JSON.parse(line) as Record<string, unknown>;
        const values: Record<string, string> = {};
        for (const [k, v] of Object.entries(obj)) values[k.toLowerCase()] = String(v);
        return { line: i + 1, fields: Object.keys(obj).length, values };
      }),
    };
  }
  if (text.includes('"')) throw new Error(`${path}: demo files are expected to need no quoting`);
  const headerLine = lines[0] ?? "";
  const delimiter = headerLine.includes(";") ? ";" : ",";
  const header = headerLine.split(delimiter).map((h) => h.toLowerCase());
  return {
    header,
    rows: lines.slice(1).map((line, i) => {
      const parts = line.split(delimiter);
      const values: Record<string, string> = {};
      header.forEach((name, j) => {
        values[name] = parts[j] ?? "";
      });
      return { line: i + 2, fields: parts.length, values };
    }),
  };
}
