import { describe, expect, it } from "vitest";
import { cellValue } from "../cells-for-test.ts";
import { buildTableForTest } from "../test-harness.ts";
import { catalogueProblems } from "../validate-catalogue.ts";
import { educationUptake } from "./education-uptake.ts";

const person = (id: number) => ({ person_id: id, birth_date: "2001-04-04", gender: "K" });

const onBenefit = (id: number, benefit: string, municipality: string, start: string, end: string | null) => ({
  ...person(id),
  benefit,
  municipality,
  start,
  end,
});

const enrolled = (id: number, level: string, start: string, end: string | null) => ({
  ...person(id),
  level,
  start,
  end,
});

const at = (period: string, area: string, benefit: string, level: string) => ({
  period,
  area,
  benefit,
  level,
});

describe("education-uptake", () => {
  it("is a valid catalogue entry", () => {
    expect(catalogueProblems([educationUptake])).toEqual([]);
  });

  it("counts persons enrolled on one of their benefit days, not merely in the same period", async () => {
    const cells = await buildTableForTest(
      educationUptake,
      {
        benefit_periods: [
          onBenefit(1, "uddannelseshjaelp", "101", "2024-01-01", "2024-01-31"),
          onBenefit(2, "kontanthjaelp", "101", "2024-01-01", "2024-01-15"),
          onBenefit(3, "kontanthjaelp", "147", "2024-03-01", null),
          onBenefit(4, "sygedagpenge", "101", "2024-02-01", "2024-02-29"),
          onBenefit(4, "kontanthjaelp", "101", "2024-02-01", "2024-02-29"),
          onBenefit(5, "kontanthjaelp", "101", "2024-03-01", null),
        ],
        education: [
          // Person 1: enrolled in February, after the benefit ended in January: never counted.
          enrolled(1, "erhvervsfaglig", "2024-02-01", "2024-02-28"),
          // Person 2: enrolment starts on the last benefit day (15 January), open-ended.
          enrolled(2, "gymnasial", "2024-01-15", null),
          // Person 3: both open-ended, enrolled since before the first month.
          enrolled(3, "lang", "2023-09-01", null),
          // Person 4: on two benefits in February with enrolments at two levels.
          enrolled(4, "kort", "2024-02-10", "2024-02-12"),
          enrolled(4, "mellemlang", "2024-02-20", "2024-02-21"),
          // Person 5: enrolment starts after the data month.
          enrolled(5, "lang", "2024-04-01", null),
        ],
      },
      { firstMonth: "2024M01", throughMonth: "2024M03" },
    );
    expect(cellValue(cells, at("2024M01", "101", "uddannelseshjaelp", "total"), "persons")).toBe(0);
    expect(cellValue(cells, at("2024K1", "101", "uddannelseshjaelp", "erhvervsfaglig"), "persons")).toBe(0);
    expect(cellValue(cells, at("2024K1", "DK", "uddannelseshjaelp", "total"), "persons")).toBe(0);
    // Person 2: one shared day in January; no benefit days in February.
    expect(cellValue(cells, at("2024M01", "101", "kontanthjaelp", "gymnasial"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024M02", "101", "kontanthjaelp", "gymnasial"), "persons")).toBe(0);
    expect(cellValue(cells, at("2024M03", "147", "kontanthjaelp", "lang"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024M03", "101", "kontanthjaelp", "lang"), "persons")).toBe(0); // person 5
    // Person 4 in February counts under each benefit and level and once in every total.
    expect(cellValue(cells, at("2024M02", "101", "sygedagpenge", "kort"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024M02", "101", "sygedagpenge", "mellemlang"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024M02", "101", "sygedagpenge", "total"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024M02", "101", "total", "kort"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024M02", "101", "total", "total"), "persons")).toBe(1);
    // Q1: persons 2 and 4 in 101; 2, 3 and 4 in Hovedstaden and on kontanthjælp in DK.
    expect(cellValue(cells, at("2024K1", "101", "total", "total"), "persons")).toBe(2);
    expect(cellValue(cells, at("2024K1", "1084", "total", "total"), "persons")).toBe(3);
    expect(cellValue(cells, at("2024K1", "DK", "kontanthjaelp", "total"), "persons")).toBe(3);
    expect(cellValue(cells, at("2024K1", "DK", "total", "lang"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024K1", "DK", "total", "ukendt"), "persons")).toBe(0);
  });

  it("counts a person who moves between two municipalities of one region once in the region and the year", async () => {
    const cells = await buildTableForTest(
      educationUptake,
      {
        benefit_periods: [
          onBenefit(1, "kontanthjaelp", "101", "2024-01-01", "2024-01-15"),
          onBenefit(1, "kontanthjaelp", "147", "2024-01-16", "2024-01-31"),
        ],
        education: [enrolled(1, "ukendt", "2023-08-15", "2024-06-30")],
      },
      { firstMonth: "2024M01", throughMonth: "2024M12" },
      { where: "area IN ('101', '147', '1084', 'DK')" }, // the areas asserted below: a year's full cube is ~1 M cells
    );
    expect(cellValue(cells, at("2024M01", "101", "kontanthjaelp", "ukendt"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024M01", "147", "kontanthjaelp", "ukendt"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024M01", "1084", "kontanthjaelp", "ukendt"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024", "1084", "total", "total"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024", "DK", "total", "total"), "persons")).toBe(1);
    // Still enrolled in February, but no longer on a benefit.
    expect(cellValue(cells, at("2024M02", "DK", "total", "total"), "persons")).toBe(0);
  });
});
