// Pseudonyms: HMAC-SHA-256 computed in DuckDB equals Node's, the same person gets the same integer id in
// every source and delivery, and the key is created once with mode 0600.
import { createHmac, randomBytes } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { BLOB, blobValue } from "@duckdb/node-api";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows } from "../store/index.ts";
import { ingestFile } from "./ingest-file.ts";
import { hmacPads, KEY_FILE, keyBytes, loadKey } from "./key.ts";
import { hmacSql } from "./pseudonymise-sql.ts";
import { TEST_KEY, TempDir, testEffects, testWarehouse } from "./testing.ts";

const dir = new TempDir();
afterAll(() => dir.remove());

describe("pseudonyms computed in SQL", () => {
  it("equal Node's HMAC-SHA-256 of the ten digits, leading zeros included, for short and long keys", async () => {
    const cprs = ["0102031234", "1503852347", "3112999999", "0000000001"];
    for (const key of [TEST_KEY, randomBytes(100), Buffer.from("a sixteen byte k")]) {
      const expected = cprs.map((c) => createHmac("sha256", key).update(c).digest("hex"));
      const { ipad, opad } = hmacPads(key);
      const warehouse = await openDatabase(":memory:");
      try {
        const reader = await warehouse.connection.runAndReadAll(
          `SELECT ${hmacSql("d")} AS h FROM (VALUES ${cprs.map((c) => `(CAST('${c}' AS BIGINT))`).join(", ")}) t(d)`,
          { ipad: blobValue(ipad), opad: blobValue(opad) },
          { ipad: BLOB, opad: BLOB },
        );
        expect(reader.getRowsJson().map((r) => r[0])).toEqual(expected);
      } finally {
        warehouse.close();
      }
    }
  });

  it("give one person one id across sources, deliveries and CPR forms", async () => {
    const warehouse = await testWarehouse();
    try {
      const c = warehouse.connection;
      const head = "cpr,benefit,municipality,akasse,start,end\n";
      await ingestFile(
        c,
        {
          file: dir.file(
            "p1.csv",
            `${head}1503852347,kontanthjaelp,101,,2025-01-01,\n0101901234,kontanthjaelp,101,,2025-01-01,\n`,
          ),
          type: "benefit_periods",
          source: "JC101",
        },
        testEffects,
      );
      await ingestFile(
        c,
        {
          file: dir.file("p2.csv", `${head}150385-2347,dagpenge,101,D86,2025-02-01,\n`),
          type: "benefit_periods",
          source: "D86",
        },
        testEffects,
      );
      await ingestFile(
        c,
        {
          file: dir.file("p3.jsonl", '{"cpr":"150385-2347","origin":"dansk"}\n'),
          type: "persons",
          source: "DST",
        },
        testEffects,
      );
      const keys = await queryRows<{ pseudonym: string; person_id: number }>(
        c,
        "SELECT pseudonym, person_id FROM person_keys ORDER BY person_id",
      );
      expect(keys.length).toBe(2);
      const mine = createHmac("sha256", TEST_KEY).update("1503852347").digest("hex");
      const id = keys.find((k) => k.pseudonym === mine)?.person_id;
      const facts = await queryRows<{ person_id: number }>(
        c,
        "SELECT person_id FROM fact_benefit_periods WHERE birth_date = DATE '1985-03-15' UNION ALL SELECT person_id FROM fact_persons",
      );
      expect(facts.map((f) => f.person_id)).toEqual([id, id, id]);
      const unique = await queryRows(
        c,
        "SELECT count(*)::INTEGER AS n, count(DISTINCT pseudonym)::INTEGER AS p, count(DISTINCT person_id)::INTEGER AS i FROM person_keys",
      );
      expect(unique).toEqual([{ n: 2, p: 2, i: 2 }]);
    } finally {
      warehouse.close();
    }
  });

  it("are kept on quarantined rows with a valid CPR, without making them persons", async () => {
    const warehouse = await testWarehouse();
    try {
      const file = dir.file(
        "q.csv",
        "cpr,benefit,municipality,start,end\n1503852347,nope,101,2025-01-01,\n3102851234,nope,101,2025-01-01,\n",
      );
      await ingestFile(warehouse.connection, { file, type: "benefit_periods", source: "JC101" }, testEffects);
      expect(await queryRows(warehouse.connection, "SELECT * FROM person_keys")).toEqual([]);
      const rows = await queryRows(
        warehouse.connection,
        "SELECT reason, pseudonym FROM quarantine ORDER BY line, rowid",
      );
      expect(rows).toEqual([
        {
          reason: "unknown_code",
          pseudonym: createHmac("sha256", TEST_KEY).update("1503852347").digest("hex"),
        },
        { reason: "cpr_date", pseudonym: null },
        { reason: "unknown_code", pseudonym: null },
      ]);
    } finally {
      warehouse.close();
    }
  });
});

describe("the pseudonymisation key", () => {
  it("is created on first use with mode 0600 and reused after", () => {
    const key = loadKey(dir.path, {});
    const path = join(dir.path, KEY_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(key.length).toBe(32);
    expect(loadKey(dir.path, {})).toEqual(key);
    expect(readFileSync(path, "utf8").trim()).toBe(key.toString("hex"));
  });

  it("comes from JOBINDBLIK_KEY when set: 64 hex digits as bytes, other text as UTF-8", () => {
    const hex = "ab".repeat(32);
    expect(loadKey(dir.path, { JOBINDBLIK_KEY: hex })).toEqual(Buffer.from(hex, "hex"));
    expect(keyBytes("a passphrase of some length")).toEqual(Buffer.from("a passphrase of some length"));
  });

  it("is refused when shorter than 16 bytes, without being shown", () => {
    expect(() => loadKey(dir.path, { JOBINDBLIK_KEY: "secret" })).toThrow(
      /JOBINDBLIK_KEY is shorter than 16 bytes/,
    );
    try {
      loadKey(dir.path, { JOBINDBLIK_KEY: "secret" });
    } catch (err) {
      expect(String((err as Error).message)).not.toContain("secret");
    }
  });
});
