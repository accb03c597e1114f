// Property tests of `recipients` against an independent, day-by-day reading of the contract's
// definitions in plain TypeScript, on random small microdata.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { municipalitiesIn } from "../../reference/areas.ts";
import { dayNumber, isoFromDayNumber } from "../../reference/periods.ts";
import { buildTableForTest } from "../test-harness.ts";
import { recipients } from "./recipients.ts";

const MUNICIPALITIES = ["101", "147", "151", "751"];
const BENEFITS = ["dagpenge", "kontanthjaelp", "sygedagpenge"];
const MONTHS = [
  { code: "2024M01", first: dayNumber("2024-01-01"), last: dayNumber("2024-01-31") },
  { code: "2024M02", first: dayNumber("2024-02-01"), last: dayNumber("2024-02-29") },
  { code: "2024M03", first: dayNumber("2024-03-01"), last: dayNumber("2024-03-31") },
];
const AREAS = ["DK", "1084", "1082", "JC101", "RAR7", ...MUNICIPALITIES];

interface Row {
  person: number;
  benefit: string;
  municipality: string;
  start: number;
  length: number;
  degree: number;
}

const rowArb = fc.record({
  person: fc.integer({ min: 1, max: 6 }),
  benefit: fc.constantFrom(...BENEFITS),
  municipality: fc.constantFrom(...MUNICIPALITIES),
  start: fc.integer({ min: MONTHS[0]?.first ?? 0, max: (MONTHS[2]?.last ?? 0) + 5 }),
  length: fc.integer({ min: 1, max: 70 }),
  degree: fc.constantFrom(0.25, 0.5, 1),
});

/** Day-by-day reference: for each person, benefit and day, the highest degree and its municipality. */
function reference(rows: readonly Row[]) {
  const through = MONTHS[2]?.last ?? 0;
  // key person|benefit|day → [degree, municipality, start]
  const days = new Map<string, [number, string, number]>();
  for (const r of rows) {
    for (let d = r.start; d < r.start + r.length && d <= through; d++) {
      const key = `${r.person}|${r.benefit}|${d}`;
      const current = days.get(key);
      const better =
        !current ||
        r.degree > current[0] ||
        (r.degree === current[0] &&
          (r.start > current[2] || (r.start === current[2] && r.municipality < current[1])));
      if (better) days.set(key, [r.degree, r.municipality, r.start]);
    }
  }
  const cells = new Map<string, { persons: Set<number>; dd: number }>();
  // Persons count by presence: every municipality where they had a benefit day (any row).
  const presence = (month: string, area: string, benefit: string, person: number) => {
    const key = `${month}|${area}|${benefit}`;
    let c = cells.get(key);
    if (!c) {
      c = { persons: new Set(), dd: 0 };
      cells.set(key, c);
    }
    c.persons.add(person);
  };
  for (const r of rows) {
    for (let d = r.start; d < r.start + r.length && d <= through; d++) {
      const month = MONTHS.find((m) => d >= m.first && d <= m.last);
      if (!month) continue;
      for (const area of AREAS) {
        if (!municipalitiesIn(area).includes(r.municipality)) continue;
        presence(month.code, area, r.benefit, r.person);
        presence(month.code, area, "total", r.person);
      }
    }
  }
  const add = (month: string, area: string, benefit: string, degree: number) => {
    const key = `${month}|${area}|${benefit}`;
    let c = cells.get(key);
    if (!c) {
      c = { persons: new Set(), dd: 0 };
      cells.set(key, c);
    }
    c.dd += degree;
  };
  // Total: per person and day, degrees added over benefits and capped at 1; the day's municipality
  // is the one of the benefit with the highest degree (ties: later start, lower code).
  const totals = new Map<string, [number, string, number, number]>(); // person|day → [sum, muni, bestDegree, bestStart]
  for (const [key, [degree, muni, start]] of days) {
    const [person, benefit, day] = key.split("|") as [string, string, string];
    const month = MONTHS.find((m) => Number(day) >= m.first && Number(day) <= m.last);
    if (!month) continue;
    for (const area of AREAS) {
      if (municipalitiesIn(area).includes(muni)) add(month.code, area, benefit, degree);
    }
    const tk = `${person}|${day}`;
    const t = totals.get(tk);
    if (!t) totals.set(tk, [degree, muni, degree, start]);
    else {
      const better = degree > t[2] || (degree === t[2] && (start > t[3] || (start === t[3] && muni < t[1])));
      totals.set(tk, [t[0] + degree, better ? muni : t[1], better ? degree : t[2], better ? start : t[3]]);
    }
  }
  for (const [tk, [sum, muni]] of totals) {
    const day = tk.split("|")[1] as string;
    const month = MONTHS.find((m) => Number(day) >= m.first && Number(day) <= m.last);
    if (!month) continue;
    for (const area of AREAS) {
      if (municipalitiesIn(area).includes(muni)) add(month.code, area, "total", Math.min(1, sum));
    }
  }
  return cells;
}

describe("recipients on random microdata", () => {
  it("matches an independent day-by-day count: persons, fte, totals from the union, persons ≥ fte", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 12 }), async (rows) => {
        const cells = await buildTableForTest(
          recipients,
          {
            benefit_periods: rows.map((r) => ({
              person_id: r.person,
              birth_date: "1980-01-01",
              gender: "K",
              benefit: r.benefit,
              municipality: r.municipality,
              akasse: r.benefit === "dagpenge" ? "D86" : null,
              start: isoFromDayNumber(r.start),
              end: isoFromDayNumber(r.start + r.length - 1),
              degree: r.degree,
            })),
          },
          { firstMonth: "2024M01", throughMonth: "2024M03" },
        );
        const expected = reference(rows);
        for (const month of MONTHS) {
          for (const area of AREAS) {
            for (const benefit of [...BENEFITS, "total"]) {
              const e = expected.get(`${month.code}|${area}|${benefit}`);
              const persons = cells.find(
                (c) =>
                  c.period === month.code &&
                  c.area === area &&
                  c.benefit === benefit &&
                  c.measure === "persons",
              );
              const fte = cells.find(
                (c) =>
                  c.period === month.code && c.area === area && c.benefit === benefit && c.measure === "fte",
              );
              expect(persons?.value).toBe(e?.persons.size ?? 0);
              const days = month.last - month.first + 1;
              expect(Math.abs(Number(fte?.value) - (e?.dd ?? 0) / days)).toBeLessThanOrEqual(0.05 + 1e-9);
              expect(Number(persons?.value)).toBeGreaterThanOrEqual(Number(fte?.value));
            }
          }
        }
      }),
      {
        numRuns: 25,
        // A tie at the total between a benefit's split segment and another benefit's period (found by fast-check).
        examples: [
          [
            [
              { person: 3, benefit: "dagpenge", municipality: "101", start: 19750, length: 15, degree: 0.25 },
              { person: 3, benefit: "sygedagpenge", municipality: "101", start: 19764, length: 2, degree: 1 },
              { person: 3, benefit: "dagpenge", municipality: "151", start: 19723, length: 43, degree: 1 },
            ],
          ],
        ],
      },
    );
  }, 240_000);
});
