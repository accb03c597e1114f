// One fact table per record type, derived from its definition: the batch and line a row came from, and
// one typed column per field — except the CPR, which becomes person_id, birth_date and gender.
// Additive changes to a definition (a new field) are applied to an existing warehouse on open.
import type { DuckDBConnection } from "@duckdb/node-api";
import type { FieldDef, RecordTypeDef } from "../ingest/record-types/index.ts";
import { RECORD_TYPE_DEFS } from "../ingest/record-types/index.ts";
import { queryRows } from "./query.ts";
import { quoteIdentifier, quoteLiteral } from "./sql.ts";

export interface FactColumn {
  readonly name: string;
  readonly sqlType: string;
}

export function factTableName(type: string): string {
  return `fact_${type}`;
}

/** The SQL type a field is stored as (numbers with alternative codes, like age bands, stay text). */
export function storedType(field: FieldDef): string {
  if (field.alsoAccepts && field.alsoAccepts.length > 0) return "VARCHAR";
  switch (field.type) {
    case "date":
    case "month":
      return "DATE";
    case "integer":
      return "BIGINT";
    case "decimal":
      return "DOUBLE";
    default:
      return "VARCHAR";
  }
}

export function factColumns(def: RecordTypeDef): FactColumn[] {
  const columns: FactColumn[] = [
    { name: "batch", sqlType: "INTEGER NOT NULL" },
    { name: "line", sqlType: "BIGINT NOT NULL" },
  ];
  for (const field of def.fields) {
    if (field.type === "cpr") {
      columns.push(
        { name: "person_id", sqlType: "INTEGER" },
        { name: "birth_date", sqlType: "DATE" },
        { name: "gender", sqlType: "VARCHAR" },
      );
    } else {
      columns.push({ name: field.name, sqlType: storedType(field) });
    }
  }
  return columns;
}

/** Creates missing fact tables and adds columns that a definition gained since the table was made. */
export async function ensureFactTables(connection: DuckDBConnection): Promise<void> {
  for (const def of RECORD_TYPE_DEFS) {
    const table = factTableName(def.type);
    const existing = await queryRows<{ column_name: string }>(
      connection,
      `SELECT column_name FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ${quoteLiteral(table)}`,
    );
    const columns = factColumns(def);
    if (existing.length === 0) {
      const list = columns.map((c) => `${quoteIdentifier(c.name)} ${c.sqlType}`).join(", ");
      await connection.run(`CREATE TABLE ${quoteIdentifier(table)} (${list})`);
      continue;
    }
    const have = new Set(existing.map((r) => r.column_name));
    for (const column of columns) {
      if (have.has(column.name)) continue;
      const sqlType = column.sqlType.replace(" NOT NULL", "");
      await connection.run(
        `ALTER TABLE ${quoteIdentifier(table)} ADD COLUMN ${quoteIdentifier(column.name)} ${sqlType}`,
      );
    }
  }
}
