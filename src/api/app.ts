// `createApp(options)`: the public API as a Fastify instance that reads only release files. Security
// headers, open CORS for GET, compression, a per-address rate limit, request size limits, one error path,
// OpenAPI 3.1 from the route schemas, a bounded response cache warmed at start-up.
import { constants } from "node:zlib";
import compress from "@fastify/compress";
import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { AppError } from "../errors.ts";
import { CellReader } from "./cell-reader.ts";
import type { DataContext } from "./data-service.ts";
import { installErrorHandlers } from "./error-handler.ts";
import { ReleaseStore } from "./release-store.ts";
import { ResponseCache } from "./response-cache.ts";
import { registerDataRoute } from "./routes/data.ts";
import { registerDocsPage } from "./routes/docs-page.ts";
import { registerReleaseRoutes } from "./routes/releases.ts";
import { registerTableRoutes } from "./routes/tables.ts";
import { createWarmer } from "./warm.ts";

export interface ApiOptions {
  /** The data folder; only `<dataDir>/releases/` is ever read. */
  readonly dataDir: string;
  /** Most answers kept in the response cache (default 2,000). */
  readonly cacheEntries?: number;
  /** Most bytes kept in the response cache (default 256 MiB). */
  readonly cacheBytes?: number;
  /** Requests per minute per client address, or false for none (default 600). */
  readonly rateLimit?: number | false;
  /** Most cells one query may select (default 1,000,000). */
  readonly maxCells?: number;
  /** Warm the cache with every table's default query when the app is ready (default true). */
  readonly warm?: boolean;
  /** How often (ms) the releases folder is looked at for a new release (default 1,000; 0 = every request). */
  readonly releaseCheckMs?: number;
  /** Fastify's logger (default off). */
  readonly logger?: FastifyServerOptions["logger"];
  /** Trust X-Forwarded-For behind a proxy, for the rate limit's client address (default false). */
  readonly trustProxy?: boolean;
}

const MAX_URL = 8192;

export function createApp(options: ApiOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 16 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  const warn = (message: string): void => app.log.warn(message);
  const store = new ReleaseStore({
    dataDir: options.dataDir,
    checkEveryMs: options.releaseCheckMs ?? 1000,
    onWarning: warn,
  });
  const ctx: DataContext = {
    store,
    reader: new CellReader(store.releasesDir),
    cache: new ResponseCache(options.cacheEntries ?? 2000, options.cacheBytes ?? 256 * 1024 * 1024),
    maxCells: options.maxCells ?? 1_000_000,
    warn,
  };
  const warmer = createWarmer(ctx);

  // Query strings are validated by zod in the handlers (one schema per input); the JSON schemas on the
  // routes document them for OpenAPI. Answers are pre-serialized bytes.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  installErrorHandlers(app);
  app.addHook("onRequest", async (request) => {
    if (request.url.length > MAX_URL) {
      throw new AppError(
        "request_too_large",
        `The address is longer than ${MAX_URL} characters; narrow the query with * or ranges`,
      );
    }
  });

  app.register(helmet, {
    // Open data: other sites may fetch it. The server is often plain HTTP (localhost, behind a proxy), where
    // upgrade-insecure-requests would send a page's own assets to an https:// that does not exist.
    crossOriginResourcePolicy: { policy: "cross-origin" },
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
  });
  app.register(cors, {
    origin: "*",
    methods: ["GET", "HEAD"],
    exposedHeaders: ["ETag", "Content-Disposition"],
  });
  app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ["br", "gzip"],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  if (options.rateLimit !== false) {
    const max = options.rateLimit ?? 600;
    app.register(rateLimit, {
      max,
      timeWindow: 60_000,
      errorResponseBuilder: (_request, context) =>
        new AppError(
          "rate_limited",
          `Too many requests: at most ${max} a minute from one address; retry in ${context.after}`,
          {
            max,
          },
        ),
    });
  }
  app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Jobindblik API",
        version: "1",
        description:
          "Åbne beskæftigelsestal fra offentliggjorte udgivelser. Open Danish employment statistics from " +
          "published releases: no key, codes not labels, numbers as numbers. See /api for a guide.",
        license: { name: "Open data" },
      },
      tags: [
        { name: "tables", description: "The catalogue and table metadata" },
        { name: "data", description: "Values of a selection in json, csv, jsonstat, xlsx or px" },
        { name: "releases", description: "Immutable releases with notes and revisions" },
      ],
    },
  });
  app.register(async (api) => {
    registerTableRoutes(api, ctx);
    registerDataRoute(api, ctx);
    registerReleaseRoutes(api, ctx);
    registerDocsPage(api, ctx);
    // Until the portal lands, the front page is the API's documentation.
    api.get("/", { schema: { hide: true } }, async (_request, reply) => reply.redirect("/api"));
    let openapi: string | null = null;
    api.get("/api/v1/openapi.json", { schema: { hide: true } }, async (_request, reply) => {
      openapi ??= JSON.stringify(app.swagger());
      return reply
        .type("application/json; charset=utf-8")
        .header("Cache-Control", "public, max-age=3600")
        .send(openapi);
    });
    api.addHook("onResponse", async () => warmer.maybeWarm());
  });

  app.addHook("onReady", async () => {
    if (options.warm ?? true) await warmer.warm();
  });
  app.addHook("onClose", async () => ctx.reader.close());
  return app;
}
