// Every way a request can go wrong gives a coded JSON error `{ code, message, details }` with the
// catalogue's status, names what was wrong, and never shows a stack or a file path.
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_CATALOGUE } from "../errors.ts";
import { createApp } from "./index.ts";
import { makeFixtureDataDir, RELEASE_1 } from "./test-fixture.ts";

let fixture: { dataDir: string; cleanup: () => void };
let app: FastifyInstance;

beforeAll(async () => {
  fixture = await makeFixtureDataDir();
  app = createApp({ dataDir: fixture.dataDir, rateLimit: false, maxCells: 100, warm: false });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  fixture.cleanup();
});

async function expectError(url: string, code: keyof typeof ERROR_CATALOGUE, method: "GET" | "POST" = "GET") {
  const r = await app.inject({ url, method });
  expect(r.statusCode, r.body).toBe(ERROR_CATALOGUE[code].status);
  expect(r.headers["content-type"]).toContain("application/json");
  const body = r.json();
  expect(Object.keys(body).sort()).toEqual(["code", "details", "message"]);
  expect(body.code).toBe(code);
  expect(body.message).not.toMatch(/\n\s+at |node_modules|\/tmp\//);
  return body as { code: string; message: string; details: Record<string, unknown> };
}

const DATA = "/api/v1/tables/recipients/data";

describe("API errors", () => {
  it("unknown table: 404 naming it, on data and metadata routes", async () => {
    expect((await expectError("/api/v1/tables/nope/data", "unknown_table")).message).toContain('"nope"');
    await expectError("/api/v1/tables/nope", "unknown_table");
  });

  it("unknown release: 404, pinned or looked up", async () => {
    expect((await expectError(`${DATA}?release=1999M01-1`, "unknown_release")).message).toContain(
      "1999M01-1",
    );
    await expectError("/api/v1/releases/1999M01-1", "unknown_release");
    await expectError(`/api/v1/tables?release=${"x".repeat(80)}`, "bad_argument");
  });

  it("unknown code: 400 naming the dimension and the code, with a hint for the wrong case", async () => {
    const body = await expectError(`${DATA}?area=101,999`, "bad_code");
    expect(body.details).toEqual({ dimension: "area", code: "999" });
    expect(body.message).toContain("area");
    expect((await expectError(`${DATA}?area=dk`, "bad_code")).message).toContain("did you mean DK?");
    expect((await expectError(`${DATA}?measure=persons,nope`, "bad_code")).details).toEqual({
      dimension: "measure",
      code: "nope",
    });
    expect((await expectError(`${DATA}?period=2022M01`, "bad_code")).details).toMatchObject({
      dimension: "period",
    });
  });

  it("unknown dimension parameter: 400 listing the table's dimensions", async () => {
    const body = await expectError(`${DATA}?akasse=D86`, "unknown_dimension");
    expect(body.details).toEqual({ parameter: "akasse", dimensions: ["period", "area", "benefit"] });
    expect((await expectError(`${DATA}?__proto__=DK`, "unknown_dimension")).details).toMatchObject({
      parameter: "__proto__",
    });
  });

  it("bad period and bad range: 400", async () => {
    await expectError(`${DATA}?period=2024M13`, "bad_period");
    await expectError(`${DATA}?period=24M01`, "bad_period");
    expect((await expectError(`${DATA}?period=2024M05..2024M01`, "bad_range")).message).toContain(
      "start after end",
    );
    await expectError(`${DATA}?period=2024M01..2024K2`, "bad_range");
    await expectError(`${DATA}?period=2024M01..`, "bad_range");
    expect((await expectError(`${DATA}?period=2010M01..2010M12`, "bad_range")).message).toContain(
      "2023 to 2024M04",
    );
    await expectError(`${DATA}?area=101..147`, "bad_range");
  });

  it("malformed options: 400 naming the parameter", async () => {
    for (const [query, parameter] of [
      ["format=xml", "format"],
      ["latest=0", "latest"],
      ["latest=two", "latest"],
      ["labels=de", "labels"],
      ["locale=fr", "locale"],
    ]) {
      expect((await expectError(`${DATA}?${query}`, "bad_argument")).details).toEqual({ parameter });
    }
    await expectError(`${DATA}?area=`, "bad_argument");
    await expectError(`${DATA}?area=101,,147`, "bad_argument");
    await expectError("/api/v1/tables?foo=1", "bad_argument");
    await expectError("/api/v1/releases?foo=1", "bad_argument");
  });

  it("too many cells: 400 telling how to narrow the query", async () => {
    const body = await expectError(`${DATA}?area=*&benefit=*`, "too_many_cells");
    expect(body.message).toContain("Narrow it");
    expect(body.details).toMatchObject({
      cells: 6 * 5 * 3 * 3,
      maxCells: 100,
      sizes: { period: 6, area: 5 },
    });
  });

  it("unknown address or method: 404 not_found", async () => {
    await expectError("/api/v1/nothing", "not_found");
    await expectError("/api/v1/tables", "not_found", "POST");
  });

  it("an overlong address: 414", async () => {
    await expectError(`${DATA}?area=${"101,".repeat(3000)}101`, "request_too_large");
  });

  it("a server-side failure: 500 internal with an error id, no path and no stack", async () => {
    rmSync(join(fixture.dataDir, "releases", RELEASE_1.id, "recipients.parquet"));
    const body = await expectError(`${DATA}?release=${RELEASE_1.id}`, "internal");
    expect(body.details.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.message).not.toContain("parquet");
  });
});
