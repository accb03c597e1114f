// What a simulated life produces, as events in day numbers. The generator routes each event to the
// delivery file of the source that would report it.
import type { Benefit, EducationLevel, OfferType, Origin } from "../reference/codes.ts";
import type { Person } from "./people.ts";

export interface EventSink {
  person(p: Person, origin: Origin | null, residence: string): void;
  benefit(
    p: Person,
    benefit: Benefit,
    municipality: string,
    start: number,
    end: number | null,
    degree: number,
    amount: number | null,
  ): void;
  activation(
    p: Person,
    municipality: string,
    offer: OfferType,
    target: Benefit,
    start: number,
    end: number | null,
  ): void;
  interview(
    p: Person,
    heldBy: "jobcenter" | "akasse",
    day: number,
    municipality: string | null,
    kind: "job" | "cv" | "joint",
    due: number | null,
  ): void;
  employment(p: Person, year: number, month: number, hours: number, municipality: string | null): void;
  education(p: Person, level: EducationLevel, start: number, end: number | null): void;
}

/** The simulated time window: whole months from `--from` to `--to`. */
export interface DemoWindow {
  readonly firstDay: number;
  readonly lastDay: number;
}
