// Simulates one person's path through the benefit system from a first spell: spells with realistic
// durations, moves, short breaks, rows as the source records them, interviews, activation offers,
// and what follows each spell (another benefit, a job with paid hours, education, or leaving).
import type { Benefit, EducationLevel, OfferType } from "../reference/codes.ts";
import { monthEndOf, partsOfDay, yearEndOf } from "./day-text.ts";
import type { Person } from "./people.ts";
import { type BenefitProfile, MEAN_JOB_DAYS, type Outcome, profileOf, RETURN_AFTER_JOB } from "./profiles.ts";
import { type Rng, WeightedChoice } from "./random.ts";
import type { DemoWindow, EventSink } from "./sink.ts";

const OFFER_DAYS: Readonly<Record<OfferType, readonly [number, number]>> = {
  vejledning: [14, 56],
  praktik: [28, 91],
  loentilskud_privat: [91, 182],
  loentilskud_offentlig: [91, 182],
  nytteindsats: [28, 91],
  voksenlaerling: [365, 730],
};
const LEVELS_YOUNG = new WeightedChoice<EducationLevel>(
  ["erhvervsfaglig", "gymnasial", "mellemlang", "kort", "lang"],
  [50, 20, 15, 5, 10],
);
const LEVELS_ADULT = new WeightedChoice<EducationLevel>(
  ["erhvervsfaglig", "kort", "mellemlang", "lang"],
  [50, 20, 20, 10],
);
/** Employment rows are written up to this long after an exit: enough for the 12-month outcome horizon. */
const EMPLOYMENT_FOLLOW_DAYS = 400;

interface Segment {
  start: number;
  end: number;
  municipality: string;
}

interface Choosers {
  readonly transitions: WeightedChoice<Outcome>;
  readonly offers: WeightedChoice<OfferType> | null;
  readonly durationTypes: WeightedChoice<number>;
}

function choosersOf(profile: BenefitProfile): Choosers {
  return {
    transitions: new WeightedChoice(
      profile.transitions.map((t) => t[0]),
      profile.transitions.map((t) => t[1]),
    ),
    offers:
      profile.activation.offers.length > 0
        ? new WeightedChoice(
            profile.activation.offers.map((o) => o[0]),
            profile.activation.offers.map((o) => o[1]),
          )
        : null,
    durationTypes: new WeightedChoice(
      profile.durations.map((d) => d[1]),
      profile.durations.map((d) => d[0]),
    ),
  };
}

export class CaseSimulator {
  private readonly choosers = new Map<Benefit, Choosers>();

  constructor(
    private readonly window: DemoWindow,
    private readonly sink: EventSink,
    /** Where a person moves to: another municipality, usually nearby. */
    private readonly moveFrom: (municipality: string, rng: Rng) => string,
  ) {}

  private choosersFor(profile: BenefitProfile): Choosers {
    let c = this.choosers.get(profile.benefit);
    if (!c) {
      c = choosersOf(profile);
      this.choosers.set(profile.benefit, c);
    }
    return c;
  }

  /** Duration in days of a new spell of the profile's benefit. */
  sampleDuration(rng: Rng, profile: BenefitProfile): number {
    const mean = this.choosersFor(profile).durationTypes.pick(rng);
    return Math.max(1, Math.round(rng.exponential(mean)));
  }

  /** Runs a person's path from a spell of `benefit` starting on `start` (possibly before the window). */
  run(
    rng: Rng,
    person: Person,
    benefit: Benefit,
    municipality: string,
    start: number,
    duration?: number,
  ): void {
    const { lastDay } = this.window;
    let b = benefit;
    let muni = municipality;
    let s = start;
    let dur = duration;
    for (let guard = 0; guard < 50; guard++) {
      const profile = profileOf(b);
      const choosers = this.choosersFor(profile);
      let e = s + (dur ?? this.sampleDuration(rng, profile)) - 1;
      dur = undefined;
      const forced = e >= person.pensionEve;
      if (forced) e = person.pensionEve;
      if (e < s) return;
      muni = this.spell(rng, person, profile, choosers, muni, s, e);
      if (e >= lastDay || forced) return;

      let outcome = choosers.transitions.pick(rng);
      const ageAtEnd = (e - person.birthDay) / 365.25;
      if (outcome === "efterloen" && (ageAtEnd < 62 || !person.akasse)) outcome = "oevrige";
      if (outcome === "dagpenge" && !person.akasse) outcome = "kontanthjaelp";
      if (outcome === "oevrige") return;
      if (outcome === "uddannelse") {
        this.enrol(rng, person, e + rng.int(1, 30), ageAtEnd);
        return;
      }
      if (outcome === "job") {
        const jobDays = Math.max(20, Math.round(rng.exponential(MEAN_JOB_DAYS)));
        this.employed(rng, person, muni, e + 1, e + jobDays);
        if (!rng.chance(RETURN_AFTER_JOB)) return;
        s = e + jobDays + 1 + rng.int(0, 20);
        b = person.akasse ? "dagpenge" : ageAtEnd < 30 ? "uddannelseshjaelp" : "kontanthjaelp";
      } else {
        s = e + 1 + (rng.chance(0.85) ? rng.int(0, 3) : rng.int(4, 20));
        b = outcome;
      }
      if (s > lastDay) return;
      if (rng.chance(0.02)) muni = this.moveFrom(muni, rng);
    }
  }

  /** Emits one spell; returns the municipality responsible at its end (a move may happen). */
  private spell(
    rng: Rng,
    person: Person,
    profile: BenefitProfile,
    choosers: Choosers,
    municipality: string,
    s: number,
    e: number,
  ): string {
    const { firstDay, lastDay } = this.window;
    const segments: Segment[] = [{ start: s, end: e, municipality }];
    // A move between municipalities within a long spell: the spell goes on under the new one.
    if (e - s > 90 && rng.chance(0.03)) {
      const moveDay = s + rng.int(30, e - s - 30);
      segments[0] = { start: s, end: moveDay - 1, municipality };
      segments.push({ start: moveDay, end: e, municipality: this.moveFrom(municipality, rng) });
    }
    // A short break (a few days of work) inside the spell: periods ≤ 28 days apart stay one spell.
    if (
      e - s > 60 &&
      (profile.benefit === "dagpenge" || profile.benefit === "sygedagpenge") &&
      rng.chance(0.08)
    ) {
      const last = segments[segments.length - 1] as Segment;
      if (last.end - last.start > 60) {
        const gapStart = last.start + rng.int(20, last.end - last.start - 40);
        const gapEnd = gapStart + rng.int(0, 27);
        segments.splice(
          segments.length - 1,
          1,
          { ...last, end: gapStart - 1 },
          { ...last, start: gapEnd + 1 },
        );
      }
    }
    const partial = rng.chance(profile.partial.share);
    const degree = partial
      ? Math.round(
          (profile.partial.min + rng.uniform() * (profile.partial.max - profile.partial.min)) * 100,
        ) / 100
      : 1;
    for (const seg of segments) {
      if (seg.end < firstDay || seg.start > lastDay) continue;
      this.rows(rng, person, profile, seg, degree, e > lastDay);
    }
    this.interviews(rng, person, profile, segments, s, Math.min(e, lastDay));
    this.activation(rng, person, profile, choosers, segments, s, e);
    if (
      (profile.benefit === "uddannelseshjaelp" || profile.benefit === "kontanthjaelp") &&
      rng.chance(0.03)
    ) {
      const start = s + rng.int(0, Math.max(0, e - s));
      if (start <= lastDay && start >= firstDay)
        this.enrol(rng, person, start, (start - person.birthDay) / 365.25);
    }
    return (segments[segments.length - 1] as Segment).municipality;
  }

  /** The rows a source records for one stretch of a spell. */
  private rows(
    rng: Rng,
    person: Person,
    profile: BenefitProfile,
    seg: Segment,
    degree: number,
    open: boolean,
  ): void {
    const { firstDay, lastDay } = this.window;
    const end = Math.min(seg.end, lastDay);
    let cur = seg.start;
    // A spell running when the window opens is delivered as one opening row up to the window.
    if (cur < firstDay) {
      this.emitRow(rng, person, profile, seg.municipality, cur, firstDay - 1, degree, false);
      cur = firstDay;
    }
    while (cur <= end) {
      let cut: number;
      if (profile.rows === "monthly") cut = monthEndOf(cur);
      else cut = Math.min(yearEndOf(cur), cur + Math.max(30, Math.round(rng.exponential(150))));
      const pieceEnd = Math.min(cut, end);
      const isLast = pieceEnd === end;
      this.emitRow(
        rng,
        person,
        profile,
        seg.municipality,
        cur,
        pieceEnd,
        degree,
        isLast && open && seg.end > lastDay,
      );
      cur = pieceEnd + 1;
    }
  }

  private emitRow(
    rng: Rng,
    person: Person,
    profile: BenefitProfile,
    municipality: string,
    start: number,
    end: number,
    degree: number,
    open: boolean,
  ): void {
    const days = end - start + 1;
    const paidByAkasse = profile.benefit === "dagpenge" || profile.benefit === "efterloen";
    const amount =
      !paidByAkasse && rng.chance(0.05)
        ? null
        : Math.round(days * degree * profile.dailyRateDkk * (0.9 + 0.2 * rng.uniform()));
    this.sink.benefit(person, profile.benefit, municipality, start, open ? null : end, degree, amount);
  }

  private interviews(
    rng: Rng,
    person: Person,
    profile: BenefitProfile,
    segments: Segment[],
    s: number,
    e: number,
  ): void {
    const { firstDay } = this.window;
    const muniOn = (day: number): string | null => {
      const seg = segments.find((x) => day >= x.start && day <= x.end) ?? segments[segments.length - 1];
      return seg ? seg.municipality : null;
    };
    const every = profile.interviewEveryDays;
    if (every > 0) {
      for (let due = s + Math.round(every / 2); due <= e; due += every) {
        const day = rng.chance(0.85) ? due - rng.int(0, 14) : due + rng.int(1, 30);
        if (day < firstDay || day > e || day < s) continue;
        const kind =
          profile.benefit === "dagpenge" && rng.chance(0.12) ? "joint" : rng.chance(0.08) ? "cv" : "job";
        this.sink.interview(person, "jobcenter", day, muniOn(day), kind, rng.chance(0.9) ? due : null);
      }
    }
    if (profile.benefit === "dagpenge" && person.akasse) {
      let first = true;
      for (let due = s + 21; due <= e; due += 90) {
        const day = rng.chance(0.88) ? due - rng.int(0, 10) : due + rng.int(1, 20);
        if (day >= firstDay && day <= e && day >= s) {
          this.sink.interview(
            person,
            "akasse",
            day,
            rng.chance(0.5) ? muniOn(day) : null,
            first ? "cv" : "job",
            due,
          );
        }
        first = false;
      }
    }
  }

  private activation(
    rng: Rng,
    person: Person,
    profile: BenefitProfile,
    choosers: Choosers,
    segments: Segment[],
    s: number,
    e: number,
  ): void {
    const { firstDay, lastDay } = this.window;
    if (!choosers.offers || e - s < 30 || !rng.chance(profile.activation.share)) return;
    const count = e - s > 300 && rng.chance(0.3) ? 2 : 1;
    let earliest = s + 14;
    for (let i = 0; i < count && earliest < e; i++) {
      const offer = choosers.offers.pick(rng);
      const start = earliest + rng.int(0, Math.min(120, e - earliest));
      const [minDays, maxDays] = OFFER_DAYS[offer];
      const end = Math.min(start + rng.int(minDays, maxDays) - 1, e);
      earliest = end + 14;
      if (end < firstDay || start > lastDay) continue;
      const seg = segments.find((x) => start >= x.start && start <= x.end) ?? segments[0];
      this.sink.activation(
        person,
        seg?.municipality ?? "101",
        offer,
        profile.benefit,
        start,
        end > lastDay ? null : end,
      );
    }
  }

  private employed(rng: Rng, person: Person, municipality: string, start: number, end: number): void {
    const { firstDay, lastDay } = this.window;
    const stop = Math.min(end, start + EMPLOYMENT_FOLLOW_DAYS, lastDay);
    const fullTime = rng.chance(0.75);
    const workplace = rng.chance(0.05)
      ? null
      : rng.chance(0.7)
        ? municipality
        : this.moveFrom(municipality, rng);
    let cur = start;
    while (cur <= stop) {
      const monthEnd = monthEndOf(cur);
      const { year, month } = partsOfDay(cur);
      const shareOfMonth = (Math.min(monthEnd, stop) - cur + 1) / 30.4;
      const full = fullTime ? 140 + rng.uniform() * 25 : 60 + rng.uniform() * 60;
      const hours = Math.round(full * Math.min(1, shareOfMonth) * 10) / 10;
      if (cur >= firstDay) this.sink.employment(person, year, month, hours, workplace);
      cur = monthEnd + 1;
    }
  }

  private enrol(rng: Rng, person: Person, start: number, age: number): void {
    const { lastDay } = this.window;
    if (start > lastDay) return;
    const level = (age < 25 ? LEVELS_YOUNG : LEVELS_ADULT).pick(rng);
    const end = start + rng.int(180, 1460);
    this.sink.education(person, level, start, end > lastDay ? null : end);
  }
}
