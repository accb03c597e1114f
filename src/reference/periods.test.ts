// Periods and calendar arithmetic: hand cases from the contract and fast-check properties.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import {
  addDays,
  comparePeriods,
  dayNumber,
  daysInMonth,
  formatMonth,
  formatQuarter,
  isIsoDate,
  isLeapYear,
  isoFromDayNumber,
  isRealDate,
  monthOfDate,
  monthsBetween,
  monthsOf,
  parseDate,
  parsePeriod,
  parsePeriodRange,
  parseYearMonth,
  quarterOfMonth,
  tryParsePeriod,
  yearOfMonth,
} from "./periods.ts";

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected an AppError, nothing was thrown");
}

describe("parsePeriod", () => {
  it("reads a month with its first and last day and day count", () => {
    expect(parsePeriod("2025M03")).toMatchObject({
      kind: "month",
      code: "2025M03",
      year: 2025,
      index: 3,
      first: "2025-03-01",
      last: "2025-03-31",
      days: 31,
    });
  });

  it("gives February its leap-year length (2024: 29, 2023: 28, 1900: 28, 2000: 29)", () => {
    expect(parsePeriod("2024M02").days).toBe(29);
    expect(parsePeriod("2024M02").last).toBe("2024-02-29");
    expect(parsePeriod("2023M02").days).toBe(28);
    expect(parsePeriod("1900M02").days).toBe(28);
    expect(parsePeriod("2000M02").days).toBe(29);
  });

  it("reads a quarter: 2024K1 is 2024-01-01..2024-03-31, 91 days", () => {
    expect(parsePeriod("2024K1")).toMatchObject({
      kind: "quarter",
      year: 2024,
      index: 1,
      first: "2024-01-01",
      last: "2024-03-31",
      days: 91,
    });
    expect(parsePeriod("2025K4")).toMatchObject({ first: "2025-10-01", last: "2025-12-31", days: 92 });
  });

  it("reads a year: 2024 has 366 days, 2025 has 365", () => {
    expect(parsePeriod("2024")).toMatchObject({
      kind: "year",
      year: 2024,
      index: 0,
      first: "2024-01-01",
      last: "2024-12-31",
      days: 366,
    });
    expect(parsePeriod("2025").days).toBe(365);
  });

  it("reads a rolling window: 2025K1R12 is 2024-04-01..2025-03-31, 365 days", () => {
    expect(parsePeriod("2025K1R12")).toMatchObject({
      kind: "rolling",
      year: 2025,
      index: 1,
      first: "2024-04-01",
      last: "2025-03-31",
      days: 365,
    });
  });

  it("reads a rolling window ending in the fourth quarter as the calendar year: 2024K4R12 has 366 days", () => {
    expect(parsePeriod("2024K4R12")).toMatchObject({ first: "2024-01-01", last: "2024-12-31", days: 366 });
  });

  it("returns the same frozen object for the same code", () => {
    const p = parsePeriod("2023M07");
    expect(parsePeriod("2023M07")).toBe(p);
    expect(Object.isFrozen(p)).toBe(true);
  });

  it("accepts the edges of the year range 1900 and 2199", () => {
    expect(parsePeriod("1900M01").first).toBe("1900-01-01");
    expect(parsePeriod("2199K4").last).toBe("2199-12-31");
    expect(parsePeriod("1900K4R12").first).toBe("1900-01-01");
  });

  it.each([
    "2025M13",
    "2025M0",
    "2025M00",
    "2025M3",
    "2025K5",
    "2025K0",
    "2025K1R11",
    "2025K1R1",
    "25M01",
    "2025-03",
    "",
    " 2025M03",
    "2025M03 ",
    "2025m03",
    "2025k1",
    "2025K1r12",
    "1899",
    "2200M01",
    "1900K1R12",
    "２０２５",
    "2025H1",
  ])("refuses %j with bad_period naming the string and the accepted forms", (code) => {
    expect(tryParsePeriod(code)).toBeUndefined();
    const err = thrown(() => parsePeriod(code));
    expect(err.code).toBe("bad_period");
    expect(err.message).toContain(JSON.stringify(code));
    expect(err.message).toContain("2025M03");
    expect(err.message).toContain("2025K1R12");
  });

  it("cuts a very long bad string in the message", () => {
    const err = thrown(() => parsePeriod("9".repeat(10_000)));
    expect(err.message.length).toBeLessThan(400);
  });
});

describe("formatting and month helpers", () => {
  it("formats months and quarters as Statistics Denmark does", () => {
    expect(formatMonth(2025, 3)).toBe("2025M03");
    expect(formatMonth(2025, 12)).toBe("2025M12");
    expect(formatQuarter(2025, 1)).toBe("2025K1");
  });

  it("refuses to format a month or quarter that does not exist", () => {
    expect(thrown(() => formatMonth(2025, 13)).code).toBe("bad_period");
    expect(thrown(() => formatMonth(2025, 0)).code).toBe("bad_period");
    expect(thrown(() => formatQuarter(2025, 5)).code).toBe("bad_period");
    expect(thrown(() => formatMonth(1899, 12)).code).toBe("bad_period");
  });

  it("finds the month, quarter and year of dates and months", () => {
    expect(monthOfDate("2025-03-14")).toBe("2025M03");
    expect(quarterOfMonth("2025M03")).toBe("2025K1");
    expect(quarterOfMonth("2025M04")).toBe("2025K2");
    expect(quarterOfMonth("2025M12")).toBe("2025K4");
    expect(yearOfMonth("2025M12")).toBe("2025");
    expect(thrown(() => quarterOfMonth("2025K1")).code).toBe("bad_period");
  });

  it("reads the command-line form YYYY-MM", () => {
    expect(parseYearMonth("2025-03")).toEqual({ year: 2025, month: 3 });
    expect(parseYearMonth("1900-01")).toEqual({ year: 1900, month: 1 });
  });

  it.each(["2025-13", "2025-00", "25-03", "2025-3", "2025M03", "2025-03-01", " 2025-03", "", "abcd-ef"])(
    "refuses %j as a command-line month with bad_period naming it",
    (s) => {
      const err = thrown(() => parseYearMonth(s));
      expect(err.code).toBe("bad_period");
      expect(err.message).toContain(JSON.stringify(s));
    },
  );

  it("lists the months of each kind of period", () => {
    expect(monthsOf(parsePeriod("2025M03"))).toEqual(["2025M03"]);
    expect(monthsOf(parsePeriod("2025K2"))).toEqual(["2025M04", "2025M05", "2025M06"]);
    expect(monthsOf(parsePeriod("2025"))).toHaveLength(12);
    const rolling = monthsOf(parsePeriod("2025K1R12"));
    expect(rolling).toHaveLength(12);
    expect(rolling[0]).toBe("2024M04");
    expect(rolling[11]).toBe("2025M03");
  });
});

describe("monthsBetween", () => {
  it("lists months inclusive, across a year boundary", () => {
    expect(monthsBetween("2024M11", "2025M02")).toEqual(["2024M11", "2024M12", "2025M01", "2025M02"]);
    expect(monthsBetween("2024M05", "2024M05")).toEqual(["2024M05"]);
  });

  it("refuses a start after the end with bad_range naming both", () => {
    const err = thrown(() => monthsBetween("2024M03", "2024M01"));
    expect(err.code).toBe("bad_range");
    expect(err.message).toContain('"2024M03"');
    expect(err.message).toContain('"2024M01"');
  });

  it("refuses something that is not a month code with bad_period", () => {
    expect(thrown(() => monthsBetween("2024K1", "2024M05")).code).toBe("bad_period");
  });
});

describe("parsePeriodRange", () => {
  it("expands a month range to its 12 months", () => {
    const periods = parsePeriodRange("2024M01..2024M12");
    expect(periods.map((p) => p.code)).toEqual(monthsBetween("2024M01", "2024M12"));
  });

  it("expands ranges across years for every kind", () => {
    expect(parsePeriodRange("2024M11..2025M02").map((p) => p.code)).toEqual([
      "2024M11",
      "2024M12",
      "2025M01",
      "2025M02",
    ]);
    expect(parsePeriodRange("2024K1..2024K4").map((p) => p.code)).toEqual([
      "2024K1",
      "2024K2",
      "2024K3",
      "2024K4",
    ]);
    expect(parsePeriodRange("2024K4..2025K1").map((p) => p.code)).toEqual(["2024K4", "2025K1"]);
    expect(parsePeriodRange("2023..2025").map((p) => p.code)).toEqual(["2023", "2024", "2025"]);
    expect(parsePeriodRange("2024K3R12..2025K1R12").map((p) => p.code)).toEqual([
      "2024K3R12",
      "2024K4R12",
      "2025K1R12",
    ]);
    expect(parsePeriodRange("2024M06..2024M06").map((p) => p.code)).toEqual(["2024M06"]);
  });

  it.each([
    "2024M03..2024M01",
    "2024M01..2024K2",
    "2024M01",
    "2024M01..",
    "..2024M01",
    "2024M01...2024M02",
    "2024M01..2024M02..2024M03",
    "2024M13..2024M14",
    "2024M01 .. 2024M02",
    "2025..2023",
    "",
  ])("refuses %j with bad_range naming the string", (range) => {
    const err = thrown(() => parsePeriodRange(range));
    expect(err.code).toBe("bad_range");
    expect(err.message).toContain(JSON.stringify(range));
  });
});

describe("comparePeriods", () => {
  it("orders by last day, then month before quarter before rolling window before year", () => {
    const codes = ["2024", "2024K4R12", "2024K4", "2024M12", "2024M01", "2025K1R12"];
    const sorted = codes.map(parsePeriod).sort(comparePeriods);
    expect(sorted.map((p) => p.code)).toEqual([
      "2024M01",
      "2024M12",
      "2024K4",
      "2024K4R12",
      "2024",
      "2025K1R12",
    ]);
  });
});

describe("dates", () => {
  it("numbers days from 1970-01-01", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dayNumber("1969-12-31")).toBe(-1);
    expect(dayNumber("2000-03-01") - dayNumber("2000-02-28")).toBe(2);
    expect(dayNumber("1900-03-01") - dayNumber("1900-02-28")).toBe(1);
    expect(isoFromDayNumber(19_797)).toBe("2024-03-15");
    expect(dayNumber("2024-03-15")).toBe(Date.UTC(2024, 2, 15) / 86_400_000);
    expect(addDays("2024-02-28", 2)).toBe("2024-03-01");
  });

  it("refuses a day number for text that is not a real ISO date", () => {
    for (const s of ["2023-02-29", "2024-13-01", "15-03-2024", "2024-3-15", "", "2024-03-15 "]) {
      expect(thrown(() => dayNumber(s)).code).toBe("bad_argument");
    }
  });

  it("knows leap years and month lengths", () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2024, 4)).toBe(30);
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2023, 2, 29)).toBe(false);
    expect(isRealDate(2024, 4, 31)).toBe(false);
    expect(isRealDate(2024, 0, 1)).toBe(false);
    expect(isRealDate(2024, 1, 1.5)).toBe(false);
  });

  it("parses delivered dates in both accepted forms", () => {
    expect(parseDate("2024-03-15")).toBe("2024-03-15");
    expect(parseDate("15-03-2024")).toBe("2024-03-15");
    expect(parseDate("29-02-2024")).toBe("2024-02-29");
  });

  it.each([
    "29-02-2023",
    "2023-02-29",
    "31-04-2024",
    "2024-4-1",
    "2024/03/15",
    "15.03.2024",
    " 2024-03-15",
    "",
    "x",
  ])("rejects %j as a delivered date", (s) => {
    expect(parseDate(s)).toBeUndefined();
    expect(isIsoDate(s)).toBe(false);
  });
});

describe("properties", () => {
  const year = fc.integer({ min: 1900, max: 2199 });

  it("formats and parses months and quarters back to the same numbers", () => {
    fc.assert(
      fc.property(year, fc.integer({ min: 1, max: 12 }), (y, m) => {
        const p = parsePeriod(formatMonth(y, m));
        return p.kind === "month" && p.year === y && p.index === m && p.code === formatMonth(y, m);
      }),
    );
    fc.assert(
      fc.property(year, fc.integer({ min: 1, max: 4 }), (y, q) => {
        const p = parsePeriod(formatQuarter(y, q));
        return p.kind === "quarter" && p.year === y && p.index === q;
      }),
    );
  });

  it("maps day numbers to dates and back, and consecutive numbers to consecutive days", () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_895 }), (n) => {
        const iso = isoFromDayNumber(n);
        const next = isoFromDayNumber(n + 1);
        expect(dayNumber(iso)).toBe(n);
        expect(isIsoDate(iso)).toBe(true);
        expect(next > iso).toBe(true);
        const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
        const expectedNext = d < daysInMonth(y, m) ? [y, m, d + 1] : m < 12 ? [y, m + 1, 1] : [y + 1, 1, 1];
        expect(next.split("-").map(Number)).toEqual(expectedNext);
      }),
    );
  });

  it("agrees with Date.UTC on day numbers", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1800-01-01T00:00:00Z"),
          max: new Date("2300-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          expect(dayNumber(iso)).toBe(Math.floor(d.getTime() / 86_400_000));
        },
      ),
    );
  });

  it("lists 12·Δyear + Δmonth + 1 months between two months", () => {
    fc.assert(
      fc.property(
        year,
        fc.integer({ min: 1, max: 12 }),
        year,
        fc.integer({ min: 1, max: 12 }),
        (y1, m1, y2, m2) => {
          const [a, b] =
            y1 * 12 + m1 <= y2 * 12 + m2
              ? [
                  [y1, m1],
                  [y2, m2],
                ]
              : [
                  [y2, m2],
                  [y1, m1],
                ];
          const [ya, ma] = a as [number, number];
          const [yb, mb] = b as [number, number];
          const months = monthsBetween(formatMonth(ya, ma), formatMonth(yb, mb));
          expect(months).toHaveLength(12 * (yb - ya) + (mb - ma) + 1);
          expect(months[0]).toBe(formatMonth(ya, ma));
          expect(months.at(-1)).toBe(formatMonth(yb, mb));
        },
      ),
    );
  });

  it("adds the days of a year's 12 months (and of its 4 quarters) to the days of the year", () => {
    fc.assert(
      fc.property(year, (y) => {
        const months = parsePeriodRange(`${y}M01..${y}M12`);
        const quarters = parsePeriodRange(`${y}K1..${y}K4`);
        const total = parsePeriod(`${y}`).days;
        expect(months.reduce((s, p) => s + p.days, 0)).toBe(total);
        expect(quarters.reduce((s, p) => s + p.days, 0)).toBe(total);
        expect(total).toBe(isLeapYear(y) ? 366 : 365);
      }),
    );
  });

  it("makes every period's days equal its day span and its months tile it", () => {
    const anyPeriod = fc.oneof(
      fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => formatMonth(y, m)),
      fc.tuple(year, fc.integer({ min: 1, max: 4 })).map(([y, q]) => formatQuarter(y, q)),
      fc
        .tuple(fc.integer({ min: 1901, max: 2199 }), fc.integer({ min: 1, max: 4 }))
        .map(([y, q]) => `${y}K${q}R12`),
      year.map(String),
    );
    fc.assert(
      fc.property(anyPeriod, (code) => {
        const p = parsePeriod(code);
        expect(p.days).toBe(dayNumber(p.last) - dayNumber(p.first) + 1);
        const months = monthsOf(p).map(parsePeriod);
        expect(months[0]?.first).toBe(p.first);
        expect(months.at(-1)?.last).toBe(p.last);
        expect(months.reduce((s, m) => s + m.days, 0)).toBe(p.days);
      }),
    );
  });
});
