// Ingesting a delivery set from its manifest: sources registered once, every file ingested, refusals
// listed without stopping the rest, and a second run skipping what is already there.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../store/index.ts";
import { ingestManifest } from "./manifest.ts";
import { listSources } from "./sources.ts";
import { TempDir, testEffects } from "./testing.ts";

const dir = new TempDir();
afterAll(() => dir.remove());

describe("ingesting a manifest", () => {
  it("registers the sources, ingests the files, lists refusals and skips repeats", async () => {
    dir.file(
      "bp.csv",
      "cpr,benefit,municipality,start,end\n1503852347,kontanthjaelp,101,2025-01-01,\n1503852347,x,101,2025-01-01,\n",
    );
    dir.file("pe.jsonl", '{"cpr":"1503852347","origin":"dansk"}\n');
    dir.file("bad.csv", "nothing,useful\n1,2\n");
    const manifest = {
      generator: "jobindblik demo",
      version: 1,
      sources: [
        { id: "JC101", kind: "jobcenter", scope: ["101"], types: ["benefit_periods"] },
        { id: "DST", kind: "national", scope: ["DK"], types: ["persons", "benefit_periods"] },
      ],
      files: [
        { path: "bp.csv", type: "benefit_periods", source: "JC101", period: "2025", rows: 2 },
        { path: "pe.jsonl", type: "persons", source: "DST", rows: 1 },
        { path: "bad.csv", type: "benefit_periods", source: "DST", rows: 1 },
      ],
    };
    const path = join(dir.path, "manifest.json");
    writeFileSync(path, JSON.stringify(manifest));
    const warehouse = await openDatabase(":memory:");
    try {
      const progress: string[] = [];
      const first = await ingestManifest(warehouse.connection, path, testEffects, (p) =>
        progress.push(`${p.path}:${p.rows}`),
      );
      expect(first).toMatchObject({
        sources_added: ["JC101", "DST"],
        sources_skipped: [],
        files: 3,
        ingested: 2,
        skipped: 0,
        batches: [1, 2],
        rows_read: 3,
        accepted: 2,
        quarantined: 1,
        reasons: { unknown_code: 1 },
      });
      expect(first.refused).toEqual([
        { path: "bad.csv", code: "bad_header", message: expect.stringContaining("not a header") },
      ]);
      expect(progress).toEqual(["bp.csv:2", "pe.jsonl:1", "bad.csv:1"]);
      const second = await ingestManifest(warehouse.connection, path, testEffects);
      expect(second).toMatchObject({
        sources_added: [],
        sources_skipped: ["JC101", "DST"],
        ingested: 0,
        skipped: 2,
      });
      expect((await listSources(warehouse.connection)).map((s) => s.id)).toEqual(["DST", "JC101"]);

      writeFileSync(
        path,
        JSON.stringify({ ...manifest, sources: [{ ...manifest.sources[0], scope: ["147"] }] }),
      );
      await expect(ingestManifest(warehouse.connection, path, testEffects)).rejects.toMatchObject({
        code: "source_exists",
      });
      writeFileSync(path, "{");
      await expect(ingestManifest(warehouse.connection, path, testEffects)).rejects.toMatchObject({
        code: "bad_argument",
      });
    } finally {
      warehouse.close();
    }
  });
});
