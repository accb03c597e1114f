// JSON Lines records from text chunks: one JSON object per line, keys matched case-insensitively, values
// as text (strings as they are, numbers and booleans written out, null as empty). A line that is not a
// JSON object is reported as such, never dropped; empty lines are not records.

export type JsonRecord = { readonly ok: true; readonly values: Map<string, string> } | { readonly ok: false };
export type OnJsonRecord = (record: JsonRecord, line: number) => void;

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** Parses one line; `undefined` for an empty (whitespace-only) line. */
export function parseJsonLine(line: string): JsonRecord | undefined {
  if (line.trim() === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { ok: false };
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return { ok: false };
  const values = new Map<string, string>();
  for (const [key, value] of Object.entries(parsed)) values.set(key.trim().toLowerCase(), text(value));
  return { ok: true, values };
}

export class JsonlParser {
  private pending = "";
  private line = 1;

  constructor(private readonly onRecord: OnJsonRecord) {}

  push(chunk: string): void {
    const s = this.pending + chunk;
    let pos = 0;
    for (let nl = s.indexOf("\n"); nl >= 0; nl = s.indexOf("\n", pos)) {
      this.emit(s.slice(pos, nl));
      pos = nl + 1;
    }
    this.pending = s.slice(pos);
  }

  end(): void {
    if (this.pending !== "") this.emit(this.pending);
    this.pending = "";
  }

  private emit(raw: string): void {
    const record = parseJsonLine(raw.endsWith("\r") ? raw.slice(0, -1) : raw);
    if (record) this.onRecord(record, this.line);
    this.line++;
  }
}
