// The ingest commands through the real entry point: exit codes, one-line errors, `--json` objects
// (CONTRACT.md §4, §6), and `--data` before or after the command.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TempDir } from "../ingest/testing.ts";

const dir = new TempDir();
afterAll(() => dir.remove());
const data = join(dir.path, "data");

function run(args: readonly string[]) {
  const r = spawnSync(process.execPath, ["bin/jobindblik.js", ...args], {
    encoding: "utf8",
    env: { ...process.env, JOBINDBLIK_KEY: "" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the ingest commands", () => {
  it("register a source, ingest, refuse and list, with the contract's exit codes and JSON", () => {
    const added = run([
      "--data",
      data,
      "--json",
      "source",
      "add",
      "JC101",
      "--kind",
      "jobcenter",
      "--scope",
      "JC101",
      "--types",
      "benefit_periods,interviews",
    ]);
    expect(added.status).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      id: "JC101",
      kind: "jobcenter",
      scope: ["101"],
      types: ["benefit_periods", "interviews"],
    });

    const file = dir.file(
      "d.csv",
      "cpr;benefit;municipality;start;end;extra\n1503852347;kontanthjaelp;101;2025-01-01;;\n1503852347;nope;101;2025-01-01;;\n",
    );
    const ingested = run([
      "ingest",
      file,
      "--type",
      "benefit_periods",
      "--source",
      "JC101",
      "--period",
      "2025M01",
      "--json",
      "--data",
      data,
    ]);
    expect(ingested.status).toBe(0);
    const receipt = JSON.parse(ingested.stdout);
    expect(receipt).toMatchObject({
      batch: 1,
      rows_read: 2,
      accepted: 1,
      quarantined: 1,
      reasons: { unknown_code: 1 },
      warnings: ['Unknown column "extra" ignored'],
    });
    expect(Object.keys(receipt)).toEqual(
      expect.arrayContaining(["batch", "rows_read", "accepted", "quarantined", "reasons", "warnings"]),
    );

    const again = run(["ingest", file, "--type", "benefit_periods", "--source", "JC101", "--data", data]);
    expect(again.status).toBe(5);
    expect(again.stderr).toBe(
      "jobindblik: This file was already ingested from JC101 as batch 1 [duplicate_delivery]\n",
    );

    const header = run([
      "--data",
      data,
      "--json",
      "ingest",
      dir.file("h.csv", "benefit,start\nx,y\n"),
      "--type",
      "benefit_periods",
      "--source",
      "JC101",
    ]);
    expect(header.status).toBe(6);
    expect(JSON.parse(header.stdout)).toMatchObject({ error: { code: "bad_header" } });
    expect(header.stderr.trim().split("\n")).toHaveLength(1);

    const listing = run(["quarantine", "1", "--data", data]);
    expect(listing.status).toBe(0);
    expect(listing.stdout).toContain("benefit        unknown_code       nope");
  });
});
