// Benchmarking of municipalities, job centres and a-kasser: the model of expected benefit levels from
// framework conditions, clusters and peers, ranks, and the a-kasse comparison.
export type { BenchmarkConfig } from "./config.ts";
/** Defaults and the optional `<data>/benchmark.json` override, validated. */
export { DEFAULT_CONFIG, parseBenchmarkConfig, readBenchmarkConfig } from "./config.ts";
export { BENEFIT_GROUPS, type BenefitGroup } from "./groups.ts";
/** The stage the release build runs after its prepared tables: writes the `bm_*` temp tables. */
export { type BenchmarkStageResult, fitAll, runBenchmarkStage } from "./stage.ts";
export type { BenchmarkModel, BenchmarkNote } from "./types.ts";
