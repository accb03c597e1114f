// The serving side's DuckDB reads release files and nothing else: a Parquet file outside the releases
// folder (where the warehouse lives) is out of its reach.
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CellReader } from "./cell-reader.ts";
import { parseSelection } from "./parse-selection.ts";
import { ReleaseStore } from "./release-store.ts";
import { fixtureCell, makeFixtureDataDir, RELEASE_2 } from "./test-fixture.ts";

let fixture: { dataDir: string; cleanup: () => void };

beforeAll(async () => {
  fixture = await makeFixtureDataDir([RELEASE_2]);
});

afterAll(() => fixture.cleanup());

describe("CellReader", () => {
  it("reads the selected cells of a release into cube order", async () => {
    const store = new ReleaseStore({ dataDir: fixture.dataDir });
    const release = store.newest();
    const table = store.table(release, "recipients");
    const reader = new CellReader(store.releasesDir);
    try {
      const selection = parseSelection(table, {
        dimensions: { period: "2024M04", area: "147,101" },
        measure: "fte",
      });
      const cells = await reader.read(release.dir, table, selection);
      expect(cells.missing).toBe(0);
      const expected = ["101", "147"].map((area) =>
        fixtureCell(RELEASE_2.id, "recipients", { period: "2024M04", area, benefit: "total" }, "fte"),
      );
      expect(cells.values).toEqual(expected.map((e) => e.value));
      expect(cells.status).toEqual(expected.map((e) => e.status));
    } finally {
      reader.close();
    }
  });

  it("cannot read a file outside the releases folder", async () => {
    const store = new ReleaseStore({ dataDir: fixture.dataDir });
    const release = store.newest();
    const table = store.table(release, "recipients");
    copyFileSync(join(release.dir, table.file), join(fixture.dataDir, table.file));
    const reader = new CellReader(store.releasesDir);
    try {
      const selection = parseSelection(table, { dimensions: {} });
      await expect(reader.read(release.dir, table, selection)).resolves.toMatchObject({ missing: 0 });
      await expect(reader.read(fixture.dataDir, table, selection)).rejects.toThrow(/Permission|disabled/);
    } finally {
      reader.close();
    }
  });
});
