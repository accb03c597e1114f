// The data route's query semantics (CONTRACT.md §6) and HTTP caching, checked against `fixtureCell`,
// which computes every expected value from the codes alone.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./index.ts";
import { fixtureCell, makeFixtureDataDir, RELEASE_1, RELEASE_2 } from "./test-fixture.ts";

let fixture: { dataDir: string; cleanup: () => void };
let app: FastifyInstance;

beforeAll(async () => {
  fixture = await makeFixtureDataDir();
  app = createApp({ dataDir: fixture.dataDir, rateLimit: false, maxCells: 500 });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  fixture.cleanup();
});

interface Row {
  [key: string]: string | number | null;
}

async function data(
  query: string,
): Promise<{ dimensions: { id: string; codes: string[] }[]; data: Row[]; [k: string]: unknown }> {
  const r = await app.inject({ url: `/api/v1/tables/${query}` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

function expectFixtureValues(release: string, table: string, rows: Row[], dims: string[]): void {
  for (const row of rows) {
    const codes = Object.fromEntries(dims.map((d) => [d, String(row[d])]));
    expect(row, JSON.stringify(row)).toMatchObject(fixtureCell(release, table, codes, String(row.measure)));
  }
}

describe("GET /api/v1/tables/{id}/data", () => {
  it("defaults to all periods, DK, total and all measures, with typed values from the release", async () => {
    const raw = await app.inject({ url: "/api/v1/tables/recipients/data" });
    expect(raw.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(raw.rawPayload[0]).toBe(0x7b); // "{": no BOM
    const body = await data("recipients/data");
    expect(body.table).toBe("recipients");
    expect(body.release).toBe(RELEASE_2.id);
    expect(body.dimensions.map((d) => [d.id, d.codes.length])).toEqual([
      ["period", 6],
      ["area", 1],
      ["benefit", 1],
    ]);
    expect(body.data).toHaveLength(6 * 3);
    expect(body.data[0]).toEqual({
      period: "2023",
      area: "DK",
      benefit: "total",
      measure: "persons",
      ...fixtureCell(RELEASE_2.id, "recipients", { period: "2023", area: "DK", benefit: "total" }, "persons"),
    });
    expectFixtureValues(RELEASE_2.id, "recipients", body.data, ["period", "area", "benefit"]);
    for (const row of body.data) {
      expect(row.value === null || typeof row.value === "number").toBe(true);
      expect(["", "..", "-"]).toContain(row.status);
      if (row.status !== "") expect(row.value).toBeNull();
    }
  });

  it("orders cells by the catalogue, whatever the order and spelling of the query", async () => {
    const a = await data(
      "recipients/data?area=851,101,DK&benefit=kontanthjaelp,total&period=2024M02,2024M01&measure=fte,persons",
    );
    const b = await data(
      "recipients/data?measure=persons,fte&period=2024M01..2024M02&benefit=total&benefit=kontanthjaelp&area=DK,101,851,101",
    );
    expect(a).toEqual(b);
    expect(a.dimensions.map((d) => d.codes)).toEqual([
      ["2024M01", "2024M02"],
      ["DK", "101", "851"],
      ["total", "kontanthjaelp"],
    ]);
    expect(a.data.slice(0, 3).map((r) => [r.period, r.area, r.benefit, r.measure])).toEqual([
      ["2024M01", "DK", "total", "persons"],
      ["2024M01", "DK", "total", "fte"],
      ["2024M01", "DK", "kontanthjaelp", "persons"],
    ]);
    expect(a.data).toHaveLength(2 * 3 * 2 * 2);
    expectFixtureValues(RELEASE_2.id, "recipients", a.data, ["period", "area", "benefit"]);
  });

  it("selects all codes with *", async () => {
    const body = await data("recipients/data?period=2024M04&area=*&benefit=*&measure=persons");
    expect(body.dimensions[1]?.codes).toEqual(["DK", "1084", "101", "147", "851"]);
    expect(body.data).toHaveLength(5 * 3);
  });

  it("selects the periods of a range of one kind only", async () => {
    const body = await data("recipients/data?period=2024M02..2024M04&measure=persons");
    expect(body.dimensions[0]?.codes).toEqual(["2024M02", "2024M03", "2024M04"]);
    const clipped = await data("recipients/data?period=2020M01..2030M12&measure=persons");
    expect(clipped.dimensions[0]?.codes).toEqual(["2024M01", "2024M02", "2024M03", "2024M04"]);
    const quarters = await data("recipients/data?period=2024K1..2024K4&measure=persons");
    expect(quarters.dimensions[0]?.codes).toEqual(["2024K1"]);
  });

  it("keeps the N newest periods: of the finest kind alone, of each kind within a selection", async () => {
    expect((await data("recipients/data?latest=2")).dimensions[0]?.codes).toEqual(["2024M03", "2024M04"]);
    expect((await data("recipients/data?period=*&latest=1")).dimensions[0]?.codes).toEqual([
      "2023",
      "2024K1",
      "2024M04",
    ]);
    expect((await data("recipients/data?period=2024M01..2024M03&latest=2")).dimensions[0]?.codes).toEqual([
      "2024M02",
      "2024M03",
    ]);
    expect((await data("recipients/data?latest=99")).dimensions[0]?.codes).toHaveLength(4);
  });

  it("adds labels in the chosen language", async () => {
    const da = await data(
      "recipients/data?period=2024M01&area=101&benefit=kontanthjaelp&measure=persons&labels=da",
    );
    expect(da.data[0]).toMatchObject({
      area: "101",
      area_label: "København",
      benefit_label: 'Kontanthjælp, "aktivitetsparat"; m.fl.',
      measure_label: "Personer",
    });
    expect(da.dimensions[1]).toMatchObject({ id: "area", label: "Område", labels: { "101": "København" } });
    const en = await data("recipients/data?period=2024M01&area=101&measure=persons&labels=en");
    expect(en.data[0]).toMatchObject({
      area_label: "Copenhagen",
      benefit_label: "Total",
      measure_label: "Persons",
    });
  });

  it("answers from a pinned release with its own values", async () => {
    const body = await data(`recipients/data?release=${RELEASE_1.id}&area=*&measure=persons`);
    expect(body.release).toBe(RELEASE_1.id);
    expect(body.dimensions[0]?.codes).not.toContain("2024M04");
    expectFixtureValues(RELEASE_1.id, "recipients", body.data, ["period", "area", "benefit"]);
  });

  it("handles a table without an area dimension and one whose areas have no DK", async () => {
    const akasse = await data("recipients-akasse/data?latest=1");
    expect(akasse.dimensions.map((d) => [d.id, d.codes])).toEqual([
      ["period", ["2024M04"]],
      ["akasse", ["total"]],
    ]);
    expectFixtureValues(RELEASE_2.id, "recipients-akasse", akasse.data, ["period", "akasse"]);
    const bench = await data("benchmark/data");
    expect(bench.dimensions[1]?.codes).toEqual(["JC101", "JC147"]);
    expectFixtureValues(RELEASE_2.id, "benchmark", bench.data, ["period", "area"]);
  });
});

describe("HTTP caching of data", () => {
  it("gives an ETag that depends on release, normalised query and format, and answers 304 to it", async () => {
    const url = "/api/v1/tables/recipients/data?area=101,DK&measure=persons";
    const first = await app.inject({ url });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers["cache-control"]).toBe("public, max-age=60");
    const same = await app.inject({ url: "/api/v1/tables/recipients/data?measure=persons&area=DK,101" });
    expect(same.headers.etag).toBe(etag);
    const csv = await app.inject({ url: `${url}&format=csv` });
    expect(csv.headers.etag).not.toBe(etag);
    const pinned = await app.inject({ url: `${url}&release=${RELEASE_1.id}` });
    expect(pinned.headers.etag).not.toBe(etag);
    const revalidated = await app.inject({ url, headers: { "if-none-match": `W/${etag}, "other"` } });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe("");
    expect(revalidated.headers.etag).toBe(etag);
    expect((await app.inject({ url, headers: { "if-none-match": '"stale"' } })).statusCode).toBe(200);
  });

  it("marks answers of a pinned release immutable", async () => {
    const r = await app.inject({ url: `/api/v1/tables/recipients/data?release=${RELEASE_2.id}` });
    expect(r.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("serves compressed bodies made once, and the same bytes again from the cache", async () => {
    const url = "/api/v1/tables/recipients/data?area=*&benefit=*&latest=4";
    const plain = await app.inject({ url });
    const br = await app.inject({ url, headers: { "accept-encoding": "gzip;q=0.5, br" } });
    expect(br.headers["content-encoding"]).toBe("br");
    const { brotliDecompressSync } = await import("node:zlib");
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    const gzipRefused = await app.inject({ url, headers: { "accept-encoding": "br;q=0, gzip" } });
    expect(gzipRefused.headers["content-encoding"]).toBe("gzip");
    expect((await app.inject({ url })).body).toBe(plain.body);
  });
});
