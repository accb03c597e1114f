// `jobindblik serve [--port 3000] [--host 127.0.0.1]`: serves the API from the data folder's releases
// (never the warehouse) until interrupted, and prints the address.
import type { Command } from "commander";
import type { FastifyInstance } from "fastify";
import { createApp } from "../api/index.ts";
import { AppError, fail } from "../errors.ts";
import { globalOptions, printResult } from "./context.ts";

interface ServeFlags {
  port: string;
  host: string;
  rateLimit: string;
  logLevel: string;
  trustProxy?: boolean;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail("bad_argument", `--port must be 0–65535, got "${text}"`);
  return port;
}

function parseRateLimit(text: string): number | false {
  if (text === "off" || text === "0") return false;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    fail("bad_argument", `--rate-limit must be a positive whole number or off, got "${text}"`);
  return n;
}

export interface ServeOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
  readonly rateLimit: number | false;
  readonly logLevel?: string;
  readonly trustProxy?: boolean;
}

/** Starts the API server; resolves with the app (close it to stop) and its base URL. */
export async function startServer(options: ServeOptions): Promise<{ app: FastifyInstance; url: string }> {
  const app = createApp({
    dataDir: options.dataDir,
    rateLimit: options.rateLimit,
    logger: { level: options.logLevel ?? "warn" },
    trustProxy: Boolean(options.trustProxy),
  });
  try {
    const address = await app.listen({ port: options.port, host: options.host });
    return { app, url: address.replace("://0.0.0.0", "://localhost").replace("://[::]", "://localhost") };
  } catch (err) {
    await app.close().catch(() => undefined);
    const code = (err as { code?: unknown }).code;
    if (code === "EADDRINUSE") {
      fail(
        "bad_argument",
        `Port ${options.port} on ${options.host} is already in use; pick another with --port`,
      );
    }
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND")
      fail("bad_argument", `Cannot listen on host ${options.host}`);
    throw err instanceof AppError ? err : new AppError("internal", "The server could not start");
  }
}

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("serve the public API (and portal) from the published releases")
    .option("--port <port>", "TCP port", process.env.PORT ?? "3000")
    .option("--host <host>", "address to listen on (0.0.0.0 for all)", "127.0.0.1")
    .option("--rate-limit <n>", "requests per minute per client address, or off", "600")
    .option("--log-level <level>", "fatal, error, warn, info or debug", "warn")
    .option("--trust-proxy", "take the client address from X-Forwarded-For (behind a proxy)")
    .action(async (flags: ServeFlags, command: Command) => {
      const options = globalOptions(command);
      const { app, url } = await startServer({
        dataDir: options.dataDir,
        port: parsePort(flags.port),
        host: flags.host,
        rateLimit: parseRateLimit(flags.rateLimit),
        logLevel: flags.logLevel,
        trustProxy: Boolean(flags.trustProxy),
      });
      const releases = await app.inject({ url: "/api/v1/releases" });
      const newest = (releases.json() as { releases?: { id: string }[] }).releases?.[0]?.id ?? null;
      printResult(options, { url: `${url}/api/v1/tables`, docs: `${url}/api`, release: newest }, (o) =>
        [
          `Serving ${o.url}`,
          `  API guide: ${o.docs}`,
          o.release
            ? `  newest release: ${o.release}`
            : "  no release yet: run `jobindblik build` (picked up while running)",
        ].join("\n"),
      );
      const stop = (): void => {
        void app.close().then(() => process.exit(0));
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
