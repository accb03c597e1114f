// The public HTTP API (CONTRACT.md §5, §6): a Fastify app that serves releases, and nothing but releases.
/** Builds the API app for a data folder; `app.listen()` serves it, `app.inject()` tests it. */
export { type ApiOptions, createApp } from "./app.ts";
export type { OutputFormat, RenderOptions } from "./formats/index.ts";
export { FORMATS } from "./formats/index.ts";
