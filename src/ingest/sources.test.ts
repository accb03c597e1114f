import { describe, expect, it } from "vitest";
import { openDatabase } from "../store/index.ts";
import { addSource, getSource, listSources, normaliseSource } from "./sources.ts";
import { TEST_NOW } from "./testing.ts";

describe("registering sources", () => {
  it("expands a job centre code to the municipalities it serves", () => {
    expect(
      normaliseSource({ id: "JC751", kind: "jobcenter", scope: ["JC751"], types: ["benefit_periods"] }).scope,
    ).toEqual(["741", "751"]);
  });

  it("accepts a-kasse codes for a-kasser and only DK for national sources", () => {
    expect(
      normaliseSource({ id: "A", kind: "akasse", scope: ["D86", "D15"], types: ["interviews"] }).scope,
    ).toEqual(["D15", "D86"]);
    expect(() => normaliseSource({ id: "A", kind: "akasse", scope: ["101"], types: ["interviews"] })).toThrow(
      /Not in the scope of an akasse source: "101"/,
    );
    expect(() => normaliseSource({ id: "N", kind: "national", scope: ["101"], types: ["persons"] })).toThrow(
      /expected DK/,
    );
  });

  it("refuses unknown kinds, codes and record types, and types without a scope field for the kind", () => {
    expect(() => normaliseSource({ id: "X", kind: "region", scope: ["DK"], types: ["persons"] })).toThrow(
      /Not a source kind/,
    );
    expect(() =>
      normaliseSource({ id: "X", kind: "jobcenter", scope: ["JC999"], types: ["persons"] }),
    ).toThrow(/JC999/);
    expect(() =>
      normaliseSource({ id: "X", kind: "jobcenter", scope: ["101"], types: ["benefits"] }),
    ).toThrow(/Unknown record type/);
    expect(() =>
      normaliseSource({ id: "X", kind: "jobcenter", scope: ["101"], types: ["education"] }),
    ).toThrow(/cannot deliver education/);
    expect(() =>
      normaliseSource({ id: "bad id", kind: "national", scope: ["DK"], types: ["persons"] }),
    ).toThrow(/Not a source id/);
  });

  it("stores sources once and lists them by id", async () => {
    const warehouse = await openDatabase(":memory:");
    try {
      const c = warehouse.connection;
      await addSource(
        c,
        { id: "DST", kind: "national", scope: ["DK"], types: ["persons", "population"] },
        TEST_NOW,
      );
      await addSource(c, { id: "D86", kind: "akasse", scope: ["D86"], types: ["interviews"] }, TEST_NOW);
      await expect(
        addSource(c, { id: "DST", kind: "national", scope: ["DK"], types: ["persons"] }, TEST_NOW),
      ).rejects.toMatchObject({ code: "source_exists" });
      expect(await listSources(c)).toEqual([
        {
          id: "D86",
          kind: "akasse",
          scope: ["D86"],
          types: ["interviews"],
          created_at: "2025-06-15T10:00:00.000Z",
        },
        {
          id: "DST",
          kind: "national",
          scope: ["DK"],
          types: ["persons", "population"],
          created_at: "2025-06-15T10:00:00.000Z",
        },
      ]);
      await expect(getSource(c, "JC101")).rejects.toMatchObject({ code: "unknown_source" });
    } finally {
      warehouse.close();
    }
  });
});
