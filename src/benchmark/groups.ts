// The benefit groups the benchmark model compares, as Jobindsats groups them. `total` is all benefits
// together (every benefit of the contract, not only the three groups): a person's days are counted
// once with the degrees added and capped at 1, exactly as `recipients` counts `benefit = total`.
import type { Label } from "../reference/codes.ts";

export interface BenefitGroup {
  readonly code: string;
  readonly label: Label;
  /** Benefit codes of the prepared tables (`pm`, `pmask`) whose days make up the group. */
  readonly benefits: readonly string[];
}

export const BENEFIT_GROUPS: readonly BenefitGroup[] = [
  { code: "total", label: { da: "Alle ydelser", en: "All benefits" }, benefits: ["total"] },
  {
    code: "dagpenge",
    label: { da: "Dagpenge", en: "Unemployment benefit (dagpenge)" },
    benefits: ["dagpenge"],
  },
  { code: "sygedagpenge", label: { da: "Sygedagpenge", en: "Sickness benefit" }, benefits: ["sygedagpenge"] },
  {
    code: "kontanthjaelp_mv",
    label: {
      da: "Kontanthjælp, uddannelseshjælp og selvforsørgelsesydelse",
      en: "Social assistance, education assistance and self-support benefit",
    },
    // A person on two of these on one day has both days counted: the group's full-time persons are the
    // sum of the three benefits' full-time persons, as Jobindsats adds them.
    benefits: ["kontanthjaelp", "uddannelseshjaelp", "selvforsoergelse"],
  },
];
