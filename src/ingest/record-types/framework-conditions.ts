// `framework_conditions`: one framework-condition value of a municipality and year (CONTRACT.md §1).
// Unknown variables are stored as inert text and listed, never refused.
import { municipalityField } from "./common-fields.ts";
import type { RecordTypeDef } from "./types.ts";

export const frameworkConditions: RecordTypeDef = {
  type: "framework_conditions",
  description: "One framework-condition value",
  fields: [
    municipalityField(true, "Municipality"),
    { name: "year", type: "integer", required: true, min: 1900, max: 2199, description: "Year" },
    {
      name: "variable",
      type: "text",
      required: true,
      description: "Variable name (unknown ones are kept and listed)",
    },
    { name: "value", type: "decimal", required: true, description: "Value" },
  ],
  rules: [],
  scopeField: { jobcenter: "municipality" },
  timeField: "year",
};
