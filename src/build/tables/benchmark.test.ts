import { beforeAll, describe, expect, it } from "vitest";
import { type BenchmarkStageResult, DEFAULT_CONFIG, runBenchmarkStage } from "../../benchmark/index.ts";
import { MUNICIPALITIES } from "../../reference/municipalities.ts";
import { cellStatus, cellValue } from "../cells-for-test.ts";
import { buildTableForTest, type Microdata, type PublishedCell } from "../test-harness.ts";
import { catalogueProblems } from "../validate-catalogue.ts";
import { benchmark } from "./benchmark.ts";
import { benchmarkModel } from "./benchmark-model.ts";
import { benchmarkPeers } from "./benchmark-peers.ts";

// Every municipality (index i in code order) has 1,000 residents aged 16–66 in 2024 and 10 + (i mod 7)
// persons on kontanthjælp all year at degree 1, so its share is (10 + i mod 7) / 10 % — exactly linear
// in share_no_education = 0.15 + 0.01 × (i mod 7). Nobody is on dagpenge or sygedagpenge.
// Over the 98 municipalities each residue of i mod 7 occurs 14 times: mean 3, variance 4.
const SPAN = { firstMonth: "2024M01", throughMonth: "2024M12" };
const W = "2024K4R12";

function microdata(): Microdata {
  let id = 0;
  const benefit_periods: Record<string, unknown>[] = [];
  const population: Record<string, unknown>[] = [];
  const framework_conditions: Record<string, unknown>[] = [];
  MUNICIPALITIES.forEach((m, i) => {
    for (let k = 0; k < 10 + (i % 7); k++)
      benefit_periods.push({
        person_id: ++id,
        birth_date: "1990-01-01",
        gender: "K",
        benefit: "kontanthjaelp",
        municipality: m.code,
        start: "2024-01-01",
        end: "2024-12-31",
      });
    population.push({ municipality: m.code, year: 2024, age: "20-24", gender: "K", count: 1_000 });
    const values: [string, number][] = [
      ["share_60_plus", 0.2 + (i % 5) * 0.01],
      ["share_no_education", 0.15 + (i % 7) * 0.01],
      ["share_non_western", 0.05 + (i % 11) * 0.005],
      ["firms_per_1000", 60 + (i % 13)],
      ["commuting_unemployment_rate", 3 + (i % 3) * 0.5],
      ["local_extra", 1], // unknown: listed, not used
    ];
    for (const [variable, value] of values)
      framework_conditions.push({ municipality: m.code, year: 2024, variable, value });
  });
  return { benefit_periods, population, framework_conditions };
}

describe("benchmark tables", () => {
  let stage: BenchmarkStageResult | undefined;
  const tables: Record<string, PublishedCell[]> = {};
  beforeAll(async () => {
    const data = microdata();
    for (const table of [benchmark, benchmarkModel, benchmarkPeers]) {
      tables[table.id] = await buildTableForTest(table, data, SPAN, {
        protected: true,
        where: table.id === "benchmark-peers" ? "area IN ('JC101', '101')" : undefined,
        afterPrepare: async (c) => {
          stage = await runBenchmarkStage(c, DEFAULT_CONFIG);
        },
      });
    }
  });

  it("are valid catalogue entries", () => {
    expect(catalogueProblems([benchmark, benchmarkModel, benchmarkPeers])).toEqual([]);
  });

  it("publishes actual and expected shares of job centres, municipalities and DK, equal when the relation is exact", () => {
    const cells = tables.benchmark as PublishedCell[];
    const at = (area: string, group = "total") => ({ period: W, area, benefit_group: group });
    // 101 København is municipality 0: 10 persons ÷ 1,000 residents = 1 %.
    expect(cellValue(cells, at("101"), "actual")).toBe(1);
    expect(cellValue(cells, at("101"), "expected")).toBe(1);
    // (Compared as numbers: publication rounds float noise such as −1e−16 to −0.)
    expect(cellValue(cells, at("101"), "difference")).toBeCloseTo(0, 10);
    expect(cellValue(cells, at("101"), "actual_persons")).toBe(10);
    expect(cellValue(cells, at("101"), "persons")).toBe(10);
    expect(cellValue(cells, at("101"), "residents")).toBe(1_000);
    // Kontanthjælp etc. is the same here; dagpenge has nobody, so its model cannot be fitted: "-".
    expect(cellValue(cells, at("101", "kontanthjaelp_mv"), "actual")).toBe(1);
    expect(cellStatus(cells, at("101", "dagpenge"), "actual")).toBe("-");
    // JC561 Esbjerg serves 561 (index 78) and 563 Fanø (index 79): (10 + 1) + (10 + 2) persons of 2,000.
    const esbjerg = MUNICIPALITIES.findIndex((m) => m.code === "561");
    const fanoe = MUNICIPALITIES.findIndex((m) => m.code === "563");
    const jc561 = 10 + (esbjerg % 7) + 10 + (fanoe % 7);
    expect(cellValue(cells, at("JC561"), "persons")).toBe(jc561);
    expect(cellValue(cells, at("JC561"), "residents")).toBe(2_000);
    expect(cellValue(cells, at("JC561"), "actual")).toBeCloseTo((100 * jc561) / 2_000, 2);
    expect(cellValue(cells, at("JC561"), "expected")).toBeCloseTo((100 * jc561) / 2_000, 2);
    // DK: 98 × 10 + 14 × (0 + 1 + … + 6) = 1,274 persons of 98,000 = 1.3 %; expected = actual.
    expect(cellValue(cells, at("DK"), "persons")).toBe(1_274);
    expect(cellValue(cells, at("DK"), "actual")).toBe(1.3);
    expect(cellValue(cells, at("DK"), "expected")).toBe(1.3);
    expect(cellStatus(cells, at("DK"), "rank")).toBe("-");
    // Ranks are 1..94 over the job centres and 1..98 over the municipalities.
    const ranks = (level: (a: string) => boolean) =>
      cells
        .filter((c) => c.measure === "rank" && c.benefit_group === "total" && level(String(c.area)))
        .map((c) => c.value)
        .sort((a, b) => (a as number) - (b as number));
    expect(ranks((a) => a.startsWith("JC"))).toEqual(Array.from({ length: 94 }, (_, i) => i + 1));
    expect(ranks((a) => /^\d{3}$/.test(a))).toEqual(Array.from({ length: 98 }, (_, i) => i + 1));
  });

  it("publishes the model: coefficient 10 × sd per standard deviation of share_no_education, R² = 1", () => {
    const cells = tables["benchmark-model"] as PublishedCell[];
    const at = (term: string) => ({ period: W, benefit_group: "total", term });
    // Intercept: the mean share 1 + 0.1 × 3 = 1.3 %; share_no_education: 10 pp per unit × sd 0.01 × 2.
    expect(cellValue(cells, at("intercept"), "coefficient")).toBe(1.3);
    expect(cellValue(cells, at("share_no_education"), "coefficient")).toBe(0.2);
    expect(cellValue(cells, at("share_no_education"), "mean")).toBe(0.18);
    expect(cellValue(cells, at("share_no_education"), "sd")).toBe(0.02);
    expect(cellValue(cells, at("firms_per_1000"), "coefficient")).toBeCloseTo(0, 10);
    expect(cellValue(cells, at("total"), "r2")).toBe(1);
    expect(cellValue(cells, at("total"), "n")).toBe(98);
    expect(cellValue(cells, at("total"), "vintage")).toBe(2024);
    expect(cellValue(cells, at("total"), "calibration")).toBe(1);
    expect(cellStatus(cells, at("population_16_66"), "coefficient")).toBe("-");
  });

  it("lists ten peers of the same level per area", () => {
    const cells = tables["benchmark-peers"] as PublishedCell[];
    const peers = (area: string) =>
      cells
        .filter((c) => c.area === area && c.measure === "peer_rank" && c.status === "")
        .map((c) => c.value);
    expect(peers("JC101").sort((a, b) => (a as number) - (b as number))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(peers("101")).toHaveLength(10);
    const jcPeers = cells.filter((c) => c.area === "JC101" && c.measure === "peer_rank" && c.status === "");
    expect(jcPeers.every((c) => String(c.peer).startsWith("JC") && c.peer !== "JC101")).toBe(true);
  });

  it("puts the model, the unknown variable and the groups that could not be fitted in the manifest and notes", () => {
    expect(stage?.model.unknownVariables).toEqual(["local_extra"]);
    expect(stage?.model.windows.map((w) => w.period)).toEqual([W]);
    expect(stage?.model.windows[0]?.vintage).toEqual({ framework: 2024, population: 2024 });
    expect(stage?.model.windows[0]?.fits.map((f) => f.group)).toEqual(["total", "kontanthjaelp_mv"]);
    expect(stage?.model.skipped).toEqual([
      { period: W, reason: "no_fit", groups: ["dagpenge", "sygedagpenge"] },
    ]);
    expect(stage?.notes.map((n) => n.note.en).join(" ")).toContain("local_extra");
  });
});
