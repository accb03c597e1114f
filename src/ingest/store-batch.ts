// Stores one validated delivery in ONE transaction: the batch row, superseding of an earlier delivery
// for the same period, the quarantine, new person keys and the fact rows. A failure or a killed
// process leaves the warehouse as it was.
import type { DuckDBConnection } from "@duckdb/node-api";
import { BLOB, blobValue } from "@duckdb/node-api";
import {
  factColumns,
  factTableName,
  inTransaction,
  queryRows,
  queryValue,
  quoteIdentifier,
  quoteLiteral,
} from "../store/index.ts";
import { hmacPads } from "./key.ts";
import { PROBLEMS_TABLE } from "./problems.ts";
import { cprMapSql, hmacSql, NEW_PERSONS_SQL, PERSON_MAP_SQL, PERSON_TABLE } from "./pseudonymise-sql.ts";
import type { RecordTypeDef } from "./record-types/index.ts";
import { REASON_CODES } from "./record-types/index.ts";
import type { LineShift } from "./stage-input.ts";
import { STAGE_TABLE } from "./stage-sql.ts";

export const SHIFTS_TABLE = "ingest_shifts";

export interface BatchRecord {
  readonly source: string;
  readonly recordType: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly period: string | null;
  readonly receivedAt: Date;
  readonly encoding: string;
  readonly format: string;
  readonly rowsRead: number;
  readonly accepted: number;
  readonly quarantined: number;
  readonly warnings: readonly string[];
}

export interface StoreOptions {
  readonly def: RecordTypeDef;
  readonly batch: BatchRecord;
  readonly accepted: string;
  readonly base: number;
  readonly shifts: readonly LineShift[];
  readonly key: Uint8Array;
}

/** Writes the line shifts (if any); returns how to turn a record index into a file line number. */
async function prepareShifts(
  connection: DuckDBConnection,
  options: StoreOptions,
): Promise<(k: string) => { line: string; join: string }> {
  if (options.shifts.length === 0) return (k) => ({ line: `${k} + ${options.base}`, join: "" });
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(SHIFTS_TABLE)} (k BIGINT, shift BIGINT)`,
  );
  const appender = await connection.createAppender(SHIFTS_TABLE, "main", "temp");
  try {
    for (const s of options.shifts) {
      appender.appendBigInt(BigInt(s.k));
      appender.appendBigInt(BigInt(s.shift));
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return (k) => ({
    line: `${k} + ${options.base} + coalesce(ls.shift, 0)`,
    join: `ASOF LEFT JOIN ${quoteIdentifier(SHIFTS_TABLE)} ls ON ${k} >= ls.k`,
  });
}

const MESSAGES = `(VALUES ${Object.entries(REASON_CODES)
  .map(([code, text]) => `(${quoteLiteral(code)}, ${quoteLiteral(text)})`)
  .join(", ")}) AS m(reason, message)`;

function factInsertSql(def: RecordTypeDef, accepted: string, line: { line: string; join: string }): string {
  const columns = factColumns(def).map((c) => quoteIdentifier(c.name));
  const hasCpr = def.fields.some((f) => f.type === "cpr");
  const values = def.fields.flatMap((field, i) =>
    field.type === "cpr" ? ["p.person_id", "s.birth_date", "s.gender"] : [`s.o${i}`],
  );
  return `INSERT INTO ${quoteIdentifier(factTableName(def.type))} (${columns.join(", ")})
    SELECT $batch, ${line.line}, ${values.join(", ")}
    FROM ${quoteIdentifier(STAGE_TABLE)} s ${line.join}
    ${hasCpr ? `JOIN ${quoteIdentifier(PERSON_TABLE)} p ON p.cpr_d = s.cpr_d` : ""}
    WHERE ${accepted}`;
}

type LineOf = (k: string) => { line: string; join: string };
type Pads = { ipad: ReturnType<typeof blobValue>; opad: ReturnType<typeof blobValue> };
const PAD_TYPES = { ipad: BLOB, opad: BLOB };

/** Marks earlier active batches of the same source, type and period as superseded by `batch`. */
async function supersede(connection: DuckDBConnection, b: BatchRecord, batch: number): Promise<number[]> {
  if (b.period === null) return [];
  const rows = await queryRows<{ id: number }>(
    connection,
    `UPDATE batches SET status = 'superseded', superseded_by = $batch
     WHERE source = $source AND record_type = $type AND period = $period AND status = 'active'
     RETURNING id`,
    { batch, source: b.source, type: b.recordType, period: b.period },
  );
  return rows.map((r) => r.id);
}

async function insertBatchRow(connection: DuckDBConnection, b: BatchRecord, batch: number): Promise<void> {
  await connection.run(
    `INSERT INTO batches VALUES ($batch, $source, $type, $file, $sha, $period, $at::TIMESTAMP, $encoding, $format,
      $rows, $accepted, $quarantined, 'active', NULL, $warnings)`,
    {
      batch,
      source: b.source,
      type: b.recordType,
      file: b.fileName,
      sha: b.sha256,
      period: b.period,
      at: b.receivedAt.toISOString().replace("T", " ").replace("Z", ""),
      encoding: b.encoding,
      format: b.format,
      rows: b.rowsRead,
      accepted: b.accepted,
      quarantined: b.quarantined,
      warnings: JSON.stringify(b.warnings),
    },
  );
}

/** The quarantine rows; a row with a valid CPR keeps its pseudonym (never the CPR) for follow-up. */
async function insertQuarantine(
  connection: DuckDBConnection,
  hasCpr: boolean,
  batch: number,
  lineOf: LineOf,
  pads: Pads,
): Promise<void> {
  const line = lineOf("p.k");
  const pseudonym = hasCpr ? `CASE WHEN s.cpr_ok THEN ${hmacSql("s.cpr_d")} END` : "NULL";
  const stageJoin = hasCpr ? `LEFT JOIN ${quoteIdentifier(STAGE_TABLE)} s ON s.rowid = p.k` : "";
  await connection.run(
    `INSERT INTO quarantine (batch, line, field, reason, message, masked_value, pseudonym)
     SELECT $batch, ${line.line}, p.field, p.reason, coalesce(m.message, p.reason), p.value, ${pseudonym}
     FROM ${quoteIdentifier(PROBLEMS_TABLE)} p ${line.join} LEFT JOIN ${MESSAGES} USING (reason) ${stageJoin}
     ORDER BY p.k, p.ord`,
    hasCpr ? { batch, ...pads } : { batch },
    hasCpr ? PAD_TYPES : undefined,
  );
}

/** Stores the batch; returns its id and the ids of the batches it superseded. */
export async function storeBatch(
  connection: DuckDBConnection,
  options: StoreOptions,
): Promise<{ batch: number; superseded: number[] }> {
  const { def, batch: b } = options;
  const hasCpr = def.fields.some((f) => f.type === "cpr");
  const { ipad, opad } = hmacPads(options.key);
  const pads = { ipad: blobValue(ipad), opad: blobValue(opad) };
  // Pseudonyms and line shifts are prepared outside the transaction, in temporary tables.
  if (hasCpr) await connection.run(cprMapSql(STAGE_TABLE, options.accepted), pads, PAD_TYPES);
  const lineOf = await prepareShifts(connection, options);
  return inTransaction(connection, async () => {
    const batch = Number(await queryValue(connection, "SELECT coalesce(max(id), 0) + 1 FROM batches"));
    const superseded = await supersede(connection, b, batch);
    await insertBatchRow(connection, b, batch);
    if (b.quarantined > 0) await insertQuarantine(connection, hasCpr, batch, lineOf, pads);
    if (hasCpr) {
      await connection.run(NEW_PERSONS_SQL);
      await connection.run(PERSON_MAP_SQL);
    }
    await connection.run(factInsertSql(def, options.accepted, lineOf("s.rowid")), { batch });
    return { batch, superseded };
  });
}
