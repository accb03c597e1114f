// A bounded LRU of serialized responses (releases are immutable, so an answer never goes stale): at most
// `maxEntries` entries and `maxBytes` bytes; an answer larger than a quarter of the bytes is not kept.
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export interface CachedResponse {
  /** The answer's bytes (a string is accepted and encoded as UTF-8). */
  readonly body: string | Buffer;
  readonly contentType: string;
  readonly etag: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Whether the body is worth compressing (not for xlsx, already a zip). */
  readonly compressible: boolean;
  /** Compressed bodies, made once on first demand. */
  gzip?: Buffer;
  br?: Buffer;
}

export interface CacheStats {
  readonly entries: number;
  readonly bytes: number;
  readonly hits: number;
  readonly misses: number;
}

function sizeOf(entry: CachedResponse): number {
  const body = typeof entry.body === "string" ? Buffer.byteLength(entry.body) : entry.body.length;
  return body + (entry.gzip?.length ?? 0) + (entry.br?.length ?? 0) + 256;
}

export class ResponseCache {
  private readonly map = new Map<string, CachedResponse>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;
  private readonly inflight = new Map<string, Promise<CachedResponse>>();

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  get(key: string): CachedResponse | undefined {
    const entry = this.map.get(key);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
    this.map.delete(key);
    this.map.set(key, entry);
    return entry;
  }

  set(key: string, entry: CachedResponse): void {
    this.delete(key);
    const size = sizeOf(entry);
    if (this.maxEntries <= 0 || size > this.maxBytes / 4) return;
    this.map.set(key, entry);
    this.bytes += size;
    this.trim();
  }

  private trim(): void {
    while (this.map.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.map.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
  }

  private delete(key: string): void {
    const old = this.map.get(key);
    if (old) {
      this.bytes -= sizeOf(old);
      this.map.delete(key);
    }
  }

  /** The cached answer, or `make()`'s, computed once however many requests ask at the same time. */
  async getOrMake(key: string, make: () => Promise<CachedResponse>): Promise<CachedResponse> {
    const hit = this.get(key);
    if (hit) return hit;
    const running = this.inflight.get(key);
    if (running) return running;
    const promise = make().then(
      (entry) => {
        this.inflight.delete(key);
        this.set(key, entry);
        return entry;
      },
      (err: unknown) => {
        this.inflight.delete(key);
        throw err;
      },
    );
    this.inflight.set(key, promise);
    return promise;
  }

  /** The body in an encoding, compressed once and kept with the entry (accounted in the byte bound). */
  encoded(key: string, entry: CachedResponse, encoding: "gzip" | "br"): Buffer {
    const existing = entry[encoding];
    if (existing) return existing;
    const raw = typeof entry.body === "string" ? Buffer.from(entry.body) : entry.body;
    const packed =
      encoding === "gzip"
        ? gzipSync(raw)
        : brotliCompressSync(raw, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
          });
    if (this.map.get(key) === entry) {
      this.bytes -= sizeOf(entry);
      entry[encoding] = packed;
      this.bytes += sizeOf(entry);
      this.trim();
    } else entry[encoding] = packed;
    return packed;
  }

  stats(): CacheStats {
    return { entries: this.map.size, bytes: this.bytes, hits: this.hits, misses: this.misses };
  }
}
