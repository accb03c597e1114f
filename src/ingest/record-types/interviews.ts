// `interviews`: a held job interview (samtale) (CONTRACT.md §1).
import { codesOf, INTERVIEW_HELD_BY, INTERVIEW_KINDS } from "../../reference/codes.ts";
import { akasseField, cprField, dateField, municipalityField } from "./common-fields.ts";
import type { RecordTypeDef } from "./types.ts";

export const interviews: RecordTypeDef = {
  type: "interviews",
  description: "A held job interview (samtale)",
  fields: [
    cprField,
    {
      name: "held_by",
      type: "code",
      required: true,
      codes: codesOf(INTERVIEW_HELD_BY),
      codeList: "held_by",
      description: "Who held the interview: jobcenter or akasse",
    },
    dateField("date", true, "Date the interview was held"),
    municipalityField(false, "Municipality (required when held by the job centre)"),
    akasseField("A-kasse (required when held by the a-kasse)"),
    {
      name: "kind",
      type: "code",
      required: false,
      codes: codesOf(INTERVIEW_KINDS),
      codeList: "kind",
      default: "job",
      description: "job, cv or joint; default job",
    },
    dateField("due", false, "Date by which the interview was due; on time = date ≤ due"),
  ],
  rules: [
    {
      kind: "required_when",
      field: "municipality",
      when: "held_by",
      values: ["jobcenter"],
      reason: "municipality_required",
    },
    {
      kind: "required_when",
      field: "akasse",
      when: "held_by",
      values: ["akasse"],
      reason: "akasse_required",
    },
  ],
  scopeField: { jobcenter: "municipality", akasse: "akasse" },
  timeField: "date",
};
