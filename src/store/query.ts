// Small typed wrappers over the DuckDB connection: rows as JSON-safe objects (BIGINT as string, dates as
// ISO text — cast counts to INTEGER in SQL to get numbers), and one transaction that always ends.
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";

export type Params = Record<string, DuckDBValue>;

/** Runs a statement for its effect. */
export async function execute(connection: DuckDBConnection, sql: string, params?: Params): Promise<void> {
  await connection.run(sql, params);
}

/** Runs a query and returns its rows as plain JSON-compatible objects. */
export async function queryRows<T = Record<string, unknown>>(
  connection: DuckDBConnection,
  sql: string,
  params?: Params,
): Promise<T[]> {
  const reader = await connection.runAndReadAll(sql, params);
  return reader.getRowObjectsJson() as T[];
}

/** The first column of the first row (undefined when there is no row). */
export async function queryValue<T = unknown>(
  connection: DuckDBConnection,
  sql: string,
  params?: Params,
): Promise<T | undefined> {
  const reader = await connection.runAndReadAll(sql, params);
  const rows = reader.getRowsJson();
  return rows[0]?.[0] as T | undefined;
}

/** Runs `work` in one transaction: committed if it returns, rolled back if it throws. */
export async function inTransaction<T>(connection: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await connection.run("BEGIN TRANSACTION");
  try {
    const result = await work();
    await connection.run("COMMIT");
    return result;
  } catch (err) {
    await connection.run("ROLLBACK").catch(() => undefined);
    throw err;
  }
}
