import { beforeAll, describe, expect, it } from "vitest";
import { type BenchmarkStageResult, DEFAULT_CONFIG, runBenchmarkStage } from "../../benchmark/index.ts";
import { cellStatus, cellValue } from "../cells-for-test.ts";
import { buildTableForTest, type PublishedCell } from "../test-harness.ts";
import { catalogueProblems } from "../validate-catalogue.ts";
import { benchmarkAkasse } from "./benchmark-akasse.ts";

let line = 2;
const period = (
  id: number,
  benefit: string,
  akasse: string | null,
  start: string,
  end: string | null,
  degree = 1,
) => ({
  person_id: id,
  birth_date: "1985-06-01",
  gender: "M",
  benefit,
  municipality: "101",
  akasse,
  start,
  end,
  degree,
  line: line++,
});
const interview = (id: number, akasse: string, date: string, due: string | null) => ({
  person_id: id,
  held_by: "akasse",
  date,
  akasse,
  due,
});
const hours = (id: number, month: string, h: number) => ({ person_id: id, month, hours: h });

// 2024, data month December. Dagpenge spells:
// P1 D86 1 Jan–29 Feb (60 days): May 160 h → in work at 3 m; Aug 100 h → in work at 6 m.
// P2 D86 15 Jan–31 Mar at degree 0.5 (77 days): June nothing → other at 3 m; Sep 90 h → in work at 6 m.
// P3 D15 1–10 Feb (10 days): May 79 h → other at 3 m; Aug on kontanthjælp → another benefit at 6 m.
// P4 D15 from 1 Jan, open: running all year, never ends.
// P5 D15 1–14 Mar, then D86 20–31 Mar: one spell of 31 days (5 free days), ended at D86; June 80 h → in work.
const DATA = {
  benefit_periods: [
    period(1, "dagpenge", "D86", "2024-01-01", "2024-02-29"),
    period(2, "dagpenge", "D86", "2024-01-15", "2024-03-31", 0.5),
    period(3, "dagpenge", "D15", "2024-02-01", "2024-02-10"),
    period(3, "kontanthjaelp", null, "2024-08-01", "2024-08-31"),
    period(4, "dagpenge", "D15", "2024-01-01", null),
    period(5, "dagpenge", "D15", "2024-03-01", "2024-03-14"),
    period(5, "dagpenge", "D86", "2024-03-20", "2024-03-31"),
  ],
  employment: [
    hours(1, "2024-05-01", 160),
    hours(1, "2024-08-01", 100),
    hours(2, "2024-09-01", 90),
    hours(3, "2024-05-01", 79),
    hours(5, "2024-06-01", 80),
  ],
  interviews: [
    interview(1, "D86", "2024-02-10", "2024-02-15"), // on time
    interview(2, "D86", "2024-03-05", "2024-03-01"), // late
    interview(2, "D86", "2024-03-10", null), // no due date: not in the on-time share
    interview(4, "D15", "2024-01-20", "2024-01-20"), // on the due date: on time
    { person_id: 4, held_by: "jobcenter", municipality: "101", date: "2024-01-10", due: "2024-01-05" }, // not the a-kasse's
  ],
};

describe("benchmark-akasse", () => {
  let cells: PublishedCell[];
  let stage: BenchmarkStageResult | undefined;
  beforeAll(async () => {
    cells = await buildTableForTest(
      benchmarkAkasse,
      DATA,
      { firstMonth: "2024M01", throughMonth: "2024M12" },
      {
        afterPrepare: async (c) => {
          stage = await runBenchmarkStage(c, { ...DEFAULT_CONFIG, minPersons: 3 });
        },
      },
    );
  });
  const v = (period: string, akasse: string, measure: string) =>
    cellValue(cells, { period, akasse }, measure);

  it("is a valid catalogue entry", () => {
    expect(catalogueProblems([benchmarkAkasse])).toEqual([]);
  });

  it("counts dagpenge recipients and full-time persons per a-kasse, nationally in total", () => {
    // K1 has 91 days. D86: P1 60 days + P2 77 × 0.5 + P5 12 days = 110.5; D15: P3 10 + P4 91 + P5 14 = 115.
    expect(v("2024K1", "D86", "persons")).toBe(3);
    expect(v("2024K1", "D15", "persons")).toBe(3);
    expect(v("2024K1", "D86", "fte")).toBe(1.2); // 110.5 / 91 = 1.214…
    expect(v("2024K1", "D15", "fte")).toBe(1.3); // 115 / 91 = 1.264…
    expect(v("2024K1", "D86", "persons_national")).toBe(5);
    expect(v("2024K1", "total", "persons")).toBe(5);
    expect(v("2024K1", "D86", "fte_national")).toBe(2.5); // 225.5 / 91 = 2.478…
    // Ties in persons go by code (D15 before D86); full-time persons: D15 has more.
    expect(v("2024K1", "D15", "persons_rank")).toBe(1);
    expect(v("2024K1", "D86", "persons_rank")).toBe(2);
    expect(v("2024K1", "D15", "fte_rank")).toBe(1);
    // Counts have no difference from the national value (it is their sum).
    expect(cells.some((c) => c.measure === "persons_difference")).toBe(false);
    // An a-kasse with nobody: 0 recipients, no rank.
    expect(v("2024K1", "D10", "persons")).toBe(0);
    expect(cellStatus(cells, { period: "2024K1", akasse: "D10" }, "persons_rank")).toBe("-");
  });

  it("takes the on-time share of the a-kasse's own interviews with a due date", () => {
    expect(v("2024K1", "D86", "interviews")).toBe(2);
    expect(v("2024K1", "D86", "on_time_rate")).toBe(50);
    expect(v("2024K1", "D15", "on_time_rate")).toBe(100);
    expect(v("2024K1", "D86", "on_time_rate_national")).toBe(66.7); // 2 of 3
    expect(v("2024K1", "D86", "on_time_rate_difference")).toBe(-16.7);
    expect(v("2024K1", "D15", "on_time_rate_difference")).toBe(33.3);
    expect(v("2024K1", "D15", "on_time_rate_rank")).toBe(1);
    expect(v("2024K1", "D86", "on_time_rate_rank")).toBe(2);
  });

  it("gives exits to work 3 and 6 months after the exit month, by the a-kasse of the spell's last period", () => {
    expect(v("2024K1", "D86", "exits")).toBe(3); // P1, P2, P5
    expect(v("2024K1", "D15", "exits")).toBe(1); // P3
    expect(v("2024K1", "total", "exits")).toBe(4);
    expect(v("2024K1", "D86", "job_3m")).toBe(66.7); // P1, P5 of 3
    expect(v("2024K1", "D15", "job_3m")).toBe(0);
    expect(v("2024K1", "D86", "job_3m_national")).toBe(50);
    expect(v("2024K1", "D86", "job_3m_difference")).toBe(16.7);
    expect(v("2024K1", "D86", "job_3m_rank")).toBe(1);
    expect(v("2024K1", "D86", "job_6m")).toBe(66.7); // P1, P2 of 3
    expect(v("2024K1", "D15", "job_6m")).toBe(0); // P3 on another benefit
    expect(v("2024K1", "total", "job_6m")).toBe(50);
    // K3 ends in September: December is known for 3 months, March 2025 is not for 6.
    expect(cellStatus(cells, { period: "2024K3", akasse: "D86" }, "job_3m")).toBe("-");
    expect(cellStatus(cells, { period: "2024K3", akasse: "total" }, "job_6m")).toBe("-");
    expect(cellStatus(cells, { period: "2024K4R12", akasse: "D86" }, "job_3m")).toBe("-");
  });

  it("gives the median length of ended spells in weeks, rank 1 the shortest", () => {
    // D86: 60, 77 and 31 days → median 60 / 7 = 8.57 weeks; D15: 10 days; all: 10, 31, 60, 77 → (31 + 60) / 2 / 7.
    expect(v("2024K1", "D86", "median_weeks")).toBe(8.6);
    expect(v("2024K1", "D15", "median_weeks")).toBe(1.4);
    expect(v("2024K1", "D86", "median_weeks_national")).toBe(6.5);
    expect(v("2024K1", "D86", "median_weeks_difference")).toBe(2.1); // 8.571 − 6.5
    expect(v("2024K1", "D15", "median_weeks_difference")).toBe(-5.1); // 1.429 − 6.5
    expect(v("2024K1", "D15", "median_weeks_rank")).toBe(1);
    expect(v("2024K1", "D86", "median_weeks_rank")).toBe(2);
    // The rolling year holds the same spells.
    expect(v("2024K4R12", "D86", "median_weeks")).toBe(8.6);
  });

  it("leaves an a-kasse below the minimum of recipients out of the ranks", () => {
    // K2: only P4 (D15) is on dagpenge: 1 recipient, below the minimum of 3.
    expect(v("2024K2", "D15", "persons")).toBe(1);
    expect(cellStatus(cells, { period: "2024K2", akasse: "D15" }, "persons_rank")).toBe("-");
    expect(cellStatus(cells, { period: "2024K2", akasse: "D15" }, "fte_rank")).toBe("-");
    expect(v("2024K2", "D15", "fte")).toBe(1);
    // Named in the model and the release notes, for every quarter where only P4 is left.
    expect(stage?.model.akasseExcluded).toEqual([
      { period: "2024K2", akasser: ["D15"] },
      { period: "2024K3", akasser: ["D15"] },
      { period: "2024K4", akasser: ["D15"] },
    ]);
    expect(stage?.notes.some((n) => n.period === "2024K2" && n.note.en.includes("D15"))).toBe(true);
  });
});
