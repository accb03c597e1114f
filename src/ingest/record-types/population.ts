// `population`: residents of a municipality by year, age and gender (CONTRACT.md §1, §6).
import { codesOf, GENDERS, POPULATION_AGE_BANDS } from "../../reference/codes.ts";
import { municipalityField } from "./common-fields.ts";
import type { RecordTypeDef } from "./types.ts";

export const population: RecordTypeDef = {
  type: "population",
  description: "Residents of a municipality",
  fields: [
    municipalityField(true, "Municipality"),
    { name: "year", type: "integer", required: true, min: 1900, max: 2199, description: "Year" },
    {
      name: "age",
      type: "integer",
      required: true,
      min: 0,
      max: 125,
      alsoAccepts: POPULATION_AGE_BANDS,
      description: "Age 0–125, or a band 0-15, 16-19, …, 60-64, 65-66, 67+",
    },
    {
      name: "gender",
      type: "code",
      required: true,
      codes: codesOf(GENDERS),
      codeList: "gender",
      description: "M or K",
    },
    { name: "count", type: "integer", required: true, min: 0, description: "Number of residents" },
  ],
  rules: [],
  scopeField: { jobcenter: "municipality" },
  timeField: "year",
};
