// Test harness for tables with large cubes (five dimensions): like `buildTableForTest`, but only the
// published cells matching a SQL condition come back to JS, so a test does not read millions of rows.
import { DuckDBInstance } from "@duckdb/node-api";
import { compileTable } from "./compile-table.ts";
import { prepareBuild } from "./prepare/index.ts";
import type { TableDef } from "./tables/types.ts";
import type { Microdata, PublishedCell } from "./test-harness.ts";

// The input relations' columns, as in test-harness.ts (CPR replaced by person_id, birth_date, gender).
const COLUMNS: Record<keyof Microdata, string> = {
  benefit_periods:
    'batch INTEGER, line BIGINT, person_id INTEGER, birth_date DATE, gender VARCHAR, benefit VARCHAR, municipality VARCHAR, akasse VARCHAR, start DATE, "end" DATE, degree DOUBLE, amount_dkk DOUBLE',
  activation_offers:
    'batch INTEGER, line BIGINT, person_id INTEGER, birth_date DATE, gender VARCHAR, municipality VARCHAR, offer_type VARCHAR, target_group VARCHAR, start DATE, "end" DATE',
  interviews:
    "batch INTEGER, line BIGINT, person_id INTEGER, birth_date DATE, gender VARCHAR, held_by VARCHAR, date DATE, municipality VARCHAR, akasse VARCHAR, kind VARCHAR, due DATE",
  job_openings:
    "batch INTEGER, line BIGINT, opening_id VARCHAR, municipality VARCHAR, occupation VARCHAR, posted DATE, positions BIGINT",
  employment:
    "batch INTEGER, line BIGINT, person_id INTEGER, birth_date DATE, gender VARCHAR, month DATE, hours DOUBLE, municipality VARCHAR",
  persons:
    "batch INTEGER, line BIGINT, person_id INTEGER, birth_date DATE, gender VARCHAR, origin VARCHAR, education VARCHAR, residence VARCHAR",
  education:
    'batch INTEGER, line BIGINT, person_id INTEGER, birth_date DATE, gender VARCHAR, level VARCHAR, start DATE, "end" DATE',
  population:
    "batch INTEGER, line BIGINT, municipality VARCHAR, year BIGINT, age VARCHAR, gender VARCHAR, count BIGINT",
  framework_conditions:
    "batch INTEGER, line BIGINT, municipality VARCHAR, year BIGINT, variable VARCHAR, value DOUBLE",
};

function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") return String(value);
  return `'${String(value).replaceAll("'", "''")}'`;
}

/**
 * Builds `table` (unprotected) from the microdata for the span and returns the published rows of
 * `pub` that satisfy `where` (SQL over its columns: the dimension ids, `measure`, `value`, `status`).
 */
export async function buildCellsWhere(
  table: TableDef,
  data: Microdata,
  span: { firstMonth: string; throughMonth: string },
  where: string,
): Promise<PublishedCell[]> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
  const connection = await instance.connect();
  try {
    for (const [name, columns] of Object.entries(COLUMNS) as [keyof Microdata, string][]) {
      await connection.run(`CREATE TABLE in_${name} (${columns})`);
      const rows = data[name] ?? [];
      if (rows.length === 0) continue;
      const names = columns.split(", ").map((c) => c.split(" ")[0] as string);
      const values = rows.map(
        (row, i) =>
          `(${names.map((n) => (n === "batch" ? literal(row.batch ?? 1) : n === "line" ? literal(row.line ?? i + 2) : literal(row[n.replaceAll('"', "")]))).join(", ")})`,
      );
      await connection.run(`INSERT INTO in_${name} VALUES ${values.join(", ")}`);
    }
    await prepareBuild(connection, span);
    await compileTable(connection, table, { unprotected: true });
    const reader = await connection.runAndReadAll(`SELECT * FROM pub WHERE ${where}`);
    return reader.getRowObjectsJson() as PublishedCell[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
