// SQL expressions for one field of a record type, generated from its definition: the derived value of
// its trimmed text `t`, and the reason the text is invalid. Mirrors `checkValue` in check-row.ts, so the
// SQL validation and the row-at-a-time check agree (a test holds them together).
import { quoteLiteral } from "../store/index.ts";
import type { FieldDef } from "./record-types/index.ts";

/** Characters JavaScript's `String.prototype.trim` removes; DuckDB's default `trim` differs. */
const WHITESPACE = quoteLiteral(
  "\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff",
);
/** The same characters as an RE2 class. */
const WHITESPACE_CLASS =
  "[\\t\\n\\x0b\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}]";

/**
 * `v` trimmed as JavaScript trims (NULL → ''). Trimming with a character set is slow in DuckDB, so it
 * runs only when a regular expression finds whitespace at either end — rarely.
 */
export function trimmed(v: string): string {
  const edge = `regexp_matches(${v}, '^${WHITESPACE_CLASS}|${WHITESPACE_CLASS}$')`;
  return `CASE WHEN ${v} IS NULL THEN '' WHEN ${edge} THEN trim(${v}, ${WHITESPACE}) ELSE ${v} END`;
}

/**
 * `x IN (values)` as a scalar test. DuckDB plans IN lists as joins, which cost time and loosen the row
 * order the stage depends on; short lists become comparisons, long ones one regular expression (RE2
 * matches an alternation of codes faster than `list_contains` scans a list).
 */
export function oneOf(x: string, values: readonly string[]): string {
  if (values.length === 0) return "false";
  if (values.length <= 3) return `(${values.map((v) => `${x} = ${quoteLiteral(v)}`).join(" OR ")})`;
  const alternatives = values.map((v) => v.replace(/[\\^$.|?*+()[\]{}]/g, "\\$&")).join("|");
  return `regexp_full_match(${x}, ${quoteLiteral(alternatives)})`;
}

const INTEGER = "'[+-]?[0-9]+'";
const DECIMAL = "'[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)'";

/** A shown value from a delivery: control characters replaced, CPR-like digit runs masked, capped. */
export function sanitized(t: string): string {
  const clean = `regexp_replace(${t}, '[\\x00-\\x1f\\x7f]', '?', 'g')`;
  return `left(regexp_replace(${clean}, '([0-9]{6})[ -]?[0-9]{4}', '\\1-xxxx', 'g'), 80)`;
}

/** The CPR mask `DDMMYY-xxxx` (or `xxxxxx-xxxx` when the first six characters are not digits). */
export function cprMask(t: string): string {
  return `CASE WHEN regexp_full_match(${t}[1:6], '[0-9]{6}') THEN ${t}[1:6] || '-xxxx' ELSE 'xxxxxx-xxxx' END`;
}

/** The value derived from the text, NULL when it does not parse (cpr: the ten digits as text). */
export function derivedValue(field: FieldDef, t: string): string | undefined {
  switch (field.type) {
    case "cpr":
      return `CASE WHEN regexp_full_match(${t}, '[0-9]{6}-?[0-9]{4}') THEN replace(${t}, '-', '') END`;
    case "date":
      return `CASE WHEN regexp_full_match(${t}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN TRY_CAST(${t} AS DATE)
        WHEN regexp_full_match(${t}, '[0-9]{2}-[0-9]{2}-[0-9]{4}')
          THEN TRY_CAST(${t}[7:10] || '-' || ${t}[4:5] || '-' || ${t}[1:2] AS DATE) END`;
    case "month":
      return `CASE WHEN regexp_full_match(${t}, '[0-9]{4}-(0[1-9]|1[0-2])')
        THEN make_date(CAST(${t}[1:4] AS INTEGER), CAST(${t}[6:7] AS INTEGER), 1) END`;
    case "integer":
      return `CASE WHEN regexp_full_match(${t}, ${INTEGER}) THEN TRY_CAST(${t} AS DOUBLE) END`;
    case "decimal":
      return `CASE WHEN regexp_full_match(${t}, ${DECIMAL}) THEN TRY_CAST(replace(${t}, ',', '.') AS DOUBLE) END`;
    default:
      return undefined;
  }
}

/** Birth date encoded by ten CPR digits `d` (as BIGINT; century from the 7th digit), NULL if not real. */
export function cprBirthDate(d: string): string {
  const yy = `(${d} // 10000 % 100)`;
  const seventh = `(${d} // 1000 % 10)`;
  const century = `CASE WHEN ${seventh} <= 3 THEN 1900
    WHEN ${seventh} = 4 OR ${seventh} = 9 THEN CASE WHEN ${yy} <= 36 THEN 2000 ELSE 1900 END
    WHEN ${yy} <= 57 THEN 2000 ELSE 1800 END`;
  return `CASE WHEN ${d} IS NOT NULL THEN try(make_date(CAST((${century}) + ${yy} AS INTEGER),
    CAST(${d} // 1000000 % 100 AS INTEGER), CAST(${d} // 100000000 AS INTEGER))) END`;
}

function range(field: FieldDef, x: string): string | undefined {
  const tests: string[] = [];
  if (field.min !== undefined) tests.push(`${x} ${field.minExclusive ? "<=" : "<"} ${field.min}`);
  if (field.max !== undefined) tests.push(`${x} > ${field.max}`);
  return tests.length > 0 ? tests.join(" OR ") : undefined;
}

/** The reason code of a non-empty text, NULL if valid. `x` is the derived value, `b` the CPR birth date. */
function valueReason(field: FieldDef, t: string, x: string, b: string, asOf: string): string {
  switch (field.type) {
    case "cpr":
      return `CASE WHEN ${x} IS NULL THEN 'cpr_format' WHEN ${b} IS NULL THEN 'cpr_date'
        WHEN ${b} > DATE ${quoteLiteral(asOf)} THEN 'cpr_future' END`;
    case "code":
      return `CASE WHEN NOT ${oneOf(t, field.codes ?? [])} THEN 'unknown_code' END`;
    case "date":
      return `CASE WHEN ${x} IS NULL OR year(${x}) < 1 THEN 'bad_date' END`;
    case "month":
      return `CASE WHEN ${x} IS NULL THEN 'bad_month' END`;
    case "integer":
    case "decimal": {
      const out = range(field, x);
      const bad = field.type === "integer" ? "bad_integer" : "bad_number";
      return `CASE WHEN ${x} IS NULL THEN '${bad}'${out ? ` WHEN ${out} THEN 'out_of_range'` : ""} END`;
    }
    case "text":
      return field.pattern
        ? `CASE WHEN NOT regexp_matches(${t}, ${quoteLiteral(field.pattern)}) THEN 'bad_format' END`
        : "NULL::VARCHAR";
  }
}

/** The reason code of a field's text, NULL if valid (an allowed empty is valid). */
export function fieldReason(field: FieldDef, t: string, x: string, b: string, asOf: string): string {
  const empty = field.required && !field.emptyAllowed ? "'required'" : "NULL::VARCHAR";
  const also = field.alsoAccepts?.length ? ` WHEN ${oneOf(t, field.alsoAccepts)} THEN NULL::VARCHAR` : "";
  return `CASE WHEN ${t} = '' THEN ${empty}${also} ELSE ${valueReason(field, t, x, b, asOf)} END`;
}

function defaultLiteral(field: FieldDef): string {
  if (field.default === undefined) return "NULL";
  return typeof field.default === "number" ? String(field.default) : quoteLiteral(field.default);
}

/** The stored value of a valid row's field (empty → the default, or NULL). */
export function storedValue(field: FieldDef, t: string, x: string): string {
  const fallback = defaultLiteral(field);
  if (field.alsoAccepts?.length) {
    return `CASE WHEN ${t} = '' THEN ${fallback === "NULL" ? "NULL" : `CAST(${fallback} AS VARCHAR)`}
      WHEN ${oneOf(t, field.alsoAccepts)} THEN ${t} ELSE CAST(TRY_CAST(${t} AS BIGINT) AS VARCHAR) END`;
  }
  switch (field.type) {
    case "date":
    case "month":
    case "decimal":
      return `coalesce(${x}, ${fallback})`;
    case "integer":
      return `coalesce(TRY_CAST(${t} AS BIGINT), ${fallback})`;
    default:
      return `coalesce(nullif(${t}, ''), ${fallback})`;
  }
}
