// `format=json`: `{ table, release, dimensions, measures, data: [{ <dim>: code, …, measure, value, status }] }`,
// numbers as numbers (null when suppressed or not applicable), no BOM; `labels=da|en` adds `<dim>_label`.
import { joinCells } from "../cube.ts";
import { unitLabel } from "./labels.ts";
import type { OutputFormat } from "./types.ts";

const STATUS_TAIL: Readonly<Record<string, string>> = {
  "": ',"status":""}',
  "..": ',"status":".."}',
  "-": ',"status":"-"}',
};

export const jsonFormat: OutputFormat = {
  id: "json",
  contentType: () => "application/json; charset=utf-8",
  extension: "json",
  attachment: false,
  compressible: true,
  normalise: (o) => ({ locale: "en", labels: o.labels }),
  render(cube, options) {
    const lang = options.labels;
    const dims = cube.dimensions;
    const header = {
      table: cube.table.id,
      release: cube.release.id,
      dimensions: dims.map((d) => ({
        id: d.id,
        ...(lang ? { label: d.label[lang] } : {}),
        codes: d.codes.map((c) => c.code),
        ...(lang ? { labels: Object.fromEntries(d.codes.map((c) => [c.code, c.label[lang]])) } : {}),
      })),
      measures: cube.measures.map((m) => ({
        id: m.id,
        ...(lang
          ? { label: m.label[lang], definition: m.definition[lang], unitLabel: unitLabel(m.unit, lang) }
          : {}),
        unit: m.unit,
        decimals: m.decimals,
      })),
    };
    // Pieces per axis position, JSON-escaped once: each row is then string concatenation.
    const pieces = dims.map((d, k) =>
      d.codes.map(
        (c) =>
          `${k === 0 ? "{" : ""}${JSON.stringify(d.id)}:${JSON.stringify(c.code)},` +
          (lang ? `${JSON.stringify(`${d.id}_label`)}:${JSON.stringify(c.label[lang])},` : ""),
      ),
    );
    pieces.push(
      cube.measures.map(
        (m) =>
          `${dims.length === 0 ? "{" : ""}"measure":${JSON.stringify(m.id)},` +
          `${lang ? `"measure_label":${JSON.stringify(m.label[lang])},` : ""}"value":`,
      ),
    );
    const values = cube.values;
    const status = cube.status;
    const total = values.length;
    const rows = joinCells(cube, pieces, (i) => {
      const v = values[i];
      const tail = STATUS_TAIL[status[i] ?? ""] ?? STATUS_TAIL[""];
      return `${v === null || v === undefined || !Number.isFinite(v) ? "null" : v}${tail}${i < total - 1 ? "," : ""}`;
    });
    const head = JSON.stringify(header);
    return `${head.slice(0, -1)},"data":[${rows}]}`;
  },
};
