// The one interface every output format implements: render a cube into the bytes of one response.
// Every format renders the same cells in the same order; only the spelling differs.
import type { Cube } from "../cube.ts";
import type { FormatId } from "../query-schema.ts";

export interface RenderOptions {
  /** CSV: `da` gives `;`, decimal comma, BOM and CRLF. */
  readonly locale: "en" | "da";
  /** JSON: labels in this language (none when null); other formats: their language. */
  readonly labels: "da" | "en" | null;
}

export interface OutputFormat {
  readonly id: FormatId;
  /** Content-Type (with charset for text). */
  contentType(options: RenderOptions): string;
  /** File extension for Content-Disposition. */
  readonly extension: string;
  /** Sent as a download (Content-Disposition: attachment). */
  readonly attachment: boolean;
  /** Whether gzip/brotli help (not for xlsx, which is a zip already). */
  readonly compressible: boolean;
  /** The most cells this format can render (a spreadsheet has 1,048,576 rows), if below the API's limit. */
  readonly maxCells?: number;
  /** The options that change this format's bytes, for the cache key (others are ignored). */
  normalise(options: RenderOptions): RenderOptions;
  render(cube: Cube, options: RenderOptions): string | Buffer | Promise<Buffer>;
}
