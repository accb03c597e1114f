// Measure definitions shared by several tables.
import type { MeasureDef } from "./tables/types.ts";

export const PERSONS: MeasureDef = {
  id: "persons",
  label: { da: "Personer", en: "Persons" },
  definition: {
    da: "Forskellige personer med mindst én dag i perioden.",
    en: "Distinct persons with at least one day in the period.",
  },
  unit: "persons",
  decimals: 0,
  higherIsBetter: null,
  whenEmpty: "zero",
};

export const FTE: MeasureDef = {
  id: "fte",
  label: { da: "Fuldtidspersoner", en: "Full-time persons" },
  definition: {
    da: "Summen af dage × ydelsesgrad ÷ antal dage i perioden. Overlappende perioder tæller hver dag én gang.",
    en: "Sum of days × degree ÷ days in the period. Overlapping periods count each day once.",
  },
  unit: "fte",
  decimals: 1,
  higherIsBetter: null,
  whenEmpty: "zero",
};

/** A measure published as "-" where a cell has no data: shares, rates and model figures. */
export function notApplicableMeasure(
  id: string,
  unit: MeasureDef["unit"],
  decimals: number,
  label: MeasureDef["label"],
  definition: MeasureDef["definition"],
  higherIsBetter: boolean | null = null,
): MeasureDef {
  return { id, label, definition, unit, decimals, higherIsBetter, whenEmpty: "not_applicable" };
}
