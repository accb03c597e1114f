// Buffered writing of many delivery files at once with bounded memory: each file keeps a small
// buffer that is appended to disk when full. Rows arrive in a deterministic order, so the same seed
// gives byte-identical files.
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { RecordTypeDef } from "../ingest/record-types/index.ts";
import { recordTypeDef } from "../ingest/record-types/index.ts";
import type { RecordType } from "../reference/codes.ts";
import { corruptRow, type Defect } from "./dirty.ts";
import { type Cell, cellText, headerLine, lineEnding, rowLine } from "./format-row.ts";
import type { Rng } from "./random.ts";
import type { DemoSource } from "./sources.ts";

const FLUSH_BYTES = 128 * 1024;

export interface ManifestFile {
  readonly path: string;
  readonly type: RecordType;
  readonly source: string;
  /** Declared period of the delivery (a year), or null for a delivery that is not periodic. */
  readonly period: string | null;
  readonly format: "csv" | "jsonl";
  readonly rows: number;
  /** Rows made bad on purpose by --dirty, by defect. */
  readonly dirty?: Partial<Record<Defect, number>>;
}

interface OpenFile {
  readonly path: string;
  readonly relative: string;
  readonly type: RecordType;
  readonly def: RecordTypeDef;
  readonly source: DemoSource;
  readonly period: string | null;
  readonly eol: string;
  chunks: string[];
  bytes: number;
  rows: number;
  started: boolean;
  readonly dirty: Partial<Record<Defect, number>>;
}

export interface DirtyOptions {
  readonly share: number;
  readonly rng: Rng;
  readonly foreignMunicipality: (source: DemoSource) => string;
  readonly foreignAkasse: (source: DemoSource) => string;
}

export class DeliveryFiles {
  private readonly files = new Map<string, OpenFile>();

  constructor(
    private readonly outDir: string,
    private readonly dirty: DirtyOptions | null,
  ) {}

  /** Writes one row of `type` for `source` into the delivery for `period` (null: one file for all). */
  write(source: DemoSource, type: RecordType, period: string | null, cells: readonly Cell[]): void {
    const file = this.fileFor(source, type, period);
    const texts = file.def.fields.map((field, i) => cellText(field, cells[i] ?? null, source.style));
    const dirty = this.dirty;
    if (dirty?.rng.chance(dirty.share)) {
      const defect = corruptRow(
        file.def,
        source,
        source.style,
        texts,
        dirty.rng,
        dirty.foreignMunicipality(source),
        dirty.foreignAkasse(source),
      );
      file.dirty[defect] = (file.dirty[defect] ?? 0) + 1;
    }
    const line = rowLine(file.def, source.style, texts) + file.eol;
    file.chunks.push(line);
    file.bytes += line.length;
    file.rows++;
    if (file.bytes >= FLUSH_BYTES) this.flush(file);
  }

  /** Flushes everything and lists the files written, sorted by path. */
  finish(): ManifestFile[] {
    for (const file of this.files.values()) this.flush(file);
    return [...this.files.values()]
      .sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0))
      .map((f) => ({
        path: f.relative,
        type: f.type,
        source: f.source.id,
        period: f.period,
        format: f.source.style === "jsonl" ? ("jsonl" as const) : ("csv" as const),
        rows: f.rows,
        ...(Object.keys(f.dirty).length > 0 ? { dirty: f.dirty } : {}),
      }));
  }

  private fileFor(source: DemoSource, type: RecordType, period: string | null): OpenFile {
    const key = `${source.id}/${type}/${period ?? ""}`;
    let file = this.files.get(key);
    if (!file) {
      const extension = source.style === "jsonl" ? "jsonl" : "csv";
      const relative = `${source.id}/${type}${period ? `-${period}` : ""}.${extension}`;
      file = {
        path: join(this.outDir, relative),
        relative,
        type,
        def: recordTypeDef(type),
        source,
        period,
        eol: lineEnding(source.style),
        chunks: [],
        bytes: 0,
        rows: 0,
        started: false,
        dirty: {},
      };
      this.files.set(key, file);
    }
    return file;
  }

  private flush(file: OpenFile): void {
    if (!file.started) {
      mkdirSync(dirname(file.path), { recursive: true });
      const header = headerLine(file.def, file.source.style);
      const bom = file.source.style === "excel-da" ? "\uFEFF" : "";
      writeFileSync(file.path, header ? `${bom}${header}${file.eol}` : "");
      file.started = true;
    }
    if (file.chunks.length > 0) appendFileSync(file.path, file.chunks.join(""));
    file.chunks = [];
    file.bytes = 0;
  }
}
