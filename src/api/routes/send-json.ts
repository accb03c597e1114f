// Metadata answers (catalogue, tables, releases) go through the same LRU, ETag and cache policy as data.
import type { FastifyReply, FastifyRequest } from "fastify";
import { etagOf, sendCached } from "../http-cache.ts";
import type { ResponseCache } from "../response-cache.ts";

export async function sendJson(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: ResponseCache,
  key: string,
  pinned: boolean,
  build: () => unknown,
): Promise<FastifyReply> {
  const entry = await cache.getOrMake(key, async () => ({
    body: Buffer.from(JSON.stringify(build())),
    etag: etagOf(key),
    contentType: "application/json; charset=utf-8",
    compressible: true,
    headers: {},
  }));
  return sendCached(request, reply, cache, key, entry, pinned);
}
