// The eight RAR areas (Regionale Arbejdsmarkedsråd, STAR's division 2015–2024), RAR1–RAR8, da and en.
// Pure data; which municipalities belong to an area is in municipalities.ts.

export const RAR_CODES = ["RAR1", "RAR2", "RAR3", "RAR4", "RAR5", "RAR6", "RAR7", "RAR8"] as const;
export type RarCode = (typeof RAR_CODES)[number];

export interface RarArea {
  readonly code: RarCode;
  readonly name: { readonly da: string; readonly en: string };
}

export const RAR_AREAS: readonly RarArea[] = [
  { code: "RAR1", name: { da: "RAR Nordjylland", en: "RAR North Jutland" } },
  { code: "RAR2", name: { da: "RAR Østjylland", en: "RAR East Jutland" } },
  { code: "RAR3", name: { da: "RAR Vestjylland", en: "RAR West Jutland" } },
  { code: "RAR4", name: { da: "RAR Sydjylland", en: "RAR South Jutland" } },
  { code: "RAR5", name: { da: "RAR Fyn", en: "RAR Funen" } },
  { code: "RAR6", name: { da: "RAR Sjælland", en: "RAR Zealand" } },
  { code: "RAR7", name: { da: "RAR Hovedstaden", en: "RAR Capital Region" } },
  { code: "RAR8", name: { da: "RAR Bornholm", en: "RAR Bornholm" } },
];

const BY_CODE = new Map<string, RarArea>(RAR_AREAS.map((r) => [r.code, r]));

export function rarByCode(code: string): RarArea | undefined {
  return BY_CODE.get(code);
}

export function isRarCode(code: string): code is RarCode {
  return BY_CODE.has(code);
}
