// Calibration of expected levels: one factor for all areas so that the expected full-time persons add
// up to the actual ones nationally. A weighted fit with an intercept on every area already does this;
// the factor matters when small areas are left out of the fit but still get an expected level.

export interface Calibrated {
  /** Σ actual ÷ Σ raw expected (1 when there is nothing to scale). */
  readonly factor: number;
  readonly expected: readonly number[];
}

export function calibrate(actual: readonly number[], rawExpected: readonly number[]): Calibrated {
  const sumActual = actual.reduce((s, v) => s + v, 0);
  const sumExpected = rawExpected.reduce((s, v) => s + v, 0);
  const factor = sumExpected > 0 ? sumActual / sumExpected : 1;
  return { factor, expected: rawExpected.map((v) => v * factor) };
}
