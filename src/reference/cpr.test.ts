// CPR numbers: hand cases for forms, centuries, real dates and masking; fast-check properties for makeCpr.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import {
  birthDateFromCpr,
  centuryOf,
  checkCpr,
  cprSerialCount,
  makeCpr,
  maskCpr,
  normaliseCpr,
  parseCpr,
} from "./cpr.ts";
import { dayNumber, isoFromDayNumber } from "./periods.ts";

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected an AppError, nothing was thrown");
}

const MASK = /^\d{6}-xxxx$/;

describe("checkCpr", () => {
  it("reads 0101001234 as a woman born 1900-01-01 (7th digit 1)", () => {
    expect(checkCpr("0101001234")).toEqual({
      ok: true,
      info: { digits: "0101001234", birthDate: "1900-01-01", gender: "K" },
    });
  });

  it("reads 010100-4234 as born 2000-01-01 (7th digit 4, YY 00) and drops the hyphen", () => {
    expect(checkCpr("010100-4234")).toEqual({
      ok: true,
      info: { digits: "0101004234", birthDate: "2000-01-01", gender: "K" },
    });
  });

  it("reads 3112585234 as born 1858-12-31 (7th digit 5, YY 58)", () => {
    expect(parseCpr("3112585234").birthDate).toBe("1858-12-31");
  });

  it("gives an odd last digit the gender M", () => {
    expect(parseCpr("0101001235").gender).toBe("M");
    expect(parseCpr("0101001230").gender).toBe("K");
  });

  it.each([
    ["0101361234", "1936-01-01"],
    ["0101363234", "1936-01-01"],
    ["0101364234", "2036-01-01"],
    ["0101369234", "2036-01-01"],
    ["0101374234", "1937-01-01"],
    ["0101379234", "1937-01-01"],
    ["0101575234", "2057-01-01"],
    ["0101578234", "2057-01-01"],
    ["0101585234", "1858-01-01"],
    ["0101998234", "1899-01-01"],
    ["0101990234", "1999-01-01"],
    ["0101999234", "1999-01-01"],
  ])("follows the century rules: %s is born %s", (cpr, birthDate) => {
    expect(birthDateFromCpr(cpr)).toBe(birthDate);
  });

  it("refuses 29 February 1900 (not a leap year) but accepts 29 February 2000", () => {
    expect(checkCpr("2902001234")).toEqual({ ok: false, problem: "cpr_date" });
    expect(parseCpr("2902004234").birthDate).toBe("2000-02-29");
  });

  it.each(["3104901234", "0001001234", "3201001234", "0100001234", "0113001234", "9999999999"])(
    "refuses %s as not a real date",
    (cpr) => {
      expect(checkCpr(cpr)).toEqual({ ok: false, problem: "cpr_date" });
      expect(birthDateFromCpr(cpr)).toBeUndefined();
    },
  );

  it.each([
    "01010-01234",
    "0101001-234",
    "010100123",
    "01010012345",
    "010100-123",
    "010100-12345",
    "01010O1234",
    "abcdefghij",
    " 0101001234",
    "0101001234 ",
    "010100 1234",
    "010100--1234",
    "010100_1234",
    "０１０１００１２３４",
    "",
  ])("refuses %j as not of the accepted forms", (raw) => {
    expect(checkCpr(raw)).toEqual({ ok: false, problem: "cpr_format" });
    expect(normaliseCpr(raw)).toBeUndefined();
  });

  it("refuses a birth date after the delivery date, and accepts one on it", () => {
    expect(checkCpr("0101254235", "2024-12-31")).toEqual({ ok: false, problem: "cpr_future" });
    expect(checkCpr("0101254235", "2025-01-01").ok).toBe(true);
    expect(checkCpr("0101254235").ok).toBe(true);
  });

  it("refuses a delivery date that is not an ISO date", () => {
    expect(thrown(() => checkCpr("0101001234", "01-01-2025")).code).toBe("bad_argument");
  });
});

describe("parseCpr", () => {
  it("throws bad_cpr with the mask and the problem, never the clear number", () => {
    for (const [raw, problem, asOf] of [
      ["3104901234", "cpr_date", undefined],
      ["310490-1234", "cpr_date", undefined],
      ["0101254235", "cpr_future", "2024-06-01"],
      ["31049012345", "cpr_format", undefined],
    ] as const) {
      const err = thrown(() => parseCpr(raw, asOf));
      expect(err.code).toBe("bad_cpr");
      expect(err.details).toEqual({ problem });
      expect(err.message).toContain(`${raw.slice(0, 6)}-xxxx`);
      expect(err.message).not.toContain(raw);
      expect(err.message).not.toContain(raw.replace("-", "").slice(6, 10));
    }
  });

  it("masks garbage completely in the message", () => {
    const err = thrown(() => parseCpr("CPR 0101001234"));
    expect(err.message).toContain("xxxxxx-xxxx");
    expect(err.message).not.toContain("1234");
  });
});

describe("maskCpr", () => {
  it("keeps only the first six digits", () => {
    expect(maskCpr("0101001234")).toBe("010100-xxxx");
    expect(maskCpr("010100-1234")).toBe("010100-xxxx");
    expect(maskCpr("0101001234567")).toBe("010100-xxxx");
  });

  it("masks everything when there are no six leading digits", () => {
    expect(maskCpr("")).toBe("xxxxxx-xxxx");
    expect(maskCpr("01010")).toBe("xxxxxx-xxxx");
    expect(maskCpr(" 0101001234")).toBe("xxxxxx-xxxx");
    expect(maskCpr("<script>alert(1)</script>")).toBe("xxxxxx-xxxx");
  });
});

describe("centuryOf", () => {
  it("maps every 7th digit and YY to the century of the CPR rules", () => {
    expect([0, 1, 2, 3].map((d) => centuryOf(0, d))).toEqual([1900, 1900, 1900, 1900]);
    expect([0, 1, 2, 3].map((d) => centuryOf(99, d))).toEqual([1900, 1900, 1900, 1900]);
    expect([centuryOf(36, 4), centuryOf(37, 4), centuryOf(36, 9), centuryOf(37, 9)]).toEqual([
      2000, 1900, 2000, 1900,
    ]);
    expect([centuryOf(57, 5), centuryOf(58, 5), centuryOf(57, 8), centuryOf(58, 8)]).toEqual([
      2000, 1800, 2000, 1800,
    ]);
  });

  it("refuses a digit or year out of range", () => {
    expect(thrown(() => centuryOf(100, 1)).code).toBe("bad_argument");
    expect(thrown(() => centuryOf(10, 10)).code).toBe("bad_argument");
    expect(thrown(() => centuryOf(-1, 0)).code).toBe("bad_argument");
  });
});

describe("makeCpr", () => {
  it("builds numbers that decode to the birth date and gender", () => {
    expect(makeCpr("1900-01-01", "K", 0)).toBe("0101000000");
    expect(makeCpr("1900-01-01", "M", 0)).toBe("0101000001");
    expect(birthDateFromCpr(makeCpr("1858-06-15", "M", 7))).toBe("1858-06-15");
    expect(birthDateFromCpr(makeCpr("2057-12-31", "K", 123_456))).toBe("2057-12-31");
  });

  it("counts the distinct numbers per birth date and gender", () => {
    expect(cprSerialCount("1936-05-01")).toBe(2000);
    expect(cprSerialCount("1937-05-01")).toBe(3000);
    expect(cprSerialCount("2020-05-01")).toBe(3000);
    expect(cprSerialCount("2040-05-01")).toBe(2000);
    expect(cprSerialCount("1870-05-01")).toBe(2000);
    expect(cprSerialCount("1857-12-31")).toBe(0);
    expect(cprSerialCount("2058-01-01")).toBe(0);
  });

  it("gives distinct numbers for every serial below the count and wraps after it", () => {
    for (const date of ["1936-05-01", "1990-02-28", "2000-02-29", "2050-07-07", "1870-01-01"]) {
      for (const gender of ["M", "K"] as const) {
        const count = cprSerialCount(date);
        const seen = new Set<string>();
        for (let s = 0; s < count; s++) seen.add(makeCpr(date, gender, s));
        expect(seen.size).toBe(count);
        expect(makeCpr(date, gender, count + 5)).toBe(makeCpr(date, gender, 5));
      }
    }
  });

  it("refuses birth dates no CPR can encode and bad arguments", () => {
    expect(thrown(() => makeCpr("1857-12-31", "M", 0)).code).toBe("bad_argument");
    expect(thrown(() => makeCpr("2058-01-01", "M", 0)).code).toBe("bad_argument");
    expect(thrown(() => makeCpr("2023-02-29", "M", 0)).code).toBe("bad_argument");
    expect(thrown(() => makeCpr("2000-01-01", "M", -1)).code).toBe("bad_argument");
    expect(thrown(() => makeCpr("2000-01-01", "M", 1.5)).code).toBe("bad_argument");
  });
});

describe("properties", () => {
  const birthDate = fc
    .integer({ min: dayNumber("1858-01-01"), max: dayNumber("2057-12-31") })
    .map((n) => isoFromDayNumber(n));
  const gender = fc.constantFrom("M" as const, "K" as const);
  const serial = fc.nat({ max: 1_000_000 });

  it("makeCpr gives a CPR that checkCpr accepts with the same birth date and gender", () => {
    fc.assert(
      fc.property(birthDate, gender, serial, (date, g, s) => {
        const cpr = makeCpr(date, g, s);
        expect(cpr).toMatch(/^\d{10}$/);
        expect(checkCpr(cpr, date)).toEqual({ ok: true, info: { digits: cpr, birthDate: date, gender: g } });
      }),
      { numRuns: 2000 },
    );
  });

  it("normalises a CPR with and without the hyphen to the same digits and result", () => {
    fc.assert(
      fc.property(birthDate, gender, serial, (date, g, s) => {
        const cpr = makeCpr(date, g, s);
        const hyphen = `${cpr.slice(0, 6)}-${cpr.slice(6)}`;
        expect(normaliseCpr(hyphen)).toBe(cpr);
        expect(checkCpr(hyphen)).toEqual(checkCpr(cpr));
      }),
    );
  });

  it("decodes any ten digits consistently with the digits themselves", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), (digits) => {
        const result = checkCpr(digits);
        if (!result.ok) return result.problem === "cpr_date";
        const { birthDate: date, gender: g } = result.info;
        return (
          date.slice(8, 10) === digits.slice(0, 2) &&
          date.slice(5, 7) === digits.slice(2, 4) &&
          date.slice(2, 4) === digits.slice(4, 6) &&
          date >= "1858-01-01" &&
          date <= "2057-12-31" &&
          g === (Number(digits[9]) % 2 === 1 ? "M" : "K")
        );
      }),
      { numRuns: 2000 },
    );
  });

  it("masks anything to six digits and xxxx, or to xxxxxx-xxxx, never showing digits 7–10", () => {
    const raw = fc.oneof(
      fc.string(),
      fc.stringMatching(/^\d{10}$/),
      fc.stringMatching(/^\d{6}-\d{4}$/),
      fc.stringMatching(/^\d{0,12}$/),
    );
    fc.assert(
      fc.property(raw, (s) => {
        const mask = maskCpr(s);
        expect(MASK.test(mask) || mask === "xxxxxx-xxxx").toBe(true);
        expect(mask.slice(7)).toBe("xxxx");
        if (MASK.test(mask)) expect(mask.slice(0, 6)).toBe(s.slice(0, 6));
      }),
      { numRuns: 2000 },
    );
  });
});
