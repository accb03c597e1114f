import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RECORD_TYPE_DEFS } from "../ingest/record-types/index.ts";
import { factTableName } from "./fact-tables.ts";
import { migrate } from "./migrate.ts";
import { MIGRATIONS } from "./migrations.ts";
import { openDatabase, withConnection } from "./open.ts";
import { queryRows, queryValue } from "./query.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("opening the warehouse", () => {
  it("creates the fixed tables and one fact table per record type at the newest schema version", async () => {
    const warehouse = await openDatabase(":memory:");
    try {
      const c = warehouse.connection;
      expect(Number(await queryValue(c, "SELECT max(version) FROM schema_version"))).toBe(MIGRATIONS.length);
      const tables = await queryRows<{ table_name: string }>(c, "SELECT table_name FROM duckdb_tables()");
      const names = tables.map((t) => t.table_name);
      for (const t of ["sources", "batches", "quarantine", "person_keys"]) expect(names).toContain(t);
      for (const def of RECORD_TYPE_DEFS) expect(names).toContain(factTableName(def.type));
    } finally {
      warehouse.close();
    }
  });

  it("stores the CPR of benefit periods as person_id, birth_date and gender, never as text", async () => {
    const warehouse = await openDatabase(":memory:");
    try {
      const columns = await queryRows<{ column_name: string; data_type: string }>(
        warehouse.connection,
        "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'fact_benefit_periods' ORDER BY column_index",
      );
      expect(columns.map((c) => `${c.column_name}:${c.data_type}`)).toEqual([
        "batch:INTEGER",
        "line:BIGINT",
        "person_id:INTEGER",
        "birth_date:DATE",
        "gender:VARCHAR",
        "benefit:VARCHAR",
        "municipality:VARCHAR",
        "akasse:VARCHAR",
        "start:DATE",
        "end:DATE",
        "degree:DOUBLE",
        "amount_dkk:DOUBLE",
      ]);
    } finally {
      warehouse.close();
    }
  });

  it("applies migrations once and adds columns a definition gained to an existing fact table", async () => {
    const warehouse = await openDatabase(":memory:");
    try {
      const c = warehouse.connection;
      await c.run("DROP TABLE fact_persons");
      await c.run("CREATE TABLE fact_persons (batch INTEGER NOT NULL, line BIGINT NOT NULL)");
      expect(await migrate(c)).toBe(MIGRATIONS.length);
      const columns = await queryRows<{ column_name: string }>(
        c,
        "SELECT column_name FROM duckdb_columns() WHERE table_name = 'fact_persons' ORDER BY column_index",
      );
      expect(columns.map((r) => r.column_name)).toEqual([
        "batch",
        "line",
        "person_id",
        "birth_date",
        "gender",
        "origin",
        "education",
        "residence",
      ]);
      expect(Number(await queryValue(c, "SELECT count(*) FROM schema_version"))).toBe(MIGRATIONS.length);
    } finally {
      warehouse.close();
    }
  });

  it("keeps data in the data folder's warehouse file between openings", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobindblik-store-"));
    dirs.push(dir);
    await withConnection(dir, async (c) => {
      await c.run(
        "INSERT INTO sources VALUES ('S1', 'national', ['DK'], ['persons'], TIMESTAMP '2025-01-01')",
      );
    });
    const ids = await withConnection(dir, (c) => queryRows<{ id: string }>(c, "SELECT id FROM sources"));
    expect(ids).toEqual([{ id: "S1" }]);
  });
});
