// Dimension definitions of the activation, interview, opening, a-kasse, employment and education
// tables, each from its reference code list with a `total` code first, as in dimensions.ts.
import { AKASSER } from "../reference/akasser.ts";
import {
  BENEFITS,
  DISCO_MAJOR_GROUPS,
  EDUCATION_LEVELS,
  INTERVIEW_HELD_BY,
  INTERVIEW_KINDS,
  OFFER_TYPES,
} from "../reference/codes.ts";
import { TOTAL, UNKNOWN } from "./dimensions.ts";
import type { CodeDef, DimensionDef, Label } from "./tables/types.ts";

function codeDefs(list: readonly { code: string; label: Label }[]): CodeDef[] {
  return list.map((c) => ({ code: c.code, label: c.label }));
}

/** The benefit the person was on when the offer was given (`activation_offers.target_group`). */
export const targetGroupDimension: DimensionDef = {
  id: "target_group",
  kind: "code",
  label: { da: "Målgruppe", en: "Target group" },
  codes: [TOTAL, ...codeDefs(BENEFITS)],
};

export const offerTypeDimension: DimensionDef = {
  id: "offer_type",
  kind: "code",
  label: { da: "Tilbudstype", en: "Type of offer" },
  codes: [TOTAL, ...codeDefs(OFFER_TYPES)],
};

export const heldByDimension: DimensionDef = {
  id: "held_by",
  kind: "code",
  label: { da: "Afholdt af", en: "Held by" },
  codes: [TOTAL, ...codeDefs(INTERVIEW_HELD_BY)],
};

export const interviewKindDimension: DimensionDef = {
  id: "kind",
  kind: "code",
  label: { da: "Samtaletype", en: "Kind of interview" },
  codes: [TOTAL, ...codeDefs(INTERVIEW_KINDS)],
};

/** DISCO-08 major groups "0".."9": the first digit of an occupation code. */
export const occupationDimension: DimensionDef = {
  id: "occupation",
  kind: "code",
  label: { da: "Stilling (DISCO-08 hovedgruppe)", en: "Occupation (DISCO-08 major group)" },
  codes: [TOTAL, ...codeDefs(DISCO_MAJOR_GROUPS)],
};

/** The 21 a-kasser by STAR code. */
export const akasseDimension: DimensionDef = {
  id: "akasse",
  kind: "code",
  label: { da: "A-kasse", en: "A-kasse (unemployment insurance fund)" },
  codes: [TOTAL, ...codeDefs(AKASSER)],
};

/** The benefits an a-kasse pays; `total` is the two together. */
export const akasseBenefitDimension: DimensionDef = {
  id: "benefit",
  kind: "code",
  label: { da: "Ydelse", en: "Benefit" },
  codes: [TOTAL, ...codeDefs(BENEFITS.filter((b) => b.code === "dagpenge" || b.code === "efterloen"))],
};

/** Level of an enrolment in ordinary education (`education.level`), `ukendt` included. */
export const educationLevelDimension: DimensionDef = {
  id: "level",
  kind: "code",
  label: { da: "Uddannelsesniveau", en: "Level of education" },
  codes: [TOTAL, ...codeDefs(EDUCATION_LEVELS)],
};

/** Area of the workplace, plus `ukendt` for rows without a workplace municipality (counted in DK). */
export const workplaceAreaDimension: DimensionDef = {
  id: "area",
  kind: "area",
  label: { da: "Arbejdsstedets område", en: "Area of workplace" },
  extraCodes: [UNKNOWN],
};
