// The national registers of the demo set: residents by municipality, year, age and gender, and the
// framework conditions per municipality and year (consistent with those residents).
import { MUNICIPALITIES } from "../reference/municipalities.ts";
import type { DeliveryFiles } from "./delivery-files.ts";
import type { MunicipalityConditions } from "./framework.ts";
import { populationCells, workingAge } from "./population.ts";
import type { DemoSource } from "./sources.ts";

/** Yearly population growth and drift in the share aged 60+. */
const GROWTH = 1.005;
const AGEING_PER_YEAR = 0.003;

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

export function writeRegisters(
  files: DeliveryFiles,
  national: DemoSource,
  conditions: readonly MunicipalityConditions[],
  months: readonly { year: number }[],
  scale: number,
): void {
  const years = [...new Set(months.map((m) => m.year))];
  const firstYear = years[0] ?? 2025;
  for (const year of years) {
    MUNICIPALITIES.forEach((m, i) => {
      const c = conditions[i] as MunicipalityConditions;
      const t = year - firstYear;
      const share60 = c.share60Plus + AGEING_PER_YEAR * t;
      const cells = populationCells(m.population * scale * GROWTH ** t, share60);
      for (const cell of cells) {
        if (cell.count > 0)
          files.write(national, "population", null, [m.code, year, cell.age, cell.gender, cell.count]);
      }
      const total = cells.reduce((a, x) => a + x.count, 0);
      const old = cells.reduce((a, x) => a + (x.age >= 60 ? x.count : 0), 0);
      const values: [string, number][] = [
        ["population_16_66", workingAge(cells)],
        ["share_60_plus", round4(total > 0 ? old / total : share60)],
        ["share_no_education", round4(c.shareNoEducation - 0.002 * t)],
        ["share_non_western", round4(c.shareNonWestern + 0.001 * t)],
        ["firms_per_1000", Math.round(c.firmsPer1000 * 10) / 10],
        ["commuting_unemployment_rate", Math.round((c.commutingUnemploymentRate + 0.2 * t) * 10) / 10],
      ];
      for (const [variable, value] of values)
        files.write(national, "framework_conditions", null, [m.code, year, variable, value]);
    });
  }
}
