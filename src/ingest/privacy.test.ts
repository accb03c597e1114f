// The clear CPR never reaches disk or output (DESIGN.md §5): after ingesting fixtures into a data
// folder, no file in it (except the key) and no receipt, listing or command output contains any fixture
// CPR, with or without hyphen — while the scan does find a value that is stored (so it can see strings).
import { spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withConnection } from "../store/index.ts";
import { listBatches, listQuarantine } from "./batches.ts";
import { systemEffects } from "./effects.ts";
import { ingestFile } from "./ingest-file.ts";
import { KEY_FILE, loadKey } from "./key.ts";
import { formatReceipt } from "./receipt.ts";
import { addSource } from "./sources.ts";
import { TempDir } from "./testing.ts";

const dir = new TempDir();
afterAll(() => dir.remove());
const data = join(dir.path, "data");

function cli(...args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, ["bin/jobindblik.js", ...args, "--data", data], { encoding: "utf8" });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const VALID = ["1503852347", "0101901234", "2902004234"];
const INVALID = ["3102851234", "0101304123"];
const hyphenated = (c: string) => `${c.slice(0, 6)}-${c.slice(6)}`;

describe("privacy of CPR numbers", () => {
  it("leaves no fixture CPR in any file of the data folder or in any output", async () => {
    const csv = [
      "cpr,benefit,municipality,akasse,start,end,note",
      `${VALID[0]},kontanthjaelp,101,,2025-01-01,,${VALID[1]}`,
      `${hyphenated(VALID[1] as string)},dagpenge,101,D86,2025-01-01,,`,
      `${INVALID[0]},kontanthjaelp,101,,2025-01-01,,`,
      `${INVALID[1]},kontanthjaelp,101,,2025-01-01,,`,
      `${VALID[2]},kontanthjaelp,${VALID[0]},,2025-01-01,,`,
      `${VALID[2]},${hyphenated(VALID[2] as string)}`,
    ].join("\n");
    const jsonl = [
      JSON.stringify({ cpr: VALID[2], origin: "dansk", residence: "101" }),
      JSON.stringify({ cpr: INVALID[0], origin: "dansk" }),
      JSON.stringify({ cpr: VALID[0], origin: hyphenated(VALID[1] as string) }),
      `{"cpr": "${VALID[1]}"`,
    ].join("\n");
    const effects = systemEffects(data);
    const outputs = await withConnection(data, async (c) => {
      await addSource(
        c,
        { id: "JC101", kind: "jobcenter", scope: ["101"], types: ["benefit_periods"] },
        new Date(),
      );
      await addSource(c, { id: "DST", kind: "national", scope: ["DK"], types: ["persons"] }, new Date());
      const csvFile = dir.file("fixture.csv", csv);
      const a = await ingestFile(c, { file: csvFile, type: "benefit_periods", source: "JC101" }, effects);
      const b = await ingestFile(
        c,
        { file: dir.file("fixture.jsonl", jsonl), type: "persons", source: "DST" },
        effects,
      );
      const refused = await ingestFile(
        c,
        { file: csvFile, type: "benefit_periods", source: "JC101" },
        effects,
      ).catch((e) => e);
      return [
        formatReceipt(a),
        JSON.stringify(b),
        String(refused),
        JSON.stringify(await listQuarantine(c, a.batch, 100)),
        JSON.stringify(await listQuarantine(c, b.batch, 100)),
        JSON.stringify(await listBatches(c)),
      ];
    });
    const command = cli("quarantine", "1");
    expect(command.status).toBe(0);
    const text = [...outputs, command.out].join("\n");
    const files = filesUnder(data).filter((f) => !f.endsWith(KEY_FILE));
    expect(files.some((f) => f.endsWith("warehouse.duckdb"))).toBe(true);
    const contents = files.map((f) => readFileSync(f).toString("latin1"));
    for (const cpr of [...VALID, ...INVALID]) {
      for (const form of [cpr, hyphenated(cpr)]) {
        expect(text).not.toContain(form);
        for (const content of contents) expect(content.includes(form)).toBe(false);
      }
    }
    // Positive control: a stored pseudonym is found by the same scan.
    const pseudonym = createHmac("sha256", loadKey(data, {}))
      .update(VALID[0] as string)
      .digest("hex");
    expect(contents.some((c) => c.includes(pseudonym))).toBe(true);
    expect(text).toContain("310285-xxxx");
  });
});
