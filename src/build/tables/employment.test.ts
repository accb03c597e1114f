import { describe, expect, it } from "vitest";
import { cellValue } from "../cells-for-test.ts";
import { buildTableForTest } from "../test-harness.ts";
import { catalogueProblems } from "../validate-catalogue.ts";
import { employment } from "./employment.ts";

const paid = (id: number, month: string, hours: number, municipality: string | null) => ({
  person_id: id,
  birth_date: "1990-10-10",
  gender: "M",
  month,
  hours,
  municipality,
});

const at = (period: string, area: string) => ({ period, area });

describe("employment", () => {
  it("is a valid catalogue entry with `ukendt` as an extra area", () => {
    expect(catalogueProblems([employment])).toEqual([]);
    expect(employment.dimensions[1]?.extraCodes?.map((c) => c.code)).toEqual(["ukendt"]);
  });

  it("counts persons with at least 80 hours in a month of the period, summing hours per person, month and area", async () => {
    const cells = await buildTableForTest(
      employment,
      {
        employment: [
          paid(1, "2024-01-01", 80, "101"), // exactly 80: employed
          paid(1, "2024-02-01", 79, "101"), // 79: not employed
          paid(2, "2024-03-01", 50, "101"), // two rows in one month and municipality: 90
          paid(2, "2024-03-01", 40, "101"),
          paid(3, "2024-03-01", 50, "101"), // 50 + 40 in two municipalities of Hovedstaden
          paid(3, "2024-03-01", 40, "147"),
          paid(4, "2024-04-01", 100, null), // no workplace: ukendt and DK
          paid(5, "2024-04-01", 30, null), // 30 unknown + 60 in Aarhus: employed in DK only
          paid(5, "2024-04-01", 60, "751"),
          paid(6, "2024-12-01", 160, "751"),
          paid(6, "2025-01-01", 160, "751"), // after the data month
        ],
      },
      { firstMonth: "2024M01", throughMonth: "2024M12" },
    );
    expect(cellValue(cells, at("2024M01", "101"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024M01", "101"), "hours")).toBe(80);
    expect(cellValue(cells, at("2024M02", "101"), "persons")).toBe(0);
    expect(cellValue(cells, at("2024M02", "101"), "hours")).toBe(79);
    // March in 101: person 2 (90), not person 3 (50); in 147 person 3 has 40; in Hovedstaden 90.
    expect(cellValue(cells, at("2024M03", "101"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024M03", "147"), "persons")).toBe(0);
    expect(cellValue(cells, at("2024M03", "147"), "hours")).toBe(40);
    expect(cellValue(cells, at("2024M03", "1084"), "persons")).toBe(2);
    expect(cellValue(cells, at("2024M03", "1084"), "hours")).toBe(180);
    // Q1 in 101: persons 1 (January) and 2 (March); hours 80 + 79 + 90 + 50 = 299.
    expect(cellValue(cells, at("2024K1", "101"), "persons")).toBe(2);
    expect(cellValue(cells, at("2024K1", "101"), "hours")).toBe(299);
    expect(cellValue(cells, at("2024K1", "1084"), "persons")).toBe(3);
    expect(cellValue(cells, at("2024K1", "1084"), "hours")).toBe(339);
    // April: ukendt has person 4 (100) and person 5's 30 hours; DK has both persons.
    expect(cellValue(cells, at("2024M04", "ukendt"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024M04", "ukendt"), "hours")).toBe(130);
    expect(cellValue(cells, at("2024M04", "DK"), "persons")).toBe(2);
    expect(cellValue(cells, at("2024M04", "DK"), "hours")).toBe(190);
    expect(cellValue(cells, at("2024M04", "1082"), "persons")).toBe(0);
    expect(cellValue(cells, at("2024M04", "1082"), "hours")).toBe(60);
    expect(cellValue(cells, at("2024M04", "1084"), "hours")).toBe(0);
    // The year: all six persons in DK; 80 + 79 + 90 + 90 + 100 + 90 + 160 = 689 hours.
    expect(cellValue(cells, at("2024", "DK"), "persons")).toBe(6);
    expect(cellValue(cells, at("2024", "DK"), "hours")).toBe(689);
    expect(cellValue(cells, at("2024", "ukendt"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024", "1082"), "persons")).toBe(1); // person 6 only
    expect(cellValue(cells, at("2024", "1082"), "hours")).toBe(220);
    expect(cellValue(cells, at("2024K4", "JC751"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024M12", "751"), "hours")).toBe(160);
  });

  it("counts a person employed in two municipalities of one region once in the region", async () => {
    const cells = await buildTableForTest(
      employment,
      {
        employment: [
          paid(1, "2024-01-01", 100, "101"),
          paid(1, "2024-02-01", 100, "147"),
          paid(1, "2024-03-01", 120.4, "147"),
        ],
      },
      { firstMonth: "2024M01", throughMonth: "2024M03" },
    );
    expect(cellValue(cells, at("2024K1", "101"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024K1", "147"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024K1", "1084"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024K1", "RAR7"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024K1", "DK"), "persons")).toBe(1);
    expect(cellValue(cells, at("2024K1", "ukendt"), "persons")).toBe(0);
    // 320.4 hours, published without decimals.
    expect(cellValue(cells, at("2024K1", "DK"), "hours")).toBe(320);
  });
});
