import { describe, expect, it } from "vitest";
import { AKASSER } from "../../reference/akasser.ts";
import { cellValue } from "../cells-for-test.ts";
import { buildTableForTest } from "../test-harness.ts";
import { catalogueProblems } from "../validate-catalogue.ts";
import { recipientsAkasse } from "./recipients-akasse.ts";

const period = (
  id: number,
  benefit: string,
  akasse: string,
  start: string,
  end: string | null,
  degree: number,
) => ({
  person_id: id,
  birth_date: "1962-08-08",
  gender: "K",
  benefit,
  municipality: "101",
  akasse,
  start,
  end,
  degree,
});

const at = (p: string, akasse: string, benefit: string) => ({ period: p, akasse, benefit });

describe("recipients-akasse", () => {
  it("is a valid catalogue entry with the 21 a-kasser, dagpenge and efterløn, and no area", () => {
    expect(catalogueProblems([recipientsAkasse])).toEqual([]);
    expect(recipientsAkasse.dimensions.map((d) => d.id)).toEqual(["period", "akasse", "benefit"]);
    const akasser = recipientsAkasse.dimensions[1]?.codes?.map((c) => c.code);
    expect(akasser).toEqual(["total", ...AKASSER.map((a) => a.code)]);
    expect(akasser).toHaveLength(22);
    expect(recipientsAkasse.dimensions[2]?.codes?.map((c) => c.code)).toEqual([
      "total",
      "dagpenge",
      "efterloen",
    ]);
  });

  it("counts days once at the highest degree per a-kasse, adds degrees over the two benefits, capped at 1", async () => {
    const cells = await buildTableForTest(
      recipientsAkasse,
      {
        benefit_periods: [
          // Person 1 in January: dagpenge from two a-kasser overlapping on the 11th–20th, and efterløn
          // (open-ended, to 31 March) at 0.7.
          period(1, "dagpenge", "D86", "2024-01-01", "2024-01-20", 0.5),
          period(1, "dagpenge", "D15", "2024-01-11", "2024-01-31", 1),
          period(1, "efterloen", "D86", "2024-01-01", null, 0.7),
          // Person 2: two overlapping dagpenge periods in one a-kasse: 20 Feb–10 Mar at 1 (10 days in
          // February, a leap year; 10 in March), 11–31 March at 0.6 (21 days → 12.6).
          period(2, "dagpenge", "D86", "2024-02-20", "2024-03-10", 1),
          period(2, "dagpenge", "D86", "2024-03-01", "2024-03-31", 0.6),
          // Person 3: kontanthjælp with an a-kasse is not in the table.
          period(3, "kontanthjaelp", "D86", "2024-01-01", "2024-01-31", 1),
        ],
      },
      { firstMonth: "2024M01", throughMonth: "2024M03" },
    );
    // January (31 days).
    expect(cellValue(cells, at("2024M01", "D86", "dagpenge"), "fte")).toBe(0.3); // 20 × 0.5 = 10 → 0.32…
    expect(cellValue(cells, at("2024M01", "D15", "dagpenge"), "fte")).toBe(0.7); // 21 → 0.677…
    // Dagpenge over a-kasser: days 1–10 at 0.5, 11–31 at max(0.5, 1) = 1 → 26 → 0.838…
    expect(cellValue(cells, at("2024M01", "total", "dagpenge"), "fte")).toBe(0.8);
    expect(cellValue(cells, at("2024M01", "total", "dagpenge"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024M01", "D86", "efterloen"), "fte")).toBe(0.7);
    // D86 both benefits: days 1–20 min(1, 0.5 + 0.7) = 1; 21–31 0.7 × 11 = 7.7 → 27.7 → 0.893…
    expect(cellValue(cells, at("2024M01", "D86", "total"), "fte")).toBe(0.9);
    expect(cellValue(cells, at("2024M01", "D86", "total"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024M01", "D15", "total"), "fte")).toBe(0.7);
    // Everything: days 1–10 min(1, 0.5 + 0.7) = 1, days 11–31 min(1, 1 + 0.7) = 1 → 31/31.
    expect(cellValue(cells, at("2024M01", "total", "total"), "fte")).toBe(1);
    expect(cellValue(cells, at("2024M01", "total", "total"), "persons")).toBe(1);
    // February (29 days): person 1 efterløn 29 × 0.7 = 20.3; person 2 dagpenge 10 days.
    expect(cellValue(cells, at("2024M02", "D86", "dagpenge"), "fte")).toBe(0.3); // 10/29 = 0.344…
    expect(cellValue(cells, at("2024M02", "D86", "total"), "persons")).toBe(2);
    expect(cellValue(cells, at("2024M02", "D86", "total"), "fte")).toBe(1); // 30.3/29 = 1.044…
    expect(cellValue(cells, at("2024M02", "D15", "total"), "persons")).toBe(0);
    // Q1 (91 days). D86 dagpenge: person 1 10; person 2 10 + 10 + 12.6 = 32.6 → 42.6 → 0.468…
    expect(cellValue(cells, at("2024K1", "D86", "dagpenge"), "persons")).toBe(2);
    expect(cellValue(cells, at("2024K1", "D86", "dagpenge"), "fte")).toBe(0.5);
    // Dagpenge over a-kasser: 26 + 32.6 = 58.6 → 0.643…
    expect(cellValue(cells, at("2024K1", "total", "dagpenge"), "fte")).toBe(0.6);
    expect(cellValue(cells, at("2024K1", "D15", "dagpenge"), "fte")).toBe(0.2); // 21/91 = 0.23…
    // Everything: person 1 31 + 20.3 + 21.7 = 73; person 2 32.6 → 105.6/91 = 1.160…
    expect(cellValue(cells, at("2024K1", "total", "total"), "fte")).toBe(1.2);
    expect(cellValue(cells, at("2024K1", "total", "total"), "persons")).toBe(2);
    expect(cellValue(cells, at("2024K1", "total", "efterloen"), "fte")).toBe(0.7); // 91 × 0.7 / 91
  });

  it("counts a person who changes a-kasse in each a-kasse and once in the total, and month-split rows as one", async () => {
    const cells = await buildTableForTest(
      recipientsAkasse,
      {
        benefit_periods: [
          // Starts before the first published month: only 1–5 January count.
          period(1, "dagpenge", "D53", "2023-12-15", "2024-01-05", 1),
          period(1, "dagpenge", "D73", "2024-01-06", null, 1),
          // Person 2: a delivery split by month at 0.5, and 5–10 March at full degree on top of it.
          period(2, "dagpenge", "D22", "2024-01-01", "2024-01-31", 0.5),
          period(2, "dagpenge", "D22", "2024-02-01", "2024-02-29", 0.5),
          period(2, "dagpenge", "D22", "2024-03-01", "2024-03-31", 0.5),
          period(2, "dagpenge", "D22", "2024-03-05", "2024-03-10", 1),
        ],
      },
      { firstMonth: "2024M01", throughMonth: "2024M12" },
    );
    expect(cellValue(cells, at("2024", "D53", "dagpenge"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024", "D53", "dagpenge"), "fte")).toBe(0); // 5/366 = 0.014
    expect(cellValue(cells, at("2024", "D73", "dagpenge"), "fte")).toBe(1); // 361/366 = 0.986
    // Person 1 once despite two a-kasser, and person 2: (366 + 48.5) / 366 = 1.13… (see below).
    expect(cellValue(cells, at("2024", "total", "dagpenge"), "persons")).toBe(2);
    expect(cellValue(cells, at("2024", "total", "dagpenge"), "fte")).toBe(1.1);
    expect(cellValue(cells, at("2024M07", "total", "dagpenge"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024M07", "total", "dagpenge"), "fte")).toBe(1); // person 1 alone
    expect(cellValue(cells, at("2024K1", "D53", "total"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024K2", "D53", "total"), "persons")).toBe(0);
    expect(cellValue(cells, at("2024M12", "D73", "dagpenge"), "fte")).toBe(1); // open-ended to 31 Dec
    // March: 4 + 21 days at 0.5 and 6 at 1 → 18.5/31 = 0.596…; Q1: 15.5 + 14.5 + 18.5 = 48.5/91 = 0.532…
    expect(cellValue(cells, at("2024M03", "D22", "dagpenge"), "fte")).toBe(0.6);
    expect(cellValue(cells, at("2024K1", "D22", "dagpenge"), "fte")).toBe(0.5);
    expect(cellValue(cells, at("2024K1", "D22", "dagpenge"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024K1", "total", "dagpenge"), "persons")).toBe(2);
    expect(cellValue(cells, at("2024", "D94", "dagpenge"), "persons")).toBe(0);
    expect(cellValue(cells, at("2024", "D94", "dagpenge"), "fte")).toBe(0);
  });
});
