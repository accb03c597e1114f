// The metadata routes, the docs page, OpenAPI and the cross-cutting HTTP behaviour (headers, compression,
// rate limit, picking up a new release), tested in-process with inject.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./index.ts";
import { makeFixtureDataDir, RELEASE_1, RELEASE_2, writeFixtureRelease } from "./test-fixture.ts";

let fixture: { dataDir: string; cleanup: () => void };
let app: FastifyInstance;

beforeAll(async () => {
  fixture = await makeFixtureDataDir([RELEASE_1]);
  await writeFixtureRelease(fixture.dataDir, RELEASE_2);
  app = createApp({ dataDir: fixture.dataDir, rateLimit: false, releaseCheckMs: 0 });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  fixture.cleanup();
});

const getJson = async (url: string) => {
  const r = await app.inject({ url });
  return { status: r.statusCode, headers: r.headers, body: r.json() };
};

describe("GET /api/v1/tables", () => {
  it("lists the newest release's tables with dimensions, measures and period span", async () => {
    const { status, body } = await getJson("/api/v1/tables");
    expect(status).toBe(200);
    expect(body.release.id).toBe("2024M04-1");
    expect(body.tables.map((t: { id: string }) => t.id)).toEqual([
      "recipients",
      "recipients-akasse",
      "benchmark",
    ]);
    const recipients = body.tables[0];
    expect(recipients.title).toEqual({
      da: "Modtagere af offentlig forsørgelse",
      en: "Recipients of public benefits",
    });
    expect(recipients.dimensions.map((d: { id: string }) => d.id)).toEqual(["period", "area", "benefit"]);
    expect(recipients.measures.map((m: { id: string }) => m.id)).toEqual(["persons", "fte", "share_pop"]);
    expect(recipients.firstPeriod).toBe("2023");
    expect(recipients.lastPeriod).toBe("2024M04");
  });

  it("searches titles, measures and dimension labels in both languages, ignoring case and diacritics", async () => {
    const ids = async (q: string) =>
      (await getJson(`/api/v1/tables?q=${encodeURIComponent(q)}`)).body.tables.map(
        (t: { id: string }) => t.id,
      );
    expect(await ids("forsørgelse")).toEqual(["recipients"]);
    expect(await ids("FORSORGELSE")).toEqual(["recipients"]);
    expect(await ids("forsoergelse")).toEqual(["recipients"]);
    expect(await ids("unemployment insurance fund")).toEqual(["recipients-akasse"]);
    expect(await ids("fuldtidspersoner")).toEqual(["recipients"]);
    expect(await ids("Område")).toEqual(["recipients"]);
    expect(await ids("omraade")).toEqual(["recipients"]);
    expect(await ids("16-66")).toEqual(["recipients", "benchmark"]);
    expect(await ids("nothing-like-this")).toEqual([]);
  });

  it("filters by subject", async () => {
    const { body } = await getJson("/api/v1/tables?subject=a-kasser");
    expect(body.tables.map((t: { id: string }) => t.id)).toEqual(["recipients-akasse"]);
  });

  it("answers for a pinned release", async () => {
    const { body, headers } = await getJson(`/api/v1/tables?release=${RELEASE_1.id}`);
    expect(body.release.id).toBe(RELEASE_1.id);
    expect(body.tables[0].lastPeriod).toBe("2024K1");
    expect(headers["cache-control"]).toContain("immutable");
  });
});

describe("GET /api/v1/tables/{id}", () => {
  it("gives every code and label of every dimension, measure definitions and units, footnotes and release", async () => {
    const { status, body } = await getJson("/api/v1/tables/recipients");
    expect(status).toBe(200);
    expect(body.release.id).toBe("2024M04-1");
    const area = body.dimensions.find((d: { id: string }) => d.id === "area");
    expect(area.codes).toContainEqual({
      code: "101",
      label: { da: "København", en: "Copenhagen" },
      level: "municipality",
    });
    expect(body.dimensions[0].codes.map((c: { code: string }) => c.code)).toEqual([
      "2023",
      "2024M01",
      "2024M02",
      "2024M03",
      "2024K1",
      "2024M04",
    ]);
    expect(body.measures[1]).toMatchObject({ id: "fte", unit: "fte", decimals: 1 });
    expect(body.measures[1].definition.da).toContain("Dage");
    expect(body.footnotes[0].en).toBe("Area is the responsible municipality.");
  });
});

describe("GET /api/v1/releases", () => {
  it("lists releases newest first with notes and revisions, and ignores unfinished builds", async () => {
    const { body } = await getJson("/api/v1/releases");
    expect(body.releases.map((r: { id: string }) => r.id)).toEqual(["2024M04-1", "2024M03-1"]);
    expect(body.releases[0].newest).toBe(true);
    expect(body.releases[0].notes.revisions).toEqual([
      { table: "recipients", changedCells: 12, periods: ["2024M03"] },
    ]);
    expect(body.releases[0].notes.provisional).toBe("2024M04");
  });

  it("describes one release with its tables and deliveries, without delivery checksums", async () => {
    const { status, body } = await getJson(`/api/v1/releases/${RELEASE_1.id}`);
    expect(status).toBe(200);
    expect(body.id).toBe(RELEASE_1.id);
    expect(body.newest).toBe(false);
    expect(body.tables[0]).toMatchObject({
      id: "recipients",
      title: { en: "Recipients of public benefits" },
    });
    expect(body.batches).toEqual([{ id: 1, source: "national", type: "benefit_periods", period: null }]);
  });
});

describe("OpenAPI and docs", () => {
  it("serves an OpenAPI 3.1 document with every route and the data parameters", async () => {
    const { status, body } = await getJson("/api/v1/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths).sort()).toEqual([
      "/api/v1/releases",
      "/api/v1/releases/{id}",
      "/api/v1/tables",
      "/api/v1/tables/{id}",
      "/api/v1/tables/{id}/data",
    ]);
    const params = body.paths["/api/v1/tables/{id}/data"].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(
      expect.arrayContaining(["id", "period", "area", "measure", "latest", "release", "format"]),
    );
  });

  it("serves a self-contained docs page in Danish and English with working examples", async () => {
    const r = await app.inject({ url: "/api" });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toContain("text/html");
    expect(r.body).toContain("Eksempler");
    expect(r.body).toContain('lang="en"');
    expect(r.body).not.toMatch(/<script|https?:\/\//);
    const links = [...r.body.matchAll(/href="([^"]+)"/g)].map((m) =>
      (m[1] as string).replaceAll("&#38;", "&"),
    );
    expect(links.length).toBeGreaterThan(8);
    for (const link of links) {
      expect((await app.inject({ url: link })).statusCode, link).toBe(200);
    }
  });
});

describe("HTTP behaviour", () => {
  it("sends security headers, open CORS for GET and compresses when asked", async () => {
    const r = await app.inject({
      url: "/api/v1/tables/recipients",
      headers: { origin: "https://example.org", "accept-encoding": "gzip" },
    });
    expect(r.headers["access-control-allow-origin"]).toBe("*");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(r.headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(r.rawPayload).toString()).id).toBe("recipients");
  });

  it("answers a CORS preflight for GET", async () => {
    const r = await app.inject({
      method: "OPTIONS",
      url: "/api/v1/tables",
      headers: { origin: "https://example.org", "access-control-request-method": "GET" },
    });
    expect(r.statusCode).toBeLessThan(300);
    expect(r.headers["access-control-allow-methods"]).toContain("GET");
  });

  it("answers HEAD like GET without a body", async () => {
    const r = await app.inject({ method: "HEAD", url: "/api/v1/tables/recipients/data?latest=1" });
    expect(r.statusCode).toBe(200);
    expect(r.body).toBe("");
  });

  it("picks up a release published while it runs", async () => {
    const { dataDir, cleanup } = await makeFixtureDataDir([RELEASE_1]);
    const live = createApp({ dataDir, rateLimit: false, releaseCheckMs: 0 });
    try {
      expect((await live.inject({ url: "/api/v1/tables" })).json().release.id).toBe(RELEASE_1.id);
      const before = (await live.inject({ url: "/api/v1/tables/recipients/data?latest=1" })).json();
      expect(before.dimensions[0].codes).toEqual(["2024M03"]);
      await writeFixtureRelease(dataDir, RELEASE_2);
      expect((await live.inject({ url: "/api/v1/tables" })).json().release.id).toBe(RELEASE_2.id);
      const data = (await live.inject({ url: "/api/v1/tables/recipients/data?latest=1" })).json();
      expect(data.release).toBe(RELEASE_2.id);
      expect(data.dimensions[0].codes).toEqual(["2024M04"]);
    } finally {
      await live.close();
      cleanup();
    }
  });

  it("warms every table's default query of the newest release at start-up", async () => {
    const { dataDir, cleanup } = await makeFixtureDataDir([RELEASE_2]);
    const warmed = createApp({ dataDir, rateLimit: false });
    try {
      await warmed.ready();
      // With the file gone, only what was read at start-up can be answered.
      rmSync(join(dataDir, "releases", RELEASE_2.id, "recipients.parquet"));
      expect((await warmed.inject({ url: "/api/v1/tables/recipients/data" })).statusCode).toBe(200);
      expect((await warmed.inject({ url: "/api/v1/tables/recipients/data?area=101" })).statusCode).toBe(500);
    } finally {
      await warmed.close();
      cleanup();
    }
  });

  it("limits requests per address with a coded 429", async () => {
    const limited = createApp({ dataDir: fixture.dataDir, rateLimit: 3, warm: false });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await limited.inject({ url: "/api/v1/releases" })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
      const r = await limited.inject({ url: "/api/v1/releases" });
      expect(r.json()).toMatchObject({ code: "rate_limited" });
    } finally {
      await limited.close();
    }
  });

  it("answers 503 no_release while nothing is published", async () => {
    const { dataDir, cleanup } = await makeFixtureDataDir([]);
    const empty = createApp({ dataDir, rateLimit: false });
    try {
      const r = await empty.inject({ url: "/api/v1/tables" });
      expect(r.statusCode).toBe(503);
      expect(r.json().code).toBe("no_release");
      expect((await empty.inject({ url: "/api/v1/releases" })).json()).toEqual({ releases: [] });
      expect((await empty.inject({ url: "/api" })).statusCode).toBe(200);
    } finally {
      await empty.close();
      cleanup();
    }
  });
});
