import { describe, expect, it } from "vitest";
import { mulberry32 } from "./clusters.ts";
import { fitWls } from "./wls.ts";

/** Standard normal draws from a seeded uniform source (Box–Muller), so the data set is fixed. */
function normals(seed: number, n: number): number[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const u = 1 - random();
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  });
}

describe("weighted least squares", () => {
  it("matches the closed form of a weighted regression on one variable, standard errors and R² included", () => {
    const n = 60;
    const x = normals(1, n);
    const noise = normals(2, n);
    const w = Array.from({ length: n }, (_, i) => 1 + (i % 7) * 3);
    const y = x.map((xi, i) => 4 - 1.5 * xi + 0.3 * (noise[i] as number));
    // Closed form: slope = Σw(x−x̄)(y−ȳ) / Σw(x−x̄)², with weighted means; se² = σ̂² / Σw(x−x̄)².
    const sw = w.reduce((a, b) => a + b, 0);
    const xbar = x.reduce((a, xi, i) => a + (w[i] as number) * xi, 0) / sw;
    const ybar = y.reduce((a, yi, i) => a + (w[i] as number) * yi, 0) / sw;
    const sxx = x.reduce((a, xi, i) => a + (w[i] as number) * (xi - xbar) ** 2, 0);
    const sxy = x.reduce((a, xi, i) => a + (w[i] as number) * (xi - xbar) * ((y[i] as number) - ybar), 0);
    const slope = sxy / sxx;
    const intercept = ybar - slope * xbar;
    const ssr = y.reduce(
      (a, yi, i) => a + (w[i] as number) * (yi - intercept - slope * (x[i] as number)) ** 2,
      0,
    );
    const sst = y.reduce((a, yi, i) => a + (w[i] as number) * (yi - ybar) ** 2, 0);
    const sigma2 = ssr / (n - 2);
    const seSlope = Math.sqrt(sigma2 / sxx);
    const seIntercept = Math.sqrt(sigma2 * (1 / sw + xbar ** 2 / sxx));

    const fit = fitWls(
      x.map((xi) => [1, xi]),
      y,
      w,
    );
    expect(fit).not.toBeNull();
    expect(fit?.coefficients[0]).toBeCloseTo(intercept, 10);
    expect(fit?.coefficients[1]).toBeCloseTo(slope, 10);
    expect(fit?.standardErrors[0]).toBeCloseTo(seIntercept, 10);
    expect(fit?.standardErrors[1]).toBeCloseTo(seSlope, 10);
    expect(fit?.r2).toBeCloseTo(1 - ssr / sst, 10);
    // And the known model is recovered within a few standard errors.
    expect(Math.abs((fit?.coefficients[1] as number) + 1.5)).toBeLessThan(4 * seSlope);
  });

  it("recovers the coefficients of a known model on five variables: exactly without noise, within tolerance with it", () => {
    const n = 98;
    const beta = [12, 0.7, 3.1, 2.9, -0.8, 3.8];
    const columns = [1, 2, 3, 4, 5].map((seed) => normals(10 + seed, n));
    const x = Array.from({ length: n }, (_, i) => [1, ...columns.map((c) => c[i] as number)]);
    const w = Array.from({ length: n }, (_, i) => 1_000 + ((i * 7919) % 50_000));
    const exact = x.map((row) => row.reduce((s, v, j) => s + v * (beta[j] as number), 0));
    const clean = fitWls(x, exact, w);
    clean?.coefficients.forEach((b, j) => {
      expect(b).toBeCloseTo(beta[j] as number, 9);
    });
    expect(clean?.r2).toBeCloseTo(1, 12);

    const noise = normals(99, n);
    const noisy = fitWls(
      x,
      exact.map((v, i) => v + 0.2 * (noise[i] as number)),
      w,
    );
    expect(noisy).not.toBeNull();
    noisy?.coefficients.forEach((b, j) => {
      expect(Math.abs(b - (beta[j] as number))).toBeLessThan(0.15);
      expect(Math.abs(b - (beta[j] as number))).toBeLessThan(5 * (noisy.standardErrors[j] as number));
    });
    expect(noisy?.r2).toBeGreaterThan(0.99);
  });

  it("gives the same fit as ordinary least squares on rows repeated by their integer weight", () => {
    const x = [
      [1, 0],
      [1, 1],
      [1, 2],
      [1, 3],
      [1, 5],
    ];
    const y = [1, 2.5, 2.9, 4.2, 6.1];
    const w = [1, 3, 2, 1, 2];
    const repeated = x.flatMap((row, i) => Array.from({ length: w[i] as number }, () => row));
    const ys = y.flatMap((v, i) => Array.from({ length: w[i] as number }, () => v));
    const weighted = fitWls(x, y, w);
    const ols = fitWls(
      repeated,
      ys,
      ys.map(() => 1),
    );
    expect(weighted?.coefficients[0]).toBeCloseTo(ols?.coefficients[0] as number, 12);
    expect(weighted?.coefficients[1]).toBeCloseTo(ols?.coefficients[1] as number, 12);
    expect(weighted?.r2).toBeCloseTo(ols?.r2 as number, 12);
  });

  it("refuses a design with no more rows than terms, or with linearly dependent columns", () => {
    expect(
      fitWls(
        [
          [1, 0],
          [1, 1],
        ],
        [1, 2],
        [1, 1],
      ),
    ).toBeNull();
    const x = [0, 1, 2, 3, 4].map((v) => [1, v, 2 * v]);
    expect(fitWls(x, [1, 2, 3, 4, 6], [1, 1, 1, 1, 1])).toBeNull();
  });
});
