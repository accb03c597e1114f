// The published releases as the API sees them: read only from `<data>/releases/<id>/` (manifest.json and
// catalogue.json; dot-folders are unfinished builds), newest first, re-listed when the folder changes.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { ReleaseManifest } from "../build/manifest.ts";
import type { PublishedTable } from "../build/release-catalogue.ts";
import { fail } from "../errors.ts";

export interface Release {
  readonly id: string;
  readonly dir: string;
  readonly manifest: ReleaseManifest;
  readonly tables: readonly PublishedTable[];
  readonly tableById: ReadonlyMap<string, PublishedTable>;
}

export interface ReleaseStoreOptions {
  readonly dataDir: string;
  /** How often (ms) the releases folder is checked for a change; 0 checks on every request. */
  readonly checkEveryMs?: number;
  readonly now?: () => number;
  readonly onWarning?: (message: string) => void;
}

const RELEASE_ID = /^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/;

/** Quotes a user-given string for a message: JSON-escaped, at most 40 characters. */
export function quoteInput(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}

function readRelease(dir: string, warn: (message: string) => void): Release | null {
  const id = basename(dir);
  try {
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as ReleaseManifest;
    const tables = JSON.parse(readFileSync(join(dir, "catalogue.json"), "utf8")) as PublishedTable[];
    if (manifest.release !== id || !Array.isArray(tables)) throw new Error("manifest does not match folder");
    return { id, dir, manifest, tables, tableById: new Map(tables.map((t) => [t.id, t])) };
  } catch (err) {
    warn(`release ${id} is skipped: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

export class ReleaseStore {
  readonly releasesDir: string;
  private readonly checkEveryMs: number;
  private readonly now: () => number;
  private readonly warn: (message: string) => void;
  private lastCheck = Number.NEGATIVE_INFINITY;
  private lastStamp = "";
  private byId = new Map<string, Release>();
  private newestFirst: Release[] = [];

  constructor(options: ReleaseStoreOptions) {
    this.releasesDir = join(options.dataDir, "releases");
    this.checkEveryMs = options.checkEveryMs ?? 1000;
    this.now = options.now ?? Date.now;
    this.warn = options.onWarning ?? (() => {});
  }

  /** Re-lists the releases if the folder changed since the last look (a new release is a new sub-folder). */
  refresh(force = false): void {
    const t = this.now();
    if (!force && t - this.lastCheck < this.checkEveryMs) return;
    this.lastCheck = t;
    const stamp = existsSync(this.releasesDir) ? String(statSync(this.releasesDir).mtimeMs) : "none";
    if (!force && stamp === this.lastStamp) return;
    this.lastStamp = stamp;
    const names = stamp === "none" ? [] : readdirSync(this.releasesDir);
    const next = new Map<string, Release>();
    for (const name of names) {
      if (name.startsWith(".") || !RELEASE_ID.test(name)) continue;
      const dir = join(this.releasesDir, name);
      if (!existsSync(join(dir, "manifest.json"))) continue;
      // Releases are immutable: one read once is good for the life of the process.
      const known = this.byId.get(name) ?? readRelease(dir, this.warn);
      if (known) next.set(name, known);
    }
    this.byId = next;
    this.newestFirst = [...next.values()].sort((a, b) => b.manifest.sequence - a.manifest.sequence);
  }

  /** Releases, newest first. */
  list(): readonly Release[] {
    this.refresh();
    return this.newestFirst;
  }

  /** The newest release; `no_release` when none is published yet. */
  newest(): Release {
    return (
      this.list()[0] ??
      fail("no_release", "No release has been published yet; run `jobindblik build` first", {})
    );
  }

  /** A release by id, or the newest when `id` is undefined; `unknown_release` (404) otherwise. */
  get(id: string | undefined): Release {
    if (id === undefined) return this.newest();
    this.refresh();
    return (
      this.byId.get(id) ??
      fail("unknown_release", `No release ${quoteInput(id)}; see /api/v1/releases for the published ones`, {
        release: id.slice(0, 64),
      })
    );
  }

  /** A table of a release; `unknown_table` (404) naming the id otherwise. */
  table(release: Release, id: string): PublishedTable {
    return (
      release.tableById.get(id) ??
      fail("unknown_table", `No table ${quoteInput(id)} in release ${release.id}; see /api/v1/tables`, {
        table: id.slice(0, 64),
        release: release.id,
      })
    );
  }
}
