// Helpers for the ingest tests: an in-memory warehouse, pinned effects, tiny files in a temporary folder.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Warehouse } from "../store/index.ts";
import { openDatabase, queryRows } from "../store/index.ts";
import type { IngestEffects } from "./effects.ts";
import type { SourceDefinition } from "./sources.ts";
import { addSource } from "./sources.ts";

/** 2025-06-15 noon in Denmark; the test key is 32 fixed bytes. */
export const TEST_NOW = new Date("2025-06-15T10:00:00Z");
export const TEST_KEY = Buffer.from(
  "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
  "hex",
);
export const testEffects: IngestEffects = { now: () => TEST_NOW, key: () => TEST_KEY };

export class TempDir {
  readonly path = mkdtempSync(join(tmpdir(), "jobindblik-ingest-"));

  file(name: string, content: string | Uint8Array): string {
    const path = join(this.path, name);
    writeFileSync(path, content);
    return path;
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

export const SOURCES: Readonly<Record<string, SourceDefinition>> = {
  JC101: {
    id: "JC101",
    kind: "jobcenter",
    scope: ["101"],
    types: ["benefit_periods", "activation_offers", "interviews", "job_openings"],
  },
  D86: { id: "D86", kind: "akasse", scope: ["D86"], types: ["benefit_periods", "interviews"] },
  DST: {
    id: "DST",
    kind: "national",
    scope: ["DK"],
    types: [
      "persons",
      "population",
      "framework_conditions",
      "employment",
      "education",
      "job_openings",
      "benefit_periods",
      "interviews",
      "activation_offers",
    ],
  },
};

/** An in-memory warehouse with the test sources registered. */
export async function testWarehouse(sources = Object.values(SOURCES)): Promise<Warehouse> {
  const warehouse = await openDatabase(":memory:", { threads: 2, memoryLimit: "1GB" });
  for (const s of sources) await addSource(warehouse.connection, s, TEST_NOW);
  return warehouse;
}

export interface QuarantineRow {
  line: number;
  field: string;
  reason: string;
  value: string | null;
}

export async function quarantineOf(connection: DuckDBConnection, batch: number): Promise<QuarantineRow[]> {
  return queryRows<QuarantineRow>(
    connection,
    `SELECT CAST(line AS INTEGER) AS line, field, reason, masked_value AS value FROM quarantine
     WHERE batch = $batch ORDER BY line, rowid`,
    { batch },
  );
}
