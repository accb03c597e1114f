// The area hierarchy as one lookup: DK, regions, RAR areas, job centres and municipalities, each code
// unique across levels, with da/en labels and the municipalities each area contains.

import { JOB_CENTRES } from "./job-centres.ts";
import { MUNICIPALITIES } from "./municipalities.ts";
import { RAR_AREAS } from "./rar.ts";
import { REGIONS } from "./regions.ts";

export const AREA_LEVELS = ["country", "region", "rar", "jobcentre", "municipality"] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export interface Area {
  readonly code: string;
  readonly level: AreaLevel;
  readonly label: { readonly da: string; readonly en: string };
}

/** Code of the whole country. */
export const COUNTRY_CODE = "DK";

/** All areas: DK first, then regions, RAR areas, job centres and municipalities, each level in code order. */
export const AREAS: readonly Area[] = [
  { code: COUNTRY_CODE, level: "country", label: { da: "Hele landet", en: "All Denmark" } },
  ...REGIONS.map((r): Area => ({ code: r.code, level: "region", label: r.name })),
  ...RAR_AREAS.map((r): Area => ({ code: r.code, level: "rar", label: r.name })),
  ...JOB_CENTRES.map(
    (j): Area => ({ code: j.code, level: "jobcentre", label: { da: j.name, en: j.nameEn } }),
  ),
  ...MUNICIPALITIES.map(
    (m): Area => ({ code: m.code, level: "municipality", label: { da: m.name, en: m.nameEn } }),
  ),
];

const BY_CODE = new Map<string, Area>(AREAS.map((a) => [a.code, a]));

// MUNICIPALITIES is sorted by code, so every member list comes out sorted.
const MEMBERS = new Map<string, string[]>();
for (const m of MUNICIPALITIES) {
  for (const area of [COUNTRY_CODE, m.region, m.rar, m.jobCentre, m.code]) {
    const list = MEMBERS.get(area);
    if (list) list.push(m.code);
    else MEMBERS.set(area, [m.code]);
  }
}

export function areaByCode(code: string): Area | undefined {
  return BY_CODE.get(code);
}

export function isArea(code: string): boolean {
  return BY_CODE.has(code);
}

/** Codes of the municipalities in an area, sorted (a municipality contains itself); empty if unknown. */
export function municipalitiesIn(areaCode: string): readonly string[] {
  return MEMBERS.get(areaCode) ?? [];
}

/** The areas of one level, in the order of AREAS. */
export function areasOfLevel(level: AreaLevel): readonly Area[] {
  return AREAS.filter((a) => a.level === level);
}
