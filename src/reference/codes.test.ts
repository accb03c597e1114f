import { describe, expect, it } from "vitest";
import { AKASSER, akasseByCode, isAkasseCode } from "./akasser.ts";
import {
  AGE_BAND_LIST,
  AGE_BANDS,
  ageBandOf,
  ageBandRange,
  BENEFITS,
  BENEFITS_NEEDING_AKASSE,
  type CodeList,
  codesOf,
  DISCO_MAJOR_GROUPS,
  EDUCATION_LEVELS,
  entryOf,
  FRAMEWORK_VARIABLES,
  GENDERS,
  INTERVIEW_HELD_BY,
  INTERVIEW_KINDS,
  isCodeOf,
  OFFER_TYPES,
  ORIGINS,
  POPULATION_AGE_BAND_LIST,
  POPULATION_AGE_BANDS,
  populationAgeBandOf,
  RECORD_TYPES,
} from "./codes.ts";

const LISTS: Record<string, CodeList> = {
  BENEFITS,
  OFFER_TYPES,
  EDUCATION_LEVELS,
  ORIGINS,
  FRAMEWORK_VARIABLES,
  DISCO_MAJOR_GROUPS,
  INTERVIEW_HELD_BY,
  INTERVIEW_KINDS,
  GENDERS,
  AGE_BAND_LIST,
  POPULATION_AGE_BAND_LIST,
};

describe("code lists", () => {
  it.each(Object.entries(LISTS))("%s has unique codes and da/en labels and definitions", (_name, list) => {
    const codes = codesOf(list);
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of list) {
      expect(e.label.da.trim(), e.code).not.toBe("");
      expect(e.label.en.trim(), e.code).not.toBe("");
      expect(e.definition.da.trim(), e.code).not.toBe("");
      expect(e.definition.en.trim(), e.code).not.toBe("");
    }
  });

  it("lists the 12 benefits in contract order", () => {
    expect(codesOf(BENEFITS)).toEqual([
      "dagpenge",
      "kontanthjaelp",
      "uddannelseshjaelp",
      "selvforsoergelse",
      "sygedagpenge",
      "jobafklaring",
      "ressourceforloeb",
      "ledighedsydelse",
      "fleksjob",
      "revalidering",
      "foertidspension",
      "efterloen",
    ]);
    expect(BENEFITS_NEEDING_AKASSE).toEqual(["dagpenge", "efterloen"]);
  });

  it("lists the contract's offer types, education levels and origins", () => {
    expect(codesOf(OFFER_TYPES)).toEqual([
      "vejledning",
      "praktik",
      "loentilskud_privat",
      "loentilskud_offentlig",
      "nytteindsats",
      "voksenlaerling",
    ]);
    expect(codesOf(EDUCATION_LEVELS)).toEqual([
      "grundskole",
      "gymnasial",
      "erhvervsfaglig",
      "kort",
      "mellemlang",
      "lang",
      "ukendt",
    ]);
    expect(codesOf(ORIGINS)).toEqual([
      "dansk",
      "indvandrer-vestlig",
      "efterkommer-vestlig",
      "indvandrer-ikke-vestlig",
      "efterkommer-ikke-vestlig",
    ]);
  });

  it("lists the six framework variables, each with a unit", () => {
    expect(codesOf(FRAMEWORK_VARIABLES)).toEqual([
      "population_16_66",
      "share_60_plus",
      "share_no_education",
      "share_non_western",
      "firms_per_1000",
      "commuting_unemployment_rate",
    ]);
    for (const v of FRAMEWORK_VARIABLES) {
      expect(v.unit.da).not.toBe("");
      expect(v.unit.en).not.toBe("");
    }
  });

  it("lists DISCO-08 major groups 0 to 9", () => {
    expect(codesOf(DISCO_MAJOR_GROUPS)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(entryOf(DISCO_MAJOR_GROUPS, "1")?.label.en).toBe("Managers");
  });

  it("lists interview, gender and record-type codes of the contract", () => {
    expect(codesOf(INTERVIEW_HELD_BY)).toEqual(["jobcenter", "akasse"]);
    expect(codesOf(INTERVIEW_KINDS)).toEqual(["job", "cv", "joint"]);
    expect(codesOf(GENDERS)).toEqual(["M", "K"]);
    expect(RECORD_TYPES).toHaveLength(9);
    expect(new Set(RECORD_TYPES).size).toBe(9);
    expect(RECORD_TYPES).toContain("framework_conditions");
  });

  it("looks codes up and rejects unknown ones", () => {
    expect(isCodeOf(BENEFITS, "fleksjob")).toBe(true);
    expect(isCodeOf(BENEFITS, "Fleksjob")).toBe(false);
    expect(entryOf(BENEFITS, "nope")).toBeUndefined();
  });
});

describe("age bands", () => {
  it("publishes 0-15, five-year bands 16-19 … 60-64 and 65+", () => {
    expect(AGE_BANDS).toEqual([
      "0-15",
      "16-19",
      "20-24",
      "25-29",
      "30-34",
      "35-39",
      "40-44",
      "45-49",
      "50-54",
      "55-59",
      "60-64",
      "65+",
    ]);
    expect(codesOf(AGE_BAND_LIST)).toEqual(AGE_BANDS);
    expect(codesOf(POPULATION_AGE_BAND_LIST)).toEqual(POPULATION_AGE_BANDS);
    expect(POPULATION_AGE_BANDS.slice(-3)).toEqual(["60-64", "65-66", "67+"]);
  });

  it("covers every age from 0 to 125 with exactly one band, with no gaps", () => {
    for (const bands of [AGE_BANDS, POPULATION_AGE_BANDS]) {
      const ranges = bands.map((c) => ageBandRange(c));
      for (let age = 0; age <= 125; age++) {
        expect(
          ranges.filter((r) => r && age >= r[0] && age <= r[1]),
          String(age),
        ).toHaveLength(1);
      }
    }
  });

  it("assigns ages to bands at the band edges", () => {
    expect(ageBandOf(0)).toBe("0-15");
    expect(ageBandOf(15)).toBe("0-15");
    expect(ageBandOf(16)).toBe("16-19");
    expect(ageBandOf(64)).toBe("60-64");
    expect(ageBandOf(65)).toBe("65+");
    expect(ageBandOf(125)).toBe("65+");
    expect(populationAgeBandOf(66)).toBe("65-66");
    expect(populationAgeBandOf(67)).toBe("67+");
    expect(ageBandRange("67+")).toEqual([67, Number.POSITIVE_INFINITY]);
    expect(ageBandRange("total")).toBeUndefined();
  });
});

describe("a-kasser", () => {
  // The brief's list was announced as 22 names but holds 21 distinct codes, matching the contract.
  it("lists the 21 a-kasser with unique STAR codes", () => {
    expect(AKASSER).toHaveLength(21);
    const codes = AKASSER.map((a) => a.code);
    expect(new Set(codes).size).toBe(21);
    for (const c of codes) expect(c).toMatch(/^D\d{2}$/);
  });

  it("spells the names as STAR does", () => {
    expect(akasseByCode("D86")?.name).toBe("Akademikernes A-kasse");
    expect(akasseByCode("D15")?.name).toBe("Faglig Fælles (3F) A-kasse");
    expect(akasseByCode("D92")?.name).toBe("A-kassen A&Til");
    expect(akasseByCode("D94")?.name).toBe("A-kassen Ase");
    expect(isAkasseCode("D99")).toBe(false);
  });

  it("has da and en labels, positive shares summing to 1 and a profile", () => {
    for (const a of AKASSER) {
      expect(a.label.da).not.toBe("");
      expect(a.label.en).not.toBe("");
      expect(a.share).toBeGreaterThan(0);
      expect(["academic", "skilled", "unskilled", "health", "education", "general"]).toContain(a.profile);
    }
    expect(AKASSER.reduce((s, a) => s + a.share, 0)).toBeCloseTo(1, 9);
  });
});
