// What some record types need beyond their field definitions, as data: a key that must be unique
// within a delivery (`duplicate_key`), and a text field whose values outside a known list are stored
// but listed on the receipt (unknown framework-condition variables, CONTRACT.md §3).
import { codesOf, FRAMEWORK_VARIABLES } from "../reference/codes.ts";

/** Field that must not repeat within one file; the second and later occurrences are quarantined. */
export const UNIQUE_KEY: Readonly<Record<string, string>> = {
  job_openings: "opening_id",
};

/** Field whose unknown values are stored and listed as a warning. */
export const LISTED_UNKNOWNS: Readonly<
  Record<string, { readonly field: string; readonly known: readonly string[] }>
> = {
  framework_conditions: { field: "variable", known: codesOf(FRAMEWORK_VARIABLES) },
};
