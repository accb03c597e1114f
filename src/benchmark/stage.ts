// The benchmark stage of a release build: runs after the prepared tables exist and before the tables
// are compiled. Aggregates in DuckDB (inputs.ts, akasse-sql.ts), fits and ranks in JS (model.ts,
// akasse.ts), and writes the temp tables the benchmark tables read: `bm_cells`, `bm_peers`,
// `bm_model`, `bm_akasse`. Returns the versioned model for the manifest and the release notes. A window
// that cannot be benchmarked is skipped with a note; it never fails the build.
import { createHash } from "node:crypto";
import type { DuckDBConnection } from "@duckdb/node-api";
import { FRAMEWORK_VARIABLES } from "../reference/codes.ts";
import { MUNICIPALITIES } from "../reference/municipalities.ts";
import { computeAkasseBenchmark } from "./akasse.ts";
import type { BenchmarkConfig } from "./config.ts";
import { BENEFIT_GROUPS } from "./groups.ts";
import { type ModelInputs, readModelInputs, type WindowRow } from "./inputs.ts";
import { type BenchmarkCell, benchmarkWindow, type PeerRow, type WindowInput } from "./model.ts";
import { benchmarkNotes } from "./notes.ts";
import { type Cell, writeTempTable } from "./temp-table.ts";
import {
  type BenchmarkModel,
  type BenchmarkNote,
  MODEL_VERSION,
  type SkippedWindow,
  type WindowModel,
} from "./types.ts";

export interface BenchmarkStageResult {
  readonly model: BenchmarkModel;
  readonly notes: readonly BenchmarkNote[];
  /** Seconds spent: reading the aggregates, fitting in JS, and the a-kasse part. */
  readonly seconds: { readonly inputs: number; readonly fit: number; readonly akasse: number };
}

/** The window's vintage: its own year when delivered, else the latest year delivered (as residents). */
function vintage(years: readonly number[], year: number): number | null {
  if (years.length === 0) return null;
  return years.includes(year) ? year : Math.max(...years);
}

export function windowInput(inputs: ModelInputs, window: WindowRow): WindowInput {
  const frameworkYear = vintage([...inputs.framework.keys()], window.year);
  const framework = frameworkYear === null ? undefined : inputs.framework.get(frameworkYear);
  const residents = inputs.residents.get(window.period);
  return {
    period: window.period,
    frameworkYear,
    populationYear: vintage(inputs.populationYears, window.year),
    municipalities: MUNICIPALITIES.map((m) => ({
      code: m.code,
      jobCentre: m.jobCentre,
      residents: residents?.get(m.code) ?? null,
      values: framework?.get(m.code) ?? new Map(),
    })),
    groups: BENEFIT_GROUPS.map((g) => ({
      group: g.code,
      fte: inputs.fte.get(window.period)?.get(g.code) ?? new Map(),
      persons: inputs.persons.get(window.period)?.get(g.code) ?? new Map(),
    })),
  };
}

const CELL_COLUMNS = [
  ["period", "VARCHAR"],
  ["area", "VARCHAR"],
  ["benefit_group", "VARCHAR"],
  ["persons", "DOUBLE"],
  ["residents", "DOUBLE"],
  ["actual_persons", "DOUBLE"],
  ["expected_persons", "DOUBLE"],
  ["actual", "DOUBLE"],
  ["expected", "DOUBLE"],
  ["cluster", "DOUBLE"],
  ["rank", "DOUBLE"],
  ["rank_in_cluster", "DOUBLE"],
] as const;

const cellRow = (c: BenchmarkCell): Cell[] => [
  c.period,
  c.area,
  c.group,
  c.persons,
  c.residents,
  c.actualPersons,
  c.expectedPersons,
  c.actual,
  c.expected,
  c.cluster,
  c.rank,
  c.rankInCluster,
];

const PEER_COLUMNS = [
  ["period", "VARCHAR"],
  ["area", "VARCHAR"],
  ["peer", "VARCHAR"],
  ["peer_rank", "DOUBLE"],
  ["distance", "DOUBLE"],
  ["residents", "DOUBLE"],
] as const;

const peerRow = (p: PeerRow): Cell[] => [p.period, p.area, p.peer, p.peerRank, p.distance, p.residents];

const MODEL_COLUMNS = [
  ["period", "VARCHAR"],
  ["benefit_group", "VARCHAR"],
  ["term", "VARCHAR"],
  ["coefficient", "DOUBLE"],
  ["se", "DOUBLE"],
  ["mean", "DOUBLE"],
  ["sd", "DOUBLE"],
  ["r2", "DOUBLE"],
  ["n", "DOUBLE"],
  ["vintage", "DOUBLE"],
  ["calibration", "DOUBLE"],
] as const;

/** One row per term, and one `total` row per fit with the fit-level figures. */
function modelRows(window: WindowModel): Cell[][] {
  return window.fits.flatMap((f) => [
    ...f.terms.map((t): Cell[] => [
      window.period,
      f.group,
      t.term,
      t.coefficient,
      t.se,
      t.mean,
      t.sd,
      null,
      f.n,
      null,
      null,
    ]),
    [
      window.period,
      f.group,
      "total",
      null,
      null,
      null,
      null,
      f.r2,
      f.n,
      window.vintage.framework,
      f.calibration,
    ],
  ]);
}

/** Fits the model for every window and group from the inputs (no I/O): what the stage and bench time. */
export function fitAll(
  inputs: ModelInputs,
  config: BenchmarkConfig,
): { cells: BenchmarkCell[]; peers: PeerRow[]; windows: WindowModel[]; skipped: SkippedWindow[] } {
  const cells: BenchmarkCell[] = [];
  const peers: PeerRow[] = [];
  const windows: WindowModel[] = [];
  const skipped: SkippedWindow[] = [];
  for (const window of inputs.windows) {
    const result = benchmarkWindow(windowInput(inputs, window), config);
    cells.push(...result.cells);
    peers.push(...result.peers);
    if (result.model) windows.push(result.model);
    if (result.skipped) skipped.push(result.skipped);
  }
  return { cells, peers, windows, skipped };
}

export async function runBenchmarkStage(
  connection: DuckDBConnection,
  config: BenchmarkConfig,
): Promise<BenchmarkStageResult> {
  const t0 = performance.now();
  const inputs = await readModelInputs(connection);
  const t1 = performance.now();
  const { cells, peers, windows, skipped } = fitAll(inputs, config);
  const t2 = performance.now();
  await writeTempTable(connection, "bm_cells", CELL_COLUMNS, cells.map(cellRow));
  await writeTempTable(connection, "bm_peers", PEER_COLUMNS, peers.map(peerRow));
  await writeTempTable(connection, "bm_model", MODEL_COLUMNS, windows.flatMap(modelRows));
  const t3 = performance.now();
  const akasseExcluded = await computeAkasseBenchmark(connection, config);
  const t4 = performance.now();

  const known = new Set<string>(FRAMEWORK_VARIABLES.map((v) => v.code));
  const unknownVariables = inputs.variables.filter((v) => !known.has(v) && !config.variables.includes(v));
  const content = { config, unknownVariables, windows, skipped, akasseExcluded };
  const id = createHash("sha256")
    .update(JSON.stringify({ version: MODEL_VERSION, ...content }))
    .digest("hex")
    .slice(0, 12);
  const model: BenchmarkModel = { version: MODEL_VERSION, id, ...content };
  return {
    model,
    notes: benchmarkNotes(model, config),
    seconds: { inputs: (t1 - t0) / 1000, fit: (t2 - t1) / 1000, akasse: (t4 - t3) / 1000 },
  };
}
