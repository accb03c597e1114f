// Standardising framework variables: population-weighted mean and standard deviation over the
// municipalities, so a coefficient reads "percentage points per standard deviation" and the model's
// intercept is the national share. Job centres and peers use the same scale as the municipalities.

/** Σ wᵢ xᵢ / Σ wᵢ. */
export function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let sw = 0;
  let s = 0;
  values.forEach((v, i) => {
    const w = weights[i] as number;
    sw += w;
    s += w * v;
  });
  return s / sw;
}

/** √(Σ wᵢ (xᵢ − m)² / Σ wᵢ): the weighted population standard deviation. */
export function weightedSd(values: readonly number[], weights: readonly number[]): number {
  const m = weightedMean(values, weights);
  let sw = 0;
  let s = 0;
  values.forEach((v, i) => {
    const w = weights[i] as number;
    sw += w;
    s += w * (v - m) ** 2;
  });
  return Math.sqrt(s / sw);
}

export interface Scale {
  readonly mean: number;
  readonly sd: number;
}

export function scaleOf(values: readonly number[], weights: readonly number[]): Scale {
  return { mean: weightedMean(values, weights), sd: weightedSd(values, weights) };
}

/** (x − mean) / sd. */
export function standardise(value: number, scale: Scale): number {
  return (value - scale.mean) / scale.sd;
}
