// Synthetic job openings per municipality and month: more where there are more firms, seasonal, by
// DISCO-08 occupation with a realistic mix of major groups and code lengths.
import type { Municipality } from "../reference/municipalities.ts";
import { daysInMonth } from "../reference/periods.ts";
import type { DeliveryFiles } from "./delivery-files.ts";
import { type Rng, WeightedChoice } from "./random.ts";
import type { DemoSource } from "./sources.ts";

/** Openings per resident per month, nationally (≈ 45,000 a month at scale 1). */
const OPENINGS_PER_RESIDENT = 0.0075;
const SEASON = [0.9, 1.0, 1.15, 1.2, 1.1, 1.0, 0.7, 1.05, 1.1, 1.0, 0.95, 0.75];
const MAJOR_GROUPS = new WeightedChoice(
  ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
  [0.5, 4, 22, 15, 8, 22, 1.5, 10, 7, 10],
);

export function writeJobOpenings(
  rng: Rng,
  national: DemoSource,
  files: DeliveryFiles,
  m: Municipality,
  months: readonly { year: number; month: number; first: number }[],
  scale: number,
  firmsPer1000: number,
): void {
  let sequence = 0;
  for (const month of months) {
    const expected =
      m.population * scale * OPENINGS_PER_RESIDENT * (SEASON[month.month - 1] ?? 1) * (firmsPer1000 / 65);
    const n = rng.poisson(expected);
    const days = daysInMonth(month.year, month.month);
    for (let i = 0; i < n; i++) {
      const major = MAJOR_GROUPS.pick(rng);
      const digits = rng.chance(0.75) ? 4 : rng.chance(0.6) ? 3 : 2;
      let occupation = major;
      for (let d = 1; d < digits; d++) occupation += String(d === 1 ? rng.int(1, 4) : rng.int(0, 9));
      const positions = rng.chance(0.8) ? 1 : rng.int(2, 10);
      sequence++;
      files.write(national, "job_openings", String(month.year), [
        `${m.code}-${month.year}${String(month.month).padStart(2, "0")}-${sequence}`,
        m.code,
        occupation,
        month.first + rng.int(0, days - 1),
        positions,
      ]);
    }
  }
}
