// `job_openings`: a posted vacancy (CONTRACT.md §1). `opening_id` is unique per source.
import { municipalityField } from "./common-fields.ts";
import type { RecordTypeDef } from "./types.ts";

export const jobOpenings: RecordTypeDef = {
  type: "job_openings",
  description: "A posted vacancy",
  fields: [
    { name: "opening_id", type: "text", required: true, description: "Id of the opening, unique per source" },
    municipalityField(true, "Municipality of the workplace"),
    {
      name: "occupation",
      type: "text",
      required: true,
      pattern: "^[0-9]{1,4}$",
      description: "DISCO-08 occupation code, 1–4 digits",
    },
    { name: "posted", type: "date", required: true, description: "Date the opening was posted" },
    {
      name: "positions",
      type: "integer",
      required: false,
      min: 1,
      default: 1,
      description: "Number of positions",
    },
  ],
  rules: [],
  scopeField: { jobcenter: "municipality" },
  timeField: "posted",
};
