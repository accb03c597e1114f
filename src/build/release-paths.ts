// Where releases live: `<data>/releases/<release-id>/` with one Parquet file per table and
// `manifest.json`. A release is written to a dot-folder first and renamed into place, so a listing
// never sees a partial one.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { ReleaseManifest } from "./manifest.ts";

export function releasesDir(dataDir: string): string {
  return join(dataDir, "releases");
}

/** Published releases, oldest first (by creation order recorded in the manifest). */
export function listReleases(dataDir: string): ReleaseManifest[] {
  const dir = releasesDir(dataDir);
  if (!existsSync(dir)) return [];
  const manifests: ReleaseManifest[] = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith(".")) continue;
    const path = join(dir, name, "manifest.json");
    if (!existsSync(path)) continue;
    manifests.push(JSON.parse(readFileSync(path, "utf8")) as ReleaseManifest);
  }
  return manifests.sort((a, b) => a.sequence - b.sequence);
}

/** Removes folders left by builds that were killed before they could rename their release into place. */
export function removeAbandonedBuilds(dataDir: string): number {
  const dir = releasesDir(dataDir);
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (name.startsWith(".tmp-")) {
      rmSync(join(dir, name), { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}
