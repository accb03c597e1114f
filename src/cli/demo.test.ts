import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../test/cli/run-cli.ts";

const tmp = mkdtempSync(join(tmpdir(), "jobindblik-cli-demo-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function expectOneLineError(result: ReturnType<typeof runCli>, pattern: RegExp): void {
  expect(result.status).not.toBe(0);
  expect(result.status).not.toBeNull();
  const lines = result.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe("jobindblik demo on the command line", () => {
  it("refuses a negative scale with one clear line", () => {
    expectOneLineError(
      runCli(["demo", "--scale", "-1", "--out", join(tmp, "a")]),
      /--scale must be a number from .* got "-1"/,
    );
  });

  it("refuses a month that does not exist", () => {
    expectOneLineError(runCli(["demo", "--from", "2025-13", "--out", join(tmp, "b")]), /2025-13/);
  });

  it("refuses --from after --to", () => {
    expectOneLineError(
      runCli(["demo", "--from", "2025-06", "--to", "2025-01", "--out", join(tmp, "c")]),
      /after --to/,
    );
  });

  it("refuses an --out that cannot be written", () => {
    const file = join(tmp, "a-file");
    writeFileSync(file, "x");
    expectOneLineError(runCli(["demo", "--out", join(file, "sub")]), /Cannot write to --out/);
  });

  it("refuses an --out folder that holds other things", () => {
    const dir = join(tmp, "busy");
    runCli(["demo", "--scale", "0.001", "--from", "2024-01", "--to", "2024-01", "--out", dir]);
    writeFileSync(join(tmp, "other.txt"), "x");
    expectOneLineError(runCli(["demo", "--out", tmp]), /not empty/);
  });

  it("writes a delivery set and prints one JSON object with --json", () => {
    const dir = join(tmp, "ok");
    const result = runCli([
      "demo",
      "--scale",
      "0.001",
      "--from",
      "2024-01",
      "--to",
      "2024-02",
      "--out",
      dir,
      "--json",
    ]);
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout) as { files: number; rows: number; sources: number };
    expect(summary.sources).toBe(116);
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { files: unknown[] };
    expect(manifest.files).toHaveLength(summary.files);
    expect(summary.rows).toBeGreaterThan(0);
  });
});
