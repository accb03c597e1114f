// One delivery, one transaction: a failure while storing leaves batches, quarantine, person keys and
// facts exactly as they were, and temporary tables (which hold clear CPRs) are gone.
import { afterAll, describe, expect, it } from "vitest";
import { queryRows } from "../store/index.ts";
import { ingestFile } from "./ingest-file.ts";
import { TempDir, testEffects, testWarehouse } from "./testing.ts";

const dir = new TempDir();
afterAll(() => dir.remove());

describe("storing a batch atomically", () => {
  it("rolls everything back when the last write fails", async () => {
    const warehouse = await testWarehouse();
    try {
      const c = warehouse.connection;
      const head = "cpr,benefit,municipality,start,end\n";
      await ingestFile(
        c,
        {
          file: dir.file("ok.csv", `${head}1503852347,kontanthjaelp,101,2025-01-01,\n`),
          type: "benefit_periods",
          source: "JC101",
        },
        testEffects,
      );
      const snapshot = async () =>
        queryRows(
          c,
          `SELECT (SELECT count(*) FROM batches)::INTEGER b, (SELECT count(*) FROM quarantine)::INTEGER q,
                  (SELECT count(*) FROM person_keys)::INTEGER p, (SELECT count(*) FROM fact_benefit_periods)::INTEGER f`,
        );
      const before = await snapshot();
      // Make the fact insert (the transaction's last statement) fail: a NOT NULL column it does not fill.
      await c.run("ALTER TABLE fact_benefit_periods ADD COLUMN must INTEGER DEFAULT 1");
      await c.run("ALTER TABLE fact_benefit_periods ALTER COLUMN must SET NOT NULL");
      await c.run("ALTER TABLE fact_benefit_periods ALTER COLUMN must DROP DEFAULT");
      const text = `${head}0101901234,kontanthjaelp,101,2025-01-01,\n0101901234,x,101,2025-01-01,\n`;
      await expect(
        ingestFile(
          c,
          { file: dir.file("fails.csv", text), type: "benefit_periods", source: "JC101", period: "2025M01" },
          testEffects,
        ),
      ).rejects.toThrow();
      expect(await snapshot()).toEqual(before);
      const temp = await queryRows(c, "SELECT table_name FROM duckdb_tables() WHERE temporary");
      expect(temp).toEqual([]);
    } finally {
      warehouse.close();
    }
  });
});
