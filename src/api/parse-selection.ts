// Turns a data query into a normalised selection of one table (CONTRACT.md §5, §6): codes in catalogue order,
// defaults for left-out dimensions (all periods, DK, total), period ranges, `latest=N` and `measure=`.
// Every user mistake is a coded 400 naming the parameter and the offending code.
import type { PublishedDimension, PublishedTable } from "../build/release-catalogue.ts";
import type { MeasureDef } from "../build/tables/types.ts";
import { AppError, fail } from "../errors.ts";
import { comparePeriods, type PeriodKind, parsePeriodRange, tryParsePeriod } from "../reference/periods.ts";
import type { CubeDimension } from "./cube.ts";
import { isDataOption } from "./query-schema.ts";
import { quoteInput } from "./release-store.ts";

export interface Selection {
  readonly dimensions: readonly CubeDimension[];
  readonly measures: readonly MeasureDef[];
  /** Stable text of the selection: equal selections give equal keys, whatever the spelling of the query. */
  readonly key: string;
}

const MAX_ITEMS = 5000;
const FINEST_FIRST: readonly PeriodKind[] = ["month", "quarter", "rolling", "year"];

const indexCache = new WeakMap<object, Map<string, number>>();

function indexOf(dim: PublishedDimension): Map<string, number> {
  let index = indexCache.get(dim);
  if (!index) {
    index = new Map(dim.codes.map((c, i) => [c.code, i]));
    indexCache.set(dim, index);
  }
  return index;
}

function unknownCode(dimension: string, code: string, known: readonly string[]): never {
  const near = known.find((k) => k.toLowerCase() === code.toLowerCase());
  const hint = near ? `; did you mean ${near}?` : `; see /api/v1/tables/{id} for the codes`;
  throw new AppError("bad_code", `Unknown code ${quoteInput(code)} for ${dimension}${hint}`, {
    dimension,
    code: code.slice(0, 64),
  });
}

function splitList(parameter: string, raw: string): string[] {
  const items = raw.split(",").map((s) => s.trim());
  if (items.length > MAX_ITEMS) {
    fail("bad_argument", `${parameter} lists more than ${MAX_ITEMS} codes; use * or a range`, { parameter });
  }
  if (items.some((s) => s === "")) {
    fail("bad_argument", `${parameter} has an empty code; give a comma list of codes, * or a range`, {
      parameter,
    });
  }
  return items;
}

function periodRangePositions(dim: PublishedDimension, item: string): number[] {
  const sep = item.indexOf("..");
  const from = tryParsePeriod(item.slice(0, sep));
  const to = tryParsePeriod(item.slice(sep + 2));
  // parsePeriodRange names what is wrong; it is called only for a bad range, so a valid one is never
  // enumerated (a range of many years, repeated, would otherwise cost real CPU).
  if (!from || !to || from.kind !== to.kind || comparePeriods(from, to) > 0) parsePeriodRange(item);
  const positions: number[] = [];
  dim.codes.forEach((c, i) => {
    const p = tryParsePeriod(c.code);
    if (p && from && to && p.kind === from.kind && comparePeriods(from, p) <= 0 && comparePeriods(p, to) <= 0)
      positions.push(i);
  });
  if (positions.length === 0) {
    const first = dim.codes[0]?.code ?? "none";
    const last = dim.codes[dim.codes.length - 1]?.code ?? "none";
    fail("bad_range", `No period of the table lies in ${quoteInput(item)}; it has ${first} to ${last}`, {
      dimension: dim.id,
      range: item.slice(0, 64),
    });
  }
  return positions;
}

function selectPositions(dim: PublishedDimension, raw: string): number[] {
  const chosen = new Set<number>();
  const index = indexOf(dim);
  for (const item of splitList(dim.id, raw)) {
    if (item === "*") {
      for (let i = 0; i < dim.codes.length; i++) chosen.add(i);
    } else if (item.includes("..")) {
      if (dim.kind !== "period") {
        fail("bad_range", `Ranges such as ${quoteInput(item)} are for periods only, not ${dim.id}`, {
          dimension: dim.id,
          range: item.slice(0, 64),
        });
      }
      for (const i of periodRangePositions(dim, item)) chosen.add(i);
    } else {
      const i = index.get(item);
      if (i !== undefined) chosen.add(i);
      else if (dim.kind === "period" && !tryParsePeriod(item)) {
        fail(
          "bad_period",
          `Not a period: ${quoteInput(item)}; expected 2025M03, 2025K1, 2025, 2025K1R12 or a range like 2024M01..2024M12`,
          { dimension: dim.id, code: item.slice(0, 64) },
        );
      } else
        unknownCode(
          dim.id,
          item,
          dim.codes.map((c) => c.code),
        );
    }
  }
  return [...chosen].sort((a, b) => a - b);
}

function defaultPositions(dim: PublishedDimension): number[] {
  const all = dim.codes.map((_, i) => i);
  if (dim.kind === "period") return all;
  const preferred = dim.kind === "area" ? "DK" : "total";
  const i = indexOf(dim).get(preferred);
  // A dimension without DK/total (job centres only, say) cannot be eliminated: all its codes.
  return i === undefined ? all : [i];
}

function kindOf(code: string): PeriodKind {
  return tryParsePeriod(code)?.kind ?? "month";
}

/** The N newest periods of each kind among `positions` (catalogue order is oldest first). */
function keepLatest(dim: PublishedDimension, positions: number[], n: number, leftOut: boolean): number[] {
  let pool = positions;
  if (leftOut) {
    // `latest=12` alone means the 12 newest periods of the table's finest kind, not 12 of every kind.
    const kinds = new Set(positions.map((i) => kindOf(dim.codes[i]?.code ?? "")));
    const finest = FINEST_FIRST.find((k) => kinds.has(k));
    pool = positions.filter((i) => kindOf(dim.codes[i]?.code ?? "") === finest);
  }
  const byKind = new Map<PeriodKind, number[]>();
  for (const i of pool) {
    const kind = kindOf(dim.codes[i]?.code ?? "");
    byKind.set(kind, [...(byKind.get(kind) ?? []), i]);
  }
  return [...byKind.values()].flatMap((list) => list.slice(-n)).sort((a, b) => a - b);
}

function selectMeasures(table: PublishedTable, raw: string | undefined): MeasureDef[] {
  if (raw === undefined) return [...table.measures];
  const chosen = new Set<number>();
  const ids = table.measures.map((m) => m.id);
  for (const item of splitList("measure", raw)) {
    if (item === "*") {
      for (let i = 0; i < ids.length; i++) chosen.add(i);
    } else {
      const i = ids.indexOf(item);
      if (i < 0) unknownCode("measure", item, ids);
      chosen.add(i);
    }
  }
  return [...chosen].sort((a, b) => a - b).map((i) => table.measures[i] as MeasureDef);
}

export interface SelectionInput {
  /** Every query parameter that is not an option: one per dimension. */
  readonly dimensions: Readonly<Record<string, string>>;
  readonly measure?: string | undefined;
  readonly latest?: number | undefined;
}

/** Dimension parameters of a flattened query (everything that is not an option). */
export function dimensionParams(query: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([k]) => !isDataOption(k)));
}

export function parseSelection(table: PublishedTable, input: SelectionInput): Selection {
  const ids = table.dimensions.map((d) => d.id);
  for (const name of Object.keys(input.dimensions)) {
    if (!ids.includes(name)) {
      throw new AppError(
        "unknown_dimension",
        `${quoteInput(name)} is not a dimension of ${table.id}; its dimensions are ${ids.join(", ")} ` +
          "and the other parameters measure, latest, release, format, locale and labels",
        { parameter: name.slice(0, 64), dimensions: ids },
      );
    }
  }
  const keyParts: string[] = [];
  const dimensions = table.dimensions.map((dim): CubeDimension => {
    const raw = input.dimensions[dim.id];
    let positions = raw === undefined ? defaultPositions(dim) : selectPositions(dim, raw);
    if (dim.kind === "period" && input.latest !== undefined) {
      positions = keepLatest(dim, positions, input.latest, raw === undefined);
    }
    const codes = positions.map((i) => dim.codes[i] as PublishedDimension["codes"][number]);
    keyParts.push(
      `${dim.id}=${codes.length === dim.codes.length ? "*" : codes.map((c) => c.code).join(",")}`,
    );
    return { id: dim.id, kind: dim.kind, label: dim.label, codes };
  });
  const measures = selectMeasures(table, input.measure);
  keyParts.push(`measure=${measures.map((m) => m.id).join(",")}`);
  return { dimensions, measures, key: keyParts.join("&") };
}
