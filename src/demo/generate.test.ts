import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRow, recordTypeDef } from "../ingest/record-types/index.ts";
import { MUNICIPALITIES } from "../reference/municipalities.ts";
import { dayNumber, parseDate } from "../reference/periods.ts";
import { frameworkIndex, municipalityConditions } from "./framework.ts";
import { type DemoManifest, generateDemo } from "./generate.ts";
import { BENEFIT_PROFILES } from "./profiles.ts";
import { readDeliveryForTests } from "./read-delivery-for-tests.ts";

const dirs: string[] = [];
function outDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "jobindblik-demo-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function digestOf(dir: string, manifest: DemoManifest): string {
  const hash = createHash("sha256");
  for (const file of manifest.files) hash.update(file.path).update(readFileSync(join(dir, file.path)));
  hash.update(readFileSync(join(dir, "manifest.json")));
  return hash.digest("hex");
}

const small = { from: { year: 2024, month: 1 }, to: { year: 2024, month: 6 }, dirty: 0 };

describe("demo determinism", () => {
  it("writes byte-identical files for the same seed and different ones for another seed", () => {
    const a = outDir();
    const b = outDir();
    const c = outDir();
    const ra = generateDemo({ ...small, scale: 0.002, seed: 7, outDir: a });
    const rb = generateDemo({ ...small, scale: 0.002, seed: 7, outDir: b });
    const rc = generateDemo({ ...small, scale: 0.002, seed: 8, outDir: c });
    expect(ra.rows).toBeGreaterThan(1000);
    expect(digestOf(a, ra.manifest)).toBe(digestOf(b, rb.manifest));
    expect(digestOf(a, ra.manifest)).not.toBe(digestOf(c, rc.manifest));
  });
});

describe("a clean demo set", () => {
  let dir: string;
  let manifest: DemoManifest;
  beforeAll(() => {
    dir = outDir();
    manifest = generateDemo({
      scale: 0.02,
      from: { year: 2023, month: 1 },
      to: { year: 2025, month: 12 },
      seed: 1,
      dirty: 0,
      outDir: dir,
    }).manifest;
  });

  it("has a delivery of every record type and sources of every kind", () => {
    const types = new Set(manifest.files.map((f) => f.type));
    expect([...types].sort()).toEqual([
      "activation_offers",
      "benefit_periods",
      "education",
      "employment",
      "framework_conditions",
      "interviews",
      "job_openings",
      "persons",
      "population",
    ]);
    const kinds = manifest.sources.map((s) => s.kind);
    expect(kinds.filter((k) => k === "jobcenter")).toHaveLength(94);
    expect(kinds.filter((k) => k === "akasse")).toHaveLength(21);
    expect(kinds.filter((k) => k === "national")).toHaveLength(1);
  });

  it("satisfies every record-type rule and every source's scope in every row", () => {
    const asOf = "2026-01-15";
    const scopeOf = new Map(manifest.sources.map((s) => [s.id, s]));
    let rows = 0;
    for (const file of manifest.files) {
      const def = recordTypeDef(file.type);
      const source = scopeOf.get(file.source);
      const scopeField =
        source?.kind === "jobcenter"
          ? def.scopeField.jobcenter
          : source?.kind === "akasse"
            ? def.scopeField.akasse
            : undefined;
      const read = readDeliveryForTests(join(dir, file.path));
      expect(read.rows.length).toBe(file.rows);
      for (const row of read.rows) {
        rows++;
        const problems = checkRow(def, row.values, asOf);
        if (problems.length > 0)
          throw new Error(`${file.path} line ${row.line}: ${JSON.stringify(problems)}`);
        if (read.header.length > 0) expect(row.fields).toBe(read.header.length);
        const scoped = scopeField ? row.values[scopeField] : undefined;
        if (scopeField && scoped) expect(source?.scope).toContain(scoped);
      }
    }
    expect(rows).toBeGreaterThan(100_000);
  });

  it("lands each benefit's full-time persons within ±20 % of its documented target (scaled)", () => {
    // Independent reading of fte: Σ days × degree ÷ days in month, averaged over the months of 2024.
    const monthStarts = Array.from({ length: 12 }, (_, i) =>
      dayNumber(`2024-${String(i + 1).padStart(2, "0")}-01`),
    );
    monthStarts.push(dayNumber("2025-01-01"));
    const dataEnd = dayNumber("2025-12-31");
    const fte = new Map<string, number>();
    for (const file of manifest.files.filter((f) => f.type === "benefit_periods")) {
      for (const row of readDeliveryForTests(join(dir, file.path)).rows) {
        const v = row.values;
        const start = dayNumber(parseDate(v.start ?? "") ?? "");
        const end = v.end ? dayNumber(parseDate(v.end) ?? "") : dataEnd;
        const degree = v.degree ? Number(v.degree.replace(",", ".")) : 1;
        for (let m = 0; m < 12; m++) {
          const first = monthStarts[m] as number;
          const last = (monthStarts[m + 1] as number) - 1;
          const days = Math.min(end, last) - Math.max(start, first) + 1;
          if (days > 0)
            fte.set(
              v.benefit ?? "",
              (fte.get(v.benefit ?? "") ?? 0) + (days * degree) / (last - first + 1) / 12,
            );
        }
      }
    }
    for (const profile of BENEFIT_PROFILES) {
      const scaled = (fte.get(profile.benefit) ?? 0) / 0.02;
      expect(scaled, profile.benefit).toBeGreaterThan(profile.targetFte * 0.8);
      expect(scaled, profile.benefit).toBeLessThan(profile.targetFte * 1.2);
    }
  });

  it("makes municipalities with harder framework conditions have more people on kontanthjælp", () => {
    const index = frameworkIndex(municipalityConditions(1));
    const persons = new Map<string, Set<string>>();
    for (const file of manifest.files.filter((f) => f.type === "benefit_periods" && f.period === "2024")) {
      for (const row of readDeliveryForTests(join(dir, file.path)).rows) {
        if (row.values.benefit !== "kontanthjaelp") continue;
        const muni = row.values.municipality ?? "";
        if (!persons.has(muni)) persons.set(muni, new Set());
        persons.get(muni)?.add((row.values.cpr ?? "").replace("-", ""));
      }
    }
    const rates = MUNICIPALITIES.map((m) => Math.log(((persons.get(m.code)?.size ?? 0) + 1) / m.population));
    const xs = index;
    const mean = (a: readonly number[]) => a.reduce((s, x) => s + x, 0) / a.length;
    const mx = mean(xs);
    const my = mean(rates);
    const cov = xs.reduce((s, x, i) => s + (x - mx) * ((rates[i] as number) - my), 0);
    const sx = Math.sqrt(xs.reduce((s, x) => s + (x - mx) ** 2, 0));
    const sy = Math.sqrt(rates.reduce((s, y) => s + (y - my) ** 2, 0));
    expect(cov / (sx * sy)).toBeGreaterThan(0.4);
  });
});

describe("a dirty demo set", () => {
  it("makes exactly the rows it reports as dirty fail their rules, scope or field count", () => {
    const dir = outDir();
    const { manifest } = generateDemo({ ...small, scale: 0.005, seed: 3, dirty: 0.05, outDir: dir });
    const sources = new Map(manifest.sources.map((s) => [s.id, s]));
    let reported = 0;
    let found = 0;
    let rows = 0;
    for (const file of manifest.files) {
      reported += Object.values(file.dirty ?? {}).reduce((a, b) => a + (b ?? 0), 0);
      const def = recordTypeDef(file.type);
      const source = sources.get(file.source);
      const scopeField =
        source?.kind === "jobcenter"
          ? def.scopeField.jobcenter
          : source?.kind === "akasse"
            ? def.scopeField.akasse
            : undefined;
      const read = readDeliveryForTests(join(dir, file.path));
      for (const row of read.rows) {
        rows++;
        const bad =
          checkRow(def, row.values, "2026-01-15").length > 0 ||
          (read.header.length > 0 && row.fields !== read.header.length) ||
          (scopeField !== undefined &&
            row.values[scopeField] !== "" &&
            !source?.scope.includes(row.values[scopeField] ?? ""));
        if (bad) found++;
      }
    }
    expect(found).toBe(reported);
    expect(reported / rows).toBeGreaterThan(0.03);
    expect(reported / rows).toBeLessThan(0.07);
  });
});
