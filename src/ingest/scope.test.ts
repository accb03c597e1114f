// A source may only deliver rows within its scope (CONTRACT.md §2); others are quarantined out_of_scope.
import { afterAll, describe, expect, it } from "vitest";
import { ingestFile } from "./ingest-file.ts";
import { addSource } from "./sources.ts";
import { quarantineOf, TEST_NOW, TempDir, testEffects, testWarehouse } from "./testing.ts";

const dir = new TempDir();
afterAll(() => dir.remove());

async function quarantine(type: string, source: string, name: string, text: string) {
  const warehouse = await testWarehouse();
  try {
    await addSource(
      warehouse.connection,
      { id: "JC561", kind: "jobcenter", scope: ["JC561"], types: ["benefit_periods"] },
      TEST_NOW,
    );
    const receipt = await ingestFile(
      warehouse.connection,
      { file: dir.file(name, text), type, source },
      testEffects,
    );
    return { receipt, entries: await quarantineOf(warehouse.connection, receipt.batch) };
  } finally {
    warehouse.close();
  }
}

describe("the scope of a source", () => {
  it("keeps a job centre to its municipalities", async () => {
    const r = await quarantine(
      "benefit_periods",
      "JC101",
      "jc.csv",
      "cpr,benefit,municipality,start,end\n1503852347,kontanthjaelp,101,2025-01-01,\n1503852347,kontanthjaelp,147,2025-01-01,\n",
    );
    expect(r.entries).toEqual([{ line: 3, field: "municipality", reason: "out_of_scope", value: "147" }]);
  });

  it("lets a job centre code stand for all the municipalities it serves (Esbjerg serves Fanø)", async () => {
    const r = await quarantine(
      "benefit_periods",
      "JC561",
      "fano.csv",
      "cpr,benefit,municipality,start,end\n1503852347,kontanthjaelp,561,2025-01-01,\n1503852347,kontanthjaelp,563,2025-01-01,\n1503852347,kontanthjaelp,573,2025-01-01,\n",
    );
    expect(r.entries).toEqual([{ line: 4, field: "municipality", reason: "out_of_scope", value: "573" }]);
  });

  it("keeps an a-kasse to its own code, and to the benefits that need an a-kasse", async () => {
    const r = await quarantine(
      "benefit_periods",
      "D86",
      "ak.csv",
      "cpr,benefit,municipality,akasse,start,end\n1503852347,dagpenge,101,D86,2025-01-01,\n1503852347,dagpenge,101,D15,2025-01-01,\n1503852347,kontanthjaelp,101,,2025-01-01,\n1503852347,dagpenge,101,,2025-01-01,\n",
    );
    expect(r.entries).toEqual([
      { line: 3, field: "akasse", reason: "out_of_scope", value: "D15" },
      { line: 4, field: "akasse", reason: "out_of_scope", value: null },
      { line: 5, field: "akasse", reason: "akasse_required", value: null },
    ]);
  });

  it("judges an interview by who held it: a-kasse interviews are not a job centre's rows", async () => {
    const text =
      "cpr,held_by,date,municipality,akasse\n1503852347,jobcenter,2025-02-03,101,\n1503852347,akasse,2025-02-03,101,D86\n1503852347,jobcenter,2025-02-03,147,\n";
    const jc = await quarantine("interviews", "JC101", "iv-jc.csv", text);
    expect(jc.entries).toEqual([
      { line: 3, field: "municipality", reason: "out_of_scope", value: "101" },
      { line: 4, field: "municipality", reason: "out_of_scope", value: "147" },
    ]);
    const ak = await quarantine("interviews", "D86", "iv-ak.csv", text);
    expect(ak.entries).toEqual([
      { line: 2, field: "akasse", reason: "out_of_scope", value: null },
      { line: 4, field: "akasse", reason: "out_of_scope", value: null },
    ]);
  });

  it("lets a national source deliver anything", async () => {
    const r = await quarantine(
      "benefit_periods",
      "DST",
      "dst.csv",
      "cpr,benefit,municipality,akasse,start,end\n1503852347,dagpenge,860,D15,2025-01-01,\n1503852347,kontanthjaelp,147,,2025-01-01,\n",
    );
    expect(r.receipt.quarantined).toBe(0);
  });
});
