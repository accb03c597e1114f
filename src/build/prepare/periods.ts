// The periods a release publishes, from the first month with data to the data month: every month,
// every complete quarter and year, and the rolling 12-month windows ending in a complete quarter
// whose 12 months all lie in the data. Written as tables `periods` and `period_months`.
import type { DuckDBConnection } from "@duckdb/node-api";
import { formatMonth, formatQuarter, monthsOf, type Period, parsePeriod } from "../../reference/periods.ts";
import { quoteLiteral } from "../../store/sql.ts";

export interface PeriodSpan {
  /** First month with data, `2023M01`. */
  readonly firstMonth: string;
  /** The data month (`build --through`), `2025M12`. */
  readonly throughMonth: string;
}

/** All periods of the span, months first, then quarters, years and rolling windows, each in order. */
export function periodsOfSpan(span: PeriodSpan): Period[] {
  const first = parsePeriod(span.firstMonth);
  const last = parsePeriod(span.throughMonth);
  const months: Period[] = [];
  for (let y = first.year, m = first.index; y < last.year || (y === last.year && m <= last.index); ) {
    months.push(parsePeriod(formatMonth(y, m)));
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  const inSpan = (p: Period): boolean => p.first >= first.first && p.last <= last.last;
  const quarters: Period[] = [];
  const years: Period[] = [];
  const rolling: Period[] = [];
  for (let y = first.year; y <= last.year; y++) {
    for (let q = 1; q <= 4; q++) {
      const quarter = parsePeriod(formatQuarter(y, q));
      if (inSpan(quarter)) quarters.push(quarter);
      const window = parsePeriod(`${formatQuarter(y, q)}R12`);
      if (inSpan(window)) rolling.push(window);
    }
    const year = parsePeriod(String(y));
    if (inSpan(year)) years.push(year);
  }
  return [...months, ...quarters, ...years, ...rolling];
}

/** Creates `periods(period, kind, first_day, last_day, days, sort)` and `period_months(period, month)`. */
export async function createPeriodTables(connection: DuckDBConnection, span: PeriodSpan): Promise<Period[]> {
  const periods = periodsOfSpan(span);
  const rows = periods.map(
    (p, i) =>
      `(${quoteLiteral(p.code)}, ${quoteLiteral(p.kind)}, DATE ${quoteLiteral(p.first)}, DATE ${quoteLiteral(p.last)}, ${p.days}, ${i})`,
  );
  await connection.run(`CREATE OR REPLACE TEMP TABLE periods AS SELECT * FROM (VALUES ${rows.join(", ")})
    AS t(period, kind, first_day, last_day, days, sort)`);
  const links: string[] = [];
  for (const p of periods) {
    for (const month of monthsOf(p)) {
      links.push(`(${quoteLiteral(p.code)}, DATE ${quoteLiteral(parsePeriod(month).first)})`);
    }
  }
  await connection.run(`CREATE OR REPLACE TEMP TABLE period_months AS SELECT * FROM (VALUES ${links.join(", ")})
    AS t(period, month)`);
  return periods;
}
