import { describe, expect, it } from "vitest";
import { cellStatus, cellValue } from "../cells-for-test.ts";
import { buildTableForTest } from "../test-harness.ts";
import { catalogueProblems } from "../validate-catalogue.ts";
import { interviews } from "./interviews.ts";

const interview = (
  id: number,
  heldBy: "jobcenter" | "akasse",
  date: string,
  municipality: string | null,
  kind: string | null,
  due: string | null,
) => ({
  person_id: id,
  birth_date: "1979-02-03",
  gender: "M",
  held_by: heldBy,
  date,
  municipality,
  akasse: heldBy === "akasse" ? "D86" : null,
  kind,
  due,
});

const at = (period: string, area: string, heldBy: string, kind: string) => ({
  period,
  area,
  held_by: heldBy,
  kind,
});

describe("interviews", () => {
  it("is a valid catalogue entry", () => {
    expect(catalogueProblems([interviews])).toEqual([]);
  });

  it("counts interviews by date per month, quarter and year, and the share held on or before the due date", async () => {
    const cells = await buildTableForTest(
      interviews,
      {
        interviews: [
          interview(1, "jobcenter", "2024-03-31", "101", "job", "2024-03-31"), // I1: on the due date = on time
          interview(2, "jobcenter", "2024-04-01", "101", "cv", "2024-03-31"), // I2: one day late
          interview(3, "jobcenter", "2024-04-15", "147", "job", null), // I3: no due date
          interview(4, "akasse", "2024-04-20", null, "joint", "2024-05-01"), // I4: no municipality, on time
          interview(5, "akasse", "2024-12-31", "751", null, "2024-12-01"), // I5: kind defaults to job, late
          interview(6, "jobcenter", "2025-01-01", "101", "job", null), // after the data month
          interview(7, "jobcenter", "2023-12-31", "101", "job", null), // before the first month
        ],
      },
      { firstMonth: "2024M01", throughMonth: "2024M12" },
    );
    expect(cellValue(cells, at("2024M03", "101", "jobcenter", "job"), "interviews")).toBe(1);
    expect(cellValue(cells, at("2024M03", "101", "jobcenter", "job"), "on_time_rate")).toBe(100);
    expect(cellValue(cells, at("2024K1", "DK", "total", "total"), "interviews")).toBe(1);
    expect(cellValue(cells, at("2024M04", "101", "jobcenter", "cv"), "interviews")).toBe(1);
    // Late: 0 %, an ordinary zero.
    expect(cellValue(cells, at("2024M04", "101", "jobcenter", "cv"), "on_time_rate")).toBe(0);
    expect(cellStatus(cells, at("2024M04", "101", "jobcenter", "cv"), "on_time_rate")).toBe("");
    // 147 has one interview and no due date: the rate does not apply.
    expect(cellValue(cells, at("2024M04", "147", "total", "total"), "interviews")).toBe(1);
    expect(cellStatus(cells, at("2024M04", "147", "total", "total"), "on_time_rate")).toBe("-");
    // April in DK: I2, I3, I4; with a due date I2 (late) and I4 (on time) → 50 %.
    expect(cellValue(cells, at("2024M04", "DK", "total", "total"), "interviews")).toBe(3);
    expect(cellValue(cells, at("2024M04", "DK", "total", "total"), "on_time_rate")).toBe(50);
    expect(cellValue(cells, at("2024M04", "DK", "akasse", "joint"), "interviews")).toBe(1);
    expect(cellValue(cells, at("2024M04", "DK", "akasse", "joint"), "on_time_rate")).toBe(100);
    // I4 has no municipality: it is in DK only, so Hovedstaden has I2 and I3 (due: I2 late → 0 %).
    expect(cellValue(cells, at("2024M04", "1084", "total", "total"), "interviews")).toBe(2);
    expect(cellValue(cells, at("2024M04", "1084", "total", "total"), "on_time_rate")).toBe(0);
    expect(cellValue(cells, at("2024M04", "1084", "akasse", "total"), "interviews")).toBe(0);
    expect(cellValue(cells, at("2024K2", "DK", "total", "total"), "on_time_rate")).toBe(50);
    // An a-kasse interview with a municipality counts in its areas.
    expect(cellValue(cells, at("2024M12", "751", "akasse", "job"), "interviews")).toBe(1);
    expect(cellValue(cells, at("2024K4", "1082", "akasse", "total"), "interviews")).toBe(1);
    // The year: I1–I5; with a due date I1, I2, I4, I5, of which I1 and I4 on time → 50 %.
    expect(cellValue(cells, at("2024", "DK", "total", "total"), "interviews")).toBe(5);
    expect(cellValue(cells, at("2024", "DK", "total", "total"), "on_time_rate")).toBe(50);
    // Job centre: I1, I2, I3; due I1 (on time), I2 (late).
    expect(cellValue(cells, at("2024", "DK", "jobcenter", "total"), "interviews")).toBe(3);
    expect(cellValue(cells, at("2024", "DK", "jobcenter", "total"), "on_time_rate")).toBe(50);
    // Kind job: I1, I3, I5; due I1 (on time), I5 (late).
    expect(cellValue(cells, at("2024", "DK", "total", "job"), "interviews")).toBe(3);
    expect(cellValue(cells, at("2024", "DK", "total", "job"), "on_time_rate")).toBe(50);
    expect(cellValue(cells, at("2024", "1084", "total", "total"), "interviews")).toBe(3);
    expect(cellValue(cells, at("2024", "JC101", "total", "total"), "interviews")).toBe(2);
    // A month without interviews: 0 interviews, rate not applicable.
    expect(cellValue(cells, at("2024M05", "DK", "total", "total"), "interviews")).toBe(0);
    expect(cellStatus(cells, at("2024M05", "DK", "total", "total"), "on_time_rate")).toBe("-");
  });

  it("rounds the on-time share to one decimal only at publication", async () => {
    const cells = await buildTableForTest(
      interviews,
      {
        interviews: [
          interview(1, "jobcenter", "2024-02-01", "101", "job", "2024-02-01"),
          interview(2, "jobcenter", "2024-02-02", "101", "job", "2024-02-01"),
          interview(3, "jobcenter", "2024-02-29", "101", "job", "2024-03-01"),
        ],
      },
      { firstMonth: "2024M02", throughMonth: "2024M02" },
    );
    // 2 of 3 on time (29 February, the leap day, is before its due date): 66.66… → 66.7.
    expect(cellValue(cells, at("2024M02", "101", "jobcenter", "job"), "on_time_rate")).toBe(66.7);
    expect(cellValue(cells, at("2024M02", "101", "jobcenter", "job"), "interviews")).toBe(3);
  });
});
