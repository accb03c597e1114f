// Day numbers (days since 1970-01-01) to date text, cached: the generator writes tens of millions
// of dates and formatting each one anew would dominate its run time.
import { dayNumberFromParts, isoFromDayNumber } from "../reference/periods.ts";

const FIRST = -43_830; // 1850-01-01
const LAST = 36_524; // 2069-12-31
const isoCache: (string | undefined)[] = new Array(LAST - FIRST + 1);
const dmyCache: (string | undefined)[] = new Array(LAST - FIRST + 1);

export function isoOfDay(day: number): string {
  const i = day - FIRST;
  let text = isoCache[i];
  if (text === undefined) {
    text = isoFromDayNumber(day);
    if (i >= 0 && i < isoCache.length) isoCache[i] = text;
  }
  return text;
}

/** `DD-MM-YYYY`, the other date form the contract accepts. */
export function dmyOfDay(day: number): string {
  const i = day - FIRST;
  let text = dmyCache[i];
  if (text === undefined) {
    const iso = isoOfDay(day);
    text = `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
    if (i >= 0 && i < dmyCache.length) dmyCache[i] = text;
  }
  return text;
}

/** Year, month (1–12) and day of a day number. */
export function partsOfDay(day: number): { year: number; month: number; day: number } {
  const iso = isoOfDay(day);
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

/** Last day of the month containing `day`. */
export function monthEndOf(day: number): number {
  const p = partsOfDay(day);
  return p.month === 12
    ? dayNumberFromParts(p.year + 1, 1, 1) - 1
    : dayNumberFromParts(p.year, p.month + 1, 1) - 1;
}

/** Last day of the year containing `day`. */
export function yearEndOf(day: number): number {
  return dayNumberFromParts(partsOfDay(day).year + 1, 1, 1) - 1;
}
