// `jobindblik serve`: a real server on a free port answers over HTTP, and a taken port is a clear error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeFixtureDataDir } from "../api/test-fixture.ts";
import { startServer } from "./serve.ts";

let fixture: { dataDir: string; cleanup: () => void };

beforeAll(async () => {
  fixture = await makeFixtureDataDir();
});

afterAll(() => fixture.cleanup());

describe("serve", () => {
  it("listens on 127.0.0.1 and serves the newest release's catalogue", async () => {
    const { app, url } = await startServer({
      dataDir: fixture.dataDir,
      port: 0,
      host: "127.0.0.1",
      rateLimit: 600,
      logLevel: "silent",
    });
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${url}/api/v1/tables`);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { release: { id: string } }).release.id).toBe("2024M04-1");
      const port = Number(new URL(url).port);
      await expect(
        startServer({
          dataDir: fixture.dataDir,
          port,
          host: "127.0.0.1",
          rateLimit: false,
          logLevel: "silent",
        }),
      ).rejects.toMatchObject({ code: "bad_argument", message: expect.stringContaining("already in use") });
    } finally {
      await app.close();
    }
  });
});
