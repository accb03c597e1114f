import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { ingestFile, ingestManifest, systemEffects } from "../ingest/index.ts";
import { withConnection } from "../store/index.ts";
import { buildRelease, listReleases } from "./index.ts";

const tmp = mkdtempSync(join(tmpdir(), "jobindblik-build-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const GOLDEN = resolve(import.meta.dirname, "../../test/golden/basic/manifest.json");
const BIN = resolve(import.meta.dirname, "../../bin/jobindblik.js");

async function dataFolderWithGoldenDeliveries(name: string): Promise<string> {
  const dataDir = join(tmp, name);
  await withConnection(dataDir, (c) => ingestManifest(c, GOLDEN, systemEffects(dataDir)));
  return dataDir;
}

async function expectAppError(promise: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect((err as AppError).message).toMatch(message);
}

/** Runs `body` with the environment variables `vars` set, then puts back what was there before. */
async function withEnv(vars: Readonly<Record<string, string>>, body: () => Promise<void>): Promise<void> {
  const before = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  Object.assign(process.env, vars);
  try {
    await body();
  } finally {
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

describe("jobindblik build", () => {
  it("refuses to build from a warehouse without benefit periods", async () => {
    await expectAppError(
      buildRelease({ dataDir: join(tmp, "empty") }),
      "no_data",
      /no accepted benefit periods/,
    );
    expect(listReleases(join(tmp, "empty"))).toEqual([]);
  });

  it("refuses a data month beyond the data, and a malformed one", async () => {
    const dataDir = await dataFolderWithGoldenDeliveries("through");
    await expectAppError(
      buildRelease({ dataDir, through: "2024-05" }),
      "no_data",
      /2024-05 is after the latest month with data \(2024-02\)/,
    );
    await expectAppError(buildRelease({ dataDir, through: "2024-13" }), "bad_period", /YYYY-MM/);
  });

  it("publishes an immutable release, keeps it when nothing changed, and rebuilds byte-identical tables", async () => {
    const dataDir = await dataFolderWithGoldenDeliveries("twice");
    const first = await buildRelease({ dataDir, now: () => new Date("2026-01-05T10:00:00Z") });
    expect(first.upToDate).toBe(false);
    expect(first.release.release).toBe("2024M02-1");
    expect(first.release.notes.provisional).toBe("2024M02");
    expect(first.release.notes.newMonths).toEqual(["2024M01", "2024M02"]);
    const again = await buildRelease({ dataDir });
    expect(again.upToDate).toBe(true);
    expect(again.release.release).toBe("2024M02-1");
    const forced = await buildRelease({ dataDir, force: true });
    expect(forced.release.release).toBe("2024M02-2");
    expect(forced.release.tables.map((t) => t.sha256)).toEqual(first.release.tables.map((t) => t.sha256));
    expect(forced.release.notes.revisions).toEqual([]);
    expect(forced.release.notes.newMonths).toEqual([]);
    const manifest = JSON.parse(
      readFileSync(join(dataDir, "releases", "2024M02-1", "manifest.json"), "utf8"),
    );
    expect(manifest.batches).toHaveLength(3);
    expect(manifest.createdAt).toBe("2026-01-05T10:00:00.000Z");
  });

  it("leaves no partial release when killed mid-build, and the next build works", async () => {
    const dataDir = await dataFolderWithGoldenDeliveries("killed");
    const child = spawn(process.execPath, [BIN, "build", "--data", dataDir], { stdio: "ignore" });
    const releases = join(dataDir, "releases");
    // Kill as soon as the build has started writing its unfinished release folder.
    for (let i = 0; i < 400; i++) {
      if (existsSync(releases) && readdirSync(releases).some((n) => n.startsWith(".tmp-"))) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill("SIGKILL");
    await new Promise((r) => child.on("exit", r));
    expect(listReleases(dataDir)).toEqual([]);
    const next = await buildRelease({ dataDir });
    expect(next.release.release).toBe("2024M02-1");
    expect(readdirSync(releases)).toEqual(["2024M02-1"]);
  });

  it("lists data breaks from the data folder's configuration in the release notes", async () => {
    const dataDir = await dataFolderWithGoldenDeliveries("breaks");
    const dataBreak = { period: "2024M02", note: { da: "Ny ydelsesregel", en: "New benefit rule" } };
    writeFileSync(
      join(dataDir, "data-breaks.json"),
      JSON.stringify([dataBreak, { ...dataBreak, period: "2030M01" }]),
    );
    const { release } = await buildRelease({ dataDir });
    expect(release.notes.dataBreaks).toEqual([dataBreak]);
  });

  it("says which cells a superseding delivery revised, and why", async () => {
    const dataDir = await dataFolderWithGoldenDeliveries("revised");
    await buildRelease({ dataDir });
    // JC101 sends 2024 again: one more January recipient (so 6 in 101) — a revision of January.
    const original = readFileSync(
      resolve(import.meta.dirname, "../../test/golden/basic/deliveries/JC101/benefit_periods-2024.csv"),
      "utf8",
    );
    const revised = join(tmp, "benefit_periods-2024-v2.csv");
    writeFileSync(revised, `${original}0808941008,kontanthjaelp,101,,2024-01-01,2024-01-31,1,\n`);
    await withConnection(dataDir, (c) =>
      ingestFile(
        c,
        { file: revised, type: "benefit_periods", source: "JC101", period: "2024" },
        systemEffects(dataDir),
      ),
    );
    const { release } = await buildRelease({ dataDir });
    expect(release.release).toBe("2024M02-2");
    expect(release.notes.superseded).toEqual([
      { batch: 1, supersededBy: 4, source: "JC101", type: "benefit_periods", period: "2024" },
    ]);
    const recipients = release.notes.revisions.find((r) => r.table === "recipients");
    expect(recipients?.periods).toEqual(["2024M01"]);
    expect(recipients?.changedCells).toBeGreaterThan(0);
  });

  it("refuses a disclosure time budget that is not a number of seconds, before any work", async () => {
    await withEnv(
      { JOBINDBLIK_DISCLOSURE: "full", JOBINDBLIK_DISCLOSURE_BUDGET: "five minutes" },
      async () => {
        await expectAppError(
          buildRelease({ dataDir: join(tmp, "budget") }),
          "bad_argument",
          /JOBINDBLIK_DISCLOSURE_BUDGET must be a number of seconds ≥ 0, not "five minutes"/,
        );
        expect(listReleases(join(tmp, "budget"))).toEqual([]);
      },
    );
  });

  it("refuses a number of disclosure threads that is not a whole number ≥ 1, before any work", async () => {
    await withEnv({ JOBINDBLIK_DISCLOSURE: "full", JOBINDBLIK_DISCLOSURE_THREADS: "0" }, async () => {
      await expectAppError(
        buildRelease({ dataDir: join(tmp, "threads") }),
        "bad_argument",
        /JOBINDBLIK_DISCLOSURE_THREADS must be a whole number ≥ 1, not "0"/,
      );
      expect(listReleases(join(tmp, "threads"))).toEqual([]);
    });
  });

  it("with no time left for LPs, refuses a release the hypercubes alone cannot prove, publishing nothing", async () => {
    const dataDir = await dataFolderWithGoldenDeliveries("no-budget");
    await withEnv({ JOBINDBLIK_DISCLOSURE: "full", JOBINDBLIK_DISCLOSURE_BUDGET: "0" }, async () => {
      await expectAppError(
        buildRelease({ dataDir, through: "2024-01" }),
        "disclosure_failed",
        /value\(s\) not proven protected within 0 s per group.*the release was not published/,
      );
      expect(listReleases(dataDir)).toEqual([]);
      // No protection record left behind either.
      const records = join(dataDir, "disclosure");
      expect(existsSync(records) ? readdirSync(records) : []).toEqual([]);
    });
  }, 300_000);

  it("with full disclosure control publishes only after the audit passed, and reports both", async () => {
    const dataDir = await dataFolderWithGoldenDeliveries("full");
    await withEnv({ JOBINDBLIK_DISCLOSURE: "full" }, async () => {
      const steps: string[] = [];
      const built = await buildRelease({ dataDir, through: "2024-01", onStep: (s) => steps.push(s) });
      expect(built.disclosure?.level).toBe("full");
      const group = built.disclosure?.groups.find((g) => g.tables.includes("recipients-age-gender"));
      expect(group?.tables).toEqual(["recipients", "recipients-age-gender", "recipients-origin"]);
      expect(group?.sensitive).toBeGreaterThan(0);
      // Every sensitive cell got a witness in the secondary step (none left for the audit to refuse).
      expect(group?.unresolved).toBe(0);
      // Progress of the secondary step, in Danish number format, ends with every sensitive cell.
      const n = (group?.sensitive ?? 0).toLocaleString("da-DK");
      expect(steps).toContain(
        `table recipients, recipients-age-gender, recipients-origin: ${n} of ${n} sensitive cells protected`,
      );
      expect(built.disclosure?.audit?.checks).toBeGreaterThan(0);
      // The audit checked the changes protection found before searching itself.
      expect(built.disclosure?.audit?.byWitness).toBeGreaterThan(0);
      expect(built.release.release).toBe("2024M01-1");
      expect(existsSync(join(dataDir, "disclosure", built.release.release))).toBe(true);
    });
  }, 300_000);
});
