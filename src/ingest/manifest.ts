// Ingests a delivery set described by a manifest (as `jobindblik demo` writes it): registers its
// sources (skipping ones already registered with the same definition) and ingests every file, in order.
// A refused file does not stop the others; the summary lists every refusal.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { z } from "zod";
import type { ErrorCode } from "../errors.ts";
import { AppError, toAppError } from "../errors.ts";
import type { IngestEffects } from "./effects.ts";
import { ingestFile } from "./ingest-file.ts";
import { addSource, findSource, normaliseSource, sameDefinition } from "./sources.ts";

const ManifestSchema = z.object({
  sources: z.array(
    z.object({ id: z.string(), kind: z.string(), scope: z.array(z.string()), types: z.array(z.string()) }),
  ),
  files: z.array(
    z.object({
      path: z.string(),
      type: z.string(),
      source: z.string(),
      period: z.string().nullish(),
      rows: z.number().optional(),
    }),
  ),
});

export type Manifest = z.infer<typeof ManifestSchema>;

export interface ManifestSummary {
  readonly manifest: string;
  readonly sources_added: readonly string[];
  readonly sources_skipped: readonly string[];
  readonly files: number;
  readonly ingested: number;
  /** Files already ingested from their source (same checksum). */
  readonly skipped: number;
  readonly refused: readonly { path: string; code: ErrorCode; message: string }[];
  readonly batches: readonly number[];
  readonly rows_read: number;
  readonly accepted: number;
  readonly quarantined: number;
  readonly reasons: Readonly<Record<string, number>>;
  readonly seconds: number;
}

/** Called after each file with its path and expected rows (from the manifest, or 1). */
export type ManifestProgress = (done: { path: string; rows: number }) => void;

export function readManifest(path: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code) throw err;
    throw new AppError("bad_argument", `The manifest ${path} is not JSON`);
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      "bad_argument",
      `The manifest ${path} is not valid: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim(),
    );
  }
  return parsed.data;
}

async function registerSources(connection: DuckDBConnection, manifest: Manifest, now: Date) {
  const added: string[] = [];
  const skipped: string[] = [];
  for (const definition of manifest.sources) {
    const wanted = normaliseSource(definition);
    const existing = await findSource(connection, wanted.id);
    if (existing && sameDefinition(existing, wanted)) skipped.push(wanted.id);
    else if (existing)
      throw new AppError(
        "source_exists",
        `Source ${wanted.id} is already registered with another definition`,
      );
    else {
      await addSource(connection, wanted, now);
      added.push(wanted.id);
    }
  }
  return { added, skipped };
}

export async function ingestManifest(
  connection: DuckDBConnection,
  manifestPath: string,
  effects: IngestEffects,
  progress: ManifestProgress = () => {},
): Promise<ManifestSummary> {
  const started = performance.now();
  const path = resolve(manifestPath);
  const manifest = readManifest(path);
  const { added, skipped: sourcesSkipped } = await registerSources(connection, manifest, effects.now());
  const reasons: Record<string, number> = {};
  const refused: { path: string; code: ErrorCode; message: string }[] = [];
  const batches: number[] = [];
  let skipped = 0;
  let rowsRead = 0;
  let accepted = 0;
  let quarantined = 0;
  for (const file of manifest.files) {
    try {
      const receipt = await ingestFile(
        connection,
        {
          file: resolve(dirname(path), file.path),
          type: file.type,
          source: file.source,
          period: file.period ?? undefined,
        },
        effects,
      );
      batches.push(receipt.batch);
      rowsRead += receipt.rows_read;
      accepted += receipt.accepted;
      quarantined += receipt.quarantined;
      for (const [code, n] of Object.entries(receipt.reasons)) reasons[code] = (reasons[code] ?? 0) + n;
    } catch (err) {
      const error = toAppError(err);
      if (error.code === "duplicate_delivery") skipped++;
      else refused.push({ path: file.path, code: error.code, message: error.message });
    }
    progress({ path: file.path, rows: file.rows ?? 1 });
  }
  return {
    manifest: path,
    sources_added: added,
    sources_skipped: sourcesSkipped,
    files: manifest.files.length,
    ingested: batches.length,
    skipped,
    refused,
    batches,
    rows_read: rowsRead,
    accepted,
    quarantined,
    reasons,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
