// Hand-computed cases of `recipients-age-gender` (CONTRACT.md §5, §6): age on the period's last day
// at the band edges, persons born on 29 February, the 0-15 band, gender and `total` codes, movers,
// persons on two benefits, and full-time persons from days × degree ÷ days of the period.
import { describe, expect, it } from "vitest";
import { AGE_BANDS } from "../../reference/codes.ts";
import { cellValue } from "../cells-for-test.ts";
import { buildTableForTest, type PublishedCell } from "../test-harness.ts";
import { recipientsAgeGender } from "./recipients-age-gender.ts";

/** Value of one cell: period, area, benefit, age, gender, measure (default persons). */
function cell(cells: readonly PublishedCell[]) {
  return (period: string, area: string, benefit: string, age: string, gender: string, measure = "persons") =>
    cellValue(cells, { period, area, benefit, age, gender }, measure);
}

let line = 2;
const period = (
  id: number,
  birth: string,
  gender: string,
  benefit: string,
  municipality: string,
  start: string,
  end: string | null,
  degree = 1,
): Record<string, unknown> => ({
  person_id: id,
  birth_date: birth,
  gender,
  benefit,
  municipality,
  akasse: benefit === "dagpenge" ? "D86" : null,
  start,
  end,
  degree,
  line: line++,
});

/** The five-dimensional cube is large; tests read only the areas and benefits they look at. */
const only = (areas: readonly string[], benefits: readonly string[]) =>
  `area IN (${areas.map((a) => `'${a}'`).join(", ")}) AND benefit IN (${benefits.map((b) => `'${b}'`).join(", ")})`;

describe("recipients-age-gender", () => {
  it("takes the age on the month's and the quarter's last day, at the edges 16, 20 and 65", async () => {
    const q1 = (id: number, birth: string, gender: string) =>
      period(id, birth, gender, "kontanthjaelp", "101", "2024-01-01", "2024-03-31");
    const cells = await buildTableForTest(
      recipientsAgeGender,
      {
        benefit_periods: [
          q1(1, "2008-01-31", "M"), // 16 on 2024-01-31, the last day of January
          q1(2, "2008-02-01", "K"), // 16 on 2024-02-01, the day after: 15 on 31 January
          q1(3, "2004-03-31", "M"), // 20 on 2024-03-31: 19 in January and February
          q1(4, "1959-01-31", "K"), // 65 on 2024-01-31
          q1(5, "1959-02-01", "M"), // 65 on 2024-02-01: 64 on 31 January
          q1(6, "2010-06-15", "M"), // 13: under 16 all through
        ],
      },
      { firstMonth: "2024M01", throughMonth: "2024M03" },
      { where: only(["DK", "101"], ["kontanthjaelp", "total"]) },
    );
    const v = cell(cells);
    // 2024M01 (last day 31 January): P1 16, P2 15, P3 19, P4 65, P5 64, P6 13.
    expect(v("2024M01", "101", "kontanthjaelp", "16-19", "M")).toBe(2); // P1, P3
    expect(v("2024M01", "101", "kontanthjaelp", "16-19", "K")).toBe(0);
    expect(v("2024M01", "101", "kontanthjaelp", "0-15", "K")).toBe(1); // P2
    expect(v("2024M01", "101", "kontanthjaelp", "0-15", "M")).toBe(1); // P6
    expect(v("2024M01", "101", "kontanthjaelp", "0-15", "total")).toBe(2);
    expect(v("2024M01", "101", "kontanthjaelp", "60-64", "M")).toBe(1); // P5
    expect(v("2024M01", "101", "kontanthjaelp", "65+", "K")).toBe(1); // P4
    expect(v("2024M01", "101", "kontanthjaelp", "65+", "total")).toBe(1);
    expect(v("2024M01", "101", "kontanthjaelp", "20-24", "total")).toBe(0);
    // 2024M02 (29 February): P1 16, P2 16, P3 19, P4 65, P5 65, P6 13.
    expect(v("2024M02", "101", "kontanthjaelp", "16-19", "total")).toBe(3); // P1, P2, P3
    expect(v("2024M02", "101", "kontanthjaelp", "16-19", "K")).toBe(1); // P2
    expect(v("2024M02", "101", "kontanthjaelp", "0-15", "total")).toBe(1); // P6
    expect(v("2024M02", "101", "kontanthjaelp", "60-64", "total")).toBe(0);
    expect(v("2024M02", "101", "kontanthjaelp", "65+", "total")).toBe(2); // P4, P5
    // 2024M03 (31 March): P3 turns 20 on the day.
    expect(v("2024M03", "101", "kontanthjaelp", "16-19", "total")).toBe(2); // P1, P2
    expect(v("2024M03", "101", "kontanthjaelp", "20-24", "M")).toBe(1); // P3
    // 2024K1 ends 31 March: P2 is 0-15 in January but 16-19 in the quarter, P3 16-19 in January and
    // February but 20-24 in the quarter, P5 60-64 in January but 65+ in the quarter.
    expect(v("2024K1", "101", "kontanthjaelp", "0-15", "total")).toBe(1); // P6 only
    expect(v("2024K1", "101", "kontanthjaelp", "16-19", "M")).toBe(1); // P1
    expect(v("2024K1", "101", "kontanthjaelp", "16-19", "K")).toBe(1); // P2
    expect(v("2024K1", "101", "kontanthjaelp", "20-24", "M")).toBe(1); // P3
    expect(v("2024K1", "101", "kontanthjaelp", "60-64", "total")).toBe(0);
    expect(v("2024K1", "101", "kontanthjaelp", "65+", "total")).toBe(2); // P4, P5
    // Totals: 6 persons, 4 men (P1, P3, P5, P6), 2 women (P2, P4), every period; each on a full
    // degree every day, so fte = persons (31/31, 29/29, 91/91 per person).
    for (const p of ["2024M01", "2024M02", "2024M03", "2024K1"]) {
      for (const area of ["101", "DK"]) {
        for (const benefit of ["kontanthjaelp", "total"]) {
          expect(v(p, area, benefit, "total", "total")).toBe(6);
          expect(v(p, area, benefit, "total", "M")).toBe(4);
          expect(v(p, area, benefit, "total", "K")).toBe(2);
          expect(v(p, area, benefit, "total", "total", "fte")).toBe(6);
          // The bands (0-15 included) add up to the total, for each gender.
          for (const g of ["M", "K", "total"]) {
            const sum = AGE_BANDS.reduce((s, age) => s + Number(v(p, area, benefit, age, g)), 0);
            expect(sum).toBe(v(p, area, benefit, "total", g));
          }
        }
      }
    }
  });

  it("puts a person in different bands in a month, its quarter and its year (age on the period's last day)", async () => {
    const cells = await buildTableForTest(
      recipientsAgeGender,
      {
        benefit_periods: [
          // Q: days only in January 2023 (27 days: 5–31).
          period(1, "2003-02-15", "M", "sygedagpenge", "101", "2023-01-05", "2023-01-31"),
          // Y: all of February 2023 (28 days).
          period(2, "1998-11-10", "K", "sygedagpenge", "101", "2023-02-01", "2023-02-28"),
          // R: 15 September – 15 October 2023 (16 + 15 = 31 days); turns 65 on 31 December.
          period(3, "1958-12-31", "M", "sygedagpenge", "101", "2023-09-15", "2023-10-15"),
        ],
      },
      { firstMonth: "2023M01", throughMonth: "2023M12" },
      { where: only(["DK"], ["sygedagpenge"]) },
    );
    const v = cell(cells);
    const b = "sygedagpenge";
    // Q on 31 January 2023: 19 → 16-19; on 31 March and 31 December: 20 → 20-24.
    expect(v("2023M01", "DK", b, "16-19", "M")).toBe(1);
    expect(v("2023M01", "DK", b, "20-24", "M")).toBe(0);
    expect(v("2023K1", "DK", b, "16-19", "total")).toBe(0);
    // 2023K1: Q 20 and Y 24 (on 31 March; birthday 10 November) → both 20-24.
    expect(v("2023K1", "DK", b, "20-24", "M")).toBe(1);
    expect(v("2023K1", "DK", b, "20-24", "K")).toBe(1);
    expect(v("2023K1", "DK", b, "20-24", "total")).toBe(2);
    // Y on 28 February 2023: 24 → 20-24; on 31 December 2023: 25 → 25-29.
    expect(v("2023M02", "DK", b, "20-24", "K")).toBe(1);
    expect(v("2023", "DK", b, "20-24", "total")).toBe(1); // Q only
    expect(v("2023", "DK", b, "25-29", "K")).toBe(1); // Y
    // R: 64 on 30 September and 31 October → 60-64; 65 on 31 December → 65+ in 2023K4 and 2023,
    // although R's last benefit day is 15 October.
    expect(v("2023M09", "DK", b, "60-64", "M")).toBe(1);
    expect(v("2023M10", "DK", b, "60-64", "M")).toBe(1);
    expect(v("2023K3", "DK", b, "60-64", "M")).toBe(1);
    expect(v("2023K4", "DK", b, "60-64", "M")).toBe(0);
    expect(v("2023K4", "DK", b, "65+", "M")).toBe(1);
    expect(v("2023", "DK", b, "65+", "M")).toBe(1);
    expect(v("2023M12", "DK", b, "65+", "M")).toBe(0); // no day in December
    // The year: 3 persons, 2 men; fte = (27 + 28 + 31) / 365 = 86/365 = 0.236 → 0.2.
    expect(v("2023", "DK", b, "total", "total")).toBe(3);
    expect(v("2023", "DK", b, "total", "M")).toBe(2);
    expect(v("2023", "DK", b, "total", "total", "fte")).toBe(0.2);
    // Q in the year: 27/365 = 0.074 → 0.1; R in 2023K4 (92 days): 15/92 = 0.163 → 0.2.
    expect(v("2023", "DK", b, "20-24", "M", "fte")).toBe(0.1);
    expect(v("2023K4", "DK", b, "65+", "M", "fte")).toBe(0.2);
    // R in 2023K3 (92 days): 16/92 = 0.174 → 0.2; Q in January: 27/31 = 0.871 → 0.9.
    expect(v("2023K3", "DK", b, "60-64", "M", "fte")).toBe(0.2);
    expect(v("2023M01", "DK", b, "16-19", "M", "fte")).toBe(0.9);
  }, 120_000); // twelve months, four quarters and a year of the full cube: slow on a busy machine

  it("gives a person born on 29 February the birthday on 29 February in a leap year", async () => {
    const cells = await buildTableForTest(
      recipientsAgeGender,
      {
        benefit_periods: [
          period(1, "2008-02-29", "K", "kontanthjaelp", "101", "2024-01-01", "2024-03-31"),
          period(2, "1964-02-29", "M", "kontanthjaelp", "101", "2024-01-01", "2024-03-31"),
        ],
      },
      { firstMonth: "2024M01", throughMonth: "2024M03" },
      { where: only(["DK"], ["kontanthjaelp"]) },
    );
    const v = cell(cells);
    // P1: 15 on 31 January 2024, 16 on 29 February 2024 (the birthday itself).
    expect(v("2024M01", "DK", "kontanthjaelp", "0-15", "K")).toBe(1);
    expect(v("2024M01", "DK", "kontanthjaelp", "16-19", "K")).toBe(0);
    expect(v("2024M02", "DK", "kontanthjaelp", "0-15", "K")).toBe(0);
    expect(v("2024M02", "DK", "kontanthjaelp", "16-19", "K")).toBe(1);
    expect(v("2024M03", "DK", "kontanthjaelp", "16-19", "K")).toBe(1);
    // P2: 59 on 31 January 2024, 60 on 29 February 2024.
    expect(v("2024M01", "DK", "kontanthjaelp", "55-59", "M")).toBe(1);
    expect(v("2024M02", "DK", "kontanthjaelp", "55-59", "M")).toBe(0);
    expect(v("2024M02", "DK", "kontanthjaelp", "60-64", "M")).toBe(1);
  });

  it("gives a person born on 29 February the birthday on 1 March in a non-leap year", async () => {
    const q1 = (id: number, birth: string, gender: string) =>
      period(id, birth, gender, "kontanthjaelp", "101", "2025-01-01", "2025-03-31");
    const cells = await buildTableForTest(
      recipientsAgeGender,
      {
        benefit_periods: [
          q1(1, "1960-02-29", "K"), // birthday 2025-03-01: 64 on 28 Feb 2025, 65 on 31 March
          q1(2, "2000-02-29", "M"), // birthday 2025-03-01: 24 on 28 Feb 2025, 25 on 31 March
          q1(3, "1960-02-28", "M"), // contrast: 65 on 28 Feb 2025 (the birthday itself)
          q1(4, "1960-03-01", "K"), // contrast: like P1, 64 on 28 Feb, 65 on 31 March
        ],
      },
      { firstMonth: "2025M01", throughMonth: "2025M03" },
      { where: only(["DK"], ["kontanthjaelp"]) },
    );
    const v = cell(cells);
    const b = "kontanthjaelp";
    // 2025M02 (last day 28 February 2025): P1 64, P2 24, P3 65, P4 64.
    expect(v("2025M02", "DK", b, "60-64", "K")).toBe(2); // P1, P4
    expect(v("2025M02", "DK", b, "65+", "total")).toBe(1); // P3
    expect(v("2025M02", "DK", b, "65+", "K")).toBe(0);
    expect(v("2025M02", "DK", b, "20-24", "M")).toBe(1); // P2
    expect(v("2025M02", "DK", b, "25-29", "M")).toBe(0);
    // 2025M03 and 2025K1 (31 March 2025): P1 65, P2 25, P3 65, P4 65.
    for (const p of ["2025M03", "2025K1"]) {
      expect(v(p, "DK", b, "60-64", "total")).toBe(0);
      expect(v(p, "DK", b, "65+", "total")).toBe(3); // P1, P3, P4
      expect(v(p, "DK", b, "65+", "K")).toBe(2); // P1, P4
      expect(v(p, "DK", b, "20-24", "total")).toBe(0);
      expect(v(p, "DK", b, "25-29", "M")).toBe(1); // P2
    }
  });

  it("counts a mover in each municipality but once above, a person on two benefits once in total, fte from days × degree", async () => {
    const cells = await buildTableForTest(
      recipientsAgeGender,
      {
        benefit_periods: [
          // P1 (man, 43 in the quarter → 40-44) moves from 101 to 147 (both Hovedstaden) on 16 January.
          period(1, "1980-05-05", "M", "dagpenge", "101", "2024-01-01", "2024-01-15"),
          period(1, "1980-05-05", "M", "dagpenge", "147", "2024-01-16", "2024-02-10"),
          // P2 (woman, 33 → 30-34) on dagpenge all January and on half sygedagpenge 11–20 January.
          period(2, "1990-07-07", "K", "dagpenge", "101", "2024-01-01", "2024-01-31"),
          period(2, "1990-07-07", "K", "sygedagpenge", "101", "2024-01-11", "2024-01-20", 0.5),
          // P3 (woman, 44 → 40-44) on half kontanthjælp in 147 from December, open-ended (→ 31 March).
          period(3, "1980-01-20", "K", "kontanthjaelp", "147", "2023-12-01", null, 0.5),
        ],
      },
      { firstMonth: "2024M01", throughMonth: "2024M03" },
      { where: only(["DK", "1084", "101", "147"], ["dagpenge", "sygedagpenge", "kontanthjaelp", "total"]) },
    );
    const v = cell(cells);
    // January, benefit total, DK: P1 31 days × 1, P2 31 days × min(1, 1 + 0.5) = 1, P3 31 × 0.5.
    expect(v("2024M01", "DK", "total", "total", "total")).toBe(3);
    expect(v("2024M01", "DK", "total", "total", "total", "fte")).toBe(2.5); // (31 + 31 + 15.5) / 31
    expect(v("2024M01", "DK", "total", "total", "M")).toBe(1);
    expect(v("2024M01", "DK", "total", "total", "M", "fte")).toBe(1);
    expect(v("2024M01", "DK", "total", "total", "K")).toBe(2);
    expect(v("2024M01", "DK", "total", "total", "K", "fte")).toBe(1.5); // 1 + 0.5: fte adds up over gender
    expect(v("2024M01", "DK", "total", "40-44", "total")).toBe(2); // P1, P3
    expect(v("2024M01", "DK", "total", "40-44", "total", "fte")).toBe(1.5); // 1 + 0.5
    expect(v("2024M01", "DK", "total", "40-44", "M", "fte")).toBe(1);
    expect(v("2024M01", "DK", "total", "40-44", "K", "fte")).toBe(0.5);
    // P2 on two benefits is one person in the total; her total fte is capped: 31/31 = 1 (not 1.2).
    expect(v("2024M01", "DK", "total", "30-34", "K")).toBe(1);
    expect(v("2024M01", "DK", "total", "30-34", "K", "fte")).toBe(1);
    expect(v("2024M01", "DK", "dagpenge", "30-34", "K")).toBe(1);
    expect(v("2024M01", "DK", "sygedagpenge", "30-34", "K")).toBe(1);
    expect(v("2024M01", "DK", "sygedagpenge", "30-34", "K", "fte")).toBe(0.2); // 10 × 0.5 / 31 = 0.161
    // The mover: in 101 (15 days) and in 147 (16 days) in January, once in 1084 and DK.
    expect(v("2024M01", "101", "dagpenge", "40-44", "M")).toBe(1);
    expect(v("2024M01", "101", "dagpenge", "40-44", "M", "fte")).toBe(0.5); // 15/31 = 0.484
    expect(v("2024M01", "147", "dagpenge", "40-44", "M")).toBe(1);
    expect(v("2024M01", "147", "dagpenge", "40-44", "M", "fte")).toBe(0.5); // 16/31 = 0.516
    expect(v("2024M01", "1084", "dagpenge", "40-44", "M")).toBe(1);
    expect(v("2024M01", "1084", "dagpenge", "40-44", "M", "fte")).toBe(1); // 31/31
    expect(v("2024M01", "DK", "dagpenge", "40-44", "M")).toBe(1);
    expect(v("2024M01", "101", "dagpenge", "total", "total")).toBe(2); // P1, P2
    expect(v("2024M01", "101", "dagpenge", "total", "total", "fte")).toBe(1.5); // (15 + 31)/31 = 1.484
    expect(v("2024M01", "1084", "dagpenge", "total", "total")).toBe(2); // P1 once, P2
    expect(v("2024M01", "101", "total", "total", "total")).toBe(2); // P1, P2
    expect(v("2024M01", "147", "total", "total", "total")).toBe(2); // P1, P3
    expect(v("2024M01", "1084", "total", "total", "total")).toBe(3); // not 2 + 2
    expect(v("2024M01", "1084", "total", "total", "M")).toBe(1);
    // February (29 days): P1 10 days in 147 → 10/29 = 0.345 → 0.3; none left in 101.
    expect(v("2024M02", "147", "dagpenge", "40-44", "M", "fte")).toBe(0.3);
    expect(v("2024M02", "101", "dagpenge", "total", "total")).toBe(0);
    expect(v("2024M02", "DK", "total", "total", "total")).toBe(2); // P1, P3
    // 2024K1 (91 days): P1 41 days (15 + 16 + 10) → 41/91 = 0.451 → 0.5 in DK; 15/91 = 0.165 → 0.2
    // in 101; 26/91 = 0.286 → 0.3 in 147; counted once in DK, 1084.
    expect(v("2024K1", "DK", "dagpenge", "40-44", "M")).toBe(1);
    expect(v("2024K1", "DK", "dagpenge", "40-44", "M", "fte")).toBe(0.5);
    expect(v("2024K1", "101", "dagpenge", "40-44", "M", "fte")).toBe(0.2);
    expect(v("2024K1", "147", "dagpenge", "40-44", "M", "fte")).toBe(0.3);
    expect(v("2024K1", "1084", "dagpenge", "total", "total")).toBe(2);
    expect(v("2024K1", "101", "dagpenge", "total", "total")).toBe(2);
    // The quarter's total: (41 + 31 + 91 × 0.5) / 91 = 117.5/91 = 1.291 → 1.3; men 41/91 → 0.5;
    // women (31 + 45.5)/91 = 0.841 → 0.8.
    expect(v("2024K1", "DK", "total", "total", "total")).toBe(3);
    expect(v("2024K1", "DK", "total", "total", "total", "fte")).toBe(1.3);
    expect(v("2024K1", "DK", "total", "total", "M", "fte")).toBe(0.5);
    expect(v("2024K1", "DK", "total", "total", "K", "fte")).toBe(0.8);
    expect(v("2024K1", "DK", "total", "0-15", "total")).toBe(0);
  });
});
