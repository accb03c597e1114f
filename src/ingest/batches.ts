// Listing stored batches (deliveries) and the quarantine of one batch. Read-only.
import type { DuckDBConnection } from "@duckdb/node-api";
import { fail } from "../errors.ts";
import { queryRows } from "../store/index.ts";

export interface BatchRow {
  readonly id: number;
  readonly source: string;
  readonly record_type: string;
  readonly file_name: string;
  readonly period: string | null;
  readonly received_at: string;
  readonly rows_read: number;
  readonly accepted: number;
  readonly quarantined: number;
  readonly status: "active" | "superseded";
  readonly superseded_by: number | null;
  readonly warnings: readonly string[];
}

export async function listBatches(connection: DuckDBConnection, source?: string): Promise<BatchRow[]> {
  const rows = await queryRows<Omit<BatchRow, "warnings"> & { warnings: string }>(
    connection,
    `SELECT id, source, record_type, file_name, period,
       strftime(received_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS received_at,
       CAST(rows_read AS INTEGER) AS rows_read, CAST(accepted AS INTEGER) AS accepted,
       CAST(quarantined AS INTEGER) AS quarantined, status, superseded_by, warnings
     FROM batches WHERE $source IS NULL OR source = $source ORDER BY id`,
    { source: source ?? null },
  );
  return rows.map((r) => ({ ...r, warnings: JSON.parse(r.warnings) as string[] }));
}

export interface QuarantineEntry {
  readonly line: number;
  readonly field: string;
  readonly reason: string;
  readonly message: string;
  readonly masked_value: string | null;
}

export interface QuarantineListing {
  readonly batch: number;
  /** All quarantine entries of the batch (rows may have several). */
  readonly total: number;
  readonly entries: readonly QuarantineEntry[];
}

/** The first `limit` quarantine entries of a batch, by line; `not_found` for an unknown batch. */
export async function listQuarantine(
  connection: DuckDBConnection,
  batch: number,
  limit: number,
): Promise<QuarantineListing> {
  const found = await queryRows<{ n: number }>(
    connection,
    "SELECT CAST((SELECT count(*) FROM quarantine WHERE batch = $batch) AS INTEGER) AS n FROM batches WHERE id = $batch",
    { batch },
  );
  const total = found[0]?.n ?? fail("not_found", `No batch ${batch}`);
  const entries = await queryRows<QuarantineEntry>(
    connection,
    `SELECT CAST(line AS INTEGER) AS line, field, reason, message, masked_value FROM quarantine
     WHERE batch = $batch ORDER BY line, rowid LIMIT $limit`,
    { batch, limit },
  );
  return { batch, total, entries };
}
