import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calibrate } from "./calibrate.ts";

describe("calibration", () => {
  it("scales expected values so that they add up to the actual total", () => {
    const { factor, expected } = calibrate([10, 20, 30], [12, 18, 20]);
    expect(factor).toBeCloseTo(60 / 50, 12);
    expect(expected).toEqual([12 * 1.2, 18 * 1.2, 20 * 1.2].map((v) => expect.closeTo(v, 12)));
  });

  it("makes Σ expected equal Σ actual for any positive figures", () => {
    const figures = fc.array(fc.double({ min: 0.01, max: 1e5, noNaN: true }), {
      minLength: 1,
      maxLength: 120,
    });
    fc.assert(
      fc.property(figures, figures, (actual, raw) => {
        const { expected } = calibrate(actual, raw.slice(0, actual.length).concat(actual.slice(raw.length)));
        const sumActual = actual.reduce((a, b) => a + b, 0);
        const sumExpected = expected.reduce((a, b) => a + b, 0);
        expect(Math.abs(sumExpected - sumActual)).toBeLessThanOrEqual(1e-9 * sumActual);
      }),
    );
  });

  it("leaves the values alone when there is nothing to scale", () => {
    expect(calibrate([0, 0], [0, 0])).toEqual({ factor: 1, expected: [0, 0] });
  });
});
