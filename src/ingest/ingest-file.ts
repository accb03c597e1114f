// Ingests one delivery: checks the request (record type, source, period), reads and validates the file
// into an in-memory stage, and stores it as one batch in one transaction — or refuses it whole with
// one coded error. Returns the receipt. Temporary tables (which hold clear CPRs) are always dropped.
import { basename, resolve } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { AppError, fail } from "../errors.ts";
import { parsePeriod } from "../reference/periods.ts";
import { queryValue, quoteIdentifier } from "../store/index.ts";
import { decodeHead } from "./decode.ts";
import type { IngestEffects } from "./effects.ts";
import { deliveryDate } from "./effects.ts";
import { detectFormat, looksBinary } from "./header.ts";
import { listedUnknowns } from "./listed-unknowns.ts";
import { acceptedCondition, collectProblems, PROBLEMS_TABLE } from "./problems.ts";
import { CPR_TABLE, PERSON_TABLE } from "./pseudonymise-sql.ts";
import { isOutOfMemory, readStage } from "./read-stage.ts";
import type { Receipt } from "./receipt.ts";
import { recordTypeDef } from "./record-types/index.ts";
import { scanFile } from "./scan-file.ts";
import { getSource } from "./sources.ts";
import { RAW_TABLE } from "./stage-input.ts";
import { STAGE_TABLE } from "./stage-sql.ts";
import { SHIFTS_TABLE, storeBatch } from "./store-batch.ts";

export interface IngestRequest {
  readonly file: string;
  readonly type: string;
  readonly source: string;
  /** A period code (`2025M03`, `2025K1`, `2025`): a later delivery for it supersedes this one. */
  readonly period?: string | undefined;
}

const TEMP_TABLES = [RAW_TABLE, STAGE_TABLE, PROBLEMS_TABLE, SHIFTS_TABLE, CPR_TABLE, PERSON_TABLE];

async function dropTempTables(connection: DuckDBConnection): Promise<void> {
  for (const table of TEMP_TABLES) {
    await connection.run(`DROP TABLE IF EXISTS temp.main.${quoteIdentifier(table)}`).catch(() => undefined);
  }
}

async function refuseDuplicate(connection: DuckDBConnection, source: string, sha256: string): Promise<void> {
  const earlier = await queryValue<number>(
    connection,
    "SELECT min(id) FROM batches WHERE source = $source AND sha256 = $sha256",
    { source, sha256 },
  );
  if (earlier !== null && earlier !== undefined) {
    throw new AppError(
      "duplicate_delivery",
      `This file was already ingested from ${source} as batch ${earlier}`,
      {
        batch: Number(earlier),
      },
    );
  }
}

function emptyWarning(rows: number, period: string | null, format: string): string[] {
  if (rows > 0) return [];
  const what = format === "csv" ? "The file has a header but no rows" : "The file has no rows";
  return [period ? `${what}: the source had nothing for ${period}` : what];
}

/** Validates, pseudonymises and stores one delivery; throws a coded error if it is refused whole. */
export async function ingestFile(
  connection: DuckDBConnection,
  request: IngestRequest,
  effects: IngestEffects,
): Promise<Receipt> {
  const def = recordTypeDef(request.type);
  const source = await getSource(connection, request.source);
  if (!source.types.includes(def.type)) {
    fail(
      "source_not_allowed",
      `Source ${source.id} may not deliver ${def.type} (it may deliver ${source.types.join(", ")})`,
    );
  }
  const period = request.period === undefined ? null : parsePeriod(request.period).code;
  const path = resolve(request.file);
  const scan = await scanFile(path);
  const head = decodeHead(scan, path);
  if (looksBinary(head))
    throw new AppError("unreadable_file", `Cannot read ${path} as text: it contains control characters`);
  await refuseDuplicate(connection, source.id, scan.sha256);
  const format = detectFormat(path, head);
  const now = effects.now();
  try {
    const stage = await readStage(connection, {
      def,
      path,
      scan,
      head,
      format,
      scope: source,
      asOf: deliveryDate(now),
    });
    const counts = await collectProblems(connection, def);
    const accepted = acceptedCondition(def);
    const warnings = [
      ...stage.warnings,
      ...emptyWarning(counts.rowsRead, period, format),
      ...(await listedUnknowns(connection, def, accepted)),
    ];
    const stored = await storeBatch(connection, {
      def,
      accepted,
      base: stage.base,
      shifts: stage.shifts,
      key: effects.key(),
      batch: {
        source: source.id,
        recordType: def.type,
        fileName: basename(path),
        sha256: scan.sha256,
        period,
        receivedAt: now,
        encoding: scan.encoding,
        format,
        rowsRead: counts.rowsRead,
        accepted: counts.rowsRead - counts.quarantined,
        quarantined: counts.quarantined,
        warnings,
      },
    });
    return {
      batch: stored.batch,
      source: source.id,
      record_type: def.type,
      file: basename(path),
      period,
      sha256: scan.sha256,
      encoding: scan.encoding,
      format,
      reader: stage.reader,
      received_at: now.toISOString(),
      rows_read: counts.rowsRead,
      accepted: counts.rowsRead - counts.quarantined,
      quarantined: counts.quarantined,
      reasons: counts.reasons,
      warnings,
      superseded: stored.superseded,
    };
  } catch (err) {
    // DuckDB's own messages may quote input (and so a CPR): only the kind of failure is passed on.
    if (isOutOfMemory(err)) {
      throw new AppError(
        "out_of_memory",
        "The delivery needs more memory than the warehouse may use; raise JOBINDBLIK_MEMORY_LIMIT (default 3GB)",
      );
    }
    throw err;
  } finally {
    await dropTempTables(connection);
  }
}
