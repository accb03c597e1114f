// Reads the cells of a selection from a release's Parquet file with an in-memory DuckDB that may read
// nothing but the releases folder (external access is locked to it): the warehouse is out of its reach.
import { basename, join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { PublishedTable } from "../build/release-catalogue.ts";
import { fail } from "../errors.ts";
import { literalList, quoteIdentifier, quoteLiteral } from "../store/sql.ts";
import type { CellStatus } from "./cube.ts";
import type { Selection } from "./parse-selection.ts";

export interface CellValues {
  readonly values: (number | null)[];
  readonly status: CellStatus[];
  /** Cells the file lacked (a complete release has none); they are answered as "-". */
  readonly missing: number;
}

const STATUS: readonly CellStatus[] = ["", "..", "-"];

export class CellReader {
  private instance: Promise<DuckDBInstance> | null = null;

  constructor(
    private readonly releasesDir: string,
    private readonly settings: { threads?: number; memoryLimit?: string } = {},
  ) {}

  private open(): Promise<DuckDBInstance> {
    this.instance ??= (async () => {
      const instance = await DuckDBInstance.create(":memory:", {
        threads: String(this.settings.threads ?? 2),
        memory_limit: this.settings.memoryLimit ?? "1GB",
      });
      const setup = await instance.connect();
      try {
        const dir = `${resolve(this.releasesDir)}/`;
        await setup.run(`SET allowed_directories = [${quoteLiteral(dir)}]`);
        await setup.run("SET enable_external_access = false");
      } finally {
        setup.closeSync();
      }
      return instance;
    })();
    // A failed start is not remembered: the next request tries again.
    this.instance.catch(() => {
      this.instance = null;
    });
    return this.instance;
  }

  async read(releaseDir: string, table: PublishedTable, selection: Selection): Promise<CellValues> {
    if (basename(table.file) !== table.file) fail("internal", "Table file outside its release");
    const path = join(releaseDir, table.file);
    const sizes = selection.dimensions.map((d) => d.codes.length);
    const measureCount = selection.measures.length;
    const total = sizes.reduce((a, b) => a * b, measureCount);
    const values: (number | null)[] = new Array(total).fill(null);
    const status: (CellStatus | undefined)[] = new Array(total).fill(undefined);
    if (total === 0) return { values, status: [], missing: 0 };

    // Codes are the catalogue's own (validated against it), so they are constants, not user text. DuckDB
    // computes each row's cell index itself: moving three numbers per row into JS is ~20× faster than
    // moving the code strings.
    const positions = [
      ...selection.dimensions.map(
        (d) =>
          `list_position([${d.codes.map((c) => quoteLiteral(c.code)).join(", ")}], ${quoteIdentifier(d.id)})`,
      ),
      `list_position([${selection.measures.map((m) => quoteLiteral(m.id)).join(", ")}], measure)`,
    ];
    const filters = selection.dimensions
      .map((d, i) =>
        d.codes.length === (table.dimensions[i]?.codes.length ?? -1)
          ? null
          : `${quoteIdentifier(d.id)} IN ${literalList(d.codes.map((c) => c.code))}`,
      )
      .filter((f): f is string => f !== null);
    if (measureCount !== table.measures.length) {
      filters.push(`measure IN ${literalList(selection.measures.map((m) => m.id))}`);
    }
    const strides = [...sizes, measureCount].map((_, i, all) => all.slice(i + 1).reduce((a, b) => a * b, 1));
    const index = positions.map((_, i) => `(p${i} - 1) * ${strides[i]}`).join(" + ");
    const sql = `SELECT CAST(${index} AS BIGINT) AS i, value,
        CAST(CASE status WHEN '' THEN 0 WHEN '..' THEN 1 ELSE 2 END AS UTINYINT) AS s
      FROM (SELECT ${positions.map((p, i) => `${p} AS p${i}`).join(", ")}, value, status
            FROM read_parquet(${quoteLiteral(path)})${filters.length > 0 ? ` WHERE ${filters.join(" AND ")}` : ""})
      WHERE ${positions.map((_, i) => `p${i} IS NOT NULL`).join(" AND ")}`;

    const instance = await this.open();
    const connection = await instance.connect();
    try {
      const result = await connection.stream(sql);
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        const iv = chunk.getColumnVector(0);
        const vv = chunk.getColumnVector(1);
        const sv = chunk.getColumnVector(2);
        for (let k = 0, rows = chunk.rowCount; k < rows; k++) {
          const i = Number(iv.getItem(k));
          if (!(i >= 0 && i < total)) continue;
          const s = STATUS[Number(sv.getItem(k))] ?? "-";
          const v = vv.getItem(k);
          status[i] = s;
          values[i] = s === "" && typeof v === "number" ? v : null;
        }
      }
    } finally {
      connection.closeSync();
    }
    let missing = 0;
    for (let i = 0; i < total; i++) {
      if (status[i] === undefined) {
        status[i] = "-";
        missing++;
      }
    }
    return { values, status: status as CellStatus[], missing };
  }

  close(): void {
    const pending = this.instance;
    this.instance = null;
    void pending?.then((i) => i.closeSync()).catch(() => undefined);
  }
}
