// The response cache keeps at most its entries and bytes, evicts the least recently used, and computes an
// answer once however many ask for it at the same time.
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { type CachedResponse, ResponseCache } from "./response-cache.ts";

const entry = (body: string): CachedResponse => ({
  body,
  etag: '"x"',
  contentType: "text/plain",
  compressible: true,
  headers: {},
});

describe("ResponseCache", () => {
  it("evicts the least recently used entry past its entry bound", () => {
    const cache = new ResponseCache(2, 1_000_000);
    cache.set("a", entry("A"));
    cache.set("b", entry("B"));
    expect(cache.get("a")?.body).toBe("A");
    cache.set("c", entry("C"));
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")?.body).toBe("A");
    expect(cache.stats().entries).toBe(2);
  });

  it("keeps its byte bound and does not keep an answer larger than a quarter of it", () => {
    const cache = new ResponseCache(100, 4000);
    for (let i = 0; i < 10; i++) cache.set(`k${i}`, entry("x".repeat(500)));
    expect(cache.stats().bytes).toBeLessThanOrEqual(4000);
    expect(cache.get("k9")).toBeDefined();
    expect(cache.get("k0")).toBeUndefined();
    cache.set("big", entry("y".repeat(1500)));
    expect(cache.get("big")).toBeUndefined();
  });

  it("makes an answer once for concurrent requests, and not at all when cached", async () => {
    const cache = new ResponseCache(10, 1_000_000);
    let made = 0;
    const make = async () => {
      made++;
      await new Promise((r) => setTimeout(r, 10));
      return entry("A");
    };
    const all = await Promise.all([
      cache.getOrMake("k", make),
      cache.getOrMake("k", make),
      cache.getOrMake("k", make),
    ]);
    expect(all.map((e) => e.body)).toEqual(["A", "A", "A"]);
    await cache.getOrMake("k", make);
    expect(made).toBe(1);
  });

  it("does not keep a failure", async () => {
    const cache = new ResponseCache(10, 1_000_000);
    await expect(cache.getOrMake("k", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect((await cache.getOrMake("k", async () => entry("B"))).body).toBe("B");
  });

  it("compresses a body once and counts it in the bytes", () => {
    const cache = new ResponseCache(10, 1_000_000);
    const e = entry("hello ".repeat(1000));
    cache.set("k", e);
    const before = cache.stats().bytes;
    const gz = cache.encoded("k", e, "gzip");
    expect(cache.encoded("k", e, "gzip")).toBe(gz);
    expect(gunzipSync(gz).toString()).toBe(e.body);
    expect(cache.stats().bytes).toBe(before + gz.length);
  });
});
