// The build's inputs: one view `in_<record type>` per fact table, holding only rows of active batches
// (a superseded delivery is replaced by the later one of the same source, type and period).
import type { DuckDBConnection } from "@duckdb/node-api";
import { RECORD_TYPE_DEFS } from "../../ingest/record-types/index.ts";
import { factTableName } from "../../store/fact-tables.ts";
import { quoteIdentifier } from "../../store/sql.ts";

export async function createInputViews(connection: DuckDBConnection): Promise<void> {
  for (const def of RECORD_TYPE_DEFS) {
    await connection.run(`CREATE OR REPLACE TEMP VIEW ${quoteIdentifier(`in_${def.type}`)} AS
      SELECT f.* FROM ${quoteIdentifier(factTableName(def.type))} f
      JOIN batches b ON b.id = f.batch WHERE b.status = 'active'`);
  }
}
