// The 21 a-kasser (unemployment insurance funds) by STAR code, as deliveries carry them in `akasse`,
// with exact names. Share and profile are rough guesses that steer only the synthetic demo data.

/** Rough membership profile, used to give synthetic members a plausible education and benefit mix. */
export type AkasseProfile = "academic" | "skilled" | "unskilled" | "health" | "education" | "general";

// The brief listing these suggested 22 names; counted, it is 21 distinct codes with no duplicate or
// obsolete entry, which matches the contract's "21 a-kasser". All are kept.
export const AKASSE_CODES = [
  "D86",
  "D92",
  "D10",
  "D83",
  "D67",
  "D81",
  "D98",
  "D22",
  "D40",
  "D76",
  "D15",
  "D17",
  "D53",
  "D73",
  "D18",
  "D88",
  "D24",
  "D14",
  "D72",
  "D57",
  "D94",
] as const;
export type AkasseCode = (typeof AKASSE_CODES)[number];

export interface Akasse {
  readonly code: AkasseCode;
  /** Official name (a proper name; the English label is the same). */
  readonly name: string;
  readonly label: { readonly da: string; readonly en: string };
  /** Approximate share of all a-kasse members (the shares sum to 1); synthetic data only. */
  readonly share: number;
  readonly profile: AkasseProfile;
}

type Row = readonly [AkasseCode, string, number, AkasseProfile];
const ROWS: readonly Row[] = [
  ["D86", "Akademikernes A-kasse", 0.1, "academic"],
  ["D92", "A-kassen A&Til", 0.01, "general"],
  ["D10", "A-kassen for Journalistik, Kommunikation og Sprog", 0.01, "academic"],
  ["D83", "A-kassen Frie", 0.03, "general"],
  ["D67", "Lederne A-kasse", 0.03, "general"],
  ["D81", "BUPL A-kasse", 0.02, "education"],
  ["D98", "CA A-kasse", 0.03, "academic"],
  ["D22", "Det Faglige Hus A-kasse", 0.05, "general"],
  ["D40", "Din Faglige A-Kasse", 0.04, "skilled"],
  ["D76", "Din Sundhedsfaglige A-kasse", 0.04, "health"],
  ["D15", "Faglig Fælles (3F) A-kasse", 0.12, "unskilled"],
  ["D17", "FOAs A-kasse", 0.07, "health"],
  ["D53", "HK/Danmarks A-kasse", 0.1, "skilled"],
  ["D73", "Kristelig A-Kasse", 0.07, "general"],
  ["D18", "Lærernes A-kasse", 0.03, "education"],
  ["D88", "Magistrenes A-kasse", 0.04, "academic"],
  ["D24", "Metalarbejdernes A-Kasse", 0.04, "skilled"],
  ["D14", "Socialpædagogernes A-Kasse", 0.02, "education"],
  ["D72", "Teknikernes A-Kasse", 0.02, "skilled"],
  ["D57", "Min A-kasse", 0.04, "general"],
  ["D94", "A-kassen Ase", 0.09, "general"],
];

export const AKASSER: readonly Akasse[] = ROWS.map(([code, name, share, profile]) => ({
  code,
  name,
  label: { da: name, en: name },
  share,
  profile,
}));

const BY_CODE = new Map<string, Akasse>(AKASSER.map((a) => [a.code, a]));

export function akasseByCode(code: string): Akasse | undefined {
  return BY_CODE.get(code);
}

export function isAkasseCode(code: string): code is AkasseCode {
  return BY_CODE.has(code);
}
