// RFC 4180 records from text chunks: fields may be quoted, quoted fields may hold the delimiter, `""`
// and line breaks. Each record comes with the file line it starts on; empty lines are not records.
// CR, LF and CRLF each end a line. Lenient where the RFC is silent: text after a closing quote is kept.

export type OnRecord = (fields: string[], line: number) => void;

const QUOTE = 34;
const CR = 13;
const LF = 10;

interface Parsed {
  readonly fields: string[];
  readonly next: number;
  /** Line breaks inside quoted fields. */
  readonly breaks: number;
  readonly blank: boolean;
}

function countBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}

/** One record starting at `pos`, or undefined if `s` ends before the record does (and more may come). */
function parseRecord(s: string, pos: number, delimiter: number, final: boolean): Parsed | undefined {
  const n = s.length;
  const fields: string[] = [];
  let i = pos;
  let breaks = 0;
  for (;;) {
    let value: string;
    if (s.charCodeAt(i) === QUOTE) {
      value = "";
      i++;
      for (;;) {
        const j = s.indexOf('"', i);
        if (j < 0) {
          if (!final) return undefined;
          value += s.slice(i);
          breaks += countBreaks(s.slice(i));
          i = n;
          break;
        }
        const part = s.slice(i, j);
        value += part;
        breaks += countBreaks(part);
        if (j + 1 === n && !final) return undefined;
        if (s.charCodeAt(j + 1) === QUOTE) {
          value += '"';
          i = j + 2;
          continue;
        }
        i = j + 1;
        break;
      }
      let k = i;
      for (; k < n; k++) {
        const c = s.charCodeAt(k);
        if (c === delimiter || c === LF || c === CR) break;
      }
      value += s.slice(i, k);
      i = k;
    } else {
      let k = i;
      for (; k < n; k++) {
        const c = s.charCodeAt(k);
        if (c === delimiter || c === LF || c === CR) break;
      }
      value = s.slice(i, k);
      i = k;
    }
    fields.push(value);
    if (i >= n) {
      if (!final) return undefined;
      return { fields, next: n, breaks, blank: i === pos };
    }
    const c = s.charCodeAt(i);
    if (c === delimiter) {
      i++;
      if (i >= n && !final) return undefined;
      continue;
    }
    const blank = i === pos;
    if (c === LF) return { fields, next: i + 1, breaks, blank };
    if (i + 1 >= n && !final) return undefined;
    return { fields, next: s.charCodeAt(i + 1) === LF ? i + 2 : i + 1, breaks, blank };
  }
}

/** Feeds text chunks in order; calls `onRecord` for every non-empty record. */
export class CsvParser {
  private pending = "";
  private line: number;

  constructor(
    private readonly delimiter: string,
    private readonly onRecord: OnRecord,
    firstLine = 1,
  ) {
    this.line = firstLine;
  }

  push(text: string): void {
    this.pending = this.run(this.pending + text, false);
  }

  end(): void {
    this.run(this.pending, true);
    this.pending = "";
  }

  private run(s: string, final: boolean): string {
    const delimiter = this.delimiter.charCodeAt(0);
    let pos = 0;
    while (pos < s.length) {
      const record = parseRecord(s, pos, delimiter, final);
      if (!record) break;
      if (!record.blank) this.onRecord(record.fields, this.line);
      this.line += 1 + record.breaks;
      pos = record.next;
    }
    return s.slice(pos);
  }
}

/** All records of a complete text (tests, headers). */
export function parseCsv(text: string, delimiter: string): { fields: string[]; line: number }[] {
  const out: { fields: string[]; line: number }[] = [];
  const parser = new CsvParser(delimiter, (fields, line) => out.push({ fields, line }));
  parser.push(text);
  parser.end();
  return out;
}
