// `format=csv` (CONTRACT.md §5): one row per cell, columns = dimension codes in catalogue order, then
// measure, value, status; `,` and `.`, UTF-8, LF. `locale=da`: `;`, decimal comma, BOM and CRLF (Danish
// Excel). Fields are quoted as RFC 4180 says; a suppressed value is empty with status `..`.
import { joinCells } from "../cube.ts";
import { plainNumber } from "./labels.ts";
import type { OutputFormat } from "./types.ts";

function field(text: string, delimiter: string): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvFormat: OutputFormat = {
  id: "csv",
  contentType: () => "text/csv; charset=utf-8",
  extension: "csv",
  attachment: true,
  compressible: true,
  normalise: (o) => ({ locale: o.locale, labels: null }),
  render(cube, options) {
    const danish = options.locale === "da";
    const delimiter = danish ? ";" : ",";
    const newline = danish ? "\r\n" : "\n";
    const pieces = [
      ...cube.dimensions.map((d) => d.codes.map((c) => `${field(c.code, delimiter)}${delimiter}`)),
      cube.measures.map((m) => `${field(m.id, delimiter)}${delimiter}`),
    ];
    const header = [...cube.dimensions.map((d) => d.id), "measure", "value", "status"]
      .map((h) => field(h, delimiter))
      .join(delimiter);
    const values = cube.values;
    const status = cube.status;
    const body = joinCells(cube, pieces, (i) => {
      const v = values[i];
      const number = v === null || v === undefined ? "" : plainNumber(v);
      return `${danish ? number.replace(".", ",") : number}${delimiter}${status[i] ?? ""}${newline}`;
    });
    return `${danish ? "\uFEFF" : ""}${header}${newline}${body}`;
  },
};
