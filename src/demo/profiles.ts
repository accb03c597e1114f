// The documented targets and behaviour of each benefit in the synthetic data. Targets are rough
// 2023–2025 national levels (full-time persons at scale 1); the generator's tests check that the
// generated prevalence lands within ±20 % of `targetFte` (scaled). They steer the demo data only.
import type { Benefit, OfferType } from "../reference/codes.ts";

/** What follows the end of a spell: another benefit, a job, education, or leaving the system. */
export type Outcome = Benefit | "job" | "uddannelse" | "oevrige";

/** How a source records the periods of a spell. */
export type RowGranularity =
  /** one row per calendar month (payments), e.g. dagpenge paid monthly by the a-kasse */
  | "monthly"
  /** one row per stretch: cut at year ends (yearly deliveries) and at random administrative changes */
  | "stretch";

export interface BenefitProfile {
  readonly benefit: Benefit;
  /** Average full-time persons nationally at scale 1 (the prevalence target). */
  readonly targetFte: number;
  /** Spell durations as a mixture of exponentials: [share, mean days]. */
  readonly durations: readonly (readonly [number, number])[];
  /** Share of spells at a reduced degree, and the range of that degree. */
  readonly partial: { readonly share: number; readonly min: number; readonly max: number };
  /** Age at the start of a spell: [min age, max age, weight]. */
  readonly entryAges: readonly (readonly [number, number, number])[];
  readonly maleShare: number;
  /** Relative odds of non-Western origin compared with the population. */
  readonly nonWesternOdds: number;
  readonly rows: RowGranularity;
  /** DKK per day at degree 1 (before tax), for `amount_dkk`. */
  readonly dailyRateDkk: number;
  /** Days between job-centre interviews (the first is due this long after the start); 0 = none. */
  readonly interviewEveryDays: number;
  /** Share of spells with an activation offer, and which offers. */
  readonly activation: { readonly share: number; readonly offers: readonly (readonly [OfferType, number])[] };
  /** What follows the end of a spell, with weights. */
  readonly transitions: readonly (readonly [Outcome, number])[];
  /** How strongly the municipality's framework conditions drive this benefit (1 = the common effects). */
  readonly frameworkStrength: number;
  /** Inflow by calendar month (Jan..Dec), mean 1: seasonal unemployment. */
  readonly season: readonly number[];
}

const FLAT = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
const UNEMPLOYMENT_SEASON = [1.3, 1.0, 0.9, 0.85, 0.8, 0.95, 1.2, 1.1, 0.9, 0.9, 0.95, 1.15];
const SICKNESS_SEASON = [1.25, 1.2, 1.05, 0.95, 0.85, 0.8, 0.7, 0.85, 1.0, 1.1, 1.1, 1.15];
const WORKING_AGES: readonly (readonly [number, number, number])[] = [
  [18, 24, 10],
  [25, 34, 28],
  [35, 44, 22],
  [45, 54, 21],
  [55, 63, 19],
];
const NO_OFFERS = { share: 0, offers: [] } as const;

export const BENEFIT_PROFILES: readonly BenefitProfile[] = [
  {
    benefit: "dagpenge",
    targetFte: 90_000,
    durations: [
      [0.6, 60],
      [0.4, 300],
    ],
    partial: { share: 0.15, min: 0.25, max: 0.9 },
    entryAges: WORKING_AGES,
    maleShare: 0.5,
    nonWesternOdds: 0.8,
    rows: "monthly",
    dailyRateDkk: 640,
    interviewEveryDays: 90,
    activation: {
      share: 0.3,
      offers: [
        ["vejledning", 45],
        ["praktik", 20],
        ["loentilskud_privat", 20],
        ["loentilskud_offentlig", 10],
        ["voksenlaerling", 5],
      ],
    },
    transitions: [
      ["job", 65],
      ["uddannelse", 5],
      ["kontanthjaelp", 4],
      ["sygedagpenge", 7],
      ["efterloen", 3],
      ["oevrige", 16],
    ],
    frameworkStrength: 1.2,
    season: UNEMPLOYMENT_SEASON,
  },
  {
    benefit: "kontanthjaelp",
    targetFte: 85_000,
    durations: [
      [0.4, 120],
      [0.6, 900],
    ],
    partial: { share: 0, min: 1, max: 1 },
    entryAges: [
      [30, 39, 35],
      [40, 49, 30],
      [50, 63, 25],
    ],
    maleShare: 0.52,
    nonWesternOdds: 3,
    rows: "stretch",
    dailyRateDkk: 480,
    interviewEveryDays: 90,
    activation: {
      share: 0.35,
      offers: [
        ["vejledning", 30],
        ["praktik", 45],
        ["nytteindsats", 15],
        ["loentilskud_privat", 10],
      ],
    },
    transitions: [
      ["job", 35],
      ["uddannelse", 8],
      ["ressourceforloeb", 12],
      ["foertidspension", 4],
      ["sygedagpenge", 5],
      ["oevrige", 36],
    ],
    frameworkStrength: 1.5,
    season: FLAT,
  },
  {
    benefit: "uddannelseshjaelp",
    targetFte: 38_000,
    durations: [
      [0.5, 150],
      [0.5, 600],
    ],
    partial: { share: 0, min: 1, max: 1 },
    entryAges: [
      [18, 21, 45],
      [22, 25, 35],
      [26, 29, 20],
    ],
    maleShare: 0.55,
    nonWesternOdds: 2,
    rows: "stretch",
    dailyRateDkk: 250,
    interviewEveryDays: 90,
    activation: {
      share: 0.4,
      offers: [
        ["vejledning", 50],
        ["praktik", 35],
        ["nytteindsats", 15],
      ],
    },
    transitions: [
      ["job", 30],
      ["uddannelse", 35],
      ["kontanthjaelp", 10],
      ["oevrige", 25],
    ],
    frameworkStrength: 1.3,
    season: [1.1, 0.9, 0.9, 0.9, 0.9, 1.2, 1.3, 1.1, 0.8, 0.9, 0.95, 1.05],
  },
  {
    benefit: "selvforsoergelse",
    targetFte: 12_000,
    durations: [
      [0.5, 200],
      [0.5, 700],
    ],
    partial: { share: 0, min: 1, max: 1 },
    entryAges: [
      [18, 29, 40],
      [30, 44, 40],
      [45, 63, 20],
    ],
    maleShare: 0.5,
    nonWesternOdds: 25,
    rows: "stretch",
    dailyRateDkk: 330,
    interviewEveryDays: 90,
    activation: {
      share: 0.45,
      offers: [
        ["vejledning", 50],
        ["praktik", 40],
        ["nytteindsats", 10],
      ],
    },
    transitions: [
      ["job", 35],
      ["kontanthjaelp", 25],
      ["uddannelse", 10],
      ["oevrige", 30],
    ],
    frameworkStrength: 1.5,
    season: FLAT,
  },
  {
    benefit: "sygedagpenge",
    targetFte: 78_000,
    durations: [
      [0.7, 40],
      [0.3, 250],
    ],
    partial: { share: 0.2, min: 0.5, max: 0.5 },
    entryAges: [
      [18, 29, 15],
      [30, 44, 30],
      [45, 66, 55],
    ],
    maleShare: 0.42,
    nonWesternOdds: 1.1,
    rows: "monthly",
    dailyRateDkk: 620,
    interviewEveryDays: 56,
    activation: {
      share: 0.05,
      offers: [
        ["vejledning", 60],
        ["praktik", 40],
      ],
    },
    transitions: [
      ["job", 75],
      ["jobafklaring", 6],
      ["dagpenge", 5],
      ["kontanthjaelp", 2],
      ["oevrige", 12],
    ],
    frameworkStrength: 0.8,
    season: SICKNESS_SEASON,
  },
  {
    benefit: "jobafklaring",
    targetFte: 17_000,
    durations: [
      [0.5, 250],
      [0.5, 550],
    ],
    partial: { share: 0, min: 1, max: 1 },
    entryAges: [
      [25, 44, 35],
      [45, 66, 65],
    ],
    maleShare: 0.4,
    nonWesternOdds: 1.3,
    rows: "stretch",
    dailyRateDkk: 470,
    interviewEveryDays: 90,
    activation: {
      share: 0.25,
      offers: [
        ["vejledning", 50],
        ["praktik", 50],
      ],
    },
    transitions: [
      ["job", 25],
      ["ressourceforloeb", 20],
      ["fleksjob", 15],
      ["sygedagpenge", 10],
      ["foertidspension", 5],
      ["oevrige", 25],
    ],
    frameworkStrength: 0.8,
    season: FLAT,
  },
  {
    benefit: "ressourceforloeb",
    targetFte: 27_000,
    durations: [[1, 900]],
    partial: { share: 0, min: 1, max: 1 },
    entryAges: [
      [18, 29, 25],
      [30, 44, 35],
      [45, 63, 40],
    ],
    maleShare: 0.45,
    nonWesternOdds: 2,
    rows: "stretch",
    dailyRateDkk: 480,
    interviewEveryDays: 120,
    activation: {
      share: 0.5,
      offers: [
        ["vejledning", 40],
        ["praktik", 60],
      ],
    },
    transitions: [
      ["fleksjob", 25],
      ["foertidspension", 25],
      ["kontanthjaelp", 20],
      ["job", 10],
      ["oevrige", 20],
    ],
    frameworkStrength: 1.2,
    season: FLAT,
  },
  {
    benefit: "ledighedsydelse",
    targetFte: 14_000,
    durations: [
      [0.5, 120],
      [0.5, 500],
    ],
    partial: { share: 0, min: 1, max: 1 },
    entryAges: [
      [30, 44, 30],
      [45, 63, 70],
    ],
    maleShare: 0.4,
    nonWesternOdds: 1,
    rows: "stretch",
    dailyRateDkk: 590,
    interviewEveryDays: 90,
    activation: {
      share: 0.4,
      offers: [
        ["praktik", 70],
        ["vejledning", 30],
      ],
    },
    transitions: [
      ["fleksjob", 70],
      ["foertidspension", 5],
      ["oevrige", 25],
    ],
    frameworkStrength: 1,
    season: FLAT,
  },
  {
    benefit: "fleksjob",
    targetFte: 92_000,
    durations: [[1, 3000]],
    partial: { share: 0, min: 1, max: 1 },
    entryAges: [
      [25, 44, 30],
      [45, 63, 70],
    ],
    maleShare: 0.42,
    nonWesternOdds: 0.7,
    rows: "stretch",
    dailyRateDkk: 300,
    interviewEveryDays: 0,
    activation: NO_OFFERS,
    transitions: [
      ["ledighedsydelse", 30],
      ["foertidspension", 10],
      ["oevrige", 60],
    ],
    frameworkStrength: 0.6,
    season: FLAT,
  },
  {
    benefit: "revalidering",
    targetFte: 3_000,
    durations: [[1, 500]],
    partial: { share: 0, min: 1, max: 1 },
    entryAges: [
      [20, 34, 50],
      [35, 55, 50],
    ],
    maleShare: 0.45,
    nonWesternOdds: 1,
    rows: "stretch",
    dailyRateDkk: 600,
    interviewEveryDays: 120,
    activation: {
      share: 0.6,
      offers: [
        ["vejledning", 50],
        ["praktik", 50],
      ],
    },
    transitions: [
      ["job", 60],
      ["uddannelse", 10],
      ["oevrige", 30],
    ],
    frameworkStrength: 1,
    season: FLAT,
  },
  {
    benefit: "foertidspension",
    targetFte: 182_000,
    durations: [[1, 7000]],
    partial: { share: 0, min: 1, max: 1 },
    entryAges: [
      [20, 39, 20],
      [40, 54, 40],
      [55, 64, 40],
    ],
    maleShare: 0.47,
    nonWesternOdds: 1.4,
    rows: "stretch",
    dailyRateDkk: 690,
    interviewEveryDays: 0,
    activation: NO_OFFERS,
    transitions: [["oevrige", 1]],
    frameworkStrength: 1,
    season: FLAT,
  },
  {
    benefit: "efterloen",
    targetFte: 32_000,
    durations: [[1, 1100]],
    partial: { share: 0.1, min: 0.4, max: 0.8 },
    entryAges: [[62, 64, 1]],
    maleShare: 0.5,
    nonWesternOdds: 0.3,
    rows: "stretch",
    dailyRateDkk: 590,
    interviewEveryDays: 0,
    activation: NO_OFFERS,
    transitions: [["oevrige", 1]],
    frameworkStrength: 0.3,
    season: FLAT,
  },
];

/** Nobody receives these benefits from the state pension age on (folkepension). */
export const PENSION_AGE = 67;

/** Share of job exits that come back to a benefit when the job ends, and mean job length (days). */
export const RETURN_AFTER_JOB = 0.45;
export const MEAN_JOB_DAYS = 600;

/** Share of people who are members of an a-kasse (insured), outside dagpenge/efterløn entrants. */
export const INSURED_SHARE = 0.7;

export function profileOf(benefit: Benefit): BenefitProfile {
  const profile = BENEFIT_PROFILES.find((p) => p.benefit === benefit);
  if (!profile) throw new Error(`No demo profile for ${benefit}`);
  return profile;
}

/** Mean degree of a spell under the profile. */
export function meanDegree(profile: BenefitProfile): number {
  const { share, min, max } = profile.partial;
  return 1 - share * (1 - (min + max) / 2);
}
