// Turns table definitions into published cells: runs a table's SQL and completes the cube (every
// combination of the dimensions' codes; empty counts are 0, empty rates "-"), lets disclosure control
// mark suppressed cells (linked tables together), then unpivots to one row per cell and measure with
// a status, rounding only then. Result: temp table `pub` (dimension columns…, measure, value, status)
// in published order.

import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import {
  type BuildWitnesses,
  type GroupSummary,
  type ProtectOptions,
  protectGroup,
  writeProtectionRecord,
} from "../disclosure/index.ts";
import { fail } from "../errors.ts";
import { quoteIdentifier as qi, quoteLiteral as ql } from "../store/sql.ts";
import type { DimensionDef, TableDef } from "./tables/types.ts";

function dimensionCodesSql(table: TableDef, dim: DimensionDef): string {
  switch (dim.kind) {
    case "period":
      return `SELECT period AS code, sort FROM periods WHERE kind IN (${table.periodKinds.map(ql).join(", ")})`;
    case "area": {
      const levels = dim.areaLevels ?? ["country", "region", "rar", "jobcentre", "municipality"];
      const extra = (dim.extraCodes ?? []).map(
        (c, i) => `SELECT ${ql(c.code)} AS code, ${100_000 + i} AS sort`,
      );
      return [
        `SELECT area AS code, sort FROM areas WHERE level IN (${levels.map(ql).join(", ")})`,
        ...extra,
      ].join(" UNION ALL ");
    }
    case "code":
      return `SELECT * FROM (VALUES ${(dim.codes ?? []).map((c, i) => `(${ql(c.code)}, ${i})`).join(", ")}) AS t(code, sort)`;
  }
}

export interface CompiledTable {
  readonly rows: number;
}

export interface CompileOptions {
  /** Skip disclosure control: only for tests of a table's definitions, never for a release. */
  readonly unprotected?: boolean;
  /** Secondary suppression settings (method, sizes); the build's defaults otherwise. */
  readonly disclosure?: ProtectOptions;
}

/** The complete cube's shape: each dimension's codes in published order and its stride. */
interface CubeShape {
  readonly lists: readonly string[];
  readonly sizes: readonly number[];
  readonly strides: readonly number[];
  readonly cells: number;
}

async function cubeShape(connection: DuckDBConnection, table: TableDef): Promise<CubeShape> {
  const lists: string[] = [];
  const sizes: number[] = [];
  for (const dim of table.dimensions) {
    const reader = await connection.runAndReadAll(
      `SELECT code FROM (${dimensionCodesSql(table, dim)}) ORDER BY sort`,
    );
    const codes = reader.getRowsJson().map((r) => String(r[0]));
    lists.push(`[${codes.map(ql).join(", ")}]`);
    sizes.push(codes.length);
  }
  const strides: number[] = new Array(sizes.length).fill(1);
  let cells = 1;
  for (let i = sizes.length - 1; i >= 0; i--) {
    strides[i] = cells;
    cells *= sizes[i] as number;
  }
  return { lists, sizes, strides, cells };
}

/** The code of every dimension of cell number `cell`, as SELECT items named by dimension id. */
function codesOfCell(table: TableDef, shape: CubeShape, cell: string): string {
  return table.dimensions
    .map(
      (d, i) => `${shape.lists[i]}[(${cell} // ${shape.strides[i]}) % ${shape.sizes[i]} + 1] AS ${qi(d.id)}`,
    )
    .join(", ");
}

/**
 * Runs the table's SQL and completes the cube into temp table `rel`: one row per combination of the
 * dimensions' codes (`cell`: the cell's number in published order, dimension columns, one DOUBLE per
 * measure, `suppressed`). Cells are numbered with the last dimension varying fastest, so the cube is
 * a range of integers whose codes are list lookups — no cross join of code lists and no join on text
 * keys, which at national scale (millions of cells) made this the slowest step of a table.
 */
export async function compileCells(
  connection: DuckDBConnection,
  table: TableDef,
  rel = "t_wide",
): Promise<void> {
  const shape = await cubeShape(connection, table);
  // Each row's cell number, from the positions of its codes (hash joins on the small code lists);
  // rows outside the cube (a code no dimension lists) are not published.
  const joins = table.dimensions
    .map(
      (d, i) =>
        `JOIN (SELECT unnest(${shape.lists[i]}) AS code, generate_subscripts(${shape.lists[i]}, 1) - 1 AS i) k${i} ON k${i}.code = r.${qi(d.id)}`,
    )
    .join("\n    ");
  const cellOfRow = table.dimensions.map((_, i) => `k${i}.i * ${shape.strides[i]}`).join(" + ");
  await connection.run(`CREATE OR REPLACE TEMP TABLE t_raw AS
    SELECT ${cellOfRow} AS cell, r.* FROM (${table.sql}) r
    ${joins}`);
  const measures = table.measures
    .map(
      (m) =>
        `${m.whenEmpty === "zero" ? `coalesce(r.${qi(m.id)}, 0)` : `r.${qi(m.id)}`}::DOUBLE AS ${qi(m.id)}`,
    )
    .join(", ");
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${qi(rel)} AS
    SELECT c.cell, ${codesOfCell(table, shape, "c.cell")}, ${measures}, false AS suppressed
    FROM range(${shape.cells}) c(cell) LEFT JOIN t_raw r ON r.cell = c.cell`);
  await connection.run("DROP TABLE t_raw");
}

/**
 * Publishes the cells of `rel` (as compileCells left them, `suppressed` set by disclosure control)
 * into temp table `pub` (dimension columns…, measure, value, status) in published order: "-" where a
 * measure does not apply, ".." where suppressed, and rounding only now, at publication. Drops `rel`.
 * The cells are sorted on their number alone (narrow rows sort fast); codes are looked up after, and
 * unnest keeps the order of the rows and of each row's measures.
 */
export async function publishCells(
  connection: DuckDBConnection,
  table: TableDef,
  rel = "t_wide",
): Promise<CompiledTable> {
  const shape = await cubeShape(connection, table);
  // `+ 0.0` publishes a tiny negative value that rounds to −0 as 0.
  const values = table.measures.map(
    (m) => `CASE WHEN suppressed THEN NULL ELSE round(${qi(m.id)}, ${m.decimals}) + 0.0 END`,
  );
  const statuses = table.measures.map(
    (m) => `CASE WHEN suppressed THEN '..' WHEN ${qi(m.id)} IS NULL THEN '-' ELSE '' END`,
  );
  await connection.run(`CREATE OR REPLACE TEMP TABLE pub AS
    SELECT ${codesOfCell(table, shape, "c.cell")},
      unnest([${table.measures.map((m) => ql(m.id)).join(", ")}]) AS measure,
      unnest([${values.join(", ")}]) AS value, unnest([${statuses.join(", ")}]) AS status
    FROM (
      SELECT cell, ${table.measures.map((m) => qi(m.id)).join(", ")}, suppressed FROM ${qi(rel)} ORDER BY cell
    ) c`);
  await connection.run(`DROP TABLE ${qi(rel)}`);
  const reader = await connection.runAndReadAll("SELECT CAST(count(*) AS INTEGER) FROM pub");
  return { rows: Number(reader.getRowsJson()[0]?.[0] ?? 0) };
}

/** One table on its own: cells, disclosure control (primary and secondary), publication into `pub`. */
export async function compileTable(
  connection: DuckDBConnection,
  table: TableDef,
  options: CompileOptions = {},
): Promise<CompiledTable> {
  await compileCells(connection, table, "t_wide");
  if (!options.unprotected)
    await protectGroup(connection, [table], ["t_wide"], { level: disclosureLevel(), ...options.disclosure });
  return publishCells(connection, table, "t_wide");
}

/**
 * Full disclosure control (all primary rules, secondary suppression, audit) is opt-in with
 * JOBINDBLIK_DISCLOSURE=full until it is fast enough for whole releases (src/disclosure/DESIGN.md);
 * otherwise the interim threshold rule alone.
 */
export function disclosureLevel(): "full" | "threshold" {
  return process.env.JOBINDBLIK_DISCLOSURE === "full" ? "full" : "threshold";
}

/**
 * Seconds the careful secondary search may take per group of linked tables before it falls back to
 * hypercubes alone (JOBINDBLIK_DISCLOSURE_BUDGET, default 300), and the audit before it stops solving
 * LPs, so a full build always finishes; cells left unprotected or unproven then make the audit refuse
 * the release rather than publish it. A value that is not a number of seconds is refused rather than
 * silently replaced by the default.
 */
export function disclosureBudgetSeconds(): number {
  const text = process.env.JOBINDBLIK_DISCLOSURE_BUDGET;
  if (text === undefined || text.trim() === "") return 300;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds < 0)
    fail("bad_argument", `JOBINDBLIK_DISCLOSURE_BUDGET must be a number of seconds ≥ 0, not "${text}"`);
  return seconds;
}

/** Progress of the secondary step as a step line, at most every 30 s (and at the end). */
function everyHalfMinute(onStep: (step: string) => void): (done: number, total: number) => void {
  let last = Date.now();
  return (done, total) => {
    if (done < total && Date.now() - last < 30_000) return;
    last = Date.now();
    onStep(`${done.toLocaleString("da-DK")} of ${total.toLocaleString("da-DK")} sensitive cells protected`);
  };
}

export interface GroupOptions {
  readonly disclosure?: ProtectOptions;
  /** Told which step disclosure control is at (a period's layer, the repair), for progress output. */
  readonly onStep?: (step: string) => void;
  /** Folder for the protection records (`<table>.parquet`) the audit reads; none if omitted. */
  readonly recordDir?: string;
  /** Keeps the changes that met each protection test, for the audit of the same build. */
  readonly witnesses?: BuildWitnesses;
}

/**
 * A group of linked tables (disclosureGroups): every table's cells, disclosure control of all of
 * them together, then each table published into `pub` in turn and handed to `publish`.
 */
export async function compileGroup(
  connection: DuckDBConnection,
  group: readonly TableDef[],
  options: GroupOptions,
  publish: (table: TableDef, compiled: CompiledTable) => Promise<void>,
): Promise<GroupSummary> {
  const rels = group.map((_, i) => `t_wide_${i}`);
  for (const [i, table] of group.entries()) await compileCells(connection, table, rels[i]);
  const summary = await protectGroup(connection, group, rels, {
    level: disclosureLevel(),
    ...(disclosureLevel() === "full" ? { budgetSeconds: disclosureBudgetSeconds() } : {}),
    ...(options.onStep ? { onStep: options.onStep, onProgress: everyHalfMinute(options.onStep) } : {}),
    ...(options.witnesses ? { buildWitnesses: options.witnesses } : {}),
    ...options.disclosure,
  });
  for (const [i, table] of group.entries()) {
    const rel = rels[i] as string;
    if (options.recordDir)
      await writeProtectionRecord(connection, table, rel, join(options.recordDir, `${table.id}.parquet`));
    await publish(table, await publishCells(connection, table, rel));
  }
  return summary;
}
