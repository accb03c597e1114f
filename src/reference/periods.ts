// Periods as Statistics Denmark writes them (2025M03, 2025K1, 2025, 2025K1R12) and UTC-free calendar arithmetic.
// Every code this module produces parses again; dates are ISO `YYYY-MM-DD` strings, day numbers count from 1970-01-01.

import { fail } from "../errors.ts";

export type PeriodKind = "month" | "quarter" | "year" | "rolling";

export interface Period {
  readonly kind: PeriodKind;
  /** The canonical code, e.g. `2025M03`, `2025K1`, `2025`, `2025K1R12`. */
  readonly code: string;
  /** The year of the code (for a rolling window: the year of the quarter it ends in). */
  readonly year: number;
  /** Month 1–12 for a month; quarter 1–4 for a quarter or rolling window; 0 for a year. */
  readonly index: number;
  /** ISO first day. */
  readonly first: string;
  /** ISO last day (inclusive). */
  readonly last: string;
  /** Calendar days from first to last, inclusive. */
  readonly days: number;
  /** Day number of `first`. */
  readonly firstDay: number;
  /** Day number of `last`. */
  readonly lastDay: number;
}

/** Years a period code may carry. */
export const MIN_PERIOD_YEAR = 1900;
export const MAX_PERIOD_YEAR = 2199;

const ACCEPTED_FORMS =
  "expected a month like 2025M03, a quarter like 2025K1, a year like 2025 or a rolling 12-month window " +
  "like 2025K1R12 (upper-case M, K and R12; no spaces; years 1900–2199)";

const KIND_ORDER: Readonly<Record<PeriodKind, number>> = { month: 0, quarter: 1, rolling: 2, year: 3 };

const CUMULATIVE_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** "00".."99", so formatting never pads at run time. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

/** Quotes user input for a message: JSON-escaped, cut to 40 characters. */
function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}

function two(n: number): string {
  return TWO_DIGITS[n] as string;
}

function four(n: number): string {
  return n >= 1000 ? `${n}` : n >= 100 ? `0${n}` : n >= 10 ? `00${n}` : `000${n}`;
}

/** The value of the ASCII digit at `i`, or -1. */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** The value of `len` ASCII digits starting at `i`, or -1 if any is not a digit. */
function digitsAt(s: string, i: number, len: number): number {
  let v = 0;
  for (let k = i; k < i + len; k++) {
    const c = s.charCodeAt(k) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

// ---------------------------------------------------------------------------------------------------------
// Calendar

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in a month (1–12) of a year; February follows the Gregorian leap rule. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return DAYS_IN_MONTH[month - 1] ?? fail("bad_argument", `Not a month number: ${month}`);
}

/** True for integer year 1–9999, month 1–12 and a day that exists in that month. */
export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Day number (days since 1970-01-01, proleptic Gregorian) of a real date; no validation. */
function dayNumberOf(year: number, month: number, day: number): number {
  const y = year - 1;
  const leapDays = Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400);
  const doy = (CUMULATIVE_DAYS[month - 1] as number) + (month > 2 && isLeapYear(year) ? 1 : 0) + day - 1;
  // 719162 = days from 0001-01-01 to 1970-01-01.
  return y * 365 + leapDays + doy - 719162;
}

/** Day number of a date given as parts; throws `bad_argument` if the date is not real. */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  if (!isRealDate(year, month, day)) fail("bad_argument", `Not a real date: ${year}-${month}-${day}`);
  return dayNumberOf(year, month, day);
}

/** Year, month and day of a valid ISO date string, or -1 for the year if it is not one. */
function isoYear(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return -1;
  const year = digitsAt(iso, 0, 4);
  const month = digitsAt(iso, 5, 2);
  const day = digitsAt(iso, 8, 2);
  return year >= 0 && month >= 0 && day >= 0 && isRealDate(year, month, day) ? year : -1;
}

/** True if `s` is exactly a real date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  return isoYear(s) >= 0;
}

/** Days since 1970-01-01 of an ISO date (negative before); throws `bad_argument` for anything else. */
export function dayNumber(iso: string): number {
  const year = isoYear(iso);
  if (year < 0) fail("bad_argument", `Not a date: ${quote(iso)}; expected YYYY-MM-DD`);
  return dayNumberOf(year, digitsAt(iso, 5, 2), digitsAt(iso, 8, 2));
}

const MIN_DAY_NUMBER = -719162; // 0001-01-01
const MAX_DAY_NUMBER = 2932896; // 9999-12-31

/** The ISO date of a day number (inverse of `dayNumber`), for years 1–9999. */
export function isoFromDayNumber(n: number): string {
  if (!Number.isInteger(n) || n < MIN_DAY_NUMBER || n > MAX_DAY_NUMBER) {
    fail("bad_argument", `Day number out of range: ${n}`);
  }
  // Civil-from-days (H. Hinnant), shifted so that years start on 1 March.
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${four(year)}-${two(month)}-${two(day)}`;
}

/** The ISO date `n` days after (or before, if negative) an ISO date. */
export function addDays(iso: string, n: number): string {
  return isoFromDayNumber(dayNumber(iso) + n);
}

/**
 * A delivered date: `YYYY-MM-DD` or `DD-MM-YYYY`, exactly (no spaces). Returns the ISO form, or undefined
 * if the text is not of either form or not a real date.
 */
export function parseDate(s: string): string | undefined {
  if (s.length !== 10) return undefined;
  if (s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) return isoYear(s) >= 0 ? s : undefined;
  if (s.charCodeAt(2) !== 45 || s.charCodeAt(5) !== 45) return undefined;
  const day = digitsAt(s, 0, 2);
  const month = digitsAt(s, 3, 2);
  const year = digitsAt(s, 6, 4);
  if (day < 0 || month < 0 || year < 0 || !isRealDate(year, month, day)) return undefined;
  return `${s.slice(6, 10)}-${s.slice(3, 5)}-${s.slice(0, 2)}`;
}

// ---------------------------------------------------------------------------------------------------------
// Periods

const cache = new Map<string, Period>();

function makePeriod(
  kind: PeriodKind,
  code: string,
  year: number,
  index: number,
  first: string,
  last: string,
) {
  const firstDay = dayNumber(first);
  const lastDay = dayNumber(last);
  const period: Period = Object.freeze({
    kind,
    code,
    year,
    index,
    first,
    last,
    days: lastDay - firstDay + 1,
    firstDay,
    lastDay,
  });
  cache.set(code, period);
  return period;
}

function monthStart(year: number, month: number): string {
  return `${four(year)}-${two(month)}-01`;
}

function monthEnd(year: number, month: number): string {
  return `${four(year)}-${two(month)}-${two(daysInMonth(year, month))}`;
}

/** Builds (and caches) a period from already validated parts. */
function build(kind: PeriodKind, year: number, index: number): Period {
  switch (kind) {
    case "month": {
      const code = `${year}M${two(index)}`;
      return (
        cache.get(code) ?? makePeriod(kind, code, year, index, monthStart(year, index), monthEnd(year, index))
      );
    }
    case "quarter": {
      const code = `${year}K${index}`;
      return (
        cache.get(code) ??
        makePeriod(kind, code, year, index, monthStart(year, 3 * index - 2), monthEnd(year, 3 * index))
      );
    }
    case "year": {
      const code = `${year}`;
      return cache.get(code) ?? makePeriod(kind, code, year, 0, `${year}-01-01`, `${year}-12-31`);
    }
    case "rolling": {
      const code = `${year}K${index}R12`;
      const cached = cache.get(code);
      if (cached) return cached;
      const endMonth = 3 * index;
      const startYear = endMonth === 12 ? year : year - 1;
      const startMonth = endMonth === 12 ? 1 : endMonth + 1;
      return makePeriod(kind, code, year, index, monthStart(startYear, startMonth), monthEnd(year, endMonth));
    }
  }
}

function parseUncached(code: string): Period | undefined {
  const n = code.length;
  if (n !== 4 && n !== 6 && n !== 7 && n !== 9) return undefined;
  const year = digitsAt(code, 0, 4);
  if (year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) return undefined;
  if (n === 4) return build("year", year, 0);
  const marker = code.charCodeAt(4);
  if (n === 7) {
    const month = marker === 77 /* M */ ? digitsAt(code, 5, 2) : -1;
    return month >= 1 && month <= 12 ? build("month", year, month) : undefined;
  }
  const q = marker === 75 /* K */ ? digitAt(code, 5) : -1;
  if (q < 1 || q > 4) return undefined;
  if (n === 6) return build("quarter", year, q);
  // Rolling: the window must not start before the first valid period year.
  if (code.charCodeAt(6) !== 82 /* R */ || code.charCodeAt(7) !== 49 || code.charCodeAt(8) !== 50)
    return undefined;
  if (year === MIN_PERIOD_YEAR && q !== 4) return undefined;
  return build("rolling", year, q);
}

/** A period code, or undefined if `code` is not exactly one of the accepted forms. */
export function tryParsePeriod(code: string): Period | undefined {
  return cache.get(code) ?? parseUncached(code);
}

/** A period code; throws `bad_period` naming the string and the accepted forms. */
export function parsePeriod(code: string): Period {
  return tryParsePeriod(code) ?? fail("bad_period", `Not a period: ${quote(code)}; ${ACCEPTED_FORMS}`);
}

function checkPeriodYear(year: number, what: string): void {
  if (!Number.isInteger(year) || year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) {
    fail("bad_period", `Not a ${what}: year ${year} is outside 1900–2199`);
  }
}

/** `2025M03`; throws `bad_period` for a month outside 1–12 or a year outside 1900–2199. */
export function formatMonth(year: number, month: number): string {
  checkPeriodYear(year, "month");
  if (!Number.isInteger(month) || month < 1 || month > 12) fail("bad_period", `Not a month number: ${month}`);
  return `${year}M${two(month)}`;
}

/** `2025K1`; throws `bad_period` for a quarter outside 1–4 or a year outside 1900–2199. */
export function formatQuarter(year: number, q: number): string {
  checkPeriodYear(year, "quarter");
  if (!Number.isInteger(q) || q < 1 || q > 4) fail("bad_period", `Not a quarter number: ${q}`);
  return `${year}K${q}`;
}

/** The month code of an ISO date: `2025-03-14` → `2025M03`. */
export function monthOfDate(iso: string): string {
  const year = isoYear(iso);
  if (year < 0) fail("bad_argument", `Not a date: ${quote(iso)}; expected YYYY-MM-DD`);
  return formatMonth(year, digitsAt(iso, 5, 2));
}

/** The command-line month form `YYYY-MM` (e.g. `2025-03`); throws `bad_period` for anything else. */
export function parseYearMonth(s: string): { year: number; month: number } {
  const year = s.length === 7 && s.charCodeAt(4) === 45 ? digitsAt(s, 0, 4) : -1;
  const month = year >= 0 ? digitsAt(s, 5, 2) : -1;
  if (year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR || month < 1 || month > 12) {
    fail("bad_period", `Not a month: ${quote(s)}; expected YYYY-MM like 2025-03 (years 1900–2199)`);
  }
  return { year, month };
}

function parseMonthCode(code: string): Period {
  const p = tryParsePeriod(code);
  if (p?.kind !== "month")
    fail("bad_period", `Not a month code: ${quote(code)}; expected a month like 2025M03`);
  return p;
}

/** Ordinal of a month, quarter or year within its kind (months since year 0, etc.). */
function ordinal(p: Period): number {
  switch (p.kind) {
    case "month":
      return p.year * 12 + p.index - 1;
    case "quarter":
    case "rolling":
      return p.year * 4 + p.index - 1;
    case "year":
      return p.year;
  }
}

function fromOrdinal(kind: PeriodKind, ord: number): Period {
  switch (kind) {
    case "month":
      return build(kind, Math.floor(ord / 12), (ord % 12) + 1);
    case "quarter":
    case "rolling":
      return build(kind, Math.floor(ord / 4), (ord % 4) + 1);
    case "year":
      return build(kind, ord, 0);
  }
}

/** The month codes from `from` to `to`, both month codes, inclusive; `bad_range` if from is after to. */
export function monthsBetween(from: string, to: string): string[] {
  const a = parseMonthCode(from);
  const b = parseMonthCode(to);
  if (a.lastDay > b.lastDay) {
    fail("bad_range", `Not a valid month range: ${quote(from)} is after ${quote(to)}`);
  }
  const out: string[] = [];
  for (let o = ordinal(a), end = ordinal(b); o <= end; o++) {
    out.push(`${Math.floor(o / 12)}M${two((o % 12) + 1)}`);
  }
  return out;
}

/**
 * A period range `FROM..TO`: both ends periods of the same kind, FROM ≤ TO; returns every period from FROM
 * to TO inclusive (rolling windows step by quarter). Throws `bad_range` naming the string otherwise.
 */
export function parsePeriodRange(range: string): Period[] {
  const bad = (why: string): never =>
    fail(
      "bad_range",
      `Not a valid period range: ${quote(range)} (${why}); expected FROM..TO with two periods of the same ` +
        "kind, FROM not after TO, e.g. 2024M01..2024M12, 2024K1..2024K4 or 2023..2025",
    );
  const sep = range.indexOf("..");
  if (sep < 0) return bad("no '..' between two periods");
  const fromCode = range.slice(0, sep);
  const toCode = range.slice(sep + 2);
  const from = tryParsePeriod(fromCode) ?? bad(`${quote(fromCode)} is not a period`);
  const to = tryParsePeriod(toCode) ?? bad(`${quote(toCode)} is not a period`);
  if (from.kind !== to.kind) return bad(`a ${from.kind} and a ${to.kind}`);
  if (comparePeriods(from, to) > 0) return bad("start after end");
  const out: Period[] = [];
  for (let o = ordinal(from), end = ordinal(to); o <= end; o++) out.push(fromOrdinal(from.kind, o));
  return out;
}

/** The month codes a period covers, in order (a rolling window: its 12 months). */
export function monthsOf(period: Period): string[] {
  const startYear = digitsAt(period.first, 0, 4);
  const startMonth = digitsAt(period.first, 5, 2);
  const count = period.kind === "month" ? 1 : period.kind === "quarter" ? 3 : 12;
  const out: string[] = [];
  for (let o = startYear * 12 + startMonth - 1, end = o + count; o < end; o++) {
    out.push(`${Math.floor(o / 12)}M${two((o % 12) + 1)}`);
  }
  return out;
}

/** `2025M05` → `2025K2`. */
export function quarterOfMonth(monthCode: string): string {
  const p = parseMonthCode(monthCode);
  return `${p.year}K${Math.floor((p.index - 1) / 3) + 1}`;
}

/** `2025M05` → `2025`. */
export function yearOfMonth(monthCode: string): string {
  return `${parseMonthCode(monthCode).year}`;
}

/** Orders periods by last day, then kind (month, quarter, rolling, year), then first day. */
export function comparePeriods(a: Period, b: Period): number {
  return a.lastDay - b.lastDay || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.firstDay - b.firstDay;
}
