import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { recipients } from "../build/tables/recipients.ts";
import { applyThresholdSql } from "./threshold-sql.ts";

describe("threshold rule in SQL", () => {
  it("suppresses every measure of a cell with 1..T−1 persons and records its protection needs", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      await connection.run(`CREATE TEMP TABLE w AS SELECT * FROM (VALUES
        (0, 0.0, 0.0, 0.0, NULL, false),
        (1, 1.0, 0.5, 100.0, 1.0, false),
        (2, 4.0, 2.0, 400.0, 4.0, false),
        (3, 5.0, 4.0, 500.0, 5.0, false),
        (4, 12.0, 10.0, 1200.0, 12.0, false)
      ) AS t(cell, persons, fte, amount_dkk, share_pop, suppressed)`);
      const marked = await applyThresholdSql(connection, recipients, "w", {
        threshold: 5,
        protection: 5,
        dominanceP: 10,
      });
      expect(marked).toBe(2);
      const reader = await connection.runAndReadAll(`SELECT cell, suppressed, disclosure,
          need_down__persons, need_up__persons, need_down__fte, need_up__fte, need_up__amount_dkk
        FROM w ORDER BY cell`);
      expect(reader.getRowsJson()).toEqual([
        [0, false, 0, null, null, null, null, null], // zero persons are published
        // 1 person: [max(0, 1 − 5), 1 + 5]; fte 0.5 by 5 persons' worth of 1: ± 2.5; amount ± 500.
        [1, true, 1, 0, 6, 0, 3, 600],
        // 4 persons: [0, 9]; fte 2 ± 2 × 5 / 4 = ± 2.5 → [0, 4.5]; amount 400 ± 500.
        [2, true, 1, 0, 9, 0, 4.5, 900],
        [3, false, 0, null, null, null, null, null], // 5 = T is not sensitive
        [4, false, 0, null, null, null, null, null],
      ]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
