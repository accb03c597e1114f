// The 94 job centres, derived from MUNICIPALITIES: one per municipality, except that the four island
// municipalities (Fanø, Læsø, Samsø, Ærø) are served by their mainland host's centre.

import { MUNICIPALITIES, municipalityByCode } from "./municipalities.ts";

export interface JobCentre {
  /** "JC" + the host municipality's code, e.g. "JC101". */
  readonly code: string;
  /** Danish name, e.g. "Jobcenter København". */
  readonly name: string;
  /** English name, e.g. "Copenhagen Job Centre". */
  readonly nameEn: string;
  /** Codes of the municipalities served, sorted; the host among them. */
  readonly municipalities: readonly string[];
  /** Code of the municipality hosting the centre. */
  readonly hostMunicipality: string;
}

function deriveJobCentres(): readonly JobCentre[] {
  const served = new Map<string, string[]>();
  for (const m of MUNICIPALITIES) {
    const list = served.get(m.jobCentre) ?? [];
    list.push(m.code);
    served.set(m.jobCentre, list);
  }
  const codes = [...served.keys()].sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)));
  return codes.map((code) => {
    const municipalities = served.get(code) ?? [];
    const hostMunicipality = code.slice(2);
    const host = municipalityByCode(hostMunicipality);
    if (!host) throw new Error(`job centre ${code} has no host municipality`);
    return {
      code,
      name: `Jobcenter ${host.name}`,
      nameEn: `${host.nameEn} Job Centre`,
      municipalities: municipalities.sort(),
      hostMunicipality,
    };
  });
}

/** The 94 job centres, sorted by host municipality code. */
export const JOB_CENTRES: readonly JobCentre[] = deriveJobCentres();

const BY_CODE = new Map<string, JobCentre>(JOB_CENTRES.map((j) => [j.code, j]));

export function jobCentreByCode(code: string): JobCentre | undefined {
  return BY_CODE.get(code);
}
