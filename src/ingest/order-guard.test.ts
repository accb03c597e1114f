import { describe, expect, it } from "vitest";
import { openDatabase } from "../store/index.ts";
import { assertOrderPreserving } from "./order-guard.ts";
import { RECORD_TYPE_DEFS } from "./record-types/index.ts";
import type { FileScan } from "./scan-file.ts";
import { fastCsvInput } from "./stage-input.ts";
import { stageSql } from "./stage-sql.ts";
import { TempDir } from "./testing.ts";

const scan: FileScan = {
  size: 0,
  sha256: "",
  encoding: "utf-8",
  bomLength: 0,
  head: Buffer.alloc(0),
  hasQuote: false,
  hasMarker: false,
  newlines: "lf",
  lines: 1,
  blankLines: [],
};

describe("keeping the file's row order in the stage", () => {
  it("plans every record type's stage, for every kind of source, as an order-preserving insert", async () => {
    const dir = new TempDir();
    const warehouse = await openDatabase(":memory:", { threads: 2 });
    try {
      for (const def of RECORD_TYPE_DEFS) {
        const names = def.fields.map((f) => f.name);
        const file = dir.file(`${def.type}.csv`, `${names.join(",")}\n`);
        const plan = { delimiter: "," as const, names, columnOf: names.map((_, i) => i), warnings: [] };
        const input = fastCsvInput(file, plan, scan);
        for (const scope of [
          { kind: "national" as const, codes: ["DK"] },
          { kind: "jobcenter" as const, codes: ["101", "147", "151", "153", "155", "157", "159"] },
          { kind: "akasse" as const, codes: ["D86", "D15"] },
        ]) {
          await expect(
            assertOrderPreserving(warehouse.connection, stageSql({ def, input, scope, asOf: "2025-06-15" })),
          ).resolves.toBeUndefined();
        }
      }
    } finally {
      warehouse.close();
      dir.remove();
    }
  });

  it("rejects a statement with a long IN list, which DuckDB plans as a join", async () => {
    const warehouse = await openDatabase(":memory:", { threads: 2 });
    try {
      const sql =
        "CREATE TEMP TABLE t AS SELECT x IN ('1', '2', '3', '4', '5', '6') AS y FROM range(10) r(x)";
      await expect(
        assertOrderPreserving(warehouse.connection, sql.replace("x IN", "CAST(x AS VARCHAR) IN")),
      ).rejects.toThrow();
    } finally {
      warehouse.close();
    }
  });
});
