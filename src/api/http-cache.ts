// HTTP caching of answers: ETag from the release id and the normalised query, 304 on a matching
// If-None-Match, immutable Cache-Control when the release is pinned, and bodies compressed once.
import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { CachedResponse, ResponseCache } from "./response-cache.ts";

/** A strong ETag for a cache key (which holds the release id, the normalised query and the format). */
export function etagOf(key: string): string {
  return `"${createHash("sha256").update(key).digest("base64url").slice(0, 32)}"`;
}

/** Pinned answers never change; the newest release's may be replaced by the next build. */
export function cacheControl(pinned: boolean): string {
  return pinned ? "public, max-age=31536000, immutable" : "public, max-age=60";
}

/** Whether the client already holds this answer (If-None-Match lists its ETag, weak or not, or `*`). */
export function clientHas(request: FastifyRequest, etag: string): boolean {
  const header = request.headers["if-none-match"];
  if (typeof header !== "string" || header.length === 0 || header.length > 4096) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

/** The best encoding the client accepts among brotli and gzip (q=0 refuses), or null for identity. */
export function pickEncoding(request: FastifyRequest): "br" | "gzip" | null {
  const header = request.headers["accept-encoding"];
  if (typeof header !== "string" || header.length > 1024) return null;
  const accepted = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weight = q ? Number(q.slice(2)) : 1;
    if (name) accepted.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weight = (name: string): number => accepted.get(name) ?? accepted.get("*") ?? 0;
  if (weight("br") > 0) return "br";
  if (weight("gzip") > 0) return "gzip";
  return null;
}

/**
 * Sends a cached answer (or 304), with its validators and cache policy. Routes that use it turn the
 * compression plugin off (`compress: false`): the compressed bodies are kept with the entry instead.
 */
export function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: ResponseCache,
  key: string,
  entry: CachedResponse,
  pinned: boolean,
): FastifyReply {
  reply.header("ETag", entry.etag);
  reply.header("Cache-Control", cacheControl(pinned));
  reply.header("Vary", "Accept-Encoding");
  if (clientHas(request, entry.etag)) return reply.code(304).send();
  reply.header("Content-Type", entry.contentType);
  for (const [name, value] of Object.entries(entry.headers)) reply.header(name, value);
  const size = typeof entry.body === "string" ? Buffer.byteLength(entry.body) : entry.body.length;
  const encoding = entry.compressible && size >= 1024 ? pickEncoding(request) : null;
  if (encoding) {
    reply.header("Content-Encoding", encoding);
    return reply.send(cache.encoded(key, entry, encoding));
  }
  return reply.send(entry.body);
}
