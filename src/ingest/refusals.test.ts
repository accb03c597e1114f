// Deliveries refused whole (CONTRACT.md §1, §6): one coded error, nothing stored.
import { afterAll, describe, expect, it } from "vitest";
import { toAppError } from "../errors.ts";
import { openDatabase, queryValue } from "../store/index.ts";
import { ingestFile } from "./ingest-file.ts";
import type { SourceDefinition } from "./sources.ts";
import { addSource } from "./sources.ts";
import { SOURCES, TempDir, testEffects, testWarehouse } from "./testing.ts";

const dir = new TempDir();
afterAll(() => dir.remove());
const GOOD = "cpr,benefit,municipality,start,end\n1503852347,kontanthjaelp,101,2025-01-01,\n";

async function attempt(file: string, type = "benefit_periods", source = "JC101") {
  const warehouse = await testWarehouse();
  try {
    const error = await ingestFile(warehouse.connection, { file, type, source }, testEffects).then(
      () => undefined,
      (err: unknown) => err as { code: string; message: string },
    );
    const batches = Number(await queryValue(warehouse.connection, "SELECT count(*) FROM batches"));
    return { code: error?.code, message: error?.message ?? "", batches };
  } finally {
    warehouse.close();
  }
}

describe("refusing a delivery whole", () => {
  it("refuses an unknown record type, an unknown source and a type the source may not send", async () => {
    const file = dir.file("good.csv", GOOD);
    expect(await attempt(file, "benefits")).toMatchObject({ code: "unknown_record_type", batches: 0 });
    expect(await attempt(file, "benefit_periods", "JC999")).toMatchObject({
      code: "unknown_source",
      batches: 0,
    });
    expect(await attempt(file, "persons", "JC101")).toMatchObject({ code: "source_not_allowed", batches: 0 });
  });

  it("refuses a header without required columns, naming them", async () => {
    const r = await attempt(dir.file("nocpr.csv", "benefit,municipality,end\nkontanthjaelp,101,\n"));
    expect(r).toMatchObject({ code: "bad_header", batches: 0 });
    expect(r.message).toContain("cpr, start");
  });

  it("refuses a first line that is not a header of the type", async () => {
    expect(await attempt(dir.file("nohead.csv", "1503852347,kontanthjaelp,101,2025-01-01,\n"))).toMatchObject(
      { code: "bad_header" },
    );
    expect(await attempt(dir.file("empty.csv", ""))).toMatchObject({ code: "bad_header" });
  });

  it("refuses files that are not text: NUL bytes, control characters, bytes Windows-1252 lacks, broken UTF-16", async () => {
    expect(await attempt(dir.file("nul.csv", Buffer.from("cpr,x\n\0\0\0")))).toMatchObject({
      code: "unreadable_file",
    });
    expect(await attempt(dir.file("ctl.csv", "cpr\u0001,benefit\n"))).toMatchObject({
      code: "unreadable_file",
    });
    expect(
      await attempt(dir.file("w.csv", Buffer.concat([Buffer.from(GOOD), Buffer.from([0xe6, 0x81, 0x0a])]))),
    ).toMatchObject({
      code: "unreadable_file",
    });
    const badUtf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(GOOD, "utf16le"),
      Buffer.from([0x00, 0xd8, 0x41, 0x00]),
    ]);
    expect(await attempt(dir.file("u16.csv", badUtf16))).toMatchObject({
      code: "unreadable_file",
      batches: 0,
    });
  });

  it("passes a missing file's system error on, which the command line reports as io_error", async () => {
    const r = await attempt(`${dir.path}/missing.csv`);
    expect(r.code).toBe("ENOENT");
    expect(toAppError(Object.assign(new Error("x"), { code: r.code })).code).toBe("io_error");
  });

  it("refuses the same file twice from the same source, but not from another source", async () => {
    const warehouse = await testWarehouse();
    try {
      const file = dir.file("twice.csv", GOOD);
      const first = await ingestFile(
        warehouse.connection,
        { file, type: "benefit_periods", source: "JC101" },
        testEffects,
      );
      await expect(
        ingestFile(warehouse.connection, { file, type: "benefit_periods", source: "JC101" }, testEffects),
      ).rejects.toMatchObject({
        code: "duplicate_delivery",
        message: `This file was already ingested from JC101 as batch ${first.batch}`,
      });
      const other = await ingestFile(
        warehouse.connection,
        { file, type: "benefit_periods", source: "DST" },
        testEffects,
      );
      expect(other.batch).toBe(first.batch + 1);
    } finally {
      warehouse.close();
    }
  });

  it("reports running out of memory as such, storing nothing and quoting no input", async () => {
    const warehouse = await openDatabase(":memory:", { memoryLimit: "30MB", threads: 2 });
    try {
      await addSource(warehouse.connection, SOURCES.JC101 as SourceDefinition, new Date());
      const rows = Array.from(
        { length: 300_000 },
        (_, i) =>
          `1503852347,kontanthjaelp,101,2025-01-01,2025-02-${String((i % 28) + 1).padStart(2, "0")}\n`,
      );
      const file = dir.file("huge.csv", `cpr,benefit,municipality,start,end\n${rows.join("")}`);
      const error = await ingestFile(
        warehouse.connection,
        { file, type: "benefit_periods", source: "JC101" },
        testEffects,
      ).catch((e) => e);
      expect(error).toMatchObject({ code: "out_of_memory" });
      expect(error.message).not.toContain("150385");
      expect(Number(await queryValue(warehouse.connection, "SELECT count(*) FROM batches"))).toBe(0);
    } finally {
      warehouse.close();
    }
  });

  it("never echoes a CPR in a refusal", async () => {
    const r = await attempt(dir.file("cprhead.csv", "1503852347,2\n"));
    expect(r.message).not.toMatch(/150385/);
  });
});

describe("accepting an empty delivery", () => {
  it("stores a header-only file as an empty batch with a warning that names the period", async () => {
    const warehouse = await testWarehouse();
    try {
      const file = dir.file("none.csv", "cpr,benefit,municipality,start,end\r\n");
      const receipt = await ingestFile(
        warehouse.connection,
        { file, type: "benefit_periods", source: "JC101", period: "2025M03" },
        testEffects,
      );
      expect(receipt).toMatchObject({ rows_read: 0, accepted: 0, quarantined: 0, period: "2025M03" });
      expect(receipt.warnings).toEqual([
        "The file has a header but no rows: the source had nothing for 2025M03",
      ]);
    } finally {
      warehouse.close();
    }
  });
});
