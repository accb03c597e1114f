// Turns one table definition into its published cells: runs the table's SQL, completes the cube
// (every combination of the dimensions' codes; empty counts are 0, empty rates "-"), unpivots to
// one row per cell and measure with a status, passes it through disclosure control, and rounds only
// then. Result: temp table `pub` (dimension columns…, measure, value, status) in published order.
import type { DuckDBConnection } from "@duckdb/node-api";
import { applyDisclosure } from "../disclosure/index.ts";
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
}

export async function compileTable(
  connection: DuckDBConnection,
  table: TableDef,
  options: CompileOptions = {},
): Promise<CompiledTable> {
  const dims = table.dimensions.map((d) => qi(d.id));
  const sorts = table.dimensions.map((_, i) => `s${i}`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE t_raw AS ${table.sql}`);
  // The complete cube with every measure filled in: one join, then one row per cell.
  const cubeSelect = table.dimensions
    .map((d, i) => `d${i}.code AS ${qi(d.id)}, d${i}.sort AS s${i}`)
    .join(", ");
  const cubeFrom = table.dimensions
    .map((d, i) => `(${dimensionCodesSql(table, d)}) d${i}`)
    .join(" CROSS JOIN ");
  const measures = table.measures
    .map(
      (m) =>
        `${m.whenEmpty === "zero" ? `coalesce(r.${qi(m.id)}, 0)` : `r.${qi(m.id)}`}::DOUBLE AS ${qi(m.id)}`,
    )
    .join(", ");
  await connection.run(`CREATE OR REPLACE TEMP TABLE t_wide AS
    SELECT c.*, ${measures}, false AS suppressed
    FROM (SELECT ${cubeSelect} FROM ${cubeFrom}) c LEFT JOIN t_raw r USING (${dims.join(", ")})`);
  await connection.run("DROP TABLE t_raw");
  if (!options.unprotected) await applyDisclosure(connection, table, "t_wide");
  // One row per cell and measure; "-" where a measure does not apply, ".." where suppressed, and
  // rounding only now, at publication.
  const perMeasure = table.measures.map(
    (m, k) => `SELECT ${dims.join(", ")}, ${sorts.join(", ")}, ${ql(m.id)} AS measure, ${k} AS msort,
      CASE WHEN suppressed THEN NULL ELSE round(${qi(m.id)}, ${m.decimals}) END AS value,
      CASE WHEN suppressed THEN '..' WHEN ${qi(m.id)} IS NULL THEN '-' ELSE '' END AS status
      FROM t_wide`,
  );
  await connection.run(`CREATE OR REPLACE TEMP TABLE pub AS
    SELECT ${dims.join(", ")}, measure, value, status FROM (${perMeasure.join(" UNION ALL ")})
    ORDER BY ${sorts.join(", ")}, msort`);
  await connection.run("DROP TABLE t_wide");
  const reader = await connection.runAndReadAll("SELECT CAST(count(*) AS INTEGER) FROM pub");
  return { rows: Number(reader.getRowsJson()[0]?.[0] ?? 0) };
}
