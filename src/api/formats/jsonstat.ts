// `format=jsonstat`: a JSON-stat 2.0 dataset. Dimensions in catalogue order with `measure` last (the metric
// role, with units), values in row-major order, `status` as a sparse object of ".." and "-".
import type { Cube } from "../cube.ts";
import { MEASURE_WORD, STATUS_TEXT, unitLabel } from "./labels.ts";
import type { OutputFormat } from "./types.ts";

export function jsonStatDataset(cube: Cube, lang: "da" | "en"): Record<string, unknown> {
  const dimension: Record<string, unknown> = {};
  for (const d of cube.dimensions) {
    dimension[d.id] = {
      label: d.label[lang],
      category: {
        index: d.codes.map((c) => c.code),
        label: Object.fromEntries(d.codes.map((c) => [c.code, c.label[lang]])),
      },
    };
  }
  dimension.measure = {
    label: MEASURE_WORD[lang],
    category: {
      index: cube.measures.map((m) => m.id),
      label: Object.fromEntries(cube.measures.map((m) => [m.id, m.label[lang]])),
      unit: Object.fromEntries(
        cube.measures.map((m) => [m.id, { label: unitLabel(m.unit, lang), decimals: m.decimals }]),
      ),
    },
  };
  const status: Record<string, string> = {};
  cube.status.forEach((s, i) => {
    if (s !== "") status[String(i)] = s;
  });
  const period = cube.dimensions.find((d) => d.kind === "period");
  const area = cube.dimensions.find((d) => d.kind === "area");
  return {
    version: "2.0",
    class: "dataset",
    label: cube.table.title[lang],
    source: "Jobindblik",
    updated: cube.release.createdAt,
    note: cube.table.footnotes.map((f) => f[lang]),
    id: [...cube.dimensions.map((d) => d.id), "measure"],
    size: [...cube.dimensions.map((d) => d.codes.length), cube.measures.length],
    role: {
      ...(period ? { time: [period.id] } : {}),
      ...(area ? { geo: [area.id] } : {}),
      metric: ["measure"],
    },
    dimension,
    value: cube.values,
    ...(Object.keys(status).length > 0 ? { status } : {}),
    extension: {
      table: cube.table.id,
      release: cube.release.id,
      query: cube.query,
      status: { "..": STATUS_TEXT[".."][lang], "-": STATUS_TEXT["-"][lang] },
    },
  };
}

export const jsonStatFormat: OutputFormat = {
  id: "jsonstat",
  contentType: () => "application/json; charset=utf-8",
  extension: "json",
  attachment: false,
  compressible: true,
  normalise: (o) => ({ locale: "en", labels: o.labels ?? "da" }),
  render: (cube, options) => JSON.stringify(jsonStatDataset(cube, options.labels ?? "da")),
};
