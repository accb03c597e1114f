import { describe, expect, it } from "vitest";
import { buildTableForTest, type PublishedCell } from "../test-harness.ts";
import { duration } from "./duration.ts";

const BANDS = ["0-4", "4-13", "13-26", "26-52", "52-104", "104+", "total"];

/** The persons of each duration band (in BANDS order, total last) of one period, area and benefit. */
function bands(cells: PublishedCell[], period: string, area: string, benefit: string): number[] {
  return BANDS.map((band) => {
    const cell = cells.find(
      (c) => c.period === period && c.area === area && c.benefit === benefit && c.duration === band,
    );
    if (!cell) throw new Error(`no cell ${period} ${area} ${benefit} ${band}`);
    return Number(cell.value);
  });
}

let line = 2;
const period = (id: number, benefit: string, municipality: string, start: string, end: string | null) => ({
  person_id: id,
  birth_date: "1970-01-01",
  gender: "M",
  benefit,
  municipality,
  akasse: benefit === "dagpenge" ? "D15" : null,
  start,
  end,
  line: line++,
});

describe("duration", () => {
  it("puts a spell in its band by the days from its start to the period's last day", async () => {
    const cells = await buildTableForTest(
      duration,
      {
        benefit_periods: [
          period(1, "dagpenge", "101", "2024-01-05", null), // 31 January: 27 days → under 4 weeks
          period(2, "dagpenge", "101", "2024-01-04", null), // 28 days → 4 to under 13 weeks
          // 31 Jan 2022 → 31 Jan 2024 is 730 days, so 3 Feb 2022 is day 728 = 104 weeks and 4 Feb is day 727.
          period(3, "dagpenge", "101", "2022-02-04", null),
          period(4, "dagpenge", "101", "2022-02-03", null),
          period(5, "dagpenge", "101", "2024-01-01", "2024-01-30"), // over the day before 31 January
          period(6, "dagpenge", "101", "2024-01-01", "2024-01-31"), // last day = 31 January: 31 days
        ],
      },
      { firstMonth: "2024M01", throughMonth: "2024M03" },
    );
    expect(bands(cells, "2024M01", "101", "dagpenge")).toEqual([1, 2, 0, 0, 1, 1, 5]);
    // 29 February: persons 1 and 2 at 27 + 29 = 56 and 57 days; 3 and 4 at 756 and 757 days.
    expect(bands(cells, "2024M02", "101", "dagpenge")).toEqual([0, 2, 0, 0, 0, 2, 4]);
    // 31 March: persons 1 and 2 at 87 and 88 days, still under 13 weeks (91 days).
    expect(bands(cells, "2024M03", "101", "dagpenge")).toEqual([0, 2, 0, 0, 0, 2, 4]);
    // A quarter is its last day: 31 March.
    expect(bands(cells, "2024K1", "101", "dagpenge")).toEqual([0, 2, 0, 0, 0, 2, 4]);
    expect(bands(cells, "2024M01", "DK", "total")).toEqual([1, 2, 0, 0, 1, 1, 5]);
    expect(bands(cells, "2024M01", "751", "dagpenge")).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it("counts a spell as running in a gap of up to 28 days, in the municipality of its latest period", async () => {
    const cells = await buildTableForTest(
      duration,
      {
        benefit_periods: [
          // Person 7: free days 11 Feb – 4 Mar = 19 + 4 = 23 → one spell from 1 January; in the gap on
          // 29 February (day 31 + 29 = 60); day 31 + 29 + 31 = 91 = 13 weeks on 31 March.
          period(7, "kontanthjaelp", "101", "2024-01-01", "2024-02-10"),
          period(7, "kontanthjaelp", "101", "2024-03-05", "2024-03-31"),
          // Person 8: free days 11 Feb – 10 Mar = 29 → the first spell is over by 29 February; the
          // second starts 11 March (day 21 on 31 March).
          period(8, "kontanthjaelp", "101", "2024-01-01", "2024-02-10"),
          period(8, "kontanthjaelp", "101", "2024-03-11", null),
          // Person 9 moves 101 → 751 with a 15-day gap (15–29 Feb): on 29 February still in 101.
          period(9, "sygedagpenge", "101", "2024-01-01", "2024-02-14"),
          period(9, "sygedagpenge", "751", "2024-03-01", null),
        ],
      },
      { firstMonth: "2024M01", throughMonth: "2024M03" },
    );
    expect(bands(cells, "2024M01", "101", "kontanthjaelp")).toEqual([0, 2, 0, 0, 0, 0, 2]);
    expect(bands(cells, "2024M02", "101", "kontanthjaelp")).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(bands(cells, "2024M03", "101", "kontanthjaelp")).toEqual([1, 0, 1, 0, 0, 0, 2]);
    expect(bands(cells, "2024M02", "101", "sygedagpenge")).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(bands(cells, "2024M02", "751", "sygedagpenge")).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(bands(cells, "2024M03", "101", "sygedagpenge")).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(bands(cells, "2024M03", "751", "sygedagpenge")).toEqual([0, 0, 1, 0, 0, 0, 1]);
    // Region Hovedstaden on 29 February: persons 7 (kontanthjælp) and 9 (sygedagpenge, still in 101).
    expect(bands(cells, "2024M02", "1084", "total")).toEqual([0, 2, 0, 0, 0, 0, 2]);
    // DK on 31 March, all benefits: 7 and 9 at 91 days, 8 at 21 days.
    expect(bands(cells, "2024M03", "DK", "total")).toEqual([1, 0, 2, 0, 0, 0, 3]);
  });

  it("measures the total from the start of the spell over any benefit", async () => {
    const cells = await buildTableForTest(
      duration,
      {
        benefit_periods: [
          period(10, "dagpenge", "147", "2023-12-01", "2024-01-31"),
          period(10, "kontanthjaelp", "147", "2024-02-01", null),
        ],
      },
      { firstMonth: "2023M01", throughMonth: "2024M03" },
    );
    // 31 December 2023: 31 days of dagpenge.
    expect(bands(cells, "2023", "147", "dagpenge")).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(bands(cells, "2023", "147", "total")).toEqual([0, 1, 0, 0, 0, 0, 1]);
    // 31 March 2024: kontanthjælp since 1 February = 29 + 31 = 60 days; in total since 1 December
    // = 31 + 31 + 29 + 31 = 122 days (13 to under 26 weeks); dagpenge over.
    expect(bands(cells, "2024M03", "147", "kontanthjaelp")).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(bands(cells, "2024M03", "147", "total")).toEqual([0, 0, 1, 0, 0, 0, 1]);
    expect(bands(cells, "2024K1", "147", "dagpenge")).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(bands(cells, "2024K1", "DK", "total")).toEqual([0, 0, 1, 0, 0, 0, 1]);
  });
});
