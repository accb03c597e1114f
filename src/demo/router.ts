// Routes simulated events to the delivery of the source that would report them: benefit periods of
// dagpenge and efterløn and a-kasse interviews to the person's a-kasse, other benefit periods,
// offers and job-centre interviews to the job centre of the responsible municipality, and register
// data (persons, employment, education) to the national source. Files are per year.
import type { RecordType } from "../reference/codes.ts";
import { MUNICIPALITIES } from "../reference/municipalities.ts";
import { partsOfDay } from "./day-text.ts";
import type { DeliveryFiles } from "./delivery-files.ts";
import type { Cell } from "./format-row.ts";
import type { DemoWindow, EventSink } from "./sink.ts";
import { type DemoSource, NATIONAL_SOURCE_ID } from "./sources.ts";

export interface Router extends EventSink {
  readonly national: DemoSource;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

export function createRouter(
  sources: readonly DemoSource[],
  files: DeliveryFiles,
  window: DemoWindow,
): Router {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const jobCentreOf = new Map(MUNICIPALITIES.map((m) => [m.code, byId.get(m.jobCentre) as DemoSource]));
  const national = byId.get(NATIONAL_SOURCE_ID) as DemoSource;
  /** The delivery year of an event: rows from before the window go into the first year's delivery. */
  const yearOf = (day: number): string => String(partsOfDay(Math.max(day, window.firstDay)).year);
  const write = (
    source: DemoSource | undefined,
    type: RecordType,
    period: string | null,
    cells: Cell[],
  ): void => {
    if (source) files.write(source, type, period, cells);
  };
  // Some job centres leave `degree` empty when it is 1 (the contract's default).
  const omitsFullDegree = (source: DemoSource): boolean =>
    source.id.charCodeAt(source.id.length - 1) % 3 === 0;

  return {
    national,
    person(p, origin, residence) {
      write(national, "persons", null, [p.cpr, origin, p.education, residence]);
    },
    benefit(p, benefit, municipality, start, end, degree, amount) {
      const byAkasse = benefit === "dagpenge" || benefit === "efterloen";
      const source = byAkasse ? byId.get(p.akasse ?? "") : jobCentreOf.get(municipality);
      const degreeCell = degree === 1 && source && omitsFullDegree(source) ? null : degree;
      write(source, "benefit_periods", yearOf(start), [
        p.cpr,
        benefit,
        municipality,
        byAkasse ? p.akasse : null,
        start,
        end,
        degreeCell,
        amount,
      ]);
    },
    activation(p, municipality, offer, target, start, end) {
      write(jobCentreOf.get(municipality), "activation_offers", yearOf(start), [
        p.cpr,
        municipality,
        offer,
        target,
        start,
        end,
      ]);
    },
    interview(p, heldBy, day, municipality, kind, due) {
      const source = heldBy === "akasse" ? byId.get(p.akasse ?? "") : jobCentreOf.get(municipality ?? "");
      write(source, "interviews", yearOf(day), [
        p.cpr,
        heldBy,
        day,
        municipality,
        heldBy === "akasse" ? p.akasse : null,
        kind,
        due,
      ]);
    },
    employment(p, year, month, hours, municipality) {
      write(national, "employment", String(year), [p.cpr, `${year}-${pad2(month)}`, hours, municipality]);
    },
    education(p, level, start, end) {
      write(national, "education", yearOf(start), [p.cpr, level, start, end]);
    },
  };
}
