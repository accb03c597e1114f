// Brings a warehouse's schema up to date on open: numbered migrations recorded in `schema_version`,
// each applied in its own transaction, then the fact tables derived from the record types.
import type { DuckDBConnection } from "@duckdb/node-api";
import { ensureFactTables } from "./fact-tables.ts";
import type { Migration } from "./migrations.ts";
import { MIGRATIONS } from "./migrations.ts";
import { inTransaction, queryValue } from "./query.ts";

/** Applies pending migrations (default: all known ones); returns the schema version afterwards. */
export async function migrate(
  connection: DuckDBConnection,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number> {
  await connection.run(
    `CREATE TABLE IF NOT EXISTS schema_version (
      version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL
    )`,
  );
  let current = Number(
    (await queryValue(connection, "SELECT coalesce(max(version), 0) FROM schema_version")) ?? 0,
  );
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    await inTransaction(connection, async () => {
      for (const statement of migration.statements) await connection.run(statement);
      await connection.run(
        "INSERT INTO schema_version VALUES ($version, $description, current_timestamp::TIMESTAMP)",
        { version: migration.version, description: migration.description },
      );
    });
    current = migration.version;
  }
  await ensureFactTables(connection);
  return current;
}
