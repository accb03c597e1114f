// Decodes a delivery's bytes to text in its detected encoding, chunk by chunk, without the byte-order
// mark. Undecodable bytes refuse the file (`unreadable_file`); decoded text stays in memory only.
import { open } from "node:fs/promises";
import { TextDecoder } from "node:util";
import { AppError } from "../errors.ts";
import type { Encoding, FileScan } from "./scan-file.ts";

const CHUNK = 1 << 20;
// Bytes Windows-1252 leaves undefined: a file containing them is not Windows-1252 text.
const UNDEFINED_1252 = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

function decoderFor(encoding: Encoding): TextDecoder {
  return new TextDecoder(encoding, { fatal: encoding !== "windows-1252", ignoreBOM: true });
}

function refuse(path: string, encoding: Encoding): AppError {
  return new AppError("unreadable_file", `Cannot read ${path} as text: it is not valid ${encoding}`);
}

function decodeChunk(
  decoder: TextDecoder,
  bytes: Uint8Array,
  stream: boolean,
  path: string,
  encoding: Encoding,
) {
  if (encoding === "windows-1252" && UNDEFINED_1252.some((b) => bytes.indexOf(b) >= 0))
    throw refuse(path, encoding);
  try {
    return decoder.decode(bytes, { stream });
  } catch {
    throw refuse(path, encoding);
  }
}

/** The decoded text of the first bytes of the file (the header and format detection need no more). */
export function decodeHead(scan: FileScan, path: string): string {
  const decoder = decoderFor(scan.encoding);
  return decodeChunk(decoder, scan.head.subarray(scan.bomLength), true, path, scan.encoding);
}

/** The whole file as decoded text chunks, in order, without the byte-order mark. */
export async function* decodedChunks(path: string, scan: FileScan): AsyncGenerator<string> {
  const handle = await open(path, "r");
  try {
    const decoder = decoderFor(scan.encoding);
    const buffer = Buffer.allocUnsafe(CHUNK);
    let position = scan.bomLength;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const text = decodeChunk(decoder, buffer.subarray(0, bytesRead), true, path, scan.encoding);
      if (text.length > 0) yield text;
    }
    const rest = decodeChunk(decoder, new Uint8Array(0), false, path, scan.encoding);
    if (rest.length > 0) yield rest;
  } finally {
    await handle.close();
  }
}
