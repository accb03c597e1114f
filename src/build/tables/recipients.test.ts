import { describe, expect, it } from "vitest";
import { buildTableForTest, type PublishedCell } from "../test-harness.ts";
import { recipients } from "./recipients.ts";

function value(cells: PublishedCell[], period: string, area: string, benefit: string, measure: string) {
  const cell = cells.find(
    (c) => c.period === period && c.area === area && c.benefit === benefit && c.measure === measure,
  );
  if (!cell) throw new Error(`no cell ${period} ${area} ${benefit} ${measure}`);
  return cell.value;
}

const person = (id: number, birth = "1980-05-05", gender = "M") => ({
  person_id: id,
  birth_date: birth,
  gender,
});

describe("recipients", () => {
  it("counts persons and full-time persons per month from days × degree", async () => {
    const cells = await buildTableForTest(
      recipients,
      {
        benefit_periods: [
          // 22 days in January 2024 (10th–31st) and 15 in February.
          {
            ...person(1),
            benefit: "dagpenge",
            municipality: "101",
            akasse: "D86",
            start: "2024-01-10",
            end: "2024-02-15",
          },
          // Open-ended at half degree: runs to the end of the data month (February 2024 has 29 days).
          {
            ...person(2),
            benefit: "kontanthjaelp",
            municipality: "147",
            start: "2023-12-01",
            end: null,
            degree: 0.5,
          },
        ],
      },
      { firstMonth: "2024M01", throughMonth: "2024M02" },
    );
    expect(value(cells, "2024M01", "101", "dagpenge", "persons")).toBe(1);
    expect(value(cells, "2024M01", "101", "dagpenge", "fte")).toBe(0.7); // 22/31 = 0.709…
    expect(value(cells, "2024M02", "101", "dagpenge", "fte")).toBe(0.5); // 15/29 = 0.517…
    expect(value(cells, "2024M02", "147", "kontanthjaelp", "fte")).toBe(0.5); // 29 × 0.5 / 29
    expect(value(cells, "2024M01", "DK", "total", "persons")).toBe(2);
    expect(value(cells, "2024M01", "1084", "total", "persons")).toBe(2); // both in Hovedstaden
    expect(value(cells, "2024M01", "DK", "total", "fte")).toBe(1.2); // 0.7097 + 0.5 = 1.2097
    expect(value(cells, "2024M01", "751", "total", "persons")).toBe(0);
  });

  it("counts an overlapping day once at the highest degree, and caps the total at 1", async () => {
    const cells = await buildTableForTest(
      recipients,
      {
        benefit_periods: [
          {
            ...person(1),
            benefit: "sygedagpenge",
            municipality: "101",
            start: "2024-03-01",
            end: "2024-03-31",
            degree: 0.5,
          },
          {
            ...person(1),
            benefit: "sygedagpenge",
            municipality: "101",
            start: "2024-03-11",
            end: "2024-03-20",
            degree: 1,
          },
          {
            ...person(1),
            benefit: "kontanthjaelp",
            municipality: "101",
            start: "2024-03-01",
            end: "2024-03-31",
            degree: 0.75,
          },
        ],
      },
      { firstMonth: "2024M03", throughMonth: "2024M03" },
    );
    // sygedagpenge: 21 days at 0.5 + 10 days at 1 = 20.5 → 20.5/31 = 0.661…
    expect(value(cells, "2024M03", "101", "sygedagpenge", "fte")).toBe(0.7);
    expect(value(cells, "2024M03", "101", "sygedagpenge", "persons")).toBe(1);
    // total: 21 days at min(1, 0.5 + 0.75) = 1 and 10 days at min(1, 1.75) = 1 → 31/31
    expect(value(cells, "2024M03", "101", "total", "fte")).toBe(1);
    expect(value(cells, "2024M03", "101", "total", "persons")).toBe(1);
  });

  it("counts a person in every municipality with a benefit day, even where another owns the day's fte", async () => {
    const cells = await buildTableForTest(
      recipients,
      {
        benefit_periods: [
          {
            ...person(1),
            benefit: "sygedagpenge",
            municipality: "101",
            start: "2024-03-01",
            end: "2024-03-31",
            degree: 1,
          },
          {
            ...person(1),
            benefit: "kontanthjaelp",
            municipality: "147",
            start: "2024-03-01",
            end: "2024-03-20",
            degree: 0.5,
          },
        ],
      },
      { firstMonth: "2024M03", throughMonth: "2024M03" },
    );
    // The total's days belong to 101 (degree 1 beats 0.5) for fte, but the person had days in 147.
    expect(value(cells, "2024M03", "147", "kontanthjaelp", "persons")).toBe(1);
    expect(value(cells, "2024M03", "147", "total", "persons")).toBe(1);
    expect(value(cells, "2024M03", "147", "total", "fte")).toBe(0);
    expect(value(cells, "2024M03", "101", "total", "fte")).toBe(1); // min(1, 1 + 0.5) over 31 days
    expect(value(cells, "2024M03", "1084", "total", "persons")).toBe(1);
  });
});
