// The pseudonymisation key: from JOBINDBLIK_KEY, or from `<data>/pseudonym.key`, created on first use
// with mode 0600 (32 random bytes, hex). The key is never printed; messages name only where it comes from.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../errors.ts";

export const KEY_FILE = "pseudonym.key";
const MIN_KEY_BYTES = 16;
const HMAC_BLOCK = 64;

/** Key text → bytes: 64 hex digits are 32 bytes; anything else is its UTF-8 bytes. */
export function keyBytes(text: string): Buffer {
  const trimmed = text.trim();
  return /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "utf8");
}

function checked(key: Buffer, origin: string): Buffer {
  if (key.length < MIN_KEY_BYTES) {
    throw new AppError(
      "bad_argument",
      `The pseudonymisation key from ${origin} is shorter than ${MIN_KEY_BYTES} bytes`,
    );
  }
  return key;
}

/** The key bytes for a data folder: JOBINDBLIK_KEY if set, else the key file (created if missing). */
export function loadKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  const fromEnv = env.JOBINDBLIK_KEY;
  if (fromEnv !== undefined && fromEnv !== "") return checked(keyBytes(fromEnv), "JOBINDBLIK_KEY");
  const path = join(dataDir, KEY_FILE);
  try {
    return checked(keyBytes(readFileSync(path, "utf8")), path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  try {
    writeFileSync(path, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  } catch (err) {
    // Another process created it between our read and write: use theirs.
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  return checked(keyBytes(readFileSync(path, "utf8")), path);
}

/** HMAC-SHA-256's inner and outer padded keys (RFC 2104), so SQL can compute H(opad ‖ H(ipad ‖ m)). */
export function hmacPads(key: Uint8Array): { ipad: Buffer; opad: Buffer } {
  const k = Buffer.alloc(HMAC_BLOCK);
  const material = key.length > HMAC_BLOCK ? createHash("sha256").update(key).digest() : Buffer.from(key);
  material.copy(k);
  const ipad = Buffer.alloc(HMAC_BLOCK);
  const opad = Buffer.alloc(HMAC_BLOCK);
  for (let i = 0; i < HMAC_BLOCK; i++) {
    ipad[i] = (k[i] as number) ^ 0x36;
    opad[i] = (k[i] as number) ^ 0x5c;
  }
  return { ipad, opad };
}
