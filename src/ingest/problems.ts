// The quarantine of one delivery before it is stored: every (record, field, reason, shown value) of the
// stage, plus duplicate keys within the file, and the counts the receipt reports.
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows, queryValue, quoteIdentifier, quoteLiteral } from "../store/index.ts";
import { sanitized } from "./field-sql.ts";
import type { RecordTypeDef } from "./record-types/index.ts";
import { outputColumn, STAGE_TABLE } from "./stage-sql.ts";
import { UNIQUE_KEY } from "./type-extras.ts";

export const PROBLEMS_TABLE = "ingest_problems";

export interface ProblemCounts {
  readonly rowsRead: number;
  readonly quarantined: number;
  readonly reasons: Record<string, number>;
}

/** The WHERE condition (over stage alias `s`) of rows that go to the fact table. */
export function acceptedCondition(def: RecordTypeDef): string {
  return UNIQUE_KEY[def.type] !== undefined
    ? `s.rowid NOT IN (SELECT k FROM ${quoteIdentifier(PROBLEMS_TABLE)})`
    : "s.problems IS NULL";
}

/** Fills the problems table from the stage; returns the receipt's counts. */
export async function collectProblems(
  connection: DuckDBConnection,
  def: RecordTypeDef,
): Promise<ProblemCounts> {
  const stage = quoteIdentifier(STAGE_TABLE);
  const problems = quoteIdentifier(PROBLEMS_TABLE);
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${problems} AS
    SELECT k, ord, p.field AS field, p.reason AS reason, p.value AS value
    FROM (SELECT rowid AS k, unnest(problems) AS p, generate_subscripts(problems, 1) AS ord
          FROM ${stage} WHERE problems IS NOT NULL)`);
  const key = UNIQUE_KEY[def.type];
  if (key !== undefined) {
    const o = outputColumn(def, key);
    await connection.run(`INSERT INTO ${problems}
      SELECT k, 1000, ${quoteLiteral(key)}, 'duplicate_key', ${sanitized("o")}
      FROM (SELECT rowid AS k, ${o} AS o, row_number() OVER (PARTITION BY ${o} ORDER BY rowid) AS rn
            FROM ${stage} WHERE field_problem IS NULL AND ${o} IS NOT NULL)
      WHERE rn > 1`);
  }
  const rowsRead = Number(await queryValue(connection, `SELECT count(*) FROM ${stage}`));
  const quarantined = Number(await queryValue(connection, `SELECT count(DISTINCT k) FROM ${problems}`));
  const rows = await queryRows<{ reason: string; n: number }>(
    connection,
    `SELECT reason, CAST(count(*) AS INTEGER) AS n FROM ${problems} GROUP BY reason ORDER BY n DESC, reason`,
  );
  return { rowsRead, quarantined, reasons: Object.fromEntries(rows.map((r) => [r.reason, r.n])) };
}
