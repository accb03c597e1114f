// What a delivery looks like before its rows are read: CSV or JSON Lines, the CSV delimiter, and how
// header columns map to the record type's fields (case-insensitive, any order). A missing required
// column or an unusable header refuses the file (`bad_header`); unknown columns become warnings.
import { extname } from "node:path";
import { AppError } from "../errors.ts";
import { parseCsv } from "./csv-parser.ts";
import type { RecordTypeDef } from "./record-types/index.ts";

export type Format = "csv" | "jsonl";

export interface HeaderPlan {
  readonly delimiter: "," | ";";
  /** Header names as written (trimmed), in file order. */
  readonly names: readonly string[];
  /** Column index in the file of each field of the definition, or -1 when the column is absent. */
  readonly columnOf: readonly number[];
  readonly warnings: readonly string[];
}

/** Control characters other than tab, line feed, form feed and carriage return mark a binary file. */
function isBinaryControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f;
}

/** Shows a name from a file safely in a message: JSON-escaped and cut to 40 characters. */
export function shown(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

export function detectFormat(path: string, head: string): Format {
  const ext = extname(path).toLowerCase();
  if (ext === ".jsonl" || ext === ".ndjson") return "jsonl";
  return head.trimStart().startsWith("{") ? "jsonl" : "csv";
}

/** True when the head of a file contains characters no text delivery has. */
export function looksBinary(head: string): boolean {
  for (let i = 0; i < head.length; i++) if (isBinaryControl(head.charCodeAt(i))) return true;
  return false;
}

function firstLine(head: string): string {
  const end = head.search(/[\r\n]/);
  return end < 0 ? head : head.slice(0, end);
}

function normalise(name: string): string {
  return name.trim().toLowerCase();
}

function known(def: RecordTypeDef, names: readonly string[]): number {
  const fields = new Set(def.fields.map((f) => f.name));
  return names.filter((n) => fields.has(normalise(n))).length;
}

/** Maps header names to fields; refuses missing required columns and repeated ones. */
export function planColumns(
  def: RecordTypeDef,
  names: readonly string[],
  what: string,
): Omit<HeaderPlan, "delimiter"> {
  const seen = new Map<string, number>();
  const repeated: string[] = [];
  names.forEach((raw, index) => {
    const name = normalise(raw);
    if (seen.has(name) && name !== "") repeated.push(raw.trim());
    else seen.set(name, index);
  });
  const columnOf = def.fields.map((f) => seen.get(f.name) ?? -1);
  const missing = def.fields.filter((f, i) => f.required && columnOf[i] === -1).map((f) => f.name);
  if (missing.length > 0) {
    throw new AppError(
      "bad_header",
      `The ${what} lacks required column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} for ${def.type}`,
      { missing },
    );
  }
  const usedRepeated = repeated.filter((r) => def.fields.some((f) => f.name === normalise(r)));
  if (usedRepeated.length > 0) {
    throw new AppError("bad_header", `The ${what} repeats column ${usedRepeated.map(shown).join(", ")}`);
  }
  const fields = new Set(def.fields.map((f) => f.name));
  const warnings = names
    .filter((n) => !fields.has(normalise(n)))
    .map((n) =>
      n.trim() === "" ? "A column without a name is ignored" : `Unknown column ${shown(n.trim())} ignored`,
    );
  return { names: names.map((n) => n.trim()), columnOf, warnings };
}

/** Reads the CSV header from the head of the file and picks the delimiter that matches more fields. */
export function planCsvHeader(def: RecordTypeDef, head: string): HeaderPlan {
  const line = firstLine(head);
  if (line.trim() === "") throw new AppError("bad_header", "The file has no header line (line 1 is empty)");
  if (line.length === head.length && head.length >= 65536) {
    throw new AppError("bad_header", "The header line is longer than 64 KiB");
  }
  const candidates = ([",", ";"] as const).map((delimiter) => {
    const names = parseCsv(line, delimiter)[0]?.fields ?? [];
    return { delimiter, names, score: known(def, names) };
  });
  const [comma, semicolon] = candidates as [(typeof candidates)[0], (typeof candidates)[0]];
  const best =
    semicolon.score > comma.score ||
    (semicolon.score === comma.score && semicolon.names.length > comma.names.length)
      ? semicolon
      : comma;
  if (best.score === 0) {
    throw new AppError("bad_header", `Line 1 is not a header of ${def.type}: no column is one of its fields`);
  }
  return { delimiter: best.delimiter, ...planColumns(def, best.names, "header") };
}
