import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { DEFAULT_CONFIG, parseBenchmarkConfig, readBenchmarkConfig } from "./config.ts";

const dir = mkdtempSync(join(tmpdir(), "jobindblik-bmconfig-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("benchmark settings", () => {
  it("uses the contract's framework variables except the population, 10 persons, 6 clusters and 10 peers by default", () => {
    expect(readBenchmarkConfig(dir)).toEqual({
      variables: [
        "share_60_plus",
        "share_no_education",
        "share_non_western",
        "firms_per_1000",
        "commuting_unemployment_rate",
      ],
      minPersons: 10,
      clusters: 6,
      neighbours: 10,
      seed: 1,
    });
  });

  it("takes overrides from benchmark.json in the data folder, an extra delivered variable included", () => {
    writeFileSync(
      join(dir, "benchmark.json"),
      JSON.stringify({ variables: ["share_60_plus", "x_local"], minPersons: 20 }),
    );
    expect(readBenchmarkConfig(dir)).toEqual({
      ...DEFAULT_CONFIG,
      variables: ["share_60_plus", "x_local"],
      minPersons: 20,
    });
  });

  it("refuses bad settings with every problem named", () => {
    let err: unknown;
    try {
      parseBenchmarkConfig({ minPersons: 0, clusters: 1, colour: "red" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/minPersons/);
    expect((err as AppError).message).toMatch(/clusters/);
    expect((err as AppError).message).toMatch(/colour/);
  });
});
