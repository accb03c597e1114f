import { describe, expect, it } from "vitest";
import { DISCO_MAJOR_GROUPS } from "../../reference/codes.ts";
import { cellValue } from "../cells-for-test.ts";
import { buildTableForTest } from "../test-harness.ts";
import { catalogueProblems } from "../validate-catalogue.ts";
import { openings } from "./openings.ts";

const opening = (
  id: string,
  municipality: string,
  occupation: string,
  posted: string,
  positions: number | null,
) => ({
  opening_id: id,
  municipality,
  occupation,
  posted,
  positions,
});

const at = (period: string, area: string, occupation: string) => ({ period, area, occupation });

describe("openings", () => {
  it("is a valid catalogue entry with the ten DISCO-08 major groups and a total", () => {
    expect(catalogueProblems([openings])).toEqual([]);
    const dim = openings.dimensions.find((d) => d.id === "occupation");
    expect(dim?.codes?.map((c) => c.code)).toEqual([
      "total",
      "0",
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
    ]);
    expect(dim?.codes?.[3]?.label).toEqual(DISCO_MAJOR_GROUPS[2]?.label);
  });

  it("counts openings and positions by posting date, workplace area and first digit of the occupation", async () => {
    const cells = await buildTableForTest(
      openings,
      {
        job_openings: [
          opening("a", "101", "2512", "2024-01-31", 3),
          opening("b", "147", "2", "2024-02-01", null), // no positions given → 1
          opening("c", "751", "0110", "2024-03-31", 2), // major group 0 (leading zero kept)
          opening("d", "101", "9112", "2024-04-01", 1),
          opening("e", "101", "2512", "2025-01-05", 1), // after the data month
          opening("f", "101", "2512", "2023-12-31", 1), // before the first month
        ],
      },
      { firstMonth: "2024M01", throughMonth: "2024M12" },
    );
    expect(cellValue(cells, at("2024M01", "101", "2"), "openings")).toBe(1);
    expect(cellValue(cells, at("2024M01", "101", "2"), "positions")).toBe(3);
    expect(cellValue(cells, at("2024M02", "147", "2"), "positions")).toBe(1);
    expect(cellValue(cells, at("2024M02", "101", "2"), "openings")).toBe(0);
    // Q1 in Hovedstaden: a (3 positions) and b (1).
    expect(cellValue(cells, at("2024K1", "1084", "2"), "openings")).toBe(2);
    expect(cellValue(cells, at("2024K1", "1084", "2"), "positions")).toBe(4);
    expect(cellValue(cells, at("2024K1", "1084", "total"), "positions")).toBe(4);
    expect(cellValue(cells, at("2024K1", "1082", "0"), "openings")).toBe(1);
    expect(cellValue(cells, at("2024K1", "1082", "0"), "positions")).toBe(2);
    // Q1 in DK: a, b, c with 3 + 1 + 2 positions; d (1 April) belongs to Q2.
    expect(cellValue(cells, at("2024K1", "DK", "total"), "openings")).toBe(3);
    expect(cellValue(cells, at("2024K1", "DK", "total"), "positions")).toBe(6);
    expect(cellValue(cells, at("2024K2", "JC101", "9"), "openings")).toBe(1);
    // The year: a–d, 7 positions; nothing in group 5.
    expect(cellValue(cells, at("2024", "DK", "total"), "openings")).toBe(4);
    expect(cellValue(cells, at("2024", "DK", "total"), "positions")).toBe(7);
    expect(cellValue(cells, at("2024", "RAR7", "total"), "openings")).toBe(3);
    expect(cellValue(cells, at("2024", "DK", "5"), "openings")).toBe(0);
    expect(cellValue(cells, at("2024", "DK", "5"), "positions")).toBe(0);
  });

  it("treats the opening count as the sensitive count, so a cell of 1–4 openings is suppressed", async () => {
    const cells = await buildTableForTest(
      openings,
      { job_openings: [opening("a", "101", "2512", "2024-01-15", 12)] },
      { firstMonth: "2024M01", throughMonth: "2024M01" },
      { protected: true },
    );
    expect(cellValue(cells, at("2024M01", "101", "2"), "positions")).toBe(null);
    expect(cellValue(cells, at("2024M01", "101", "total"), "openings")).toBe(null);
  });
});
