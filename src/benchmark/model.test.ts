import { describe, expect, it } from "vitest";
import { mulberry32 } from "./clusters.ts";
import { type BenchmarkConfig, DEFAULT_CONFIG } from "./config.ts";
import { benchmarkWindow, type GroupInput, type MunicipalityInput, type WindowInput } from "./model.ts";

const CONFIG: BenchmarkConfig = { ...DEFAULT_CONFIG, variables: ["v1", "v2"], clusters: 3, neighbours: 4 };

/** 12 municipalities m01..m12 in four job centres of three; raw variables and residents from a seed. */
function municipalities(seed: number): MunicipalityInput[] {
  const random = mulberry32(seed);
  return Array.from({ length: 12 }, (_, i) => ({
    code: `m${String(i + 1).padStart(2, "0")}`,
    jobCentre: `JC${"abcd"[Math.floor(i / 3)]}`,
    residents: 1_000 + Math.round(random() * 9_000),
    values: new Map([
      ["v1", 10 + 10 * random()],
      ["v2", 50 + 30 * random()],
    ]),
  }));
}

/** A group whose share (%) is `shareOf` per municipality, with `persons` per municipality. */
function group(
  munis: readonly MunicipalityInput[],
  shareOf: (m: MunicipalityInput, i: number) => number,
  persons: (i: number) => number,
): GroupInput {
  const fte = new Map(munis.map((m, i) => [m.code, (shareOf(m, i) * (m.residents as number)) / 100]));
  const counts = new Map<string, number>(munis.map((m, i) => [m.code, persons(i)]));
  for (const m of munis) counts.set(m.jobCentre, (counts.get(m.jobCentre) ?? 0) + (counts.get(m.code) ?? 0));
  counts.set(
    "DK",
    munis.reduce((s, m) => s + (counts.get(m.code) ?? 0), 0),
  );
  return { group: "total", fte, persons: counts };
}

function windowOf(munis: MunicipalityInput[], groups: GroupInput[]): WindowInput {
  return { period: "2025K1R12", frameworkYear: 2025, populationYear: 2025, municipalities: munis, groups };
}

const linear = (m: MunicipalityInput) =>
  2 + 0.3 * (m.values.get("v1") as number) - 0.05 * (m.values.get("v2") as number);

describe("the benchmark of one window", () => {
  it("recovers an exact linear relation: R² = 1, expected = actual, coefficients per weighted standard deviation", () => {
    const munis = municipalities(1);
    const result = benchmarkWindow(windowOf(munis, [group(munis, linear, () => 100)]), CONFIG);
    const fit = result.model?.fits[0];
    expect(fit?.r2).toBeCloseTo(1, 10);
    expect(fit?.n).toBe(12);
    // Weighted mean and sd of v1 and v2 computed here by the textbook formulas.
    const w = munis.map((m) => m.residents as number);
    const sw = w.reduce((a, b) => a + b, 0);
    const stats = ["v1", "v2"].map((v) => {
      const xs = munis.map((m) => m.values.get(v) as number);
      const mean = xs.reduce((a, x, i) => a + x * (w[i] as number), 0) / sw;
      return { mean, sd: Math.sqrt(xs.reduce((a, x, i) => a + (w[i] as number) * (x - mean) ** 2, 0) / sw) };
    });
    const [s1, s2] = stats as [{ mean: number; sd: number }, { mean: number; sd: number }];
    expect(fit?.terms.map((t) => t.term)).toEqual(["intercept", "v1", "v2"]);
    expect(fit?.terms[0]?.coefficient).toBeCloseTo(2 + 0.3 * s1.mean - 0.05 * s2.mean, 9);
    expect(fit?.terms[1]?.coefficient).toBeCloseTo(0.3 * s1.sd, 9);
    expect(fit?.terms[2]?.coefficient).toBeCloseTo(-0.05 * s2.sd, 9);
    expect(fit?.terms[1]?.mean).toBeCloseTo(s1.mean, 12);
    expect(fit?.terms[1]?.sd).toBeCloseTo(s1.sd, 12);
    for (const cell of result.cells) expect(cell.expected).toBeCloseTo(cell.actual, 9);
  });

  it("calibrates to the national total and adds municipalities up to job centres, population-weighted", () => {
    const munis = municipalities(2);
    const noise = mulberry32(5);
    const noisy = group(
      munis,
      (m) => linear(m) + noise() - 0.5,
      (i) => (i === 4 ? 6 : 50 + i),
    );
    const result = benchmarkWindow(windowOf(munis, [noisy]), CONFIG);
    const cells = result.cells;
    const muniCells = cells.filter((c) => c.level === "municipality");
    const sumActual = muniCells.reduce((s, c) => s + c.actualPersons, 0);
    const sumExpected = muniCells.reduce((s, c) => s + c.expectedPersons, 0);
    expect(sumExpected).toBeCloseTo(sumActual, 9);
    // m05 (6 persons) is below the minimum of 10: not in the fit, no rank, but an expected level.
    expect(result.model?.fits[0]?.n).toBe(11);
    expect(result.model?.fits[0]?.excluded).toEqual({ jobcentre: [], municipality: ["m05"] });
    const m05 = muniCells.find((c) => c.area === "m05");
    expect(m05?.rank).toBeNull();
    expect(m05?.rankInCluster).toBeNull();
    expect(m05?.expected).toBeGreaterThan(0);
    for (const jc of cells.filter((c) => c.level === "jobcentre")) {
      const members = muniCells.filter((c) => munis.find((m) => m.code === c.area)?.jobCentre === jc.area);
      expect(members).toHaveLength(3);
      expect(jc.expectedPersons).toBeCloseTo(
        members.reduce((s, c) => s + c.expectedPersons, 0),
        9,
      );
      expect(jc.actualPersons).toBeCloseTo(
        members.reduce((s, c) => s + c.actualPersons, 0),
        9,
      );
      const weighted = members.reduce((s, c) => s + c.expected * c.residents, 0) / jc.residents;
      expect(jc.expected).toBeCloseTo(weighted, 9);
    }
    const dk = cells.find((c) => c.area === "DK");
    expect(dk?.expectedPersons).toBe(dk?.actualPersons);
    expect(dk?.actualPersons).toBeCloseTo(sumActual, 9);
  });

  it("ranks 1..N from furthest below expected, nationally and within each cluster", () => {
    const munis = municipalities(3);
    const noise = mulberry32(9);
    const result = benchmarkWindow(
      windowOf(munis, [
        group(
          munis,
          (m) => linear(m) + 2 * noise() - 1,
          () => 40,
        ),
      ]),
      CONFIG,
    );
    for (const level of ["jobcentre", "municipality"]) {
      const cells = result.cells.filter((c) => c.level === level);
      const byRank = [...cells].sort((a, b) => (a.rank as number) - (b.rank as number));
      expect(byRank.map((c) => c.rank)).toEqual(cells.map((_, i) => i + 1));
      for (let i = 1; i < byRank.length; i++) {
        const prev = byRank[i - 1] as (typeof byRank)[number];
        const cur = byRank[i] as (typeof byRank)[number];
        expect(cur.actual - cur.expected).toBeGreaterThanOrEqual(prev.actual - prev.expected);
      }
      const clusters = new Set(cells.map((c) => c.cluster));
      expect([...clusters].sort()).toEqual(Array.from({ length: clusters.size }, (_, i) => i + 1));
      for (const k of clusters) {
        const members = cells.filter((c) => c.cluster === k);
        expect(members.map((c) => c.rankInCluster).sort((a, b) => (a as number) - (b as number))).toEqual(
          members.map((_, i) => i + 1),
        );
      }
      // Cluster 1 has the lowest mean expected share.
      const meanOf = (k: number) => {
        const m = cells.filter((c) => c.cluster === k);
        return m.reduce((s, c) => s + c.expected, 0) / m.length;
      };
      for (const k of clusters) expect(meanOf(1)).toBeLessThanOrEqual(meanOf(k as number));
    }
    // Peers: four of the same level per area, never itself.
    const peersOf = (area: string) => result.peers.filter((p) => p.area === area);
    expect(peersOf("m01").map((p) => p.peerRank)).toEqual([1, 2, 3, 4]);
    expect(peersOf("m01").every((p) => p.peer.startsWith("m") && p.peer !== "m01")).toBe(true);
    expect(
      peersOf("JCa")
        .map((p) => p.peer)
        .sort(),
    ).toEqual(["JCb", "JCc", "JCd"]);
  });

  it("skips the window, naming municipalities and variables, when a framework value is missing", () => {
    const munis = municipalities(4).map((m) =>
      m.code === "m03" || m.code === "m07" ? { ...m, values: new Map([["v1", 12]]) } : m,
    );
    const result = benchmarkWindow(windowOf(munis, [group(munis, linear, () => 100)]), CONFIG);
    expect(result.cells).toEqual([]);
    expect(result.model).toBeNull();
    expect(result.skipped).toEqual({
      period: "2025K1R12",
      reason: "missing_values",
      missing: [{ variable: "v2", municipalities: ["m03", "m07"] }],
    });
    const none = benchmarkWindow({ ...windowOf(munis, []), frameworkYear: null }, CONFIG);
    expect(none.skipped).toEqual({ period: "2025K1R12", reason: "no_framework_conditions" });
  });

  it("leaves a variable that is the same everywhere out of the model", () => {
    const munis = municipalities(5).map((m) => ({ ...m, values: new Map([...m.values, ["v3", 1]]) }));
    const result = benchmarkWindow(windowOf(munis, [group(munis, linear, () => 100)]), {
      ...CONFIG,
      variables: ["v1", "v2", "v3"],
    });
    expect(result.model?.constantVariables).toEqual(["v3"]);
    expect(result.model?.fits[0]?.terms.map((t) => t.term)).toEqual(["intercept", "v1", "v2"]);
  });

  it("gives identical results for identical input", () => {
    const run = () => {
      const munis = municipalities(6);
      const noise = mulberry32(1);
      return JSON.stringify(
        benchmarkWindow(
          windowOf(munis, [
            group(
              munis,
              (m) => linear(m) + noise(),
              () => 30,
            ),
          ]),
          CONFIG,
        ),
      );
    };
    expect(run()).toBe(run());
  });
});
