// Moves a table's cells between DuckDB and disclosure control: reads a complete cube (one row per
// cell: dimension codes and measures) into typed arrays, and writes each cell's status and
// protection requirements back as columns `disclosure` (0 published, 1 sensitive, 2 complement),
// `need_down__<m>` and `need_up__<m>`.
import type { DuckDBConnection } from "@duckdb/node-api";
import type { TableDef } from "../build/tables/types.ts";
import { fail } from "../errors.ts";
import { quoteIdentifier as qi, quoteLiteral as ql } from "../store/sql.ts";
import type { Problem } from "./model/problem.ts";
import type { TableInput } from "./protect.ts";

async function readColumns(
  connection: DuckDBConnection,
  sql: string,
  size: number,
  columns: number,
): Promise<{ index: Int32Array; values: Float64Array[] }> {
  const result = await connection.run(sql);
  const values = Array.from({ length: columns }, () => new Float64Array(size).fill(Number.NaN));
  const seen = new Int32Array(size);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const idx = chunk.getColumnValues(0) as number[];
    for (let j = 0; j < columns; j++) {
      const col = chunk.getColumnValues(j + 1) as (number | null)[];
      const out = values[j] as Float64Array;
      for (let r = 0; r < idx.length; r++) {
        const v = col[r];
        out[idx[r] as number] = v === null || v === undefined ? Number.NaN : Number(v);
      }
    }
    for (const i of idx) seen[i] = 1;
  }
  return { index: seen, values };
}

/**
 * Reads the complete cube in relation `rel` (a temp table with a VARCHAR column per dimension and a
 * DOUBLE per measure) and adds to it the column `cell_idx`, the cell's position in the cube.
 */
export async function loadTableInput(
  connection: DuckDBConnection,
  table: TableDef,
  rel: string,
  options: { readonly dominance?: boolean } = {},
): Promise<TableInput> {
  const dims = table.dimensions.map((d) => d.id);
  const codes: string[][] = [];
  for (const d of dims) {
    const reader = await connection.runAndReadAll(
      `SELECT DISTINCT CAST(${qi(d)} AS VARCHAR) FROM ${qi(rel)} ORDER BY 1`,
    );
    codes.push(reader.getRowsJson().map((r) => String(r[0])));
  }
  const sizes = codes.map((c) => c.length);
  const size = sizes.reduce((a, b) => a * b, 1);
  let stride = 1;
  const terms: string[] = [];
  const joins: string[] = [];
  for (let d = dims.length - 1; d >= 0; d--) {
    const list = (codes[d] as string[]).map((c, i) => `(${ql(c)}, ${i})`).join(", ");
    joins.push(
      `JOIN (VALUES ${list}) AS k${d}(code, i) ON k${d}.code = CAST(r.${qi(dims[d] as string)} AS VARCHAR)`,
    );
    terms.push(`k${d}.i * ${stride}`);
    stride *= sizes[d] as number;
  }
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${qi(rel)} AS
    SELECT r.*, CAST(${terms.join(" + ")} AS INTEGER) AS cell_idx FROM ${qi(rel)} r ${joins.join(" ")}`);
  const count = await connection.runAndReadAll(`SELECT CAST(count(*) AS INTEGER) FROM ${qi(rel)}`);
  if (Number(count.getRowsJson()[0]?.[0]) !== size)
    fail("build_failed", `Table ${table.id}: the cells do not form a complete cube (${size} expected)`);
  const measures = table.measures.map((m) => m.id);
  const { values } = await readColumns(
    connection,
    `SELECT cell_idx, ${measures.map((m) => `CAST(${qi(m)} AS DOUBLE)`).join(", ")} FROM ${qi(rel)}`,
    size,
    measures.length,
  );
  const input: TableInput = {
    table,
    codes,
    values: Object.fromEntries(measures.map((m, i) => [m, values[i] as Float64Array])),
  };
  const dominance = table.disclosure?.dominance;
  // The largest contributions come from microdata: only the build has them.
  if (!dominance || options.dominance === false) return input;
  const { values: largest } = await readColumns(
    connection,
    `SELECT w.cell_idx, CAST(d.largest AS DOUBLE) FROM ${qi(rel)} w JOIN (${dominance.sql}) d USING (${dims.map(qi).join(", ")})`,
    size,
    1,
  );
  return { ...input, largest: largest[0] as Float64Array };
}

/** Writes the cells' status and requirements (columns `disclosure`, `need_*`) into `rel`. */
export async function writeStatus(
  connection: DuckDBConnection,
  rel: string,
  problem: Problem,
  cubeIndex: number,
  status: Uint8Array,
): Promise<void> {
  const cube = problem.cubes[cubeIndex];
  if (!cube) return;
  const measures = [...cube.relations.keys()];
  const needCols = measures.flatMap((m) => [`need_down__${m}`, `need_up__${m}`]);
  const tmp = `${rel}_status`;
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${qi(tmp)} (cell_idx INTEGER, disclosure TINYINT${needCols.map((c) => `, ${qi(c)} DOUBLE`).join("")})`,
  );
  const appender = await connection.createAppender(tmp);
  try {
    for (let local = 0; local < status.length; local++) {
      const s = status[local] as number;
      if (s === 0) continue;
      const c = problem.canon[cube.offset + local] as number;
      appender.appendInteger(local);
      appender.appendTinyInt(s);
      for (const m of measures) {
        const req = problem.requirement.get(m);
        for (const v of [req?.down[c], req?.up[c]]) {
          if (v === undefined || Number.isNaN(v)) appender.appendNull();
          else appender.appendDouble(v);
        }
      }
      appender.endRow();
    }
  } finally {
    appender.closeSync();
  }
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${qi(rel)} AS
    SELECT w.* EXCLUDE (suppressed), coalesce(s.disclosure, 0) > 0 AS suppressed, coalesce(s.disclosure, 0) AS disclosure
      ${needCols.map((c) => `, s.${qi(c)}`).join("")}
    FROM ${qi(rel)} w LEFT JOIN ${qi(tmp)} s USING (cell_idx)`);
  await connection.run(`DROP TABLE ${qi(tmp)}`);
}
