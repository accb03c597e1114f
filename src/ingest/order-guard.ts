// The stage's row order is the file's line order (line numbers are derived from it), which DuckDB keeps
// only when it plans an order-preserving insert: projections over an ordered source. A join anywhere
// (DuckDB turns long IN lists into joins) silently drops that guarantee, so the plan is checked first —
// once per statement shape: string literals (the file path, a source's scope codes, dates) do not
// change the plan, but how many of them there are can (an IN list's length), so only their values
// are left out of the key. Planning costs ~10 ms, which adds up over a delivery set of many files.
import type { DuckDBConnection } from "@duckdb/node-api";

const checked = new Set<string>();

async function firstColumn(connection: DuckDBConnection, sql: string): Promise<string[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowsJson().map((row) => String(row.at(-1) ?? ""));
}

/** Throws if DuckDB would not insert the rows of `createSql` in source order. */
export async function assertOrderPreserving(
  connection: DuckDBConnection,
  createSql: string,
  path = "",
): Promise<void> {
  const [threads] = await firstColumn(connection, "SELECT current_setting('threads')");
  const shape = (path ? createSql.replaceAll(path, "") : createSql).replace(/'(?:[^']|'')*'/g, "?");
  const key = `${threads}\n${shape}`;
  if (checked.has(key)) return;
  const plan = (await firstColumn(connection, `EXPLAIN ${createSql}`)).join("\n");
  // With one thread DuckDB plans a plain insert, which is then trivially in order.
  const ordered = plan.includes("BATCH_CREATE_TABLE_AS") || threads === "1";
  if (!ordered || /JOIN|AGGREGATE|ORDER_BY|WINDOW/.test(plan)) {
    throw new Error("The stage statement would not keep the file's row order");
  }
  checked.add(key);
}
