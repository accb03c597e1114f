// The registered sources of a demo delivery set: one per job centre (its municipalities), one per
// a-kasse (dagpenge, efterløn and its own interviews) and one national source (DST) for registers.
import { AKASSER } from "../reference/akasser.ts";
import type { RecordType } from "../reference/codes.ts";
import { JOB_CENTRES } from "../reference/job-centres.ts";

/** How a source writes its files; real suppliers differ, and the ingest must read them all. */
export type DeliveryStyle =
  /** `,`, ISO dates, `.` decimals, CPR without hyphen, UTF-8, LF */
  | "standard"
  /** what Danish Excel writes: `;`, DD-MM-YYYY, decimal comma, CPR with hyphen, BOM, CRLF, own column order */
  | "excel-da"
  /** JSON Lines */
  | "jsonl";

export interface DemoSource {
  readonly id: string;
  readonly kind: "jobcenter" | "akasse" | "national";
  readonly scope: readonly string[];
  readonly types: readonly RecordType[];
  readonly style: DeliveryStyle;
}

export const NATIONAL_SOURCE_ID = "DST";

export function demoSources(uniformStyle: boolean): DemoSource[] {
  const pick = (style: DeliveryStyle): DeliveryStyle => (uniformStyle ? "standard" : style);
  const jobCentres: DemoSource[] = JOB_CENTRES.map((jc, i) => ({
    id: jc.code,
    kind: "jobcenter",
    scope: jc.municipalities,
    types: ["benefit_periods", "activation_offers", "interviews"],
    style: pick(i % 4 === 3 ? "excel-da" : "standard"),
  }));
  const akasser: DemoSource[] = AKASSER.map((a, i) => ({
    id: a.code,
    kind: "akasse",
    scope: [a.code],
    types: ["benefit_periods", "interviews"],
    style: pick(i % 5 === 4 ? "jsonl" : "standard"),
  }));
  const national: DemoSource = {
    id: NATIONAL_SOURCE_ID,
    kind: "national",
    scope: ["DK"],
    types: ["persons", "population", "framework_conditions", "employment", "education", "job_openings"],
    style: "standard",
  };
  return [...jobCentres, ...akasser, national];
}
