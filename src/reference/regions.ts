// The five Danish regions by their official code (1081–1085), with Danish and English names.
// Pure data; which municipalities belong to a region is in municipalities.ts.

export const REGION_CODES = ["1081", "1082", "1083", "1084", "1085"] as const;
export type RegionCode = (typeof REGION_CODES)[number];

export interface Region {
  readonly code: RegionCode;
  readonly name: { readonly da: string; readonly en: string };
}

export const REGIONS: readonly Region[] = [
  { code: "1081", name: { da: "Region Nordjylland", en: "North Denmark Region" } },
  { code: "1082", name: { da: "Region Midtjylland", en: "Central Denmark Region" } },
  { code: "1083", name: { da: "Region Syddanmark", en: "Region of Southern Denmark" } },
  { code: "1084", name: { da: "Region Hovedstaden", en: "Capital Region of Denmark" } },
  { code: "1085", name: { da: "Region Sjælland", en: "Region Zealand" } },
];

const BY_CODE = new Map<string, Region>(REGIONS.map((r) => [r.code, r]));

export function regionByCode(code: string): Region | undefined {
  return BY_CODE.get(code);
}

export function isRegionCode(code: string): code is RegionCode {
  return BY_CODE.has(code);
}
