// What the benchmark stage produces beside its tables: the versioned model that goes into the release
// manifest, and the release notes (skipped windows, areas and a-kasser left out, ignored variables).
import type { Label } from "../reference/codes.ts";
import type { BenchmarkConfig } from "./config.ts";

/** The method's version: raised whenever the model, the clustering or the ranking changes meaning. */
export const MODEL_VERSION = "benchmark-wls-1";

export interface TermFit {
  /** `intercept` or a framework variable. */
  readonly term: string;
  /** Percentage points of the share per (weighted) standard deviation; the intercept is the share. */
  readonly coefficient: number;
  readonly se: number;
  /** Weighted mean and standard deviation of the raw variable over the municipalities (null: intercept). */
  readonly mean: number | null;
  readonly sd: number | null;
}

export interface GroupFit {
  readonly group: string;
  /** Municipalities in the fit. */
  readonly n: number;
  readonly r2: number;
  /** Σ actual ÷ Σ raw expected full-time persons, over all municipalities. */
  readonly calibration: number;
  readonly terms: readonly TermFit[];
  /** Areas with fewer than `minPersons` persons in the group: no rank, not in the fit. */
  readonly excluded: { readonly jobcentre: readonly string[]; readonly municipality: readonly string[] };
}

export interface MissingVariable {
  readonly variable: string;
  readonly municipalities: readonly string[];
}

export interface WindowModel {
  readonly period: string;
  /** Data vintages: the years of framework conditions and of residents used for this window. */
  readonly vintage: { readonly framework: number; readonly population: number | null };
  /** Configured variables left out because they are constant across municipalities. */
  readonly constantVariables: readonly string[];
  readonly fits: readonly GroupFit[];
}

export interface SkippedWindow {
  readonly period: string;
  readonly reason: "no_framework_conditions" | "missing_values" | "no_fit";
  /** For `missing_values`: each variable (or `residents`) with the municipalities lacking it. */
  readonly missing?: readonly MissingVariable[];
  /** For `no_fit`: the groups whose model could not be fitted. */
  readonly groups?: readonly string[];
}

export interface AkasseExclusion {
  readonly period: string;
  readonly akasser: readonly string[];
}

/** The model as the release manifest stores it. */
export interface BenchmarkModel {
  readonly version: string;
  /** Short content hash of everything below: two releases with the same id have the same model. */
  readonly id: string;
  readonly config: BenchmarkConfig;
  /** Variables delivered but neither known to the contract nor configured: listed and ignored. */
  readonly unknownVariables: readonly string[];
  readonly windows: readonly WindowModel[];
  readonly skipped: readonly SkippedWindow[];
  readonly akasseExcluded: readonly AkasseExclusion[];
}

/** A release note of the benchmark, shown with the release. */
export interface BenchmarkNote {
  readonly period: string | null;
  readonly note: Label;
}
