// Weighted least squares with classical standard errors and weighted R², for the small dense systems
// of the benchmark model (about 100 areas, half a dozen terms). The normal equations are solved by a
// Cholesky factorisation: exact enough for standardised regressors, and no dependency for a 6 × 6 solve.
// It leaves out robust (sandwich) errors and rank-deficient designs, which are reported as `null`.

export interface WlsFit {
  /** One per column of the design matrix, in its order. */
  readonly coefficients: readonly number[];
  /** Classical standard errors: √diag(σ̂² (XᵀWX)⁻¹) with σ̂² = Σ wᵢ eᵢ² / (n − k). */
  readonly standardErrors: readonly number[];
  /** Weighted R²: 1 − Σ wᵢ eᵢ² / Σ wᵢ (yᵢ − ȳ_w)². */
  readonly r2: number;
  readonly n: number;
  /** σ̂², the weighted residual variance. */
  readonly residualVariance: number;
  readonly fitted: readonly number[];
}

/** Lower-triangular L with A = L Lᵀ, or null when A is not (numerically) positive definite. */
export function cholesky(a: readonly (readonly number[])[]): number[][] | null {
  const k = a.length;
  const l: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  // A pivot this small relative to the matrix means the columns are (almost) linearly dependent.
  const scale = Math.max(...a.map((row, i) => Math.abs(row[i] ?? 0)), 0);
  const tiny = 1e-12 * (scale || 1);
  for (let i = 0; i < k; i++) {
    const li = l[i] as number[];
    for (let j = 0; j <= i; j++) {
      const lj = l[j] as number[];
      let sum = (a[i] as readonly number[])[j] as number;
      for (let p = 0; p < j; p++) sum -= (li[p] as number) * (lj[p] as number);
      if (i === j) {
        if (!(sum > tiny)) return null;
        li[i] = Math.sqrt(sum);
      } else {
        li[j] = sum / (lj[j] as number);
      }
    }
  }
  return l;
}

/** Solves L Lᵀ x = b. */
export function choleskySolve(l: readonly (readonly number[])[], b: readonly number[]): number[] {
  const k = l.length;
  const z = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    let sum = b[i] as number;
    for (let p = 0; p < i; p++) sum -= (l[i]?.[p] as number) * (z[p] as number);
    z[i] = sum / (l[i]?.[i] as number);
  }
  const x = new Array<number>(k).fill(0);
  for (let i = k - 1; i >= 0; i--) {
    let sum = z[i] as number;
    for (let p = i + 1; p < k; p++) sum -= (l[p]?.[i] as number) * (x[p] as number);
    x[i] = sum / (l[i]?.[i] as number);
  }
  return x;
}

/**
 * Fits y ≈ Xβ minimising Σ wᵢ (yᵢ − xᵢβ)². `x` is the full design matrix (include a column of ones for
 * an intercept). Returns null when there are no more observations than terms or the design is singular.
 */
export function fitWls(
  x: readonly (readonly number[])[],
  y: readonly number[],
  w: readonly number[],
): WlsFit | null {
  const n = x.length;
  const k = x[0]?.length ?? 0;
  if (n !== y.length || n !== w.length) throw new Error("fitWls: x, y and w must have the same length");
  if (k === 0 || n <= k) return null;
  const xtwx: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const xtwy = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    const row = x[i] as readonly number[];
    const wi = w[i] as number;
    const yi = y[i] as number;
    for (let a = 0; a < k; a++) {
      const wa = wi * (row[a] as number);
      xtwy[a] = (xtwy[a] as number) + wa * yi;
      const ra = xtwx[a] as number[];
      for (let b = 0; b <= a; b++) ra[b] = (ra[b] as number) + wa * (row[b] as number);
    }
  }
  for (let a = 0; a < k; a++)
    for (let b = a + 1; b < k; b++) (xtwx[a] as number[])[b] = xtwx[b]?.[a] as number;
  const l = cholesky(xtwx);
  if (!l) return null;
  const beta = choleskySolve(l, xtwy);
  const fitted = x.map((row) => row.reduce((s, v, j) => s + v * (beta[j] as number), 0));
  const sw = w.reduce((s, v) => s + v, 0);
  const yMean = y.reduce((s, v, i) => s + v * (w[i] as number), 0) / sw;
  let ssr = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    const wi = w[i] as number;
    ssr += wi * ((y[i] as number) - (fitted[i] as number)) ** 2;
    sst += wi * ((y[i] as number) - yMean) ** 2;
  }
  const residualVariance = ssr / (n - k);
  // diag((XᵀWX)⁻¹) column by column: solve for each unit vector.
  const standardErrors = beta.map((_, j) => {
    const e = new Array<number>(k).fill(0);
    e[j] = 1;
    return Math.sqrt(residualVariance * (choleskySolve(l, e)[j] as number));
  });
  return { coefficients: beta, standardErrors, r2: sst > 0 ? 1 - ssr / sst : 0, n, residualVariance, fitted };
}
