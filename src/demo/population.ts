// Synthetic residents by municipality, year, single age and gender, with an age pyramid close to
// Denmark's, tilted per municipality to its share of people aged 60+.

/** Rough Danish single-year age weights (relative), ages 0..105. */
function baseAgeWeights(): number[] {
  const w: number[] = [];
  for (let age = 0; age <= 105; age++) {
    if (age < 20) w.push(1.1);
    else if (age < 30) w.push(1.3);
    else if (age < 60) w.push(1.25);
    else if (age < 70) w.push(1.2);
    else if (age < 80) w.push(1.0);
    else if (age < 90) w.push(0.45);
    else if (age < 100) w.push(0.08);
    else w.push(0.005);
  }
  return w;
}

const BASE = baseAgeWeights();

/** Age shares (sum 1) with the given share aged 60+. */
export function ageShares(share60Plus: number): number[] {
  const old = BASE.reduce((a, w, age) => a + (age >= 60 ? w : 0), 0);
  const young = BASE.reduce((a, w, age) => a + (age < 60 ? w : 0), 0);
  // Scale the two parts so that old/(old+young) = share60Plus and the total is 1.
  return BASE.map((w, age) => (age >= 60 ? (w / old) * share60Plus : (w / young) * (1 - share60Plus)));
}

/** Share of women at an age: more women among the old. */
export function womenShare(age: number): number {
  return 0.495 + Math.max(0, age - 70) * 0.008;
}

export interface PopulationCell {
  readonly age: number;
  readonly gender: "M" | "K";
  readonly count: number;
}

/** Residents of one municipality in one year. */
export function populationCells(total: number, share60Plus: number): PopulationCell[] {
  const shares = ageShares(share60Plus);
  const cells: PopulationCell[] = [];
  shares.forEach((share, age) => {
    const n = total * share;
    const women = Math.round(n * womenShare(age));
    const men = Math.round(n) - women;
    cells.push(
      { age, gender: "M", count: Math.max(0, men) },
      { age, gender: "K", count: Math.max(0, women) },
    );
  });
  return cells;
}

/** Residents aged 16–66 among the cells. */
export function workingAge(cells: readonly PopulationCell[]): number {
  return cells.reduce((a, c) => a + (c.age >= 16 && c.age <= 66 ? c.count : 0), 0);
}
