// Disclosure control of a group of linked tables, in memory: builds the problem from each table's
// complete cube of cells, applies the primary rules, chooses the secondary suppressions and returns
// per cell whether it is published, sensitive or a complement, with the protection requirements the
// audit checks. Tables without a `disclosure` definition get the primary rules only.
import type { DimensionDef, TableDef } from "../build/tables/types.ts";
import { alignPeriods, groupPeriods, type PeriodLayer, sliceToPeriod } from "./layers/periods.ts";
import { layerThreads, protectEachLayer, threadsWithinMemory } from "./layers/pool.ts";
import { type LayerHints, repairInThreads } from "./layers/repair.ts";
import { areaDim, codeDim, type Dim, periodDim } from "./model/dims.ts";
import { type Cube, type CubeInput, Problem } from "./model/problem.ts";
import { applyPrimaryRules, DEFAULT_RULE_PARAMS, type RuleParams, type TableCells } from "./rules/index.ts";
import { thresholdRule } from "./rules/threshold.ts";
import { encodeHints } from "./secondary/hints.ts";
import { type SecondaryOptions, type SecondaryResult, secondarySuppression } from "./secondary/index.ts";
import { Witnesses } from "./secondary/witnesses.ts";

/** One table's complete cube: the codes of each dimension (any order) and values in cell order. */
export interface TableInput {
  readonly table: TableDef;
  /** Codes per dimension, in the cube's order (the last dimension varies fastest). */
  readonly codes: readonly (readonly string[])[];
  /** Every measure's unrounded values, one per cell (NaN: not applicable). */
  readonly values: Readonly<Record<string, Float64Array>>;
  readonly largest?: Float64Array;
}

/** Cell status: 0 published, 1 sensitive (primary), 2 complement (secondary). */
export type CellStatus = Uint8Array;

export function buildDim(table: TableDef, def: DimensionDef, codes: readonly string[]): Dim {
  if (def.kind === "period") return periodDim(def.id, codes, table.disclosure?.periods ?? "flow");
  if (def.kind === "area") return areaDim(def.id, codes);
  return codeDim(def.id, codes);
}

/**
 * Cost of suppressing a cell of count n: 1 + n^COST_EXPONENT. Information loss is the suppressed cells
 * weighted by value (Σ 1 + n), but the greedy choice of complements does better on that very measure,
 * and on the plain number of cells, when large cells are weighed less than linearly: on one month of
 * the scale-1 `recipients*` group, exponent 1 gave 53,496 cells and Σ(1 + n) 23.4 M, exponent 0.25
 * gave 44,280 cells and 21.5 M (docs/performance.md). The exact MIP uses the same cost.
 */
export const COST_EXPONENT = 0.25;

/** The problem of a group of tables, with each table's cells for the rules. */
export function buildProblem(
  inputs: readonly TableInput[],
  costExponent = COST_EXPONENT,
): { problem: Problem; tables: TableCells[] } {
  const ids = inputs.map((i) => i.table.id);
  const cubeInputs: CubeInput[] = inputs.map((input) => {
    const dims = input.table.dimensions.map((d, i) => buildDim(input.table, d, input.codes[i] ?? []));
    const relations = input.table.disclosure?.relations ?? {};
    const values = Object.fromEntries(
      Object.keys(relations).map((m) => [m, input.values[m] as Float64Array]),
    );
    const base = ids.indexOf(input.table.disclosure?.linkedWith ?? "");
    const periodEnd = input.table.disclosure?.periodEnd ?? [];
    if (base < 0) return { table: input.table.id, dims, relations, values, periodEnd };
    return {
      table: input.table.id,
      dims,
      relations,
      values,
      periodEnd,
      linkedCube: base,
      link: linkMap(input, inputs[base] as TableInput),
    };
  });
  const problem = new Problem(cubeInputs);
  inputs.forEach((input, k) => {
    const cube = problem.cubes[k];
    const first = input.table.primaryCounts[0];
    const counts = first ? input.values[first] : undefined;
    if (!cube || !counts) return;
    for (let local = 0; local < cube.size; local++) {
      const v = counts[local] as number;
      const c = problem.canon[cube.offset + local] as number;
      if (c !== cube.offset + local) continue;
      const n = Number.isNaN(v) ? 0 : Math.max(0, v);
      problem.count[c] = n;
      problem.weight[c] = 1 + n ** costExponent;
    }
  });
  const tables = inputs.map((input, cube) => ({
    table: input.table,
    cube,
    values: input.values,
    ...(input.largest ? { largest: input.largest } : {}),
  }));
  return { problem, tables };
}

/** For each cell of `ext`: the `base` cell it equals (every extra dimension `total`), or −1. */
function linkMap(ext: TableInput, base: TableInput): Int32Array {
  const extDims = ext.table.dimensions;
  const baseIndex = base.table.dimensions.map((d) => extDims.findIndex((x) => x.id === d.id));
  const baseCodes = base.codes.map((codes) => new Map(codes.map((c, i) => [c, i])));
  const sizes = ext.codes.map((c) => c.length);
  const baseSizes = base.codes.map((c) => c.length);
  const total = 1 * sizes.reduce((a, b) => a * b, 1);
  const out = new Int32Array(total).fill(-1);
  const coords = new Array<number>(sizes.length).fill(0);
  for (let local = 0; local < total; local++) {
    let rest = local;
    for (let d = sizes.length - 1; d >= 0; d--) {
      coords[d] = rest % (sizes[d] as number);
      rest = Math.floor(rest / (sizes[d] as number));
    }
    let isMargin = true;
    extDims.forEach((_, i) => {
      if (!baseIndex.includes(i) && ext.codes[i]?.[coords[i] as number] !== "total") isMargin = false;
    });
    if (!isMargin) continue;
    let target = 0;
    let ok = true;
    baseIndex.forEach((ei, bi) => {
      const code = ext.codes[ei]?.[coords[ei] as number] as string;
      const at = baseCodes[bi]?.get(code);
      if (at === undefined) ok = false;
      else target = target * (baseSizes[bi] as number) + at;
    });
    if (ok) out[local] = target;
  }
  return out;
}

export interface ProtectOptions extends SecondaryOptions {
  readonly params?: RuleParams;
  /**
   * `full`: every primary rule and secondary suppression (the audit must pass); `threshold` (the
   * default until full control is fast enough for whole releases): small counts only, no complements.
   */
  readonly level?: "full" | "threshold";
  /**
   * Protect each period's layer alone first, align the patterns along the periods and repair over
   * the whole group (periods.ts). Default: when the group has several periods and more sensitive
   * cells than the LP method takes (`lpMaxSensitive`).
   */
  readonly byPeriod?: boolean;
  /** Told which step the protection is at (a period's layer, the repair), for progress output. */
  readonly onStep?: (step: string) => void;
  /** Keep the change that met each protection test (`ProtectResult.witnesses`), for the audit. */
  readonly keepWitnesses?: boolean;
  /**
   * At most this many threads for the repair over all periods (repair.ts); by default as many as the
   * layers get (JOBINDBLIK_DISCLOSURE_THREADS, else one per core).
   */
  readonly repairThreads?: number;
}

export interface ProtectResult {
  readonly problem: Problem;
  /** Per input table, per local cell. */
  readonly status: CellStatus[];
  readonly primary: Record<string, number>;
  readonly secondary: SecondaryResult;
  /** With `keepWitnesses`: the changes that met the protection tests (for auditProblem). */
  readonly witnesses?: Witnesses;
}

/** Primary rules, then secondary suppression, for a group of linked tables. */
export async function protectTables(
  inputs: readonly TableInput[],
  options: ProtectOptions = {},
): Promise<ProtectResult> {
  const { problem, tables } = buildProblem(inputs);
  const ctx = { problem, tables, params: options.params ?? DEFAULT_RULE_PARAMS };
  if ((options.level ?? "full") === "threshold") {
    const marked = thresholdRule.apply(ctx);
    for (const c of problem.sensitiveCells()) problem.suppressed[c] = 1;
    const secondary = {
      method: "hypercube" as const,
      sensitive: marked,
      secondary: 0,
      unresolved: 0,
      lpSolves: 0,
    };
    return { problem, status: statusOf(problem), primary: { threshold: marked }, secondary };
  }
  const primary = applyPrimaryRules(ctx);
  // One deadline for the whole group: its layers and its repair share the budget.
  const timed =
    options.budgetSeconds !== undefined && options.deadline === undefined
      ? { ...options, deadline: Date.now() + options.budgetSeconds * 1000 }
      : options;
  const layered = await protectLayers(inputs, problem, timed);
  if (layered) options.onStep?.("repair over all periods");
  const witnesses = options.keepWitnesses ? new Witnesses(problem) : undefined;
  const threads = layered
    ? threadsWithinMemory(
        problem.size,
        Math.min(layerThreads(), options.repairThreads ?? Number.POSITIVE_INFINITY),
      )
    : 1;
  const secondary = layered
    ? await repairInThreads(inputs, problem, layered, timed, witnesses, threads)
    : await secondarySuppression(problem, { ...timed, ...(witnesses ? { witnesses } : {}) });
  return { problem, status: statusOf(problem), primary, secondary, ...(witnesses ? { witnesses } : {}) };
}

/** A period layer protected alone: its cells' statuses and the hypercubes that protect them (hints.ts). */
export interface LayerResult {
  readonly status: Uint8Array[];
  readonly hints: Float64Array;
}

/** Protects one period's layer (in this thread or a worker), keeping its hypercubes for the repair. */
export async function protectLayer(
  inputs: readonly TableInput[],
  options: ProtectOptions,
): Promise<LayerResult> {
  const result = await protectTables(inputs, {
    ...options,
    byPeriod: false,
    collectHints: true,
    keepWitnesses: false,
  });
  const hints = result.secondary.hints;
  return { status: result.status, hints: hints ? encodeHints(result.problem, hints) : new Float64Array(0) };
}

/**
 * Each period's layer protected alone, its pattern copied into `problem` and aligned along the period
 * hierarchy (alignPeriods); returns the layers' hypercubes for the repair, or null (nothing done) when
 * the group is not to be decomposed.
 */
async function protectLayers(
  inputs: readonly TableInput[],
  problem: Problem,
  options: ProtectOptions,
): Promise<LayerHints[] | null> {
  const periods = groupPeriods(inputs);
  if (!periods || periods.length < 2) return null;
  const large = problem.sensitiveCells().length > (options.lpMaxSensitive ?? 2000);
  if (!(options.byPeriod ?? large)) return null;
  const layers = periods.map((period) => sliceToPeriod(inputs, period));
  const kept: LayerHints[] = [];
  await protectEachLayer(
    layers.map((layer) => layer.inputs),
    { ...options, byPeriod: false },
    protectLayer,
    (at, result) => {
      const { tables } = layers[at] as PeriodLayer;
      const period = periods[at] as string;
      // The layer's cell `local` of its table j, in the group.
      const offsets = tables.map((k) => {
        const cube = problem.cubes[k] as Cube;
        return cube.offset + (inputs[k]?.codes[0]?.indexOf(period) ?? 0) * (cube.strides[0] as number);
      });
      result.status.forEach((layerStatus, j) => {
        const offset = offsets[j] as number;
        for (let l = 0; l < layerStatus.length; l++)
          if (layerStatus[l]) problem.suppressed[problem.canon[offset + l] as number] = 1;
      });
      kept.push({ stream: result.hints, offsets });
    },
    (at) => options.onStep?.(`period ${periods[at]} (${at + 1}/${periods.length})`),
  );
  alignPeriods(problem);
  return kept;
}

/** Per table, per local cell: 0 published, 1 sensitive, 2 complement. */
export function statusOf(problem: Problem): CellStatus[] {
  return problem.cubes.map((cube) => {
    const out = new Uint8Array(cube.size);
    for (let local = 0; local < cube.size; local++) {
      const c = problem.canon[cube.offset + local] as number;
      out[local] = problem.sensitive[c] ? 1 : problem.suppressed[c] ? 2 : 0;
    }
    return out;
  });
}
