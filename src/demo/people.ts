// Creates synthetic persons: a unique, valid CPR number (by the contract's rules), gender, birth
// date, origin, education, a-kasse membership; writes each person's `persons` row once.
import { AKASSER, type AkasseProfile } from "../reference/akasser.ts";
import type { EducationLevel, Origin } from "../reference/codes.ts";
import { makeCpr } from "../reference/cpr.ts";
import { dayNumberFromParts } from "../reference/periods.ts";
import { isoOfDay, partsOfDay } from "./day-text.ts";
import { type BenefitProfile, INSURED_SHARE, PENSION_AGE } from "./profiles.ts";
import { type Rng, WeightedChoice } from "./random.ts";

export interface Person {
  readonly cpr: string;
  readonly birthDay: number;
  readonly gender: "M" | "K";
  /** The last day before the state pension age. */
  readonly pensionEve: number;
  readonly education: EducationLevel | null;
  /** A-kasse code when insured. */
  readonly akasse: string | null;
}

const EDUCATION_ORDER: readonly EducationLevel[] = [
  "grundskole",
  "gymnasial",
  "erhvervsfaglig",
  "kort",
  "mellemlang",
  "lang",
  "ukendt",
];
const YOUNG_EDUCATION = new WeightedChoice(EDUCATION_ORDER, [75, 20, 3, 0, 0, 0, 2]);
const LOW_EDUCATION = new WeightedChoice(EDUCATION_ORDER, [50, 8, 28, 5, 4, 2, 3]);
const GENERAL_EDUCATION = new WeightedChoice(EDUCATION_ORDER, [22, 8, 35, 6, 16, 11, 2]);

/** Which a-kasse profiles suit an education, so members look plausible. */
const AFFINITY: Readonly<Record<EducationLevel, Partial<Record<AkasseProfile, number>>>> = {
  grundskole: { unskilled: 4, general: 2, skilled: 1 },
  gymnasial: { general: 3, skilled: 2, unskilled: 1 },
  erhvervsfaglig: { skilled: 3, unskilled: 2, general: 2, health: 1 },
  kort: { skilled: 2, general: 2, health: 1 },
  mellemlang: { education: 3, health: 3, skilled: 1, general: 1 },
  lang: { academic: 5, education: 1 },
  ukendt: { general: 2, unskilled: 1 },
};
const AKASSE_BY_EDUCATION = new Map(
  EDUCATION_ORDER.map((level) => [
    level,
    new WeightedChoice(
      AKASSER.map((a) => a.code),
      AKASSER.map((a) => a.share * (AFFINITY[level][a.profile] ?? 0.05)),
    ),
  ]),
);

function pensionEve(birthDay: number): number {
  const b = partsOfDay(birthDay);
  // Born on 29 February: the birthday is 1 March in other years (CONTRACT.md §6).
  const leap = b.month === 2 && b.day === 29;
  const birthday = leap
    ? dayNumberFromParts(b.year + PENSION_AGE, 3, 1)
    : dayNumberFromParts(b.year + PENSION_AGE, b.month, b.day);
  return birthday - 1;
}

export interface NewPerson {
  readonly person: Person;
  readonly origin: Origin | null;
}

export class PersonFactory {
  /** Next CPR serial per (birth day, gender), so every CPR is unique. */
  private readonly serials = new Map<number, number>();

  /** A person of the profile's age and gender mix, aged `age` years on `day`. */
  create(rng: Rng, profile: BenefitProfile, day: number, age: number, nonWesternShare: number): NewPerson {
    const gender = rng.chance(profile.maleShare) ? "M" : "K";
    const birthDay = day - Math.floor(age * 365.25) - rng.int(0, 364);
    const key = birthDay * 2 + (gender === "M" ? 1 : 0);
    const serial = this.serials.get(key) ?? 0;
    this.serials.set(key, serial + 1);
    const cpr = makeCpr(isoOfDay(birthDay), gender, serial);

    const young = age < 30;
    const education =
      profile.benefit === "uddannelseshjaelp"
        ? YOUNG_EDUCATION.pick(rng)
        : profile.benefit === "kontanthjaelp" || profile.benefit === "selvforsoergelse"
          ? LOW_EDUCATION.pick(rng)
          : GENERAL_EDUCATION.pick(rng);
    const needsAkasse = profile.benefit === "dagpenge" || profile.benefit === "efterloen";
    const insured = needsAkasse || (!young && rng.chance(INSURED_SHARE)) || (young && rng.chance(0.3));
    const akasse = insured ? (AKASSE_BY_EDUCATION.get(education)?.pick(rng) ?? "D94") : null;

    const odds = profile.nonWesternOdds;
    const pNonWestern = (odds * nonWesternShare) / (1 - nonWesternShare + odds * nonWesternShare);
    let origin: Origin | null;
    const u = rng.uniform();
    if (u < 0.02) origin = null;
    else if (u < 0.02 + pNonWestern)
      origin = age < 40 && rng.chance(0.25) ? "efterkommer-ikke-vestlig" : "indvandrer-ikke-vestlig";
    else if (rng.chance(0.05)) origin = rng.chance(0.8) ? "indvandrer-vestlig" : "efterkommer-vestlig";
    else origin = "dansk";

    return {
      person: {
        cpr,
        birthDay,
        gender,
        pensionEve: pensionEve(birthDay),
        education: origin === null ? null : education,
        akasse,
      },
      origin,
    };
  }
}
