// The record types of the contract (CONTRACT.md §1), one definition per file, all of one shape.
import { fail } from "../../errors.ts";
import { activationOffers } from "./activation-offers.ts";
import { benefitPeriods } from "./benefit-periods.ts";
import { education } from "./education.ts";
import { employment } from "./employment.ts";
import { frameworkConditions } from "./framework-conditions.ts";
import { interviews } from "./interviews.ts";
import { jobOpenings } from "./job-openings.ts";
import { persons } from "./persons.ts";
import { population } from "./population.ts";
import type { RecordTypeDef } from "./types.ts";

export { checkRow, checkValue, parseDecimal, type RowProblem } from "./check-row.ts";
export type { FieldDef, FieldType, ReasonCode, RecordTypeDef, RowRule } from "./types.ts";
export { REASON_CODES } from "./types.ts";

/** All record types, in the contract's order. */
export const RECORD_TYPE_DEFS: readonly RecordTypeDef[] = [
  benefitPeriods,
  activationOffers,
  interviews,
  jobOpenings,
  employment,
  persons,
  education,
  population,
  frameworkConditions,
];

const byType = new Map(RECORD_TYPE_DEFS.map((d) => [d.type, d]));

/** The definition of a record type; a coded error naming the type and the known ones otherwise. */
export function recordTypeDef(type: string): RecordTypeDef {
  return (
    byType.get(type) ??
    fail(
      "unknown_record_type",
      `Unknown record type "${type}"; expected one of ${[...byType.keys()].join(", ")}`,
    )
  );
}

export function fieldOf(def: RecordTypeDef, name: string) {
  return def.fields.find((f) => f.name === name);
}
