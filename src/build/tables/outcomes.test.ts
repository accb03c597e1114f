import { beforeAll, describe, expect, it } from "vitest";
import { buildTableForTest, type PublishedCell } from "../test-harness.ts";

import { outcomes } from "./outcomes.ts";

// The cube has ~1.3 M cells per measure for a 15-month span, so only the areas a test looks at are read.
const AREAS = "area IN ('DK', '1082', '1084', '101', '147', '751')";
/** Completing that cube takes ~15 s on two cores; more on a busy machine. */
const BUILD_TIMEOUT = 180_000;

const STATUSES = ["total", "job", "uddannelse", "samme_ydelse", "anden_ydelse", "oevrige"];

type Key = [period: string, area: string, benefit: string, horizon: string];

/** One measure for every status (in STATUSES order, total first) of a period, area, benefit and horizon. */
function byStatus(cells: PublishedCell[], measure: string, [period, area, benefit, horizon]: Key) {
  let index = indexes.get(cells);
  if (!index) {
    index = new Map(
      cells.map((c) => [[c.period, c.area, c.benefit, c.horizon, c.outcome, c.measure].join(" "), c]),
    );
    indexes.set(cells, index);
  }
  return STATUSES.map((status) => {
    const cell = index.get([period, area, benefit, horizon, status, measure].join(" "));
    if (!cell) throw new Error(`no cell ${period} ${area} ${benefit} ${horizon} ${status} ${measure}`);
    return cell.status === "-" ? "-" : cell.value;
  });
}
const indexes = new WeakMap<PublishedCell[], Map<string, PublishedCell>>();

let line = 2;
const period = (id: number, benefit: string, municipality: string, start: string, end: string | null) => ({
  person_id: id,
  birth_date: "1990-03-03",
  gender: "K",
  benefit,
  municipality,
  akasse: benefit === "dagpenge" ? "D86" : null,
  start,
  end,
  line: line++,
});
const hours = (id: number, month: string, h: number) => ({ person_id: id, month, hours: h });
const enrolment = (id: number, start: string, end: string | null) => ({
  person_id: id,
  level: "lang",
  start,
  end,
});

// Six dagpenge spells in 101 end on 15 January 2024; their status 3 months later is in April 2024.
const JANUARY_EXITS = {
  benefit_periods: [
    ...[1, 2, 3, 4, 5, 6].map((id) => period(id, "dagpenge", "101", "2023-10-01", "2024-01-15")),
    period(1, "dagpenge", "101", "2024-04-30", "2024-04-30"), // one day back on dagpenge (a new spell)
    period(2, "kontanthjaelp", "101", "2024-04-10", "2024-04-12"), // on another benefit
  ],
  employment: [
    hours(1, "2024-04-01", 100), // in work, but back on dagpenge: same benefit comes first
    hours(3, "2024-04-01", 80), // exactly 80 hours: in work
    hours(4, "2024-04-01", 79.5), // below 80 hours
    hours(5, "2024-04-01", 40), // two jobs of 40 hours: 80 hours in the month
    hours(5, "2024-04-01", 40),
    hours(6, "2024-03-01", 160), // the month before the horizon
  ],
  education: [
    enrolment(2, "2024-04-01", "2024-04-30"), // on kontanthjælp too: another benefit comes first
    enrolment(3, "2024-04-01", "2024-04-30"), // in work too: work comes first
    enrolment(4, "2024-04-30", null), // enrolled from the month's last day, still running
    enrolment(6, "2023-09-01", "2024-03-31"), // over before April
  ],
};

describe("outcomes", () => {
  let january: PublishedCell[] = [];
  beforeAll(async () => {
    january = await buildTableForTest(
      outcomes,
      JANUARY_EXITS,
      { firstMonth: "2024M01", throughMonth: "2025M03" },
      { where: AREAS },
    );
  }, BUILD_TIMEOUT);

  it("gives each exit one status by precedence: same benefit, another benefit, work, education", async () => {
    const cells = january;
    const jan3 = ["2024M01", "101", "dagpenge", "3m"] as Key;
    // April 2024: 1 same benefit, 2 another, 3 and 5 in work, 4 in education, 6 other.
    expect(byStatus(cells, "exits", jan3)).toEqual([6, 6, 6, 6, 6, 6]);
    expect(byStatus(cells, "persons", jan3)).toEqual([6, 2, 1, 1, 1, 1]);
    // 2/6 = 33.33…, 1/6 = 16.66…
    expect(byStatus(cells, "share", jan3)).toEqual([100, 33.3, 16.7, 16.7, 16.7, 16.7]);
    // July 2024 and January 2025: only person 4 (still enrolled) is not "other".
    for (const horizon of ["6m", "12m"]) {
      const key = ["2024M01", "101", "dagpenge", horizon] as Key;
      expect(byStatus(cells, "persons", key)).toEqual([6, 0, 1, 0, 0, 5]);
      expect(byStatus(cells, "share", key)).toEqual([100, 0, 16.7, 0, 0, 83.3]); // 5/6 = 83.33…
    }
    // All benefits: persons 1 and 2 are on some benefit in April, so both count as the same benefit.
    const total3 = ["2024M01", "DK", "total", "3m"] as Key;
    expect(byStatus(cells, "persons", total3)).toEqual([6, 2, 1, 2, 0, 1]);
    expect(byStatus(cells, "exits", ["2024K1", "1084", "total", "3m"])).toEqual([6, 6, 6, 6, 6, 6]);
    // April 2024: person 1's one-day dagpenge spell and person 2's kontanthjælp spell end; in July
    // neither has anything.
    expect(byStatus(cells, "persons", ["2024M04", "101", "dagpenge", "3m"])).toEqual([1, 0, 0, 0, 0, 1]);
    expect(byStatus(cells, "persons", ["2024M04", "101", "kontanthjaelp", "3m"])).toEqual([1, 0, 0, 0, 0, 1]);
    expect(byStatus(cells, "persons", ["2024M04", "101", "total", "3m"])).toEqual([2, 0, 0, 0, 0, 2]);
  });

  it("publishes a known horizon without exits as 0 with a share of -", async () => {
    const cells = january;
    const feb3 = ["2024M02", "101", "dagpenge", "3m"] as Key;
    expect(byStatus(cells, "exits", feb3)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(byStatus(cells, "persons", feb3)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(byStatus(cells, "share", feb3)).toEqual(["-", "-", "-", "-", "-", "-"]);
    expect(byStatus(cells, "exits", ["2024M01", "751", "dagpenge", "3m"])).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("leaves a horizon after the data month out as - in every measure", async () => {
    const cells = january;
    const dashes = ["-", "-", "-", "-", "-", "-"];
    const unknown: Key[] = [
      ["2024M04", "101", "dagpenge", "12m"], // April 2025
      ["2024M10", "DK", "total", "6m"], // April 2025
      ["2024K4", "DK", "total", "6m"], // last month December → June 2025
      ["2024", "DK", "total", "6m"],
      ["2025M01", "DK", "total", "3m"], // April 2025
      ["2024M01", "101", "dagpenge", "total"], // horizons are not added up
    ];
    for (const key of unknown)
      for (const measure of ["exits", "persons", "share"])
        expect(byStatus(cells, measure, key), `${key} ${measure}`).toEqual(dashes);
    // The edges that are known: March 2024 + 12 months and December 2024 + 3 months = March 2025.
    expect(byStatus(cells, "exits", ["2024M03", "DK", "total", "12m"])).toEqual([0, 0, 0, 0, 0, 0]);
    expect(byStatus(cells, "exits", ["2024K1", "DK", "total", "12m"])).toEqual([6, 6, 6, 6, 6, 6]);
    expect(byStatus(cells, "exits", ["2024K4", "DK", "total", "3m"])).toEqual([0, 0, 0, 0, 0, 0]);
    // The year 2024: exits 6 in January and 2 in April (persons 1 and 2 on all benefits).
    expect(byStatus(cells, "exits", ["2024", "DK", "total", "3m"])).toEqual([8, 8, 8, 8, 8, 8]);
  });

  it(
    "places an exit in the municipality of the spell's last day, and a switch is no exit of the total",
    async () => {
      const cells = await buildTableForTest(
        outcomes,
        {
          benefit_periods: [
            // Person 7 moves 101 → 751 within one sygedagpenge spell ending 20 March 2024; June: in work.
            period(7, "sygedagpenge", "101", "2024-01-01", "2024-02-10"),
            period(7, "sygedagpenge", "751", "2024-02-11", "2024-03-20"),
            // Person 8 switches from dagpenge to kontanthjælp on 16 February; May: on kontanthjælp.
            period(8, "dagpenge", "147", "2024-01-01", "2024-02-15"),
            period(8, "kontanthjaelp", "147", "2024-02-16", null),
          ],
          employment: [hours(7, "2024-06-01", 120)],
        },
        { firstMonth: "2024M01", throughMonth: "2024M12" },
        { where: AREAS },
      );
      expect(byStatus(cells, "persons", ["2024M03", "751", "sygedagpenge", "3m"])).toEqual([
        1, 1, 0, 0, 0, 0,
      ]);
      expect(byStatus(cells, "exits", ["2024M03", "101", "sygedagpenge", "3m"])).toEqual([0, 0, 0, 0, 0, 0]);
      expect(byStatus(cells, "persons", ["2024M02", "147", "dagpenge", "3m"])).toEqual([1, 0, 0, 0, 1, 0]);
      expect(byStatus(cells, "share", ["2024M02", "147", "dagpenge", "3m"])).toEqual([100, 0, 0, 0, 100, 0]);
      expect(byStatus(cells, "exits", ["2024M02", "147", "total", "3m"])).toEqual([0, 0, 0, 0, 0, 0]);
      expect(byStatus(cells, "exits", ["2024M02", "147", "kontanthjaelp", "3m"])).toEqual([0, 0, 0, 0, 0, 0]);
      // The quarter: person 8's dagpenge exit (February) and person 7's sygedagpenge exit (March).
      expect(byStatus(cells, "persons", ["2024K1", "DK", "total", "3m"])).toEqual([1, 1, 0, 0, 0, 0]);
      expect(byStatus(cells, "persons", ["2024K1", "1084", "dagpenge", "3m"])).toEqual([1, 0, 0, 0, 1, 0]);
      expect(byStatus(cells, "persons", ["2024K1", "1082", "sygedagpenge", "6m"])).toEqual([
        1, 0, 0, 0, 0, 1,
      ]);
    },
    BUILD_TIMEOUT,
  );
});
