// The benchmark's settings: which framework variables the model uses, the minimum number of persons for
// an area (or a-kasse) to be ranked, the number of clusters and peers, and the seed of the clustering.
// Defaults serve the contract's variables; an operator may override them in `<data>/benchmark.json`
// (e.g. to use an extra delivered variable). Validated once here; the effective settings go into the
// release manifest, so a release says how its benchmark was made.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { fail } from "../errors.ts";
import { FRAMEWORK_VARIABLES } from "../reference/codes.ts";

export interface BenchmarkConfig {
  /** Framework variables in the model, in order. */
  readonly variables: readonly string[];
  /** Areas and a-kasser with fewer persons in the target group are left out of fits and ranks. */
  readonly minPersons: number;
  /** Number of k-means clusters (per area level). */
  readonly clusters: number;
  /** Number of nearest peers listed per area. */
  readonly neighbours: number;
  /** Seed of the clustering's PRNG. */
  readonly seed: number;
}

/**
 * Every contract variable except the population itself, which is the model's weight and denominator
 * rather than a condition.
 */
export const DEFAULT_VARIABLES: readonly string[] = FRAMEWORK_VARIABLES.map((v) => v.code).filter(
  (code) => code !== "population_16_66",
);

export const DEFAULT_CONFIG: BenchmarkConfig = {
  variables: DEFAULT_VARIABLES,
  minPersons: 10,
  clusters: 6,
  neighbours: 10,
  seed: 1,
};

const ConfigSchema = z
  .object({
    variables: z.array(z.string().min(1).max(100)).min(1).max(30).optional(),
    minPersons: z.number().int().min(1).optional(),
    clusters: z.number().int().min(2).max(20).optional(),
    neighbours: z.number().int().min(1).max(50).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional(),
  })
  .strict();

/** Settings from a parsed JSON value (defaults for what it leaves out); fails with every problem. */
export function parseBenchmarkConfig(json: unknown, where = "benchmark settings"): BenchmarkConfig {
  const parsed = ConfigSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    fail("bad_argument", `${where} is invalid: ${problems.join("; ")}`, { problems });
  }
  const variables = parsed.data.variables ? [...new Set(parsed.data.variables)] : DEFAULT_VARIABLES;
  return { ...DEFAULT_CONFIG, ...parsed.data, variables };
}

/** The settings of a data folder: `benchmark.json` when present, else the defaults. */
export function readBenchmarkConfig(dataDir: string): BenchmarkConfig {
  const path = join(dataDir, "benchmark.json");
  if (!existsSync(path)) return DEFAULT_CONFIG;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    fail(
      "bad_argument",
      `${path} is not valid JSON: { variables?, minPersons?, clusters?, neighbours?, seed? }`,
    );
  }
  return parseBenchmarkConfig(json, path);
}
