// Property: no query string, however odd, makes the API answer 5xx; every error is coded JSON.
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./index.ts";
import { makeFixtureDataDir } from "./test-fixture.ts";

let fixture: { dataDir: string; cleanup: () => void };
let app: FastifyInstance;

beforeAll(async () => {
  fixture = await makeFixtureDataDir();
  app = createApp({ dataDir: fixture.dataDir, rateLimit: false, maxCells: 2000 });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  fixture.cleanup();
});

const names = fc.oneof(
  fc.constantFrom(
    "period",
    "area",
    "benefit",
    "akasse",
    "measure",
    "latest",
    "release",
    "format",
    "locale",
    "labels",
    "q",
  ),
  fc.constantFrom("subject", "__proto__", "constructor", "toString", "hasOwnProperty", "PERIOD", ""),
  fc.string({ maxLength: 12 }),
);

const values = fc.oneof(
  fc.constantFrom(
    "*",
    "DK",
    "101",
    "total",
    "dagpenge",
    "persons",
    "fte",
    "json",
    "csv",
    "jsonstat",
    "xlsx",
    "px",
  ),
  fc.constantFrom(
    "2024M01",
    "2024M01..2024M04",
    "2024K1..2024K4",
    "2023..2024",
    "2024M04..2024M01",
    "1900M01..2199M12",
  ),
  fc.constantFrom(
    "da",
    "en",
    "0",
    "-1",
    "1e3",
    "99999",
    "2024M04-1",
    "..",
    ",",
    "%",
    "%zz",
    "%E0%A4%A",
    "%00",
    "\u0000",
  ),
  fc.constantFrom("2024K1R12", "2024M1", "２０２４M01", "DK,DK,DK", "*,*", " 101 , 147 ", "101,"),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 10 }),
  fc
    .array(fc.constantFrom("DK", "101", "147", "2024M02", "persons", "x"), { maxLength: 5 })
    .map((a) => a.join(",")),
);

const rawPart = fc.oneof(
  fc.tuple(names, values).map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`),
  fc.tuple(names, values).map(([n, v]) => `${n}=${v}`.replace(/[#\s]/g, "")),
  fc.constantFrom("&", "=", "a", "area", "area=", "=DK", "%", "%2", "%%", "[]=1", "area[]=DK", "a.b=c"),
);

const paths = fc.oneof(
  fc.constantFrom(
    "/api/v1/tables/recipients/data",
    "/api/v1/tables/recipients-akasse/data",
    "/api/v1/tables/benchmark/data",
    "/api/v1/tables",
    "/api/v1/tables/recipients",
    "/api/v1/releases",
    "/api/v1/releases/2024M03-1",
  ),
  fc.string({ maxLength: 12 }).map((id) => `/api/v1/tables/${encodeURIComponent(id)}/data`),
  fc.string({ maxLength: 12 }).map((id) => `/api/v1/releases/${encodeURIComponent(id)}`),
);

describe("fuzzed queries", () => {
  it("never answer 5xx, and every error is coded JSON", async () => {
    await fc.assert(
      fc.asyncProperty(paths, fc.array(rawPart, { maxLength: 6 }), async (path, parts) => {
        const url = `${path}?${parts.join("&")}`;
        const r = await app.inject({ url });
        expect(r.statusCode, url).toBeLessThan(500);
        if (r.statusCode >= 400) {
          const body = r.json();
          expect(typeof body.code, url).toBe("string");
          expect(typeof body.message, url).toBe("string");
          expect(body.message).not.toMatch(/\n\s+at /);
        }
      }),
      { numRuns: 400 },
    );
  });
});
