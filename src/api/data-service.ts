// Answers a data query: validate and normalise it (cheap, no I/O), then read the cells once per
// (release, normalised query, format) and keep the rendered bytes in the LRU. Used by the route and the
// start-up warming alike.
import { fail } from "../errors.ts";
import type { CellReader } from "./cell-reader.ts";
import type { Cube } from "./cube.ts";
import { FORMATS } from "./formats/index.ts";
import type { RenderOptions } from "./formats/types.ts";
import { etagOf } from "./http-cache.ts";
import { dimensionParams, parseSelection } from "./parse-selection.ts";
import { dataQuerySchema, parseQuery } from "./query-schema.ts";
import type { ReleaseStore } from "./release-store.ts";
import type { CachedResponse, ResponseCache } from "./response-cache.ts";

export interface DataContext {
  readonly store: ReleaseStore;
  readonly reader: CellReader;
  readonly cache: ResponseCache;
  readonly maxCells: number;
  readonly warn: (message: string) => void;
}

export interface PreparedAnswer {
  readonly key: string;
  readonly etag: string;
  /** The query named its release: the answer is immutable. */
  readonly pinned: boolean;
  /** Reads and renders the answer (only on a cache miss). */
  readonly make: () => Promise<CachedResponse>;
}

function limitMessage(cells: number, max: number, sizes: Record<string, number>, format: string): string {
  const shape = Object.entries(sizes)
    .map(([k, v]) => `${v} ${k}`)
    .join(" × ");
  return (
    `The query selects ${cells.toLocaleString("en")} cells (${shape}); at most ${max.toLocaleString("en")} ` +
    `are allowed${format === "json" ? "" : ` for format=${format}`}. Narrow it: fewer periods ` +
    "(period=2024M01..2024M12 or latest=12), fewer areas (area=DK,101), fewer codes of the other " +
    "dimensions, or fewer measures (measure=persons)"
  );
}

/** Validates a data query (a flattened query string) and returns how to answer it. Throws coded errors. */
export function prepareData(
  ctx: DataContext,
  tableId: string,
  query: Readonly<Record<string, string>>,
): PreparedAnswer {
  const options = parseQuery(dataQuerySchema, query as Record<string, string>, true);
  const release = ctx.store.get(options.release);
  const table = ctx.store.table(release, tableId);
  const selection = parseSelection(table, {
    dimensions: dimensionParams(query),
    measure: options.measure,
    latest: options.latest,
  });
  const format = FORMATS[options.format];
  const sizes: Record<string, number> = Object.fromEntries([
    ...selection.dimensions.map((d) => [d.id, d.codes.length]),
    ["measure", selection.measures.length],
  ]);
  const cells = Object.values(sizes).reduce((a, b) => a * b, 1);
  const max = Math.min(ctx.maxCells, format.maxCells ?? Number.POSITIVE_INFINITY);
  if (cells > max) {
    fail("too_many_cells", limitMessage(cells, max, sizes, format.id), { cells, maxCells: max, sizes });
  }
  const render: RenderOptions = format.normalise({ locale: options.locale, labels: options.labels ?? null });
  const key = [
    "data",
    release.id,
    table.id,
    selection.key,
    format.id,
    `locale=${render.locale}`,
    `labels=${render.labels ?? ""}`,
  ].join("|");
  const etag = etagOf(key);
  const make = async (): Promise<CachedResponse> => {
    const cellValues = await ctx.reader.read(release.dir, table, selection);
    if (cellValues.missing > 0) {
      ctx.warn(`release ${release.id} table ${table.id}: ${cellValues.missing} cells missing from the file`);
    }
    const cube: Cube = {
      table,
      release: {
        id: release.id,
        createdAt: release.manifest.createdAt,
        dataThrough: release.manifest.dataThrough,
      },
      dimensions: selection.dimensions,
      measures: selection.measures,
      values: cellValues.values,
      status: cellValues.status,
      query: `${table.id}?${selection.key}`,
    };
    const rendered = await format.render(cube, render);
    // Kept as bytes: a string would be encoded to UTF-8 again on every send.
    const body = typeof rendered === "string" ? Buffer.from(rendered) : rendered;
    const filename = `${table.id}-${release.id}.${format.extension}`;
    return {
      body,
      etag,
      contentType: format.contentType(render),
      compressible: format.compressible,
      headers: format.attachment ? { "Content-Disposition": `attachment; filename="${filename}"` } : {},
    };
  };
  return { key, etag, pinned: options.release !== undefined, make };
}
