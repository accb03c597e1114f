import { describe, expect, it } from "vitest";
import { buildTableForTest, type PublishedCell } from "../test-harness.ts";
import { flows } from "./flows.ts";

function value(cells: PublishedCell[], period: string, area: string, benefit: string, measure: string) {
  const cell = cells.find(
    (c) => c.period === period && c.area === area && c.benefit === benefit && c.measure === measure,
  );
  if (!cell) throw new Error(`no cell ${period} ${area} ${benefit} ${measure}`);
  return cell.value;
}

/** [inflow, outflow] of a cell. */
function io(cells: PublishedCell[], period: string, area: string, benefit: string) {
  return [value(cells, period, area, benefit, "inflow"), value(cells, period, area, benefit, "outflow")];
}

let line = 2;
const period = (
  id: number,
  benefit: string,
  municipality: string,
  start: string,
  end: string | null,
): Record<string, unknown> => ({
  person_id: id,
  birth_date: "1980-05-05",
  gender: "K",
  benefit,
  municipality,
  akasse: benefit === "dagpenge" ? "D86" : null,
  start,
  end,
  line: line++,
});

describe("flows", () => {
  it("joins periods 28 free days apart into one spell and splits them at 29", async () => {
    const cells = await buildTableForTest(
      flows,
      {
        benefit_periods: [
          // Person 1: free days 1–29 February 2024 (leap year) = 29 → two spells, Jan and Mar.
          period(1, "dagpenge", "101", "2024-01-01", "2024-01-31"),
          period(1, "dagpenge", "101", "2024-03-01", "2024-03-31"),
          // Person 2: free days 1–28 February = 28 → one spell 1 January – 31 March.
          period(2, "dagpenge", "101", "2024-01-01", "2024-01-31"),
          period(2, "dagpenge", "101", "2024-02-29", "2024-03-31"),
        ],
      },
      { firstMonth: "2024M01", throughMonth: "2024M06" },
    );
    // January: both persons' spells start; person 1's first spell ends on 31 January.
    expect(io(cells, "2024M01", "101", "dagpenge")).toEqual([2, 1]);
    // February: person 2's period on 29 February continues the spell: no inflow.
    expect(io(cells, "2024M02", "101", "dagpenge")).toEqual([0, 0]);
    // March: person 1's second spell starts; both spells end on 31 March (before 30 June).
    expect(io(cells, "2024M03", "101", "dagpenge")).toEqual([1, 2]);
    expect(io(cells, "2024K1", "101", "dagpenge")).toEqual([3, 3]);
    expect(io(cells, "2024K1", "DK", "total")).toEqual([3, 3]);
    expect(io(cells, "2024K2", "DK", "total")).toEqual([0, 0]);
    expect(io(cells, "2024M01", "751", "dagpenge")).toEqual([0, 0]);
  });

  it("gives a mover's inflow to the first municipality and the outflow to the last", async () => {
    const cells = await buildTableForTest(
      flows,
      {
        benefit_periods: [
          // One spell (the second period touches the first): København (Hovedstaden) → Aarhus (Midtjylland).
          period(3, "kontanthjaelp", "101", "2024-01-10", "2024-02-20"),
          period(3, "kontanthjaelp", "751", "2024-02-21", "2024-04-15"),
        ],
      },
      { firstMonth: "2024M01", throughMonth: "2024M06" },
    );
    expect(io(cells, "2024M01", "101", "kontanthjaelp")).toEqual([1, 0]);
    expect(io(cells, "2024M01", "751", "kontanthjaelp")).toEqual([0, 0]);
    // The move itself (February) is neither an outflow from 101 nor an inflow to 751.
    expect(io(cells, "2024M02", "101", "kontanthjaelp")).toEqual([0, 0]);
    expect(io(cells, "2024M02", "751", "kontanthjaelp")).toEqual([0, 0]);
    expect(io(cells, "2024M04", "751", "kontanthjaelp")).toEqual([0, 1]);
    expect(io(cells, "2024M04", "101", "kontanthjaelp")).toEqual([0, 0]);
    // Regions: the inflow in Hovedstaden (1084), the outflow in Midtjylland (1082); DK has one of each.
    expect(io(cells, "2024K1", "1084", "kontanthjaelp")).toEqual([1, 0]);
    expect(io(cells, "2024K2", "1082", "kontanthjaelp")).toEqual([0, 1]);
    expect(io(cells, "2024K1", "DK", "total")).toEqual([1, 0]);
    expect(io(cells, "2024K2", "DK", "total")).toEqual([0, 1]);
  });

  it("counts a switch between benefits per benefit but not in the total", async () => {
    const cells = await buildTableForTest(
      flows,
      {
        benefit_periods: [
          period(4, "dagpenge", "101", "2024-01-01", "2024-02-15"),
          period(4, "kontanthjaelp", "101", "2024-02-16", "2024-05-31"),
        ],
      },
      { firstMonth: "2024M01", throughMonth: "2024M06" },
    );
    expect(io(cells, "2024M01", "101", "dagpenge")).toEqual([1, 0]);
    expect(io(cells, "2024M02", "101", "dagpenge")).toEqual([0, 1]);
    expect(io(cells, "2024M02", "101", "kontanthjaelp")).toEqual([1, 0]);
    expect(io(cells, "2024M05", "101", "kontanthjaelp")).toEqual([0, 1]);
    // Total: one spell 1 January – 31 May.
    expect(io(cells, "2024M01", "101", "total")).toEqual([1, 0]);
    expect(io(cells, "2024M02", "101", "total")).toEqual([0, 0]);
    expect(io(cells, "2024M05", "101", "total")).toEqual([0, 1]);
    expect(io(cells, "2024K1", "DK", "total")).toEqual([1, 0]);
  });

  it("counts no outflow for a spell still running at the end of the data month", async () => {
    const cells = await buildTableForTest(
      flows,
      {
        benefit_periods: [
          period(5, "sygedagpenge", "101", "2024-05-01", null), // open-ended: runs to 30 June
          period(6, "sygedagpenge", "101", "2024-05-01", "2024-06-29"), // ends the day before: outflow
          period(7, "sygedagpenge", "101", "2024-05-01", "2024-06-30"), // last day = data month's end
          period(8, "sygedagpenge", "101", "2024-05-01", "2024-08-31"), // runs past the data month
        ],
      },
      { firstMonth: "2024M01", throughMonth: "2024M06" },
    );
    expect(io(cells, "2024M05", "101", "sygedagpenge")).toEqual([4, 0]);
    expect(io(cells, "2024M06", "101", "sygedagpenge")).toEqual([0, 1]);
    expect(io(cells, "2024K2", "DK", "total")).toEqual([4, 1]);
  });

  it("follows spells across a year boundary, and a quarter or year is the sum of its months", async () => {
    const cells = await buildTableForTest(
      flows,
      {
        benefit_periods: [
          // Person 8: one spell 20 December 2023 – 10 January 2024.
          period(8, "dagpenge", "101", "2023-12-20", "2024-01-10"),
          // Person 9: free days 11–31 December (21) + 1–7 January (7) = 28 → one spell 1 Nov – 31 Jan.
          period(9, "dagpenge", "101", "2023-11-01", "2023-12-10"),
          period(9, "dagpenge", "101", "2024-01-08", "2024-01-31"),
          // Person 10: free days 11 December – 8 January = 29 → spells 1 Nov – 10 Dec and 9 Jan – 10 Feb.
          period(10, "dagpenge", "101", "2023-11-01", "2023-12-10"),
          period(10, "dagpenge", "101", "2024-01-09", "2024-02-10"),
        ],
      },
      { firstMonth: "2023M01", throughMonth: "2024M03" },
    );
    expect(io(cells, "2023M11", "101", "dagpenge")).toEqual([2, 0]); // persons 9 and 10 start
    expect(io(cells, "2023M12", "101", "dagpenge")).toEqual([1, 1]); // 8 starts, 10's first spell ends
    expect(io(cells, "2024M01", "101", "dagpenge")).toEqual([1, 2]); // 10 restarts; 8 and 9 end
    expect(io(cells, "2024M02", "101", "dagpenge")).toEqual([0, 1]); // 10's second spell ends
    expect(io(cells, "2023K4", "101", "dagpenge")).toEqual([3, 1]);
    expect(io(cells, "2024K1", "101", "dagpenge")).toEqual([1, 3]);
    expect(io(cells, "2023", "DK", "total")).toEqual([3, 1]);

    // Every quarter's and year's counts equal the sum of its months' in every cell.
    const months = (p: string): string[] => {
      const [year, rest] = p.includes("K") ? p.split("K") : [p, ""];
      const q = rest ? [Number(rest)] : [1, 2, 3, 4];
      return q.flatMap((k) => [1, 2, 3].map((i) => `${year}M${String((k - 1) * 3 + i).padStart(2, "0")}`));
    };
    const byKey = new Map(cells.map((c) => [`${c.period} ${c.area} ${c.benefit} ${c.measure}`, c.value]));
    const aggregates = cells.filter((c) => !String(c.period).includes("M"));
    expect(aggregates.length).toBe(6 * 206 * 13 * 2); // 2023K1–2024K1 and 2023; 206 areas; 13 benefits
    for (const c of aggregates) {
      const sum = months(String(c.period))
        .map((m) => byKey.get(`${m} ${c.area} ${c.benefit} ${c.measure}`))
        .reduce((a: number, v) => a + Number(v), 0);
      expect(c.value, `${c.period} ${c.area} ${c.benefit} ${c.measure}`).toBe(sum);
    }
  });
});
