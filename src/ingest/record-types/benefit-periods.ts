// `benefit_periods`: a period in which a person received a benefit (CONTRACT.md §1).
import { BENEFITS, BENEFITS_NEEDING_AKASSE, codesOf } from "../../reference/codes.ts";
import { akasseField, cprField, dateField, municipalityField } from "./common-fields.ts";
import type { RecordTypeDef } from "./types.ts";

export const benefitPeriods: RecordTypeDef = {
  type: "benefit_periods",
  description: "A period in which a person received a benefit",
  fields: [
    cprField,
    {
      name: "benefit",
      type: "code",
      required: true,
      codes: codesOf(BENEFITS),
      codeList: "benefit",
      description: "Benefit code",
    },
    municipalityField(true, "Municipality responsible for the benefit (3-digit code)"),
    akasseField("A-kasse (STAR code); required for dagpenge and efterloen"),
    dateField("start", true, "First day of the period"),
    {
      ...dateField("end", true, "Last day of the period (inclusive); empty = still running at delivery"),
      emptyAllowed: true,
    },
    {
      name: "degree",
      type: "decimal",
      required: false,
      min: 0,
      minExclusive: true,
      max: 1,
      default: 1,
      description: "Share of a full benefit, 0 < d ≤ 1",
    },
    {
      name: "amount_dkk",
      type: "decimal",
      required: false,
      min: 0,
      description: "Amount paid for the period (DKK)",
    },
  ],
  rules: [
    {
      kind: "required_when",
      field: "akasse",
      when: "benefit",
      values: BENEFITS_NEEDING_AKASSE,
      reason: "akasse_required",
    },
    { kind: "not_before", field: "end", other: "start", reason: "end_before_start" },
  ],
  scopeField: { jobcenter: "municipality", akasse: "akasse" },
  timeField: "start",
};
