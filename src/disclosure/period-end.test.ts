// Age on the period's last day (TableDef `disclosure.periodEnd`): a person can change band between a
// month's last day and the quarter's, so along periods the definitions relate the age total's lines
// only, whatever the values on a band's line happen to do.
import { describe, expect, it } from "vitest";
import { auditProblem } from "./audit-problem.ts";
import { codesAround } from "./model/neighbourhood.ts";
import type { Problem } from "./model/problem.ts";
import { rowsAround } from "./model/rows.ts";
import { buildProblem, protectTables } from "./protect.ts";
import { testInput, testTable } from "./test-tables.ts";

const cellId = (p: Problem, name: string) =>
  [...Array(p.size).keys()].find((g) => p.describe(g) === name) as number;

const dims = [
  { id: "period", kind: "period" as const, codes: ["2025M01", "2025M02", "2025M03", "2025K1"] },
  { id: "age", codes: ["total", "16-19", "20-24", "25-29"] },
];
const relations = { persons: { period: "union", age: "sum" }, fte: { period: "mean", age: "sum" } } as const;

// Persons by month and band. Band 20-24 of the quarter happens to fit its months as a union and as a
// mean (one person turned 20 in February, another turned 25: one in, one out), though nothing in the
// definitions makes it so.
const persons: Record<string, Record<string, number>> = {
  "2025M01": { "16-19": 6, "20-24": 8, "25-29": 9 },
  "2025M02": { "16-19": 5, "20-24": 8, "25-29": 10 },
  "2025M03": { "16-19": 5, "20-24": 8, "25-29": 10 },
  "2025K1": { "16-19": 5, "20-24": 8, "25-29": 10 },
};
function bandValue(byPeriod: Record<string, Record<string, number>>, period: string, age: string): number {
  const byBand = byPeriod[period] as Record<string, number>;
  return age === "total" ? Object.values(byBand).reduce((a, b) => a + b, 0) : (byBand[age] as number);
}

function declaredTable() {
  const table = testTable("ag", dims, relations);
  return {
    ...table,
    disclosure: { ...(table.disclosure as NonNullable<typeof table.disclosure>), periodEnd: ["age"] },
  };
}

// fte equals persons: everyone present every day, so a quarter's fte is the day-weighted mean of its
// months' exactly where its persons are its months' persons.
const input = (periodEnd: boolean) =>
  testInput(periodEnd ? declaredTable() : testTable("ag", dims, relations), dims, ([period, age]) =>
    bandValue(persons, period as string, age as string),
  );

const problemOf = (periodEnd: boolean) => buildProblem([input(periodEnd)]).problem;

/** The rows of `m` that tie the quarter's cell of `age` to `month`'s cell of the same band. */
function periodRows(p: Problem, age: string, month: string, m: string) {
  const quarter = cellId(p, `ag period=2025K1 age=${age}`);
  const at = cellId(p, `ag period=${month} age=${age}`);
  return rowsAround(p, [quarter], m).filter((r) => r.ids.includes(quarter) && r.ids.includes(at));
}

describe("age on the period's last day", () => {
  it("relates periods fully on the age total's line, and a band's only to its last month", () => {
    const declared = problemOf(true);
    for (const m of ["persons", "fte"]) {
      // The total: 23 = each month's total ≤ 23, 23 ≤ 69 (union); 23 × 90 = 23 × 31 + 23 × 28 + 23 × 31.
      expect(periodRows(declared, "total", "2025M02", m).length).toBeGreaterThan(0);
      // Band 20-24 fits by chance (8 every month and in the quarter), yet February is not tied to it…
      expect(periodRows(declared, "20-24", "2025M02", m)).toEqual([]);
      // …only March, which ends on the quarter's last day: its persons are the quarter's with the same
      // band (8 ≤ 8; degree-days 8 × 31 ≤ 8 × 90).
      const march = periodRows(declared, "20-24", "2025M03", m);
      expect(march.map((r) => ({ eq: r.eq, coefs: r.coefs }))).toEqual([
        { eq: false, coefs: m === "fte" ? [31, -90] : [1, -1] },
      ]);
    }
    // Within the quarter, bands still sum to the total: each person has one band on its last day.
    const q = cellId(declared, "ag period=2025K1 age=20-24");
    const total = cellId(declared, "ag period=2025K1 age=total");
    expect(rowsAround(declared, [q], "persons").some((r) => r.eq && r.ids.includes(total))).toBe(true);

    // Without the declaration the band's rows are kept, as the values fit: what the attacker was
    // assumed to know before. Band 16-19 does not fit as a mean (6, 5, 5 against 5) either way.
    const undeclared = problemOf(false);
    expect(periodRows(undeclared, "20-24", "2025M02", "fte").length).toBe(1);
    expect(periodRows(undeclared, "16-19", "2025M02", "fte")).toEqual([]);
  });

  it("protects a quarter's band whose one person was in the band below in the first month", async () => {
    // One person turns 20 in February: 16-19 in January, 20-24 from February; everyone else stays.
    const few: Record<string, Record<string, number>> = {
      "2025M01": { "16-19": 13, "20-24": 0, "25-29": 30 },
      "2025M02": { "16-19": 12, "20-24": 1, "25-29": 30 },
      "2025M03": { "16-19": 12, "20-24": 1, "25-29": 30 },
      "2025K1": { "16-19": 12, "20-24": 1, "25-29": 30 },
    };
    const { problem: p } = await protectTables([
      testInput(declaredTable(), dims, ([period, age]) => bandValue(few, period as string, age as string)),
    ]);
    for (const period of ["2025M02", "2025M03", "2025K1"])
      expect(p.suppressed[cellId(p, `ag period=${period} age=20-24`)]).toBe(1);
    const audit = await auditProblem(p);
    expect(audit.violations).toEqual([]);
  });
});

describe("partners nearest first", () => {
  it("takes the bands either side of a band before farther ones", () => {
    const { problem: p } = buildProblem([input(false)]);
    const age = p.cubes[0]?.dims[1];
    if (!age) throw new Error("no age dimension");
    const code = (c: string) => age.codes.indexOf(c);
    // 25-29 with one partner: its neighbour 20-24, not 16-19 (the first in the list).
    const around = codesAround(age, code("25-29"), 1).map((c) => age.codes[c]);
    expect(new Set(around)).toEqual(new Set(["25-29", "total", "20-24"]));
    // 16-19's nearest is 20-24 on its one side.
    expect(new Set(codesAround(age, code("16-19"), 1).map((c) => age.codes[c]))).toEqual(
      new Set(["16-19", "total", "20-24"]),
    );
  });
});
