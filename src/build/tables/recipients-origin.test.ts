// Hand-computed cases of `recipients-origin` (CONTRACT.md §5, §6): origin from the latest `persons`
// delivery (batch, then line), `ukendt` without one, totals over origins, a mover, fte.
import { describe, expect, it } from "vitest";
import { codesOf, ORIGINS } from "../../reference/codes.ts";
import { cellValue } from "../cells-for-test.ts";
import { buildTableForTest, type PublishedCell } from "../test-harness.ts";
import { recipientsOrigin } from "./recipients-origin.ts";

function cell(cells: readonly PublishedCell[]) {
  return (period: string, area: string, benefit: string, origin: string, measure = "persons") =>
    cellValue(cells, { period, area, benefit, origin }, measure);
}

const person = (id: number, birth = "1980-05-05", gender = "M") => ({
  person_id: id,
  birth_date: birth,
  gender,
});

const ALL_ORIGINS = [...codesOf(ORIGINS), "ukendt"];

describe("recipients-origin", () => {
  it("takes origin from the latest persons delivery, ukendt without one, and adds up over origins", async () => {
    const cells = await buildTableForTest(
      recipientsOrigin,
      {
        benefit_periods: [
          // P1: all of January and February 2024 in 101.
          {
            ...person(1),
            benefit: "kontanthjaelp",
            municipality: "101",
            start: "2024-01-01",
            end: "2024-02-29",
          },
          // P2: 10–31 January (22 days) at half degree in 147.
          {
            ...person(2, "1985-03-03", "K"),
            benefit: "kontanthjaelp",
            municipality: "147",
            start: "2024-01-10",
            end: "2024-01-31",
            degree: 0.5,
          },
          // P3: all of January in 101; its latest persons row has no origin.
          {
            ...person(3, "1990-01-01", "K"),
            benefit: "kontanthjaelp",
            municipality: "101",
            start: "2024-01-01",
            end: "2024-01-31",
          },
          // P4 moves from 101 (Hovedstaden) to 751 (Midtjylland) on 16 January; open-ended (→ 29 February).
          {
            ...person(4),
            benefit: "dagpenge",
            municipality: "101",
            akasse: "D86",
            start: "2024-01-01",
            end: "2024-01-15",
          },
          {
            ...person(4),
            benefit: "dagpenge",
            municipality: "751",
            akasse: "D86",
            start: "2024-01-16",
            end: null,
          },
        ],
        persons: [
          // P1: batch 2 is later than batch 1, whatever the lines: indvandrer-ikke-vestlig.
          { ...person(1), origin: "indvandrer-ikke-vestlig", batch: 2, line: 2 },
          { ...person(1), origin: "dansk", batch: 1, line: 50 },
          // P2: two rows in one batch: the later line (3) wins: dansk.
          { ...person(2, "1985-03-03", "K"), origin: "efterkommer-vestlig", batch: 3, line: 2 },
          { ...person(2, "1985-03-03", "K"), origin: "dansk", batch: 3, line: 3 },
          { ...person(4), origin: "indvandrer-vestlig", batch: 1, line: 2 },
          // P3: the latest row (batch 2) has no origin: unknown now, whatever batch 1 said.
          { ...person(3, "1990-01-01", "K"), origin: "dansk", batch: 1, line: 4 },
          { ...person(3, "1990-01-01", "K"), origin: null, batch: 2, line: 5 },
          // P9 has background but no benefit: counted nowhere.
          { ...person(9), origin: "efterkommer-ikke-vestlig", batch: 1, line: 3 },
        ],
      },
      { firstMonth: "2024M01", throughMonth: "2024M02" },
      { where: "area IN ('DK', '1084', '1082', '101', '147', '751')" },
    );
    const v = cell(cells);
    // January, DK, all benefits: P1 indvandrer-ikke-vestlig, P2 dansk, P3 ukendt, P4 indvandrer-vestlig.
    expect(v("2024M01", "DK", "total", "total")).toBe(4);
    expect(v("2024M01", "DK", "total", "indvandrer-ikke-vestlig")).toBe(1);
    expect(v("2024M01", "DK", "total", "dansk")).toBe(1);
    expect(v("2024M01", "DK", "total", "efterkommer-vestlig")).toBe(0); // P2's earlier line
    expect(v("2024M01", "DK", "total", "ukendt")).toBe(1);
    expect(v("2024M01", "DK", "total", "indvandrer-vestlig")).toBe(1);
    expect(v("2024M01", "DK", "total", "efterkommer-ikke-vestlig")).toBe(0); // P9 had no benefit
    // fte: P1 31/31, P2 22 × 0.5 / 31 = 0.355 → 0.4, P3 31/31, P4 (15 + 16)/31 = 1;
    // total (31 + 11 + 31 + 31) / 31 = 104/31 = 3.355 → 3.4.
    expect(v("2024M01", "DK", "total", "total", "fte")).toBe(3.4);
    expect(v("2024M01", "DK", "total", "dansk", "fte")).toBe(0.4);
    expect(v("2024M01", "DK", "total", "ukendt", "fte")).toBe(1);
    expect(v("2024M01", "DK", "total", "indvandrer-ikke-vestlig", "fte")).toBe(1);
    expect(v("2024M01", "DK", "dagpenge", "indvandrer-vestlig", "fte")).toBe(1);
    // The mover: in 101 (15 days: 15/31 = 0.484) and 751 (16 days: 16/31 = 0.516), once in DK.
    expect(v("2024M01", "101", "dagpenge", "indvandrer-vestlig")).toBe(1);
    expect(v("2024M01", "101", "dagpenge", "indvandrer-vestlig", "fte")).toBe(0.5);
    expect(v("2024M01", "751", "dagpenge", "indvandrer-vestlig")).toBe(1);
    expect(v("2024M01", "751", "dagpenge", "indvandrer-vestlig", "fte")).toBe(0.5);
    expect(v("2024M01", "1084", "dagpenge", "indvandrer-vestlig")).toBe(1);
    expect(v("2024M01", "1082", "dagpenge", "indvandrer-vestlig")).toBe(1);
    expect(v("2024M01", "DK", "dagpenge", "indvandrer-vestlig")).toBe(1);
    expect(v("2024M01", "DK", "dagpenge", "total")).toBe(1);
    // Areas: 101 has P1, P3, P4; 147 has P2; Hovedstaden all four once.
    expect(v("2024M01", "101", "total", "total")).toBe(3);
    expect(v("2024M01", "147", "total", "dansk")).toBe(1);
    expect(v("2024M01", "147", "total", "dansk", "fte")).toBe(0.4);
    expect(v("2024M01", "1084", "total", "total")).toBe(4);
    expect(v("2024M01", "1082", "total", "total")).toBe(1);
    // February (29 days): P1 and P4 only; P4 all 29 days in 751 (open-ended).
    expect(v("2024M02", "DK", "total", "total")).toBe(2);
    expect(v("2024M02", "DK", "total", "dansk")).toBe(0);
    expect(v("2024M02", "DK", "total", "ukendt")).toBe(0);
    expect(v("2024M02", "751", "dagpenge", "indvandrer-vestlig", "fte")).toBe(1);
    expect(v("2024M02", "101", "dagpenge", "indvandrer-vestlig")).toBe(0);
    expect(v("2024M02", "DK", "total", "total", "fte")).toBe(2);
    // The origins (ukendt included) add up to the total in every period, area and benefit.
    for (const p of ["2024M01", "2024M02"]) {
      for (const area of ["DK", "1084", "1082", "101", "147", "751"]) {
        for (const benefit of ["dagpenge", "kontanthjaelp", "total"]) {
          const sum = ALL_ORIGINS.reduce((s, o) => s + Number(v(p, area, benefit, o)), 0);
          expect(sum).toBe(v(p, area, benefit, "total"));
        }
      }
    }
  });
});
