// SQL fragments several tables share, so a definition (age on a day, age band) is written once.

/** Whole years of age on `day` for a birth date; someone born 29 February has the birthday 1 March. */
export function ageOn(birth: string, day: string): string {
  return `(year(${day}) - year(${birth}) - CASE WHEN strftime(${day}, '%m%d') < strftime(${birth}, '%m%d') THEN 1 ELSE 0 END)`;
}

/** The publication age band of an age expression: 0-15, 16-19, 20-24, …, 60-64, 65+. */
export function ageBand(age: string): string {
  return `CASE WHEN ${age} < 16 THEN '0-15' WHEN ${age} < 20 THEN '16-19' WHEN ${age} >= 65 THEN '65+'
    ELSE CAST(${age} // 5 * 5 AS VARCHAR) || '-' || CAST(${age} // 5 * 5 + 4 AS VARCHAR) END`;
}
