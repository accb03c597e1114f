// The contract's code lists other than areas and a-kasser (§1, §3, §5, §6), each entry with a da/en
// label and a short da/en definition, in contract order. Pure data plus small lookups.

export interface Label {
  readonly da: string;
  readonly en: string;
}

export interface CodeEntry<C extends string = string> {
  readonly code: C;
  readonly label: Label;
  readonly definition: Label;
}

export type CodeList<C extends string = string> = readonly CodeEntry<C>[];

/** The codes of a list, in list order. */
export function codesOf<C extends string>(list: CodeList<C>): readonly C[] {
  return list.map((e) => e.code);
}

/** The entry with this code, or undefined. */
export function entryOf<C extends string>(list: CodeList<C>, code: string): CodeEntry<C> | undefined {
  return list.find((e) => e.code === code);
}

export function isCodeOf<C extends string>(list: CodeList<C>, code: string): code is C {
  return list.some((e) => e.code === code);
}

function entry<const C extends string>(code: C, da: string, en: string, defDa: string, defEn: string) {
  return { code, label: { da, en }, definition: { da: defDa, en: defEn } } as const;
}

// ── record types (§1) ────────────────────────────────────────────────────────────────────────────

export const RECORD_TYPES = [
  "benefit_periods",
  "activation_offers",
  "interviews",
  "job_openings",
  "employment",
  "persons",
  "education",
  "population",
  "framework_conditions",
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

// ── benefits (§3) ────────────────────────────────────────────────────────────────────────────────

export const BENEFITS = [
  entry(
    "dagpenge",
    "Dagpenge",
    "Unemployment insurance benefit",
    "Arbejdsløshedsdagpenge udbetalt af en a-kasse til forsikrede ledige medlemmer.",
    "Unemployment benefit paid by an a-kasse to insured unemployed members.",
  ),
  entry(
    "kontanthjaelp",
    "Kontanthjælp",
    "Social assistance",
    "Behovsbestemt kommunal ydelse til personer, der ikke kan forsørge sig selv.",
    "Means-tested municipal benefit for persons who cannot support themselves.",
  ),
  entry(
    "uddannelseshjaelp",
    "Uddannelseshjælp",
    "Education assistance",
    "Hjælp til personer under 30 år uden erhvervskompetencegivende uddannelse.",
    "Assistance for persons under 30 without an education qualifying for work.",
  ),
  entry(
    "selvforsoergelse",
    "Selvforsørgelses- og hjemrejseydelse, overgangsydelse",
    "Self-support and repatriation benefit, transition benefit",
    "Ydelse til personer, der ikke opfylder opholdskravet for kontanthjælp.",
    "Benefit for persons who do not meet the residence requirement for social assistance.",
  ),
  entry(
    "sygedagpenge",
    "Sygedagpenge",
    "Sickness benefit",
    "Ydelse ved uarbejdsdygtighed på grund af egen sygdom.",
    "Benefit during inability to work because of own illness.",
  ),
  entry(
    "jobafklaring",
    "Jobafklaringsforløb",
    "Job clarification programme",
    "Ressourceforløbsydelse til sygemeldte, hvis sygedagpenge er ophørt.",
    "Benefit for sick persons whose sickness benefit has run out.",
  ),
  entry(
    "ressourceforloeb",
    "Ressourceforløb",
    "Resource programme",
    "Helhedsorienteret forløb for personer med komplekse problemer, som ellers risikerer førtidspension.",
    "Holistic programme for persons with complex problems at risk of disability pension.",
  ),
  entry(
    "ledighedsydelse",
    "Ledighedsydelse",
    "Unemployment benefit for flexjob-eligible persons",
    "Ydelse til personer visiteret til fleksjob, som ikke er i fleksjob.",
    "Benefit for persons eligible for a flexjob who are not in one.",
  ),
  entry(
    "fleksjob",
    "Fleksjob",
    "Flexjob",
    "Job med tilskud til personer med varigt og væsentligt nedsat arbejdsevne.",
    "Subsidised job for persons with permanently and substantially reduced working capacity.",
  ),
  entry(
    "revalidering",
    "Revalidering",
    "Vocational rehabilitation",
    "Erhvervsrettet forløb, der skal bringe personer med begrænsninger i arbejdsevnen tilbage i job.",
    "Work-oriented programme to bring persons with reduced working capacity back into work.",
  ),
  entry(
    "foertidspension",
    "Førtidspension",
    "Disability pension",
    "Varig ydelse til personer, hvis arbejdsevne ikke kan forbedres, så de kan forsørge sig selv.",
    "Permanent benefit for persons whose working capacity cannot be improved to self-support.",
  ),
  entry(
    "efterloen",
    "Efterløn",
    "Voluntary early retirement pay",
    "Tilbagetrækningsydelse udbetalt af en a-kasse før folkepensionsalderen.",
    "Retirement benefit paid by an a-kasse before the state pension age.",
  ),
] as const satisfies CodeList;
export type Benefit = (typeof BENEFITS)[number]["code"];

/** Benefits whose periods must carry an `akasse` (§1). */
export const BENEFITS_NEEDING_AKASSE = ["dagpenge", "efterloen"] as const satisfies readonly Benefit[];

// ── activation offers (§3) ───────────────────────────────────────────────────────────────────────

export const OFFER_TYPES = [
  entry(
    "vejledning",
    "Vejledning og opkvalificering",
    "Guidance and upskilling",
    "Kurser, uddannelse og vejledning, der skal bringe personen nærmere job.",
    "Courses, training and guidance that bring the person closer to work.",
  ),
  entry(
    "praktik",
    "Virksomhedspraktik",
    "Work placement",
    "Ulønnet praktik på en virksomhed under fortsat ydelse.",
    "Unpaid placement at a workplace while keeping the benefit.",
  ),
  entry(
    "loentilskud_privat",
    "Løntilskud, privat",
    "Wage subsidy, private employer",
    "Ansættelse hos en privat arbejdsgiver med offentligt tilskud til lønnen.",
    "Employment with a private employer, wages partly paid by public subsidy.",
  ),
  entry(
    "loentilskud_offentlig",
    "Løntilskud, offentlig",
    "Wage subsidy, public employer",
    "Ansættelse hos en offentlig arbejdsgiver med tilskud til lønnen.",
    "Employment with a public employer, wages partly paid by subsidy.",
  ),
  entry(
    "nytteindsats",
    "Nytteindsats",
    "Community work",
    "Nyttige opgaver hos en offentlig arbejdsgiver for ydelsen.",
    "Useful tasks at a public employer in return for the benefit.",
  ),
  entry(
    "voksenlaerling",
    "Voksenlærling",
    "Adult apprenticeship",
    "Uddannelsesaftale for voksne med tilskud til arbejdsgiveren.",
    "Apprenticeship for adults with a subsidy to the employer.",
  ),
] as const satisfies CodeList;
export type OfferType = (typeof OFFER_TYPES)[number]["code"];

// ── persons: education and origin (§1) ───────────────────────────────────────────────────────────

export const EDUCATION_LEVELS = [
  entry(
    "grundskole",
    "Grundskole",
    "Primary and lower secondary",
    "Højst fuldført uddannelse er grundskolen.",
    "Highest completed education is primary and lower secondary school.",
  ),
  entry(
    "gymnasial",
    "Gymnasial uddannelse",
    "General upper secondary",
    "Højst fuldført uddannelse er en gymnasial uddannelse.",
    "Highest completed education is general upper secondary.",
  ),
  entry(
    "erhvervsfaglig",
    "Erhvervsfaglig uddannelse",
    "Vocational education",
    "Højst fuldført uddannelse er en erhvervsuddannelse.",
    "Highest completed education is vocational education and training.",
  ),
  entry(
    "kort",
    "Kort videregående uddannelse",
    "Short-cycle higher education",
    "Videregående uddannelse på op til 2–3 år (fx erhvervsakademi).",
    "Higher education of up to 2–3 years (e.g. academy profession).",
  ),
  entry(
    "mellemlang",
    "Mellemlang videregående uddannelse",
    "Medium-cycle higher education",
    "Professionsbachelor og tilsvarende, typisk 3–4 år.",
    "Professional bachelor and similar, typically 3–4 years.",
  ),
  entry(
    "lang",
    "Lang videregående uddannelse",
    "Long-cycle higher education",
    "Kandidat, master eller ph.d.",
    "Master's degree or PhD.",
  ),
  entry(
    "ukendt",
    "Uoplyst",
    "Unknown",
    "Højst fuldførte uddannelse er ikke oplyst.",
    "Highest completed education is not known.",
  ),
] as const satisfies CodeList;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number]["code"];

export const ORIGINS = [
  entry(
    "dansk",
    "Dansk oprindelse",
    "Danish origin",
    "Mindst én forælder er dansk statsborger født i Danmark.",
    "At least one parent is a Danish citizen born in Denmark.",
  ),
  entry(
    "indvandrer-vestlig",
    "Indvandrere fra vestlige lande",
    "Immigrants from Western countries",
    "Født i udlandet af udenlandske forældre; oprindelsesland vestligt.",
    "Born abroad to foreign parents; country of origin Western.",
  ),
  entry(
    "efterkommer-vestlig",
    "Efterkommere fra vestlige lande",
    "Descendants from Western countries",
    "Født i Danmark af udenlandske forældre; oprindelsesland vestligt.",
    "Born in Denmark to foreign parents; country of origin Western.",
  ),
  entry(
    "indvandrer-ikke-vestlig",
    "Indvandrere fra ikke-vestlige lande",
    "Immigrants from non-Western countries",
    "Født i udlandet af udenlandske forældre; oprindelsesland ikke-vestligt.",
    "Born abroad to foreign parents; country of origin non-Western.",
  ),
  entry(
    "efterkommer-ikke-vestlig",
    "Efterkommere fra ikke-vestlige lande",
    "Descendants from non-Western countries",
    "Født i Danmark af udenlandske forældre; oprindelsesland ikke-vestligt.",
    "Born in Denmark to foreign parents; country of origin non-Western.",
  ),
] as const satisfies CodeList;
export type Origin = (typeof ORIGINS)[number]["code"];

// ── framework conditions (§3) ────────────────────────────────────────────────────────────────────

export interface FrameworkVariableEntry<C extends string = string> extends CodeEntry<C> {
  readonly unit: Label;
}

const PERCENT = { da: "%", en: "%" } as const;

export const FRAMEWORK_VARIABLES = [
  {
    ...entry(
      "population_16_66",
      "Befolkning 16–66 år",
      "Population aged 16–66",
      "Antal indbyggere i alderen 16–66 år.",
      "Number of residents aged 16–66.",
    ),
    unit: { da: "personer", en: "persons" },
  },
  {
    ...entry(
      "share_60_plus",
      "Andel 60 år og derover",
      "Share aged 60 and over",
      "Andel af de 16–66-årige, der er 60 år eller ældre.",
      "Share of residents aged 16–66 who are 60 or older.",
    ),
    unit: PERCENT,
  },
  {
    ...entry(
      "share_no_education",
      "Andel uden erhvervskompetencegivende uddannelse",
      "Share without vocational qualification",
      "Andel af de 16–66-årige, hvis højst fuldførte uddannelse er grundskole eller gymnasial.",
      "Share of residents aged 16–66 whose highest completed education is primary or upper secondary.",
    ),
    unit: PERCENT,
  },
  {
    ...entry(
      "share_non_western",
      "Andel ikke-vestlige indvandrere og efterkommere",
      "Share of non-Western immigrants and descendants",
      "Andel af de 16–66-årige, der er indvandrere eller efterkommere fra ikke-vestlige lande.",
      "Share of residents aged 16–66 who are immigrants or descendants from non-Western countries.",
    ),
    unit: PERCENT,
  },
  {
    ...entry(
      "firms_per_1000",
      "Virksomheder pr. 1.000 indbyggere",
      "Firms per 1,000 residents",
      "Antal virksomheder pr. 1.000 indbyggere i alderen 16–66 år.",
      "Number of firms per 1,000 residents aged 16–66.",
    ),
    unit: { da: "pr. 1.000 indbyggere", en: "per 1,000 residents" },
  },
  {
    ...entry(
      "commuting_unemployment_rate",
      "Ledighed i pendlingsoplandet",
      "Unemployment rate in the commuting area",
      "Ledighedsprocent i kommunens pendlingsopland, vægtet med pendlingsstrømme.",
      "Unemployment rate in the municipality's commuting area, weighted by commuter flows.",
    ),
    unit: PERCENT,
  },
] as const satisfies readonly FrameworkVariableEntry[];
export type FrameworkVariable = (typeof FRAMEWORK_VARIABLES)[number]["code"];

// ── occupations (§1 job_openings) ────────────────────────────────────────────────────────────────

export const DISCO_MAJOR_GROUPS = [
  entry(
    "0",
    "Militært arbejde",
    "Armed forces occupations",
    "DISCO-08 hovedgruppe 0.",
    "DISCO-08 major group 0.",
  ),
  entry("1", "Ledelsesarbejde", "Managers", "DISCO-08 hovedgruppe 1.", "DISCO-08 major group 1."),
  entry(
    "2",
    "Arbejde, der forudsætter viden på højeste niveau",
    "Professionals",
    "DISCO-08 hovedgruppe 2.",
    "DISCO-08 major group 2.",
  ),
  entry(
    "3",
    "Arbejde, der forudsætter viden på mellemniveau",
    "Technicians and associate professionals",
    "DISCO-08 hovedgruppe 3.",
    "DISCO-08 major group 3.",
  ),
  entry(
    "4",
    "Almindeligt kontor- og kundeservicearbejde",
    "Clerical support workers",
    "DISCO-08 hovedgruppe 4.",
    "DISCO-08 major group 4.",
  ),
  entry(
    "5",
    "Service- og salgsarbejde",
    "Service and sales workers",
    "DISCO-08 hovedgruppe 5.",
    "DISCO-08 major group 5.",
  ),
  entry(
    "6",
    "Arbejde inden for landbrug, skovbrug og fiskeri",
    "Skilled agricultural, forestry and fishery workers",
    "DISCO-08 hovedgruppe 6.",
    "DISCO-08 major group 6.",
  ),
  entry(
    "7",
    "Håndværkspræget arbejde",
    "Craft and related trades workers",
    "DISCO-08 hovedgruppe 7.",
    "DISCO-08 major group 7.",
  ),
  entry(
    "8",
    "Operatør-, monterings- og transportarbejde",
    "Plant and machine operators and assemblers",
    "DISCO-08 hovedgruppe 8.",
    "DISCO-08 major group 8.",
  ),
  entry(
    "9",
    "Andet manuelt arbejde",
    "Elementary occupations",
    "DISCO-08 hovedgruppe 9.",
    "DISCO-08 major group 9.",
  ),
] as const satisfies CodeList;
export type DiscoMajorGroup = (typeof DISCO_MAJOR_GROUPS)[number]["code"];

// ── interviews (§1) ──────────────────────────────────────────────────────────────────────────────

export const INTERVIEW_HELD_BY = [
  entry(
    "jobcenter",
    "Jobcenter",
    "Job centre",
    "Samtalen er holdt af jobcentret.",
    "The interview was held by the job centre.",
  ),
  entry(
    "akasse",
    "A-kasse",
    "A-kasse",
    "Samtalen er holdt af a-kassen.",
    "The interview was held by the a-kasse.",
  ),
] as const satisfies CodeList;
export type InterviewHeldBy = (typeof INTERVIEW_HELD_BY)[number]["code"];

export const INTERVIEW_KINDS = [
  entry(
    "job",
    "Jobsamtale",
    "Job interview",
    "Samtale om job og indsats.",
    "Interview about jobs and measures.",
  ),
  entry("cv", "CV-samtale", "CV interview", "Samtale om personens CV.", "Interview about the person's CV."),
  entry(
    "joint",
    "Fællessamtale",
    "Joint interview",
    "Samtale med både jobcenter og a-kasse.",
    "Interview with both the job centre and the a-kasse.",
  ),
] as const satisfies CodeList;
export type InterviewKind = (typeof INTERVIEW_KINDS)[number]["code"];

// ── gender and age (§1, §5, §6) ──────────────────────────────────────────────────────────────────

export const GENDERS = [
  entry(
    "M",
    "Mænd",
    "Men",
    "Sidste ciffer i CPR-nummeret er ulige.",
    "The last digit of the CPR number is odd.",
  ),
  entry(
    "K",
    "Kvinder",
    "Women",
    "Sidste ciffer i CPR-nummeret er lige.",
    "The last digit of the CPR number is even.",
  ),
] as const satisfies CodeList;
export type Gender = (typeof GENDERS)[number]["code"];

function ageBandEntry<const C extends string>(code: C): CodeEntry<C> {
  const plus = code.endsWith("+");
  const [from, to] = code.replace("+", "").split("-");
  return plus
    ? entry(
        code,
        `${from} år og derover`,
        `${from} years and over`,
        `Alder ${from} år eller mere.`,
        `Aged ${from} or more.`,
      )
    : entry(
        code,
        `${from}-${to} år`,
        `${from}-${to} years`,
        `Alder ${from} til ${to} år.`,
        `Aged ${from} to ${to}.`,
      );
}

/** Publication age bands (age on the period's last day); `0-15` makes the bands add up to the total. */
export const AGE_BANDS = [
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
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** AGE_BANDS with da/en labels and definitions. */
export const AGE_BAND_LIST: CodeList<AgeBand> = AGE_BANDS.map(ageBandEntry);

/** Age bands a `population` delivery may use instead of single ages (§6). */
export const POPULATION_AGE_BANDS = [
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
  "65-66",
  "67+",
] as const;
export type PopulationAgeBand = (typeof POPULATION_AGE_BANDS)[number];

/** POPULATION_AGE_BANDS with da/en labels and definitions. */
export const POPULATION_AGE_BAND_LIST: CodeList<PopulationAgeBand> = POPULATION_AGE_BANDS.map(ageBandEntry);

/** Lowest and highest age of a band code ("65+" → [65, Infinity]); undefined if not a band. */
export function ageBandRange(code: string): readonly [number, number] | undefined {
  const m = /^(\d+)(?:-(\d+)|\+)$/.exec(code);
  if (!m) return undefined;
  return [Number(m[1]), m[2] === undefined ? Number.POSITIVE_INFINITY : Number(m[2])];
}

function bandOf<C extends string>(codes: readonly C[], age: number): C {
  for (const code of codes) {
    const range = ageBandRange(code);
    if (range && age >= range[0] && age <= range[1]) return code;
  }
  throw new RangeError(`age ${age} is in no band`);
}

/** The publication age band of a whole age ≥ 0. */
export function ageBandOf(age: number): AgeBand {
  return bandOf(AGE_BANDS, age);
}

/** The population age band of a whole age ≥ 0. */
export function populationAgeBandOf(age: number): PopulationAgeBand {
  return bandOf(POPULATION_AGE_BANDS, age);
}
