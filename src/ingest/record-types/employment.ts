// `employment`: paid hours of a person in a month (CONTRACT.md §1).
import { cprField, municipalityField } from "./common-fields.ts";
import type { RecordTypeDef } from "./types.ts";

export const employment: RecordTypeDef = {
  type: "employment",
  description: "Paid hours of a person in a month",
  fields: [
    cprField,
    { name: "month", type: "month", required: true, description: "Month, YYYY-MM" },
    { name: "hours", type: "decimal", required: true, min: 0, description: "Paid hours in the month" },
    municipalityField(false, "Municipality of the workplace"),
  ],
  rules: [],
  scopeField: { jobcenter: "municipality" },
  timeField: "month",
};
