import { DuckDBInstance } from "@duckdb/node-api";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { recipients } from "../build/tables/recipients.ts";
import { buildProblem } from "./protect.ts";
import { DEFAULT_RULE_PARAMS } from "./rules/index.ts";
import { thresholdRule } from "./rules/threshold.ts";
import { testInput, testTable } from "./test-tables.ts";
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

  it("marks the same cells with the same requirements as the in-memory rule (property)", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    const cell = fc.record({
      persons: fc.integer({ min: 0, max: 9 }),
      fte: fc.double({ min: 0, max: 9, noNaN: true }),
    });
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(cell, { minLength: 1, maxLength: 30 }), async (cells) => {
          const dims = [{ id: "x", codes: cells.map((_, i) => `c${i}`) }];
          const table = testTable("t", dims, { persons: { x: "none" }, fte: { x: "none" } });
          // In memory: the rule on a problem of the same cells.
          const { problem, tables } = buildProblem([
            testInput(table, dims, ([code], m) => {
              const c = cells[Number((code as string).slice(1))] as { persons: number; fte: number };
              return m === "persons" ? c.persons : c.fte;
            }),
          ]);
          thresholdRule.apply({ problem, tables, params: DEFAULT_RULE_PARAMS });
          const memory = cells.map((_, i) => [
            i,
            problem.sensitive[i] === 1,
            ...["persons", "fte"].flatMap((m) => {
              const req = problem.requirement.get(m);
              const down = req?.down[i] as number;
              const up = req?.up[i] as number;
              return [Number.isNaN(down) ? null : down, Number.isNaN(up) ? null : up];
            }),
          ]);
          // In SQL, on a table of the same cells.
          const values = cells.map((c, i) => `(${i}, ${c.persons}, ${c.fte}, false)`).join(", ");
          await connection.run(
            `CREATE OR REPLACE TEMP TABLE w AS SELECT * FROM (VALUES ${values}) AS v(cell, persons, fte, suppressed)`,
          );
          await applyThresholdSql(connection, table, "w", DEFAULT_RULE_PARAMS);
          const reader = await connection.runAndReadAll(`SELECT cell, suppressed, need_down__persons,
            need_up__persons, need_down__fte, need_up__fte FROM w ORDER BY cell`);
          const sql = reader
            .getRowsJson()
            .map((row) => row.map((v) => (typeof v === "string" ? Number(v) : v)));
          expect(sql.length).toBe(memory.length);
          sql.forEach((row, i) => {
            const mem = memory[i] as (number | boolean | null)[];
            expect(row.slice(0, 2)).toEqual(mem.slice(0, 2));
            row.slice(2).forEach((v, k) => {
              const w = mem[k + 2];
              if (w === null || v === null) expect(v).toBe(w);
              else expect(v as number).toBeCloseTo(w as number, 9);
            });
          });
        }),
        { numRuns: 60 },
      );
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
