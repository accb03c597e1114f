// `education`: an enrolment in ordinary education (CONTRACT.md §1).
import { cprField, dateField, educationLevelField } from "./common-fields.ts";
import type { RecordTypeDef } from "./types.ts";

export const education: RecordTypeDef = {
  type: "education",
  description: "An enrolment in ordinary education",
  fields: [
    cprField,
    educationLevelField("level", true, "Level of the education"),
    dateField("start", true, "First day of the enrolment"),
    dateField("end", false, "Last day of the enrolment (inclusive); empty = running"),
  ],
  rules: [{ kind: "not_before", field: "end", other: "start", reason: "end_before_start" }],
  scopeField: {},
  timeField: "start",
};
