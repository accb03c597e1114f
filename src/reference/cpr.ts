// Danish CPR numbers: accepted forms, century rule, real birth date, gender. No modulus-11 check.
// Nothing here ever puts a clear CPR in a message: errors and masks show at most `DDMMYY-xxxx`.

import { fail } from "../errors.ts";
import { isIsoDate, isRealDate } from "./periods.ts";

export type CprProblem = "cpr_format" | "cpr_date" | "cpr_future";

export interface CprInfo {
  /** The 10 digits, without hyphen. */
  digits: string;
  /** ISO birth date. */
  birthDate: string;
  /** Last digit odd = "M" (man), even = "K" (woman). */
  gender: "M" | "K";
}

export type CprCheck = { ok: true; info: CprInfo } | { ok: false; problem: CprProblem };

const FORMAT: CprCheck = Object.freeze({ ok: false, problem: "cpr_format" });
const DATE: CprCheck = Object.freeze({ ok: false, problem: "cpr_date" });
const FUTURE: CprCheck = Object.freeze({ ok: false, problem: "cpr_future" });

const MASKED = "xxxxxx-xxxx";

/** True if characters [from, to) of s are ASCII digits. */
function allDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The two-digit number at position i (digits already checked). */
function twoAt(s: string, i: number): number {
  return (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);
}

/** `DDMMYYSSSS` or `DDMMYY-SSSS` → the 10 digits; anything else (spaces, other hyphens, letters) → undefined. */
export function normaliseCpr(raw: string): string | undefined {
  if (raw.length === 10) return allDigits(raw, 0, 10) ? raw : undefined;
  if (raw.length === 11 && raw.charCodeAt(6) === 45 && allDigits(raw, 0, 6) && allDigits(raw, 7, 11)) {
    return raw.slice(0, 6) + raw.slice(7);
  }
  return undefined;
}

/**
 * The century of a CPR birth year from YY (0–99) and the 7th digit (0–9):
 * 0–3 → 1900; 4 or 9 → 2000 if YY ≤ 36 else 1900; 5–8 → 2000 if YY ≤ 57 else 1800.
 */
export function centuryOf(yy: number, seventhDigit: number): number {
  if (!Number.isInteger(yy) || yy < 0 || yy > 99 || !Number.isInteger(seventhDigit) || seventhDigit < 0) {
    fail("bad_argument", "centuryOf expects a two-digit year 0–99 and a digit 0–9");
  }
  if (seventhDigit <= 3) return 1900;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 : 1900;
  if (seventhDigit <= 8) return yy <= 57 ? 2000 : 1800;
  return fail("bad_argument", "centuryOf expects a two-digit year 0–99 and a digit 0–9");
}

/** Birth year of 10 normalised digits (no checks). */
function birthYear(digits: string): number {
  const yy = twoAt(digits, 4);
  return centuryOf(yy, digits.charCodeAt(6) - 48) + yy;
}

/** ISO birth date from 10 digits (a hyphenated form is normalised first); undefined if not real. */
export function birthDateFromCpr(digits: string): string | undefined {
  const d = normaliseCpr(digits);
  return d === undefined ? undefined : birthDateOf(d);
}

/** ISO birth date of 10 normalised digits, or undefined if not real. */
function birthDateOf(d: string): string | undefined {
  const year = birthYear(d);
  const month = twoAt(d, 2);
  const day = twoAt(d, 0);
  if (!isRealDate(year, month, day)) return undefined;
  return `${year}-${d.slice(2, 4)}-${d.slice(0, 2)}`;
}

/**
 * Checks a delivered CPR without throwing: format, real birth date, and (with `asOf`, an ISO delivery date)
 * a birth date not after `asOf`. Failures are shared frozen objects, so a bad row allocates nothing.
 */
export function checkCpr(raw: string, asOf?: string): CprCheck {
  const digits = normaliseCpr(raw);
  if (digits === undefined) return FORMAT;
  const birthDate = birthDateOf(digits);
  if (birthDate === undefined) return DATE;
  if (asOf !== undefined) {
    if (!isIsoDate(asOf))
      fail("bad_argument", `Not a delivery date: ${JSON.stringify(asOf)}; expected YYYY-MM-DD`);
    // ISO dates with four-digit years compare correctly as strings.
    if (birthDate > asOf) return FUTURE;
  }
  const gender = (digits.charCodeAt(9) - 48) % 2 === 1 ? "M" : "K";
  return { ok: true, info: { digits, birthDate, gender } };
}

const PROBLEM_TEXT: Readonly<Record<CprProblem, string>> = {
  cpr_format: "not 10 digits written DDMMYYSSSS or DDMMYY-SSSS",
  cpr_date: "does not encode a real birth date",
  cpr_future: "birth date is after the delivery date",
};

/** Like `checkCpr` but throws `bad_cpr`; the message shows only the mask, details carry the problem. */
export function parseCpr(raw: string, asOf?: string): CprInfo {
  const result = checkCpr(raw, asOf);
  if (result.ok) return result.info;
  return fail("bad_cpr", `Invalid CPR ${maskCpr(raw)}: ${PROBLEM_TEXT[result.problem]}`, {
    problem: result.problem,
  });
}

/** `DDMMYY-xxxx` from the first six characters if they are digits, else `xxxxxx-xxxx`; never more. */
export function maskCpr(raw: string): string {
  return raw.length >= 6 && allDigits(raw, 0, 6) ? `${raw.slice(0, 6)}-xxxx` : MASKED;
}

/** The 7th digits that give a birth year's century for its YY, in ascending order (empty if none). */
function seventhDigitsFor(year: number): readonly number[] {
  const yy = year % 100;
  if (year >= 1858 && year <= 1899) return [5, 6, 7, 8];
  if (year >= 1900 && year <= 1999) return yy >= 37 ? [0, 1, 2, 3, 4, 9] : [0, 1, 2, 3];
  if (year >= 2000 && year <= 2036) return [4, 5, 6, 7, 8, 9];
  if (year >= 2037 && year <= 2057) return [5, 6, 7, 8];
  return [];
}

/** How many distinct CPR numbers exist per gender for a birth date (0 outside 1858-01-01..2057-12-31). */
export function cprSerialCount(birthDate: string): number {
  if (!isIsoDate(birthDate)) return 0;
  return seventhDigitsFor(Number(birthDate.slice(0, 4))).length * 100 * 5;
}

/**
 * A valid 10-digit CPR (no hyphen) for a birth date and gender: the 7th digit encodes the century, the last
 * digit's parity the gender. `serial` (integer ≥ 0) picks deterministically among the
 * `cprSerialCount(birthDate)` possible numbers, wrapping around. Inverse of `birthDateFromCpr` and gender.
 */
export function makeCpr(birthDate: string, gender: "M" | "K", serial: number): string {
  if (!isIsoDate(birthDate)) fail("bad_argument", `Not a birth date: ${JSON.stringify(birthDate)}`);
  if (gender !== "M" && gender !== "K") fail("bad_argument", `Not a gender: ${JSON.stringify(gender)}`);
  if (!Number.isSafeInteger(serial) || serial < 0) fail("bad_argument", `Not a CPR serial: ${serial}`);
  const year = Number(birthDate.slice(0, 4));
  const sevenths = seventhDigitsFor(year);
  if (sevenths.length === 0) {
    fail(
      "bad_argument",
      `No CPR number can encode birth date ${birthDate} (possible: 1858-01-01..2057-12-31)`,
    );
  }
  const k = serial % (sevenths.length * 500);
  const last = 2 * (k % 5) + (gender === "M" ? 1 : 0);
  const middle = Math.floor(k / 5) % 100;
  const seventh = sevenths[Math.floor(k / 500)] as number;
  const ddmmyy = `${birthDate.slice(8, 10)}${birthDate.slice(5, 7)}${birthDate.slice(2, 4)}`;
  return `${ddmmyy}${seventh}${middle < 10 ? "0" : ""}${middle}${last}`;
}
