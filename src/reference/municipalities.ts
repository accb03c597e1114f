// The 98 Danish municipalities by official 3-digit code, sorted by code, each with its region, RAR area
// and job centre. Christiansø (411) is not a municipality and is not listed.

import type { RarCode } from "./rar.ts";
import type { RegionCode } from "./regions.ts";

export interface Municipality {
  /** Official 3-digit code, e.g. "101". */
  readonly code: string;
  /** Danish name, e.g. "København". */
  readonly name: string;
  /** English name: the Danish name except where English has its own ("Copenhagen"). */
  readonly nameEn: string;
  readonly region: RegionCode;
  readonly rar: RarCode;
  /** The job centre serving the municipality: "JC" + the host municipality's code. */
  readonly jobCentre: string;
  /** Approximate population on 1 January 2025; drives only the synthetic demo data, never a statistic. */
  readonly population: number;
}

// Four island municipalities have no job centre of their own; a mainland one serves them.
const HOST_OF_ISLAND: Readonly<Record<string, string>> = {
  "563": "561", // Fanø → Esbjerg
  "825": "813", // Læsø → Frederikshavn
  "741": "751", // Samsø → Aarhus
  "492": "479", // Ærø → Svendborg
};

const ENGLISH_NAME: Readonly<Record<string, string>> = { "101": "Copenhagen" };

// [code, name, region, RAR, approximate population 1 Jan 2025 (rounded; sum ≈ 5.95 M)].
// RAR: Østjylland = the eastern Midtjylland municipalities incl. Samsø and Hedensted; Vestjylland = the
// western ones incl. Viborg and Skive; Sydjylland = Syddanmark's Jutland part incl. Fanø; Fyn = Funen,
// Langeland and Ærø; Hovedstaden without Bornholm, which is RAR Bornholm alone.
type Row = readonly [string, string, RegionCode, RarCode, number];
const ROWS: readonly Row[] = [
  ["101", "København", "1084", "RAR7", 667_000],
  ["147", "Frederiksberg", "1084", "RAR7", 105_000],
  ["151", "Ballerup", "1084", "RAR7", 52_000],
  ["153", "Brøndby", "1084", "RAR7", 39_500],
  ["155", "Dragør", "1084", "RAR7", 14_800],
  ["157", "Gentofte", "1084", "RAR7", 75_500],
  ["159", "Gladsaxe", "1084", "RAR7", 70_500],
  ["161", "Glostrup", "1084", "RAR7", 24_500],
  ["163", "Herlev", "1084", "RAR7", 30_500],
  ["165", "Albertslund", "1084", "RAR7", 28_500],
  ["167", "Hvidovre", "1084", "RAR7", 55_000],
  ["169", "Høje-Taastrup", "1084", "RAR7", 58_000],
  ["173", "Lyngby-Taarbæk", "1084", "RAR7", 57_000],
  ["175", "Rødovre", "1084", "RAR7", 41_500],
  ["183", "Ishøj", "1084", "RAR7", 23_700],
  ["185", "Tårnby", "1084", "RAR7", 44_000],
  ["187", "Vallensbæk", "1084", "RAR7", 17_000],
  ["190", "Furesø", "1084", "RAR7", 41_500],
  ["201", "Allerød", "1084", "RAR7", 26_500],
  ["210", "Fredensborg", "1084", "RAR7", 41_500],
  ["217", "Helsingør", "1084", "RAR7", 64_000],
  ["219", "Hillerød", "1084", "RAR7", 54_500],
  ["223", "Hørsholm", "1084", "RAR7", 25_500],
  ["230", "Rudersdal", "1084", "RAR7", 57_500],
  ["240", "Egedal", "1084", "RAR7", 44_500],
  ["250", "Frederikssund", "1084", "RAR7", 46_500],
  ["253", "Greve", "1085", "RAR6", 51_000],
  ["259", "Køge", "1085", "RAR6", 63_000],
  ["260", "Halsnæs", "1084", "RAR7", 32_000],
  ["265", "Roskilde", "1085", "RAR6", 90_500],
  ["269", "Solrød", "1085", "RAR6", 23_500],
  ["270", "Gribskov", "1084", "RAR7", 41_500],
  ["306", "Odsherred", "1085", "RAR6", 32_500],
  ["316", "Holbæk", "1085", "RAR6", 73_000],
  ["320", "Faxe", "1085", "RAR6", 38_000],
  ["326", "Kalundborg", "1085", "RAR6", 49_000],
  ["329", "Ringsted", "1085", "RAR6", 36_000],
  ["330", "Slagelse", "1085", "RAR6", 80_000],
  ["336", "Stevns", "1085", "RAR6", 23_500],
  ["340", "Sorø", "1085", "RAR6", 30_500],
  ["350", "Lejre", "1085", "RAR6", 29_500],
  ["360", "Lolland", "1085", "RAR6", 40_500],
  ["370", "Næstved", "1085", "RAR6", 84_000],
  ["376", "Guldborgsund", "1085", "RAR6", 60_000],
  ["390", "Vordingborg", "1085", "RAR6", 45_500],
  ["400", "Bornholm", "1084", "RAR8", 39_000],
  ["410", "Middelfart", "1083", "RAR5", 40_000],
  ["420", "Assens", "1083", "RAR5", 41_000],
  ["430", "Faaborg-Midtfyn", "1083", "RAR5", 51_500],
  ["440", "Kerteminde", "1083", "RAR5", 24_000],
  ["450", "Nyborg", "1083", "RAR5", 32_500],
  ["461", "Odense", "1083", "RAR5", 209_000],
  ["479", "Svendborg", "1083", "RAR5", 59_000],
  ["480", "Nordfyns", "1083", "RAR5", 29_500],
  ["482", "Langeland", "1083", "RAR5", 12_000],
  ["492", "Ærø", "1083", "RAR5", 6_000],
  ["510", "Haderslev", "1083", "RAR4", 54_500],
  ["530", "Billund", "1083", "RAR4", 27_000],
  ["540", "Sønderborg", "1083", "RAR4", 73_000],
  ["550", "Tønder", "1083", "RAR4", 36_500],
  ["561", "Esbjerg", "1083", "RAR4", 114_500],
  ["563", "Fanø", "1083", "RAR4", 3_500],
  ["573", "Varde", "1083", "RAR4", 50_000],
  ["575", "Vejen", "1083", "RAR4", 43_000],
  ["580", "Aabenraa", "1083", "RAR4", 58_500],
  ["607", "Fredericia", "1083", "RAR4", 52_500],
  ["615", "Horsens", "1082", "RAR2", 98_500],
  ["621", "Kolding", "1083", "RAR4", 95_500],
  ["630", "Vejle", "1083", "RAR4", 122_000],
  ["657", "Herning", "1082", "RAR3", 90_500],
  ["661", "Holstebro", "1082", "RAR3", 59_000],
  ["665", "Lemvig", "1082", "RAR3", 19_000],
  ["671", "Struer", "1082", "RAR3", 20_500],
  ["706", "Syddjurs", "1082", "RAR2", 44_000],
  ["707", "Norddjurs", "1082", "RAR2", 37_000],
  ["710", "Favrskov", "1082", "RAR2", 50_500],
  ["727", "Odder", "1082", "RAR2", 24_000],
  ["730", "Randers", "1082", "RAR2", 100_000],
  ["740", "Silkeborg", "1082", "RAR2", 101_000],
  ["741", "Samsø", "1082", "RAR2", 3_700],
  ["746", "Skanderborg", "1082", "RAR2", 65_500],
  ["751", "Aarhus", "1082", "RAR2", 372_000],
  ["756", "Ikast-Brande", "1082", "RAR3", 42_000],
  ["760", "Ringkøbing-Skjern", "1082", "RAR3", 56_500],
  ["766", "Hedensted", "1082", "RAR2", 47_500],
  ["773", "Morsø", "1081", "RAR1", 20_000],
  ["779", "Skive", "1082", "RAR3", 46_000],
  ["787", "Thisted", "1081", "RAR1", 43_000],
  ["791", "Viborg", "1082", "RAR3", 98_500],
  ["810", "Brønderslev", "1081", "RAR1", 36_500],
  ["813", "Frederikshavn", "1081", "RAR1", 58_500],
  ["820", "Vesthimmerlands", "1081", "RAR1", 36_000],
  ["825", "Læsø", "1081", "RAR1", 1_750],
  ["840", "Rebild", "1081", "RAR1", 30_500],
  ["846", "Mariagerfjord", "1081", "RAR1", 41_500],
  ["849", "Jammerbugt", "1081", "RAR1", 38_500],
  ["851", "Aalborg", "1081", "RAR1", 223_000],
  ["860", "Hjørring", "1081", "RAR1", 63_500],
];

export const MUNICIPALITIES: readonly Municipality[] = ROWS.map(([code, name, region, rar, population]) => ({
  code,
  name,
  nameEn: ENGLISH_NAME[code] ?? name,
  region,
  rar,
  jobCentre: `JC${HOST_OF_ISLAND[code] ?? code}`,
  population,
}));

const BY_CODE = new Map<string, Municipality>(MUNICIPALITIES.map((m) => [m.code, m]));

export function municipalityByCode(code: string): Municipality | undefined {
  return BY_CODE.get(code);
}

export function isMunicipalityCode(code: string): boolean {
  return BY_CODE.has(code);
}

/** All 98 municipality codes, sorted. */
export const MUNICIPALITY_CODES: readonly string[] = MUNICIPALITIES.map((m) => m.code);
