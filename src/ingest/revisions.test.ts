// Revisions (CONTRACT.md §2): a later delivery for the same source, type and period supersedes the
// earlier one, which is kept; without a period, deliveries add up. Also delivery monitoring.
import { afterAll, describe, expect, it } from "vitest";
import { listBatches, listQuarantine } from "./batches.ts";
import { deliveries } from "./deliveries.ts";
import { ingestFile } from "./ingest-file.ts";
import { TempDir, testEffects, testWarehouse } from "./testing.ts";

const dir = new TempDir();
afterAll(() => dir.remove());
const row = (start: string) => `1503852347,kontanthjaelp,101,${start},\n`;
const HEAD = "cpr,benefit,municipality,start,end\n";

describe("revisions", () => {
  it("supersedes the earlier delivery for the same source, type and period, keeping it", async () => {
    const warehouse = await testWarehouse();
    try {
      const c = warehouse.connection;
      const ingest = (name: string, text: string, period?: string) =>
        ingestFile(
          c,
          { file: dir.file(name, text), type: "benefit_periods", source: "JC101", period },
          testEffects,
        );
      const first = await ingest("m1.csv", HEAD + row("2025-03-01"), "2025M03");
      const other = await ingest("m2.csv", HEAD + row("2025-04-01"), "2025M04");
      const second = await ingest("m1b.csv", HEAD + row("2025-03-02") + row("2025-03-05"), "2025M03");
      expect(second.superseded).toEqual([first.batch]);
      const batches = await listBatches(c);
      expect(batches.map((b) => [b.id, b.period, b.status, b.superseded_by])).toEqual([
        [first.batch, "2025M03", "superseded", second.batch],
        [other.batch, "2025M04", "active", null],
        [second.batch, "2025M03", "active", null],
      ]);
    } finally {
      warehouse.close();
    }
  });

  it("adds up deliveries without a period", async () => {
    const warehouse = await testWarehouse();
    try {
      const c = warehouse.connection;
      await ingestFile(
        c,
        { file: dir.file("a.csv", HEAD + row("2025-03-01")), type: "benefit_periods", source: "JC101" },
        testEffects,
      );
      const b = await ingestFile(
        c,
        { file: dir.file("b.csv", HEAD + row("2025-03-02")), type: "benefit_periods", source: "JC101" },
        testEffects,
      );
      expect(b.superseded).toEqual([]);
      expect((await listBatches(c)).map((x) => x.status)).toEqual(["active", "active"]);
      expect((await listBatches(c, "DST")).length).toBe(0);
    } finally {
      warehouse.close();
    }
  });

  it("accepts the period forms of Statistics Denmark and refuses others", async () => {
    const warehouse = await testWarehouse();
    try {
      const c = warehouse.connection;
      const quarter = await ingestFile(
        c,
        {
          file: dir.file("q.csv", HEAD + row("2025-02-01")),
          type: "benefit_periods",
          source: "JC101",
          period: "2025K1",
        },
        testEffects,
      );
      expect(quarter.period).toBe("2025K1");
      await expect(
        ingestFile(
          c,
          {
            file: dir.file("bad.csv", HEAD + row("2025-02-02")),
            type: "benefit_periods",
            source: "JC101",
            period: "2025-03",
          },
          testEffects,
        ),
      ).rejects.toMatchObject({ code: "bad_period" });
    } finally {
      warehouse.close();
    }
  });
});

describe("delivery monitoring", () => {
  it("counts a month delivered by a declared period containing it, or by rows dated in it", async () => {
    const warehouse = await testWarehouse();
    try {
      const c = warehouse.connection;
      await ingestFile(
        c,
        {
          file: dir.file("k1.csv", HEAD + row("2025-01-15")),
          type: "benefit_periods",
          source: "JC101",
          period: "2025K1",
        },
        testEffects,
      );
      const loose = await ingestFile(
        c,
        {
          file: dir.file("loose.csv", "cpr,held_by,date,municipality\n1503852347,akasse,2025-03-10,\n"),
          type: "interviews",
          source: "D86",
        },
        testEffects,
      );
      const march = await deliveries(c, "2025M03");
      const status = (source: string, type: string) =>
        march.sources.find((s) => s.source === source)?.types.find((t) => t.type === type);
      expect(status("JC101", "benefit_periods")).toEqual({
        type: "benefit_periods",
        status: "delivered",
        batches: [1],
      });
      // The a-kasse interview row was quarantined (no a-kasse code), so nothing accepted is dated in March.
      expect(loose.accepted).toBe(0);
      expect(status("D86", "interviews")?.status).toBe("missing");
      expect(status("JC101", "interviews")?.status).toBe("missing");
      expect(march.delivered + march.missing).toBe(4 + 2 + 9);
      await ingestFile(
        c,
        {
          file: dir.file("iv.csv", "cpr,held_by,date,akasse\n1503852347,akasse,2025-03-10,D86\n"),
          type: "interviews",
          source: "D86",
        },
        testEffects,
      );
      const again = await deliveries(c, "2025M03");
      expect(
        again.sources.find((s) => s.source === "D86")?.types.find((t) => t.type === "interviews"),
      ).toEqual({
        type: "interviews",
        status: "delivered",
        batches: [3],
      });
      expect((await deliveries(c, "2025M04")).delivered).toBe(0);
      await expect(deliveries(c, "2025K1")).rejects.toMatchObject({ code: "bad_period" });
    } finally {
      warehouse.close();
    }
  });
});

describe("listing the quarantine", () => {
  it("lists entries by line up to a limit, with the total", async () => {
    const warehouse = await testWarehouse();
    try {
      const c = warehouse.connection;
      const text = `${HEAD}1503852347,x,101,2025-01-01,\n1503852347,y,101,2025-01-01,\n1503852347,z,999,2025-01-01,\n`;
      const r = await ingestFile(
        c,
        { file: dir.file("ql.csv", text), type: "benefit_periods", source: "JC101" },
        testEffects,
      );
      const listing = await listQuarantine(c, r.batch, 2);
      expect(listing.total).toBe(4);
      expect(listing.entries.map((e) => [e.line, e.field, e.reason, e.masked_value])).toEqual([
        [2, "benefit", "unknown_code", "x"],
        [3, "benefit", "unknown_code", "y"],
      ]);
      await expect(listQuarantine(c, 99, 10)).rejects.toMatchObject({ code: "not_found" });
    } finally {
      warehouse.close();
    }
  });
});
