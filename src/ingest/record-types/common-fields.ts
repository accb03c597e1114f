// Field definitions that several record types share, so a rule (e.g. what a municipality code is)
// is written once.
import { AKASSER } from "../../reference/akasser.ts";
import { codesOf, EDUCATION_LEVELS } from "../../reference/codes.ts";
import { MUNICIPALITIES } from "../../reference/municipalities.ts";
import type { FieldDef } from "./types.ts";

export const MUNICIPALITY_CODES: readonly string[] = MUNICIPALITIES.map((m) => m.code);
export const AKASSE_CODES: readonly string[] = AKASSER.map((a) => a.code);

export const cprField: FieldDef = {
  name: "cpr",
  type: "cpr",
  required: true,
  description: "CPR number, DDMMYYSSSS or DDMMYY-SSSS; replaced by a keyed pseudonym on ingest",
};

export function municipalityField(required: boolean, description: string, name = "municipality"): FieldDef {
  return { name, type: "code", required, codes: MUNICIPALITY_CODES, codeList: "municipality", description };
}

export function akasseField(description: string): FieldDef {
  return {
    name: "akasse",
    type: "code",
    required: false,
    codes: AKASSE_CODES,
    codeList: "akasse",
    description,
  };
}

export function dateField(name: string, required: boolean, description: string): FieldDef {
  return { name, type: "date", required, description };
}

export function educationLevelField(name: string, required: boolean, description: string): FieldDef {
  return {
    name,
    type: "code",
    required,
    codes: codesOf(EDUCATION_LEVELS),
    codeList: "education",
    description,
  };
}
