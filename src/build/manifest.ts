// The manifest of a release: what it is built from (batches and their checksums), what it holds
// (tables with file checksums and row counts) and its release notes.
import type { BenchmarkModel, BenchmarkNote } from "../benchmark/index.ts";

export interface BatchUsed {
  readonly id: number;
  readonly source: string;
  readonly type: string;
  readonly period: string | null;
  readonly sha256: string;
}

export interface TableFile {
  readonly id: string;
  readonly file: string;
  readonly sha256: string;
  readonly rows: number;
}

export interface Revision {
  readonly table: string;
  /** Cells (cell × measure) of periods in both releases whose value or status changed. */
  readonly changedCells: number;
  readonly periods: readonly string[];
}

export interface Supersession {
  readonly batch: number;
  readonly supersededBy: number;
  readonly source: string;
  readonly type: string;
  readonly period: string | null;
}

export interface DataBreak {
  readonly period: string;
  readonly tables?: readonly string[];
  readonly note: { readonly da: string; readonly en: string };
}

export interface ReleaseNotes {
  readonly newMonths: readonly string[];
  readonly revisions: readonly Revision[];
  /** Deliveries replaced since the previous release: why earlier cells changed. */
  readonly superseded: readonly Supersession[];
  readonly dataBreaks: readonly DataBreak[];
  /** The latest month is provisional: a later delivery may revise it. */
  readonly provisional: string;
  /** Benchmark windows skipped, areas and a-kasser left out of ranks, variables ignored. */
  readonly benchmark?: readonly BenchmarkNote[];
}

export interface ReleaseManifest {
  readonly release: string;
  readonly sequence: number;
  readonly createdAt: string;
  readonly dataThrough: string;
  readonly firstMonth: string;
  readonly codeVersion: string;
  readonly previous: string | null;
  readonly batches: readonly BatchUsed[];
  readonly tables: readonly TableFile[];
  readonly notes: ReleaseNotes;
  /** The benchmark model of this release (coefficients, fit, vintages, settings), versioned. */
  readonly benchmark?: BenchmarkModel;
}
