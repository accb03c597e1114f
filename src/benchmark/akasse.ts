// The a-kasse benchmark: from the per-a-kasse figures of akasse-sql.ts, each indicator with the
// national value, the difference from it and the a-kasse's rank among the a-kasser. A-kasser with fewer
// than the minimum of dagpenge recipients in the period keep their figures but get no rank. Writes
// `bm_akasse`, which the `benchmark-akasse` table reads.
import type { DuckDBConnection } from "@duckdb/node-api";
import { AKASSER } from "../reference/akasser.ts";
import { queryRows } from "../store/query.ts";
import { AKASSE_BASE_SQL, AKASSE_PERIOD_KINDS } from "./akasse-sql.ts";
import type { BenchmarkConfig } from "./config.ts";
import { rankValues } from "./ranks.ts";
import { type Cell, type ColumnType, writeTempTable } from "./temp-table.ts";
import type { AkasseExclusion } from "./types.ts";

interface BaseRow {
  readonly period: string;
  readonly akasse: string;
  readonly persons: number;
  readonly fte: number;
  readonly with_due: number;
  readonly on_time: number;
  readonly exits: number;
  readonly median_weeks: number | null;
  readonly job_3m: number | null;
  readonly job_6m: number | null;
}

export interface AkasseIndicator {
  readonly id: string;
  /** The indicator from an a-kasse's (or the national) figures; null where it does not apply. */
  readonly value: (row: BaseRow) => number | null;
  /** Rank 1 is the lowest value (shortest spells) rather than the highest. */
  readonly lowestFirst: boolean;
  /** Whether `<id>_difference` is published (rates and lengths; not the counts, whose national value is the sum). */
  readonly difference: boolean;
}

const share = (part: number | null, whole: number): number | null =>
  part !== null && whole > 0 ? (100 * part) / whole : null;

/** In published order; each gives columns `<id>`, `<id>_national`, [`<id>_difference`], `<id>_rank`. */
export const AKASSE_INDICATORS: readonly AkasseIndicator[] = [
  { id: "persons", value: (r) => r.persons, lowestFirst: false, difference: false },
  { id: "fte", value: (r) => r.fte, lowestFirst: false, difference: false },
  { id: "on_time_rate", value: (r) => share(r.on_time, r.with_due), lowestFirst: false, difference: true },
  { id: "job_3m", value: (r) => share(r.job_3m, r.exits), lowestFirst: false, difference: true },
  { id: "job_6m", value: (r) => share(r.job_6m, r.exits), lowestFirst: false, difference: true },
  {
    id: "median_weeks",
    value: (r) => (r.exits > 0 ? r.median_weeks : null),
    lowestFirst: true,
    difference: true,
  },
];

/** Column names of `bm_akasse` after period and akasse: every indicator's, then the case counts. */
export function akasseColumns(): string[] {
  return [
    ...AKASSE_INDICATORS.flatMap((i) => [
      i.id,
      `${i.id}_national`,
      ...(i.difference ? [`${i.id}_difference`] : []),
      `${i.id}_rank`,
    ]),
    "interviews",
    "exits",
  ];
}

const empty = (period: string, akasse: string): BaseRow => ({
  period,
  akasse,
  persons: 0,
  fte: 0,
  with_due: 0,
  on_time: 0,
  exits: 0,
  median_weeks: null,
  job_3m: null,
  job_6m: null,
});

export async function computeAkasseBenchmark(
  connection: DuckDBConnection,
  config: BenchmarkConfig,
): Promise<AkasseExclusion[]> {
  await connection.run(AKASSE_BASE_SQL);
  const base = await queryRows<BaseRow>(connection, "SELECT * FROM bm_akasse_base ORDER BY period, akasse");
  const periods = await queryRows<{ period: string }>(
    connection,
    `SELECT period FROM periods WHERE kind IN (${AKASSE_PERIOD_KINDS.map((k) => `'${k}'`).join(", ")}) ORDER BY sort`,
  );
  await connection.run("DROP TABLE bm_akasse_base");
  const byKey = new Map(base.map((r) => [`${r.period}|${r.akasse}`, r]));
  const rows: Cell[][] = [];
  const exclusions: AkasseExclusion[] = [];
  for (const { period } of periods) {
    const national = byKey.get(`${period}|total`) ?? empty(period, "total");
    // A period whose last horizon month is unknown has NULL job counts everywhere, the national too.
    const list = AKASSER.map((a) => byKey.get(`${period}|${a.code}`) ?? empty(period, a.code));
    // Left out by the minimum rule only where there is somebody: an a-kasse without recipients has nothing to rank.
    const small = list.filter((r) => r.persons > 0 && r.persons < config.minPersons).map((r) => r.akasse);
    if (small.length > 0) exclusions.push({ period, akasser: small });
    const eligible = list.map((r) => r.persons >= config.minPersons);
    const columns = new Map<string, Cell[]>();
    for (const indicator of AKASSE_INDICATORS) {
      const values = list.map((r) => indicator.value(r));
      const nationalValue = indicator.value(national);
      const ranks = rankValues(
        list.map((r, i) => ({ key: r.akasse, value: eligible[i] ? (values[i] ?? null) : null })),
        indicator.lowestFirst,
      );
      columns.set(indicator.id, [...values, nationalValue]);
      columns.set(`${indicator.id}_national`, [...list.map(() => nationalValue), nationalValue]);
      if (indicator.difference)
        columns.set(`${indicator.id}_difference`, [
          ...values.map((v) => (v !== null && nationalValue !== null ? v - nationalValue : null)),
          null,
        ]);
      columns.set(`${indicator.id}_rank`, [...ranks, null]);
    }
    columns.set(
      "interviews",
      [...list, national].map((r) => r.with_due),
    );
    columns.set(
      "exits",
      [...list, national].map((r) => r.exits),
    );
    [...list, national].forEach((r, i) => {
      rows.push([period, r.akasse, ...akasseColumns().map((c) => columns.get(c)?.[i] ?? null)]);
    });
  }
  const types: [string, ColumnType][] = [
    ["period", "VARCHAR"],
    ["akasse", "VARCHAR"],
    ...akasseColumns().map((c): [string, ColumnType] => [c, "DOUBLE"]),
  ];
  await writeTempTable(connection, "bm_akasse", types, rows);
  return exclusions;
}
