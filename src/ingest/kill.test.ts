// A process killed (SIGKILL) in the middle of an ingest leaves the warehouse as it was before, and the
// next ingest of the same file succeeds. The kill comes once the warehouse file starts to grow, i.e.
// while the fact rows of the uncommitted batch are being written.
import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { queryRows, withConnection } from "../store/index.ts";
import { systemEffects } from "./effects.ts";
import { ingestFile } from "./ingest-file.ts";
import { addSource } from "./sources.ts";
import { TempDir } from "./testing.ts";

const dir = new TempDir();
afterAll(() => dir.remove());
const data = join(dir.path, "data");
const env = { ...process.env, JOBINDBLIK_KEY: "" };

function bigFile(rows: number): string {
  const parts = ["cpr,benefit,municipality,akasse,start,end,degree,amount_dkk\n"];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const serial = String(i % 10000).padStart(4, "0");
    parts.push(`${day}0385${serial},kontanthjaelp,101,,2025-01-${day},2025-02-${day},1,${i % 9000}\n`);
  }
  return dir.file("big.csv", parts.join(""));
}

const snapshot = () =>
  withConnection(data, (c) =>
    queryRows(
      c,
      `SELECT (SELECT count(*) FROM batches)::INTEGER AS batches, (SELECT count(*) FROM quarantine)::INTEGER AS quarantine,
              (SELECT count(*) FROM person_keys)::INTEGER AS persons, (SELECT count(*) FROM fact_benefit_periods)::INTEGER AS facts`,
    ),
  );

describe("a process killed during ingest", () => {
  it("leaves the warehouse as before, and a re-run succeeds", async () => {
    const effects = systemEffects(data);
    const small = dir.file(
      "small.csv",
      "cpr,benefit,municipality,start,end\n1503852347,kontanthjaelp,101,2025-01-01,\n1503852347,x,101,2025-01-01,\n",
    );
    await withConnection(data, async (c) => {
      await addSource(
        c,
        { id: "JC101", kind: "jobcenter", scope: ["101"], types: ["benefit_periods"] },
        new Date(),
      );
      await ingestFile(c, { file: small, type: "benefit_periods", source: "JC101" }, effects);
    });
    const before = await snapshot();
    expect(before).toEqual([{ batches: 1, quarantine: 1, persons: 1, facts: 1 }]);

    const file = bigFile(300_000);
    const warehouse = join(data, "warehouse.duckdb");
    const size = statSync(warehouse).size;
    const child = spawn(
      process.execPath,
      ["bin/jobindblik.js", "ingest", file, "--type", "benefit_periods", "--source", "JC101", "--data", data],
      { env, stdio: "ignore" },
    );
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    let killed = false;
    while (child.exitCode === null) {
      const grown = statSync(warehouse).size > size || existsSync(`${warehouse}.wal`);
      if (grown) {
        child.kill("SIGKILL");
        killed = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    await exited;
    expect(killed).toBe(true);
    expect(await snapshot()).toEqual(before);

    const rerun = await withConnection(data, (c) =>
      ingestFile(c, { file, type: "benefit_periods", source: "JC101" }, effects),
    );
    expect(rerun).toMatchObject({ batch: 2, rows_read: 300_000, accepted: 300_000, quarantined: 0 });
    // Day (i mod 28) and serial (i mod 10 000) repeat together every lcm(28, 10 000) = 70 000 rows.
    expect(await snapshot()).toEqual([{ batches: 2, quarantine: 1, persons: 1 + 70_000, facts: 300_001 }]);
  });
});
