// Turns the profiles' prevalence targets into inflow rates. A benefit's stock is inflow × mean spell
// length; part of the inflow arrives from other benefits (transitions) and from people coming back
// after a job, so only the rest enters "fresh". Mean lengths are measured by simulation because the
// pension age cuts long spells short.
import type { Benefit } from "../reference/codes.ts";
import {
  BENEFIT_PROFILES,
  type BenefitProfile,
  meanDegree,
  PENSION_AGE,
  RETURN_AFTER_JOB,
} from "./profiles.ts";
import { Rng, WeightedChoice } from "./random.ts";

export interface BenefitRates {
  /** Persons on the benefit on an average day, nationally at scale 1. */
  readonly stockPersons: number;
  /** Mean spell length in days, after the pension-age cut. */
  readonly meanDays: number;
  /** New spells per day nationally at scale 1 that do not come from another benefit. */
  readonly freshPerDay: number;
}

/** Samples an age at spell start from the profile's age bands. */
export function entryAgeSampler(profile: BenefitProfile): (rng: Rng) => number {
  const bands = new WeightedChoice(
    profile.entryAges.map((b) => [b[0], b[1]] as const),
    profile.entryAges.map((b) => b[2]),
  );
  return (rng) => {
    const [lo, hi] = bands.pick(rng);
    return lo + rng.uniform() * (hi - lo + 1);
  };
}

function meanCappedDuration(profile: BenefitProfile, rng: Rng): number {
  const age = entryAgeSampler(profile);
  const types = new WeightedChoice(
    profile.durations.map((d) => d[1]),
    profile.durations.map((d) => d[0]),
  );
  const draws = 20_000;
  let sum = 0;
  for (let i = 0; i < draws; i++) {
    const cap = (PENSION_AGE - age(rng)) * 365.25;
    sum += Math.min(cap, Math.max(1, rng.exponential(types.pick(rng))));
  }
  return sum / draws;
}

/** Where people go back to after a job ends: insured → dagpenge, others to the means-tested benefits. */
const RETURN_SPLIT: Partial<Record<Benefit, number>> = {
  dagpenge: 0.6,
  kontanthjaelp: 0.3,
  uddannelseshjaelp: 0.1,
};
/** Transitions to efterløn need age 62+ and membership: only a small part of the nominal weight happens. */
const FEASIBLE: Partial<Record<Benefit, number>> = { efterloen: 0.02 };
/**
 * Returns after a job come a job's length later (MEAN_JOB_DAYS), so within a few years' window only
 * part of the steady-state return flow has arrived; count that part.
 */
const RETURNS_ARRIVED = 0.5;

export function calibrate(seed: number): Map<Benefit, BenefitRates> {
  const rng = new Rng(seed, 0xca11b);
  const total = new Map<Benefit, { stock: number; days: number; inflow: number }>();
  for (const p of BENEFIT_PROFILES) {
    const stock = p.targetFte / meanDegree(p);
    const days = meanCappedDuration(p, rng);
    total.set(p.benefit, { stock, days, inflow: stock / days });
  }
  const incoming = new Map<Benefit, number>();
  for (const from of BENEFIT_PROFILES) {
    const inflow = total.get(from.benefit)?.inflow ?? 0;
    const weightSum = from.transitions.reduce((a, t) => a + t[1], 0);
    for (const [outcome, weight] of from.transitions) {
      const flow = (inflow * weight) / weightSum;
      if (outcome === "job") {
        for (const [to, share] of Object.entries(RETURN_SPLIT) as [Benefit, number][]) {
          incoming.set(to, (incoming.get(to) ?? 0) + flow * RETURN_AFTER_JOB * RETURNS_ARRIVED * share);
        }
      } else if (outcome !== "uddannelse" && outcome !== "oevrige") {
        incoming.set(outcome, (incoming.get(outcome) ?? 0) + flow * (FEASIBLE[outcome] ?? 1));
      }
    }
  }
  const rates = new Map<Benefit, BenefitRates>();
  for (const [benefit, t] of total) {
    const fresh = Math.max(0.05 * t.inflow, t.inflow - (incoming.get(benefit) ?? 0));
    rates.set(benefit, { stockPersons: t.stock, meanDays: t.days, freshPerDay: fresh });
  }
  return rates;
}

/**
 * A spell running on the day the window opens, drawn from the stationary stock: the duration type
 * in proportion to share × mean, the entry age weighted by how long spells last before the pension
 * age cuts them, and the time already spent uniform over the survival curve up to that cut.
 */
export function openingSpell(
  rng: Rng,
  profile: BenefitProfile,
  entryAge: (rng: Rng) => number,
): { age: number; elapsedDays: number; meanDays: number } {
  const weights = profile.durations.map(([share, mean]) => share * mean);
  let u = rng.uniform() * weights.reduce((a, b) => a + b, 0);
  let type = 0;
  while (type < weights.length - 1 && u > (weights[type] ?? 0)) u -= weights[type++] ?? 0;
  const mean = profile.durations[type]?.[1] ?? 100;
  for (let attempt = 0; ; attempt++) {
    const age = entryAge(rng);
    const cap = (PENSION_AGE - age) * 365.25;
    const reach = 1 - Math.exp(-cap / mean);
    if (rng.uniform() < reach || attempt >= 20) {
      const elapsedDays = Math.floor(-mean * Math.log(1 - rng.uniform() * reach));
      return { age, elapsedDays: Math.min(elapsedDays, Math.max(0, Math.floor(cap) - 1)), meanDays: mean };
    }
  }
}
