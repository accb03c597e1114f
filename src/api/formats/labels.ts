// Words the formats share: unit names, status explanations and a cube's texts in one language.
import type { Unit } from "../../build/tables/types.ts";

export type Language = "da" | "en";

export const UNIT_LABELS: Readonly<Record<Unit, { da: string; en: string }>> = {
  persons: { da: "personer", en: "persons" },
  fte: { da: "fuldtidspersoner", en: "full-time persons" },
  dkk: { da: "kr.", en: "DKK" },
  percent: { da: "pct.", en: "per cent" },
  count: { da: "antal", en: "number" },
  weeks: { da: "uger", en: "weeks" },
  hours: { da: "timer", en: "hours" },
  rank: { da: "placering", en: "rank" },
  code: { da: "kode", en: "code" },
  number: { da: "tal", en: "number" },
};

export function unitLabel(unit: string, language: Language): string {
  return UNIT_LABELS[unit as Unit]?.[language] ?? unit;
}

export const STATUS_TEXT: Readonly<
  Record<"..", { da: string; en: string }> & Record<"-", { da: string; en: string }>
> = {
  "..": {
    da: "Diskretioneret: tallet er skjult af hensyn til fortroligheden",
    en: "Suppressed for confidentiality",
  },
  "-": { da: "Ikke relevant: målet giver ingen mening for cellen", en: "Not applicable to this cell" },
};

export const MEASURE_WORD: Readonly<Record<Language, string>> = { da: "Måling", en: "Measure" };

/** A number in the plain form every format uses: shortest round-trip digits, `.` as decimal mark. */
export function plainNumber(value: number): string {
  return Object.is(value, -0) ? "0" : String(value);
}
