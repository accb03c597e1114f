// The release build: table catalogue, prepared tables, compile, immutable releases.
export { compileTable } from "./compile-table.ts";
export type { ReleaseManifest } from "./manifest.ts";
export { listReleases, releasesDir } from "./release-paths.ts";
/** Builds and publishes a new release from the warehouse (or keeps the newest when nothing changed). */
export { type BuildOptions, type BuildResult, buildRelease } from "./run-build.ts";
export { TABLES } from "./tables/index.ts";
export type { TableDef } from "./tables/types.ts";
