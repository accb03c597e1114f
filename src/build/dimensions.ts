// Dimension definitions shared by several tables, so `benefit`, `age` or `gender` mean the same
// everywhere. Every breakdown has a `total` code, computed from microdata.
import { AGE_BAND_LIST, BENEFITS, GENDERS, ORIGINS } from "../reference/codes.ts";
import type { CodeDef, DimensionDef, Label } from "./tables/types.ts";

export const TOTAL: CodeDef = { code: "total", label: { da: "I alt", en: "Total" } };

function fromList(list: readonly { code: string; label: Label }[]): CodeDef[] {
  return list.map((c) => ({ code: c.code, label: c.label }));
}

export const periodDimension: DimensionDef = {
  id: "period",
  kind: "period",
  label: { da: "Periode", en: "Period" },
};

export const areaDimension: DimensionDef = { id: "area", kind: "area", label: { da: "Område", en: "Area" } };

export const benefitDimension: DimensionDef = {
  id: "benefit",
  kind: "code",
  label: { da: "Ydelse", en: "Benefit" },
  codes: [TOTAL, ...fromList(BENEFITS)],
};

export const ageDimension: DimensionDef = {
  id: "age",
  kind: "code",
  label: { da: "Alder", en: "Age" },
  codes: [TOTAL, ...fromList(AGE_BAND_LIST)],
};

export const genderDimension: DimensionDef = {
  id: "gender",
  kind: "code",
  label: { da: "Køn", en: "Gender" },
  codes: [TOTAL, ...fromList(GENDERS)],
};

export const UNKNOWN: CodeDef = { code: "ukendt", label: { da: "Uoplyst", en: "Unknown" } };

export const originDimension: DimensionDef = {
  id: "origin",
  kind: "code",
  label: { da: "Herkomst", en: "Origin" },
  codes: [TOTAL, ...fromList(ORIGINS), UNKNOWN],
};
