import { describe, expect, it } from "vitest";
import { AREAS, areaByCode, areasOfLevel, isArea, municipalitiesIn } from "./areas.ts";
import { JOB_CENTRES, jobCentreByCode } from "./job-centres.ts";
import { MUNICIPALITIES, municipalityByCode } from "./municipalities.ts";
import { RAR_AREAS, rarByCode } from "./rar.ts";
import { REGIONS, regionByCode } from "./regions.ts";

const unique = (xs: readonly string[]) => new Set(xs).size === xs.length;

describe("municipalities", () => {
  it("lists exactly 98 municipalities with unique 3-digit codes sorted by code", () => {
    expect(MUNICIPALITIES).toHaveLength(98);
    const codes = MUNICIPALITIES.map((m) => m.code);
    expect(unique(codes)).toBe(true);
    for (const c of codes) expect(c).toMatch(/^\d{3}$/);
    expect([...codes].sort((a, b) => Number(a) - Number(b))).toEqual(codes);
  });

  it("uses the official codes and names at the ends and in between", () => {
    expect(municipalityByCode("101")?.name).toBe("København");
    expect(municipalityByCode("147")?.name).toBe("Frederiksberg");
    expect(municipalityByCode("400")?.name).toBe("Bornholm");
    expect(municipalityByCode("751")?.name).toBe("Aarhus");
    expect(municipalityByCode("860")?.name).toBe("Hjørring");
    expect(MUNICIPALITIES[0]?.code).toBe("101");
    expect(MUNICIPALITIES.at(-1)?.code).toBe("860");
  });

  it("does not treat Christiansø (411) as a municipality", () => {
    expect(municipalityByCode("411")).toBeUndefined();
    expect(isArea("411")).toBe(false);
  });

  it("gives every municipality a region, RAR area and job centre that exist", () => {
    for (const m of MUNICIPALITIES) {
      expect(regionByCode(m.region), m.code).toBeDefined();
      expect(rarByCode(m.rar), m.code).toBeDefined();
      expect(jobCentreByCode(m.jobCentre), m.code).toBeDefined();
    }
  });

  it("puts the real number of municipalities in each region", () => {
    const count = (region: string) => MUNICIPALITIES.filter((m) => m.region === region).length;
    expect(count("1081")).toBe(11);
    expect(count("1082")).toBe(19);
    expect(count("1083")).toBe(22);
    expect(count("1084")).toBe(29);
    expect(count("1085")).toBe(17);
  });

  it("puts the real number of municipalities in each RAR area, Bornholm alone in RAR8", () => {
    const count = (rar: string) => MUNICIPALITIES.filter((m) => m.rar === rar).length;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((i) => count(`RAR${i}`))).toEqual([11, 11, 8, 12, 10, 17, 28, 1]);
    expect(municipalitiesIn("RAR8")).toEqual(["400"]);
  });

  it("keeps each RAR area inside one region", () => {
    for (const rar of RAR_AREAS) {
      const regions = new Set(MUNICIPALITIES.filter((m) => m.rar === rar.code).map((m) => m.region));
      expect(regions.size, rar.code).toBe(1);
    }
  });

  it("has an approximate 2025 population summing to between 5.8 and 6.1 million", () => {
    const sum = MUNICIPALITIES.reduce((s, m) => s + m.population, 0);
    expect(sum).toBeGreaterThan(5_800_000);
    expect(sum).toBeLessThan(6_100_000);
    for (const m of MUNICIPALITIES) expect(m.population, m.code).toBeGreaterThan(1_000);
  });
});

describe("regions and RAR areas", () => {
  it("lists the 5 regions 1081–1085 with da and en names", () => {
    expect(REGIONS.map((r) => r.code)).toEqual(["1081", "1082", "1083", "1084", "1085"]);
    expect(regionByCode("1081")?.name).toEqual({ da: "Region Nordjylland", en: "North Denmark Region" });
    for (const r of REGIONS) {
      expect(r.name.da).not.toBe("");
      expect(r.name.en).not.toBe("");
    }
  });

  it("lists the 8 RAR areas RAR1–RAR8 with da and en names", () => {
    expect(RAR_AREAS.map((r) => r.code)).toEqual([
      "RAR1",
      "RAR2",
      "RAR3",
      "RAR4",
      "RAR5",
      "RAR6",
      "RAR7",
      "RAR8",
    ]);
    for (const r of RAR_AREAS) {
      expect(r.name.da).not.toBe("");
      expect(r.name.en).not.toBe("");
    }
  });
});

describe("job centres", () => {
  it("lists 94 job centres with unique codes JC + host code", () => {
    expect(JOB_CENTRES).toHaveLength(94);
    expect(unique(JOB_CENTRES.map((j) => j.code))).toBe(true);
    for (const j of JOB_CENTRES) {
      expect(j.code).toBe(`JC${j.hostMunicipality}`);
      expect(j.municipalities).toContain(j.hostMunicipality);
    }
    expect(jobCentreByCode("JC101")?.name).toBe("Jobcenter København");
  });

  it("serves the four island municipalities from their mainland host", () => {
    expect(municipalityByCode("563")?.jobCentre).toBe("JC561");
    expect(municipalityByCode("825")?.jobCentre).toBe("JC813");
    expect(municipalityByCode("741")?.jobCentre).toBe("JC751");
    expect(municipalityByCode("492")?.jobCentre).toBe("JC479");
    expect(jobCentreByCode("JC561")?.municipalities).toEqual(["561", "563"]);
    expect(jobCentreByCode("JC813")?.municipalities).toEqual(["813", "825"]);
    expect(jobCentreByCode("JC751")?.municipalities).toEqual(["741", "751"]);
    expect(jobCentreByCode("JC479")?.municipalities).toEqual(["479", "492"]);
    for (const island of ["JC563", "JC825", "JC741", "JC492"])
      expect(jobCentreByCode(island)).toBeUndefined();
  });

  it("gives every other municipality its own job centre", () => {
    const islands = new Set(["563", "825", "741", "492"]);
    for (const m of MUNICIPALITIES.filter((m) => !islands.has(m.code)))
      expect(m.jobCentre).toBe(`JC${m.code}`);
  });

  it("keeps each job centre's municipalities in one region and one RAR area", () => {
    for (const j of JOB_CENTRES) {
      const ms = j.municipalities.map((c) => municipalityByCode(c));
      expect(new Set(ms.map((m) => m?.region)).size, j.code).toBe(1);
      expect(new Set(ms.map((m) => m?.rar)).size, j.code).toBe(1);
    }
  });

  it("covers every municipality exactly once", () => {
    const all = JOB_CENTRES.flatMap((j) => j.municipalities);
    expect(all).toHaveLength(98);
    expect(new Set(all)).toEqual(new Set(MUNICIPALITIES.map((m) => m.code)));
  });
});

describe("the area hierarchy", () => {
  it("lists DK, 5 regions, 8 RAR areas, 94 job centres and 98 municipalities in that order", () => {
    expect(AREAS).toHaveLength(1 + 5 + 8 + 94 + 98);
    expect(AREAS[0]?.code).toBe("DK");
    const levels = AREAS.map((a) => a.level);
    const order = ["country", "region", "rar", "jobcentre", "municipality"];
    expect(levels.map((l) => order.indexOf(l))).toEqual([...levels.map((l) => order.indexOf(l))].sort());
    expect(areasOfLevel("jobcentre")).toHaveLength(94);
  });

  it("has codes unique across all levels", () => {
    expect(unique(AREAS.map((a) => a.code))).toBe(true);
  });

  it("gives every area a Danish and an English label", () => {
    for (const a of AREAS) {
      expect(a.label.da.trim(), a.code).not.toBe("");
      expect(a.label.en.trim(), a.code).not.toBe("");
    }
    expect(areaByCode("101")?.label).toEqual({ da: "København", en: "Copenhagen" });
    expect(areaByCode("DK")?.level).toBe("country");
  });

  it("finds the municipalities of every kind of area", () => {
    expect(municipalitiesIn("DK")).toHaveLength(98);
    expect(municipalitiesIn("1081")).toHaveLength(11);
    expect(municipalitiesIn("1084")).toContain("400");
    expect(municipalitiesIn("RAR7")).not.toContain("400");
    expect(municipalitiesIn("JC751")).toEqual(["741", "751"]);
    expect(municipalitiesIn("147")).toEqual(["147"]);
    expect(municipalitiesIn("XYZ")).toEqual([]);
  });

  it("adds up region memberships to the whole country", () => {
    const total = REGIONS.reduce((s, r) => s + municipalitiesIn(r.code).length, 0);
    expect(total).toBe(98);
    const rarTotal = RAR_AREAS.reduce((s, r) => s + municipalitiesIn(r.code).length, 0);
    expect(rarTotal).toBe(98);
  });

  it("recognises area codes and rejects others", () => {
    for (const code of ["DK", "1085", "RAR1", "JC860", "860"]) expect(isArea(code)).toBe(true);
    for (const code of ["dk", "1086", "RAR9", "JC563", "999", ""]) expect(isArea(code)).toBe(false);
  });
});
