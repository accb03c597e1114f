// Generates, from a record type's definition, the one SQL statement that turns a delivery's text rows
// into the stage: per row every problem (field, reason, shown value; NULL for a good row) — field checks, cross-field rules
// and the source's scope — plus the typed values the fact table stores. No per-type SQL is written
// by hand. The clear CPR never leaves the statement: the stage keeps its digits only as a number, for
// pseudonymisation, in memory.
import { literalList, quoteIdentifier } from "../store/index.ts";
import {
  cprBirthDate,
  cprMask,
  derivedValue,
  fieldReason,
  oneOf,
  sanitized,
  storedValue,
  trimmed,
} from "./field-sql.ts";
import type { RecordTypeDef } from "./record-types/index.ts";
import type { StageInput } from "./stage-input.ts";

export const STAGE_TABLE = "ingest_stage";

export interface Scope {
  readonly kind: "jobcenter" | "akasse" | "national";
  readonly codes: readonly string[];
}

export interface StageSqlOptions {
  readonly def: RecordTypeDef;
  readonly input: StageInput;
  readonly scope: Scope;
  /** The delivery date, `YYYY-MM-DD` (a CPR born later is `cpr_future`). */
  readonly asOf: string;
}

/** The name of the stage column holding a field's stored value. */
export function outputColumn(def: RecordTypeDef, name: string): string {
  return `o${def.fields.findIndex((f) => f.name === name)}`;
}

function problem(field: string, reason: string, value: string): string {
  return `{'field': ${literalList([field]).slice(1, -1)}, 'reason': ${reason}, 'value': ${value}}`;
}

function fieldCountValue(headerCount: number): string {
  return `CASE WHEN nf = -2 THEN 'more than ${headerCount} fields'
    ELSE CAST(nf AS VARCHAR) || ' fields; the header has ${headerCount}' END`;
}

/** A condition under which a row has a problem, and the problem. */
interface Check {
  readonly test: string;
  readonly problem: string;
}

/** Row-level rules: `required_when` and `not_before`, only on fields that passed their own checks. */
function ruleChecks(def: RecordTypeDef): Check[] {
  const at = (name: string) => def.fields.findIndex((f) => f.name === name);
  const ok = (i: number) => `(t${i} <> '' AND r${i} IS NULL)`;
  return def.rules.map((rule) => {
    const f = at(rule.field);
    if (rule.kind === "required_when") {
      const w = at(rule.when);
      const test = `${ok(w)} AND ${oneOf(`t${w}`, rule.values)} AND t${f} = ''`;
      return { test, problem: problem(rule.field, `'${rule.reason}'`, "NULL::VARCHAR") };
    }
    const o = at(rule.other);
    const test = `${ok(f)} AND ${ok(o)} AND x${f} < x${o}`;
    return { test, problem: problem(rule.field, `'${rule.reason}'`, sanitized(`t${f}`)) };
  });
}

/**
 * Scope: the row's scope field must hold one of the source's codes, and the row must be one that
 * requires that field (an interview held by an a-kasse is not a job centre's row, whatever its
 * municipality). Reported only where the field itself and the rules on it found nothing wrong.
 */
function scopeCheck(def: RecordTypeDef, scope: Scope): Check | undefined {
  if (scope.kind === "national") return undefined;
  const name = def.scopeField[scope.kind];
  if (name === undefined) return undefined;
  const at = (n: string) => def.fields.findIndex((f) => f.name === n);
  const f = at(name);
  const conditions = [oneOf(`t${f}`, scope.codes)];
  const fired: string[] = [];
  for (const rule of def.rules) {
    if (rule.kind !== "required_when" || rule.field !== name) continue;
    const w = at(rule.when);
    conditions.push(`(NOT (t${w} <> '' AND r${w} IS NULL) OR ${oneOf(`t${w}`, rule.values)})`);
    fired.push(`(t${w} <> '' AND r${w} IS NULL AND ${oneOf(`t${w}`, rule.values)} AND t${f} = '')`);
  }
  const test = `NOT (${conditions.join(" AND ")}) AND r${f} IS NULL${fired.map((x) => ` AND NOT ${x}`).join("")}`;
  return { test, problem: problem(name, "'out_of_scope'", `nullif(${sanitized(`t${f}`)}, '')`) };
}

/** `CREATE TEMP TABLE ingest_stage AS …` for one delivery. */
export function stageSql({ def, input, scope, asOf }: StageSqlOptions): string {
  const present = new Map(input.fieldIndexes.map((field, j) => [field, j]));
  const texts = def.fields.map((_, i) =>
    present.has(i) ? `${trimmed(`v${present.get(i)}`)} AS t${i}` : `'' AS t${i}`,
  );
  const derived = def.fields.map((field, i) => `${derivedValue(field, `t${i}`) ?? "NULL"} AS x${i}`);
  const cpr = def.fields.findIndex((f) => f.type === "cpr");
  const birth =
    cpr >= 0
      ? `TRY_CAST(x${cpr} AS BIGINT) AS cpr_d, ${cprBirthDate(`TRY_CAST(x${cpr} AS BIGINT)`)} AS birth`
      : "NULL::DATE AS birth";
  const reasons = def.fields.map(
    (field, i) => `${fieldReason(field, `t${i}`, `x${i}`, "birth", asOf)} AS r${i}`,
  );
  const checks: Check[] = def.fields.map((field, i) => {
    const shown = field.type === "cpr" ? cprMask(`t${i}`) : sanitized(`t${i}`);
    return {
      test: `r${i} IS NOT NULL`,
      problem: problem(field.name, `r${i}`, `CASE WHEN t${i} = '' THEN NULL ELSE ${shown} END`),
    };
  });
  checks.push(...ruleChecks(def));
  const scoped = scopeCheck(def, scope);
  if (scoped) checks.push(scoped);
  // Most rows are good: the list of problems is built only for rows with at least one.
  const anyProblem = checks.map((c) => `(${c.test})`).join(" OR ");
  const list = checks.map((c) => `CASE WHEN ${c.test} THEN ${c.problem} END`);
  const whole = problem(
    "",
    "field_problem",
    `CASE WHEN field_problem = 'field_count' THEN ${fieldCountValue(input.headerCount)} END`,
  );
  const outputs = def.fields.flatMap((field, i) =>
    field.type === "cpr"
      ? [
          "cpr_d",
          `(t${i} <> '' AND r${i} IS NULL) AS cpr_ok`,
          "birth AS birth_date",
          "CASE WHEN cpr_d % 2 = 1 THEN 'M' ELSE 'K' END AS gender",
        ]
      : [`${storedValue(field, `t${i}`, `x${i}`)} AS o${i}`],
  );
  return `CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(STAGE_TABLE)} AS
SELECT field_problem,
  CASE WHEN field_problem IS NOT NULL THEN [${whole}]
       WHEN ${anyProblem} THEN list_filter([${list.join(",\n    ")}], lambda p: p IS NOT NULL) END AS problems,
  ${outputs.join(",\n  ")}
FROM (SELECT *, ${reasons.join(",\n  ")}
FROM (SELECT *, ${birth}
FROM (SELECT *, ${derived.join(",\n  ")}
FROM (SELECT field_problem, nf, ${texts.join(", ")}
FROM (${input.sql})))))`;
}
