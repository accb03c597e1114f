// `persons`: background of a person (CONTRACT.md §1).
import { codesOf, ORIGINS } from "../../reference/codes.ts";
import { cprField, educationLevelField, municipalityField } from "./common-fields.ts";
import type { RecordTypeDef } from "./types.ts";

export const persons: RecordTypeDef = {
  type: "persons",
  description: "Background of a person",
  fields: [
    cprField,
    {
      name: "origin",
      type: "code",
      required: false,
      codes: codesOf(ORIGINS),
      codeList: "origin",
      description: "Origin",
    },
    educationLevelField("education", false, "Highest completed education"),
    municipalityField(false, "Municipality of residence", "residence"),
  ],
  rules: [],
  scopeField: { jobcenter: "residence" },
};
