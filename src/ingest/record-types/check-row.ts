// Checks one row against its record-type definition in plain TypeScript. The ingest validates big
// files in SQL; this is the independent, row-at-a-time reading of the same definitions, used by the
// synthetic generator's tests and as a cross-check of the SQL validation.
import { checkCpr } from "../../reference/cpr.ts";
import { parseDate } from "../../reference/periods.ts";
import type { FieldDef, ReasonCode, RecordTypeDef } from "./types.ts";

export interface RowProblem {
  readonly field: string;
  readonly reason: ReasonCode;
}

const MONTH = /^(\d{4})-(\d{2})$/;
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

/** Parses a decimal with `.` or `,` as decimal mark; undefined when it is not a number. */
export function parseDecimal(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  return Number(text.replace(",", "."));
}

function checkRange(field: FieldDef, value: number): ReasonCode | undefined {
  if (field.min !== undefined && (field.minExclusive ? value <= field.min : value < field.min))
    return "out_of_range";
  if (field.max !== undefined && value > field.max) return "out_of_range";
  return undefined;
}

/** Code sets and compiled patterns per field, built once: this runs on millions of rows. */
const compiled = new WeakMap<FieldDef, { codes: ReadonlySet<string>; pattern: RegExp | undefined }>();
function compiledOf(field: FieldDef): { codes: ReadonlySet<string>; pattern: RegExp | undefined } {
  let c = compiled.get(field);
  if (!c) {
    c = { codes: new Set(field.codes ?? []), pattern: field.pattern ? new RegExp(field.pattern) : undefined };
    compiled.set(field, c);
  }
  return c;
}

/** The problem of one non-empty value, or undefined when it is valid. */
export function checkValue(field: FieldDef, text: string, asOf: string): ReasonCode | undefined {
  if (field.alsoAccepts?.includes(text)) return undefined;
  switch (field.type) {
    case "cpr": {
      const result = checkCpr(text, asOf);
      return result.ok ? undefined : result.problem;
    }
    case "code":
      return compiledOf(field).codes.has(text) ? undefined : "unknown_code";
    case "date":
      return parseDate(text) === undefined ? "bad_date" : undefined;
    case "month": {
      const m = MONTH.exec(text);
      const month = m ? Number(m[2]) : 0;
      return month >= 1 && month <= 12 ? undefined : "bad_month";
    }
    case "integer":
      return INTEGER.test(text) ? checkRange(field, Number(text)) : "bad_integer";
    case "decimal": {
      const value = parseDecimal(text);
      return value === undefined ? "bad_number" : checkRange(field, value);
    }
    case "text":
      return compiledOf(field).pattern?.test(text) === false ? "bad_format" : undefined;
  }
}

/**
 * Every problem of a row: per field first, then the cross-field rules on fields that passed.
 * `row` maps lower-case field names to raw text; values are trimmed, an empty string is "missing".
 */
export function checkRow(
  def: RecordTypeDef,
  row: Readonly<Record<string, string | undefined>>,
  asOf: string,
): RowProblem[] {
  const problems: RowProblem[] = [];
  const valid = new Map<string, string>();
  for (const field of def.fields) {
    const text = (row[field.name] ?? "").trim();
    if (text === "") {
      if (field.required && !field.emptyAllowed) problems.push({ field: field.name, reason: "required" });
      continue;
    }
    const reason = checkValue(field, text, asOf);
    if (reason) problems.push({ field: field.name, reason });
    else valid.set(field.name, text);
  }
  for (const rule of def.rules) {
    if (rule.kind === "required_when") {
      const when = valid.get(rule.when);
      const present = (row[rule.field] ?? "").trim() !== "";
      if (when !== undefined && rule.values.includes(when) && !present) {
        problems.push({ field: rule.field, reason: rule.reason as ReasonCode });
      }
    } else {
      const a = valid.get(rule.field);
      const b = valid.get(rule.other);
      if (a !== undefined && b !== undefined && (parseDate(a) ?? "") < (parseDate(b) ?? "")) {
        problems.push({ field: rule.field, reason: rule.reason as ReasonCode });
      }
    }
  }
  return problems;
}
