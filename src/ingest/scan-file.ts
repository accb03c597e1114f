// One pass over a delivery's bytes before anything is parsed: checksum, encoding (BOM, UTF-8 validity),
// line structure (line count, empty lines, line endings) and the bytes that decide whether DuckDB may
// read the file directly. Refuses files that are not text (`unreadable_file`).
import { isUtf8 } from "node:buffer";
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { AppError } from "../errors.ts";

export type Encoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";
export type Newlines = "lf" | "crlf" | "mixed" | "none";

export interface FileScan {
  readonly size: number;
  readonly sha256: string;
  readonly encoding: Encoding;
  /** Length of the byte-order mark (0 if none). */
  readonly bomLength: number;
  /** The first bytes of the file (up to 64 KiB), for the header and the format. */
  readonly head: Buffer;
  /** The byte `"` occurs: quoted fields may span lines. */
  readonly hasQuote: boolean;
  /** The byte 0x02 occurs (DuckDB's null marker on the fast path). */
  readonly hasMarker: boolean;
  readonly newlines: Newlines;
  /** Physical lines (a last line without a line break counts). Not meaningful for UTF-16. */
  readonly lines: number;
  /** 1-based numbers of empty lines. Not meaningful for UTF-16. */
  readonly blankLines: readonly number[];
}

const CHUNK = 4 << 20;
const HEAD = 64 << 10;

function unreadable(path: string, why: string): AppError {
  return new AppError("unreadable_file", `Cannot read ${path} as text: ${why}`);
}

/** Bytes at the end of `chunk` that may be the start of a UTF-8 sequence continued in the next chunk. */
function incompleteTail(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const b = chunk[chunk.length - back] as number;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Reads the whole file once; throws `unreadable_file` for binary content. */
export async function scanFile(path: string): Promise<FileScan> {
  const handle = await open(path, "r");
  try {
    const hash = createHash("sha256");
    const buffer = Buffer.allocUnsafe(CHUNK);
    let head = Buffer.alloc(0);
    let size = 0;
    let encoding: Encoding | undefined;
    let bomLength = 0;
    let utf8 = true;
    let carry = Buffer.alloc(0);
    let hasQuote = false;
    let hasMarker = false;
    let lf = 0;
    let cr = 0;
    let crlf = 0;
    let lineStart = 0;
    let lastByte = -1;
    const blankLines: number[] = [];
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      if (size === 0) {
        head = Buffer.from(chunk.subarray(0, HEAD));
        if (chunk[0] === 0xff && chunk[1] === 0xfe) [encoding, bomLength] = ["utf-16le", 2];
        else if (chunk[0] === 0xfe && chunk[1] === 0xff) [encoding, bomLength] = ["utf-16be", 2];
        else if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) bomLength = 3;
      }
      if (encoding === undefined) {
        if (chunk.indexOf(0) >= 0)
          throw unreadable(path, "it contains NUL bytes (UTF-16 needs a byte-order mark)");
        if (utf8) {
          let from = 0;
          if (carry.length > 0) {
            while (from < 3 && from < chunk.length && ((chunk[from] as number) & 0xc0) === 0x80) from++;
            utf8 = isUtf8(Buffer.concat([carry, chunk.subarray(0, from)]));
          }
          const tail = incompleteTail(chunk);
          utf8 = utf8 && isUtf8(chunk.subarray(from, chunk.length - tail));
          carry = Buffer.from(chunk.subarray(chunk.length - tail));
        }
        hasQuote ||= chunk.indexOf(0x22) >= 0;
        hasMarker ||= chunk.indexOf(0x02) >= 0;
        for (let p = chunk.indexOf(13); p >= 0; p = chunk.indexOf(13, p + 1)) cr++;
        for (let p = chunk.indexOf(10); p >= 0; p = chunk.indexOf(10, p + 1)) {
          const at = size + p;
          const before = p > 0 ? (chunk[p - 1] as number) : lastByte;
          if (before === 13) crlf++;
          lf++;
          if (at === lineStart || (at === lineStart + 1 && before === 13)) blankLines.push(lf);
          lineStart = at + 1;
        }
        lastByte = chunk[chunk.length - 1] as number;
      }
      size += bytesRead;
    }
    if (encoding === undefined) {
      if (carry.length > 0) utf8 = false;
      encoding = utf8 ? "utf-8" : "windows-1252";
    }
    const lines = lf + (size > lineStart ? 1 : 0);
    const newlines: Newlines =
      cr === 0 ? (lf > 0 ? "lf" : "none") : cr === crlf && lf === crlf ? "crlf" : "mixed";
    return {
      size,
      sha256: hash.digest("hex"),
      encoding,
      bomLength,
      head,
      hasQuote,
      hasMarker,
      newlines,
      lines,
      blankLines,
    };
  } finally {
    await handle.close();
  }
}
