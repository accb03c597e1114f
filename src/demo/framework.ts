// Synthetic framework conditions per municipality and the known relation through which they drive
// benefit levels: log(rate multiplier) = strength × Σ effect × z(variable) + local performance.
// The benchmark model should recover the signs and rough sizes of TRUE_EFFECTS from the demo data.
import { MUNICIPALITIES, type Municipality } from "../reference/municipalities.ts";
import { hashString, Rng } from "./random.ts";

export interface MunicipalityConditions {
  readonly code: string;
  readonly share60Plus: number;
  readonly shareNoEducation: number;
  readonly shareNonWestern: number;
  readonly firmsPer1000: number;
  readonly commutingUnemploymentRate: number;
  /** The job centre's own effect on the log scale (what a benchmark should find as residual). */
  readonly performance: number;
}

/** Effect on log(benefit rate) of one standard deviation of each variable (before `frameworkStrength`). */
export const TRUE_EFFECTS = {
  share_no_education: 0.18,
  share_non_western: 0.14,
  commuting_unemployment_rate: 0.22,
  firms_per_1000: -0.08,
  share_60_plus: 0.04,
} as const;

/** Unemployment level of the local labour market by region (%), before local noise. */
const REGION_UNEMPLOYMENT: Readonly<Record<string, number>> = {
  "1081": 4.1,
  "1082": 3.3,
  "1083": 3.6,
  "1084": 3.7,
  "1085": 4.0,
};
/** Known high-unemployment outliers: Lolland, Guldborgsund, Bornholm, Langeland. */
const EXTRA_UNEMPLOYMENT: Readonly<Record<string, number>> = { "360": 2, "376": 1.1, "400": 1.2, "482": 1 };

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

function urbanity(m: Municipality, meanLog: number, sdLog: number): number {
  return (Math.log(m.population) - meanLog) / sdLog;
}

/** Deterministic conditions for all 98 municipalities under a seed. */
export function municipalityConditions(seed: number): MunicipalityConditions[] {
  const logs = MUNICIPALITIES.map((m) => Math.log(m.population));
  const meanLog = logs.reduce((a, b) => a + b, 0) / logs.length;
  const sdLog = Math.sqrt(logs.reduce((a, b) => a + (b - meanLog) ** 2, 0) / logs.length);
  return MUNICIPALITIES.map((m) => {
    const rng = new Rng(seed, hashString(`framework:${m.code}`));
    const u = urbanity(m, meanLog, sdLog);
    return {
      code: m.code,
      share60Plus: clamp(0.27 - 0.035 * u + 0.02 * rng.normal(), 0.15, 0.4),
      shareNoEducation: clamp(0.2 - 0.012 * u + 0.03 * rng.normal(), 0.1, 0.33),
      shareNonWestern: clamp(0.07 + 0.03 * u + 0.03 * Math.abs(rng.normal()), 0.015, 0.3),
      firmsPer1000: clamp(65 - 6 * u + 10 * rng.normal(), 35, 110),
      commutingUnemploymentRate: clamp(
        (REGION_UNEMPLOYMENT[m.region] ?? 3.6) + (EXTRA_UNEMPLOYMENT[m.code] ?? 0) + 0.4 * rng.normal(),
        2,
        8,
      ),
      performance: 0.08 * rng.normal(),
    };
  });
}

function zScores(values: readonly number[]): number[] {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length) || 1;
  return values.map((v) => (v - mean) / sd);
}

/** The framework part of log(rate) per municipality (same order as `conditions`), before strength. */
export function frameworkIndex(conditions: readonly MunicipalityConditions[]): number[] {
  const z = {
    share_no_education: zScores(conditions.map((c) => c.shareNoEducation)),
    share_non_western: zScores(conditions.map((c) => c.shareNonWestern)),
    commuting_unemployment_rate: zScores(conditions.map((c) => c.commutingUnemploymentRate)),
    firms_per_1000: zScores(conditions.map((c) => c.firmsPer1000)),
    share_60_plus: zScores(conditions.map((c) => c.share60Plus)),
  };
  return conditions.map((_, i) => {
    let sum = 0;
    for (const [name, effect] of Object.entries(TRUE_EFFECTS)) {
      sum += effect * (z[name as keyof typeof z][i] ?? 0);
    }
    return sum;
  });
}

/**
 * Rate multipliers per municipality for one benefit: exp(strength × index + performance), normalised
 * so that the weighted mean (weights: working-age population) is 1 and national totals stay on target.
 */
export function rateMultipliers(
  conditions: readonly MunicipalityConditions[],
  index: readonly number[],
  weights: readonly number[],
  strength: number,
): number[] {
  const raw = conditions.map((c, i) => Math.exp(strength * (index[i] ?? 0) + c.performance));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const mean = raw.reduce((a, r, i) => a + r * (weights[i] ?? 0), 0) / totalWeight;
  return raw.map((r) => r / mean);
}
