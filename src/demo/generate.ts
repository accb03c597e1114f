// `jobindblik demo`: the whole synthetic delivery set. Municipality by municipality it starts the
// spells running when the window opens and the new ones month by month, simulates each person's
// path, and routes every event to the file of the source that would deliver it. Registers
// (population, framework conditions, job openings) come from the national source.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Benefit } from "../reference/codes.ts";
import { MUNICIPALITIES, type Municipality } from "../reference/municipalities.ts";
import { dayNumberFromParts, daysInMonth } from "../reference/periods.ts";
import { calibrate, entryAgeSampler, openingSpell } from "./calibrate.ts";
import { monthEndOf, partsOfDay } from "./day-text.ts";
import { DeliveryFiles, type ManifestFile } from "./delivery-files.ts";
import { frameworkIndex, municipalityConditions, rateMultipliers } from "./framework.ts";
import { writeJobOpenings } from "./job-openings.ts";
import { PersonFactory } from "./people.ts";
import { populationCells, workingAge } from "./population.ts";
import { BENEFIT_PROFILES } from "./profiles.ts";
import { hashString, Rng } from "./random.ts";
import { writeRegisters } from "./registers.ts";
import { createRouter } from "./router.ts";
import { CaseSimulator } from "./simulate.ts";
import { type DemoSource, demoSources } from "./sources.ts";

export interface DemoOptions {
  /** 1 = Denmark's real size. */
  readonly scale: number;
  readonly from: { readonly year: number; readonly month: number };
  readonly to: { readonly year: number; readonly month: number };
  readonly seed: number;
  /** Share of rows made bad on purpose (0 = clean). */
  readonly dirty: number;
  readonly outDir: string;
  /** Every source writes the standard CSV style (benchmarks concatenate files). */
  readonly uniformStyle?: boolean;
  readonly onProgress?: (done: number, total: number, label: string) => void;
}

export interface DemoManifest {
  readonly generator: "jobindblik demo";
  readonly version: 1;
  readonly seed: number;
  readonly scale: number;
  readonly from: string;
  readonly to: string;
  readonly dirty: number;
  readonly sources: readonly Omit<DemoSource, "style">[];
  readonly files: readonly ManifestFile[];
}

export interface DemoResult {
  readonly manifest: DemoManifest;
  readonly rows: number;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** Removes the files a previous demo run listed in its manifest, so stale years do not linger. */
function clearPreviousRun(outDir: string): void {
  const path = join(outDir, "manifest.json");
  if (!existsSync(path)) return;
  const previous = JSON.parse(readFileSync(path, "utf8")) as Partial<DemoManifest>;
  for (const file of previous.files ?? []) rmSync(join(outDir, file.path), { force: true });
  rmSync(path, { force: true });
}

export function generateDemo(options: DemoOptions): DemoResult {
  const { scale, seed, outDir } = options;
  const firstDay = dayNumberFromParts(options.from.year, options.from.month, 1);
  const lastDay = monthEndOf(dayNumberFromParts(options.to.year, options.to.month, 1));
  const window = { firstDay, lastDay };
  clearPreviousRun(outDir);

  const sources = demoSources(options.uniformStyle ?? false);
  const dirtyRng = new Rng(seed, 0xd127);
  const files = new DeliveryFiles(
    outDir,
    options.dirty > 0
      ? {
          share: options.dirty,
          rng: dirtyRng,
          foreignMunicipality: (s) => (s.scope.includes("101") ? "147" : "101"),
          foreignAkasse: (s) => (s.scope.includes("D86") ? "D92" : "D86"),
        }
      : null,
  );
  const router = createRouter(sources, files, window);
  const conditions = municipalityConditions(seed);
  const index = frameworkIndex(conditions);
  const firstYearCells = MUNICIPALITIES.map((m, i) =>
    populationCells(m.population * scale, conditions[i]?.share60Plus ?? 0.27),
  );
  const working = firstYearCells.map(workingAge);
  const workingTotal = working.reduce((a, b) => a + b, 0);
  const rates = calibrate(seed);
  const multipliers = new Map<Benefit, number[]>(
    BENEFIT_PROFILES.map((p) => [
      p.benefit,
      rateMultipliers(conditions, index, working, p.frameworkStrength),
    ]),
  );
  const people = new PersonFactory();
  const neighbours = (muni: string, rng: Rng): string => {
    const here = MUNICIPALITIES.find((m) => m.code === muni);
    const pool =
      rng.chance(0.7) && here ? MUNICIPALITIES.filter((m) => m.region === here.region) : MUNICIPALITIES;
    const pick = pool[rng.int(0, pool.length - 1)] as Municipality;
    return pick.code === muni
      ? (MUNICIPALITIES[(MUNICIPALITIES.indexOf(pick) + 1) % 98] as Municipality).code
      : pick.code;
  };
  const simulator = new CaseSimulator(window, router, neighbours);
  const months: { year: number; month: number; first: number }[] = [];
  for (let day = firstDay; day <= lastDay; day = monthEndOf(day) + 1) {
    const { year, month } = partsOfDay(day);
    months.push({ year, month, first: day });
  }

  MUNICIPALITIES.forEach((m, mi) => {
    options.onProgress?.(mi, MUNICIPALITIES.length, m.name);
    const rng = new Rng(seed, hashString(`municipality:${m.code}`));
    const weight = (working[mi] ?? 0) / workingTotal;
    const nonWestern = conditions[mi]?.shareNonWestern ?? 0.08;
    for (const profile of BENEFIT_PROFILES) {
      const rate = rates.get(profile.benefit);
      const mult = multipliers.get(profile.benefit)?.[mi] ?? 1;
      if (!rate) continue;
      const entryAge = entryAgeSampler(profile);
      // Spells running when the window opens (the stationary stock).
      const stock = rng.poisson(rate.stockPersons * weight * mult * scale);
      for (let i = 0; i < stock; i++) {
        const opening = openingSpell(rng, profile, entryAge);
        const start = firstDay - opening.elapsedDays;
        const remaining = Math.max(1, Math.round(rng.exponential(opening.meanDays)));
        const { person, origin } = people.create(rng, profile, start, opening.age, nonWestern);
        router.person(person, origin, m.code);
        simulator.run(rng, person, profile.benefit, m.code, start, opening.elapsedDays + remaining);
      }
      // New spells month by month, with the benefit's seasonal pattern.
      for (const month of months) {
        const days = daysInMonth(month.year, month.month);
        const expected =
          rate.freshPerDay * days * (profile.season[month.month - 1] ?? 1) * weight * mult * scale;
        const n = rng.poisson(expected);
        for (let i = 0; i < n; i++) {
          const start = month.first + rng.int(0, days - 1);
          const { person, origin } = people.create(rng, profile, start, entryAge(rng), nonWestern);
          router.person(person, origin, m.code);
          simulator.run(rng, person, profile.benefit, m.code, start);
        }
      }
    }
    writeJobOpenings(rng, router.national, files, m, months, scale, conditions[mi]?.firmsPer1000 ?? 65);
  });
  options.onProgress?.(MUNICIPALITIES.length, MUNICIPALITIES.length, "registers");
  writeRegisters(files, router.national, conditions, months, scale);

  const written = files.finish();
  const manifest: DemoManifest = {
    generator: "jobindblik demo",
    version: 1,
    seed,
    scale,
    from: `${options.from.year}-${pad2(options.from.month)}`,
    to: `${options.to.year}-${pad2(options.to.month)}`,
    dirty: options.dirty,
    sources: sources.map(({ style: _style, ...rest }) => rest),
    files: written,
  };
  writeFileSync(join(outDir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, rows: written.reduce((a, f) => a + f.rows, 0) };
}
