// Delivery monitoring: for a month, which registered sources have delivered each of their record types.
// Delivered = an active batch whose declared period contains the month, or an active batch without a
// declared period with accepted rows whose time field (the type's `timeField`) falls in the month.
import type { DuckDBConnection } from "@duckdb/node-api";
import { fail } from "../errors.ts";
import type { Period } from "../reference/periods.ts";
import { parsePeriod } from "../reference/periods.ts";
import { factTableName, queryRows, quoteIdentifier } from "../store/index.ts";
import type { RecordTypeDef } from "./record-types/index.ts";
import { fieldOf, recordTypeDef } from "./record-types/index.ts";
import { listSources } from "./sources.ts";

export interface DeliveryStatus {
  readonly type: string;
  readonly status: "delivered" | "missing";
  /** Active batches that cover the month. */
  readonly batches: readonly number[];
}

export interface SourceDeliveries {
  readonly source: string;
  readonly kind: string;
  readonly types: readonly DeliveryStatus[];
}

export interface DeliveriesReport {
  readonly month: string;
  readonly delivered: number;
  readonly missing: number;
  readonly sources: readonly SourceDeliveries[];
}

/** A condition on fact alias `f` that places a row in the month, or undefined without a time field. */
function inMonth(def: RecordTypeDef, month: Period): string | undefined {
  const field = def.timeField === undefined ? undefined : fieldOf(def, def.timeField);
  if (!field) return undefined;
  const column = `f.${quoteIdentifier(field.name)}`;
  if (field.type === "integer") return `${column} = ${month.year}`;
  return `${column} BETWEEN DATE '${month.first}' AND DATE '${month.last}'`;
}

async function undeclaredBatches(
  connection: DuckDBConnection,
  source: string,
  def: RecordTypeDef,
  month: Period,
): Promise<number[]> {
  const condition = inMonth(def, month);
  if (!condition) return [];
  const rows = await queryRows<{ batch: number }>(
    connection,
    `SELECT DISTINCT f.batch FROM ${quoteIdentifier(factTableName(def.type))} f JOIN batches b ON b.id = f.batch
     WHERE b.source = $source AND b.record_type = $type AND b.status = 'active' AND b.period IS NULL AND ${condition}
     ORDER BY f.batch`,
    { source, type: def.type },
  );
  return rows.map((r) => r.batch);
}

export async function deliveries(connection: DuckDBConnection, monthCode: string): Promise<DeliveriesReport> {
  const month = parsePeriod(monthCode);
  if (month.kind !== "month")
    fail("bad_period", `Not a month: ${JSON.stringify(monthCode)}; expected e.g. 2025M03`);
  const declared = await queryRows<{ id: number; source: string; record_type: string; period: string }>(
    connection,
    "SELECT id, source, record_type, period FROM batches WHERE status = 'active' AND period IS NOT NULL ORDER BY id",
  );
  const sources: SourceDeliveries[] = [];
  let delivered = 0;
  let missing = 0;
  for (const source of await listSources(connection)) {
    const types: DeliveryStatus[] = [];
    for (const type of source.types) {
      const covering = declared
        .filter((b) => b.source === source.id && b.record_type === type)
        .filter((b) => {
          const p = parsePeriod(b.period);
          return p.first <= month.first && month.last <= p.last;
        })
        .map((b) => b.id);
      const batches = [
        ...covering,
        ...(await undeclaredBatches(connection, source.id, recordTypeDef(type), month)),
      ];
      const status = batches.length > 0 ? "delivered" : "missing";
      if (status === "delivered") delivered++;
      else missing++;
      types.push({ type, status, batches: [...new Set(batches)].sort((a, b) => a - b) });
    }
    sources.push({ source: source.id, kind: source.kind, types });
  }
  return { month: month.code, delivered, missing, sources };
}
