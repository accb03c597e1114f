// `audit` of a release from its files: the published cells and statuses (the release's Parquet) and
// the protection record the build kept beside the warehouse (`<data>/disclosure/<release>/`: each
// cell's true values, which cells were sensitive and how far each must stay uncertain; never
// published). The relations come from the table definitions; how the pattern was chosen plays no
// part. Also reports the information loss: suppressed values per table and measure.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { TableDef } from "../build/tables/types.ts";
import { fail } from "../errors.ts";
import { quoteIdentifier as qi, quoteLiteral as ql } from "../store/sql.ts";
import type { AuditOptions, Violation } from "./audit-problem.ts";
import { auditInThreads } from "./audit-threads.ts";
import { loadTableInput } from "./db.ts";
import { disclosureGroups } from "./groups.ts";
import { layerThreads, threadsWithinMemory } from "./layers/pool.ts";
import { buildProblem } from "./protect.ts";
import type { BuildWitnesses } from "./secondary/witnesses.ts";

/** Where the build keeps the protection record of a release (inside the data folder, not served). */
export function privateDir(dataDir: string, release: string): string {
  return join(dataDir, "disclosure", release);
}

export interface AuditTableLoss {
  readonly table: string;
  readonly measure: string;
  readonly suppressed: number;
  readonly cells: number;
  readonly share: number;
}

export interface AuditReport {
  readonly ok: boolean;
  readonly violations: (Violation & { readonly table: string })[];
  /** Published values that are not the rounded protected value (should never happen). */
  readonly mismatches: number;
  readonly checks: number;
  /** Of the checks, those proven by a witness of the protection step (checked by the audit). */
  readonly byWitness: number;
  readonly sensitiveCells: number;
  readonly suppressedCells: number;
  readonly loss: AuditTableLoss[];
  readonly seconds: number;
}

async function intColumn(
  connection: DuckDBConnection,
  sql: string,
  size: number,
  columns: number,
): Promise<Float64Array[]> {
  const result = await connection.run(sql);
  const out = Array.from({ length: columns }, () => new Float64Array(size).fill(Number.NaN));
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const idx = chunk.getColumnValues(0) as number[];
    for (let j = 0; j < columns; j++) {
      const col = chunk.getColumnValues(j + 1);
      const arr = out[j] as Float64Array;
      for (let r = 0; r < idx.length; r++) {
        const v = col[r];
        arr[idx[r] as number] = v === null || v === undefined ? Number.NaN : Number(v);
      }
    }
  }
  return out;
}

/** Audits the release in `releasePath` with the protection record in `recordPath`. */
export async function auditRelease(
  releasePath: string,
  recordPath: string,
  tables: readonly TableDef[],
  options: AuditOptions & { readonly buildWitnesses?: BuildWitnesses } = {},
): Promise<AuditReport> {
  const started = Date.now();
  const present: TableDef[] = [];
  const probe = await DuckDBInstance.create(":memory:");
  const probeConnection = await probe.connect();
  try {
    for (const t of tables) {
      const file = join(releasePath, `${t.id}.parquet`);
      if (!existsSync(file)) continue;
      const reader = await probeConnection.runAndReadAll(
        `SELECT count(*) > 0 FROM read_parquet(${ql(file)})`,
      );
      if (reader.getRowsJson()[0]?.[0] === true) present.push(t);
    }
  } finally {
    probeConnection.closeSync();
    probe.closeSync();
  }
  const missing = present.filter((t) => !existsSync(join(recordPath, `${t.id}.parquet`)));
  if (missing.length > 0)
    fail("not_found", `No protection record for ${missing.map((t) => t.id).join(", ")} in ${recordPath}`);
  const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
  const connection = await instance.connect();
  const violations: (Violation & { table: string })[] = [];
  const loss: AuditTableLoss[] = [];
  let mismatches = 0;
  let checks = 0;
  let byWitness = 0;
  let sensitiveCells = 0;
  let suppressedCells = 0;
  try {
    for (const group of disclosureGroups(present)) {
      options.onStep?.(`reading ${group.map((t) => t.id).join(", ")}`);
      const inputs = [];
      const extras: Float64Array[][] = [];
      for (const [k, table] of group.entries()) {
        const dims = table.dimensions.map((d) => qi(d.id));
        const pub = `read_parquet(${ql(join(releasePath, `${table.id}.parquet`))})`;
        const rec = `read_parquet(${ql(join(recordPath, `${table.id}.parquet`))})`;
        const rel = `audit_${k}`;
        await connection.run(`CREATE OR REPLACE TEMP TABLE ${rel} AS
          SELECT r.*, coalesce(p.supp, false) AS published_suppressed
          FROM ${rec} r LEFT JOIN (SELECT ${dims.join(", ")}, bool_or(status = '..') AS supp FROM ${pub} GROUP BY ALL) p
          USING (${dims.join(", ")})`);
        const byMeasure = await connection.runAndReadAll(
          `SELECT measure, CAST(count(*) FILTER (WHERE status = '..') AS INTEGER), CAST(count(*) AS INTEGER) FROM ${pub} GROUP BY measure`,
        );
        const order = table.measures.map((m) => m.id);
        for (const [measure, s, n] of byMeasure
          .getRowsJson()
          .sort((a, b) => order.indexOf(String(a[0])) - order.indexOf(String(b[0]))))
          loss.push({
            table: table.id,
            measure: String(measure),
            suppressed: Number(s),
            cells: Number(n),
            share: Number(n) > 0 ? Number(s) / Number(n) : 0,
          });
        // A published value must be the rounded value of its protected cell.
        const measureChecks = table.measures.map(
          (m) => `SELECT count(*) AS n FROM ${pub} p JOIN ${rec} r USING (${dims.join(", ")})
            WHERE p.measure = ${ql(m.id)} AND p.status = '' AND p.value IS DISTINCT FROM round(r.${qi(m.id)}, ${m.decimals})`,
        );
        const mm = await connection.runAndReadAll(
          `SELECT CAST(sum(n) AS INTEGER) FROM (${measureChecks.join(" UNION ALL ")})`,
        );
        mismatches += Number(mm.getRowsJson()[0]?.[0] ?? 0);
        const input = await loadTableInput(connection, table, rel, { dominance: false });
        inputs.push(input);
        const size = input.codes.reduce((a, c) => a * c.length, 1);
        const measures = Object.keys(table.disclosure?.relations ?? {});
        const cols = [
          "published_suppressed",
          "disclosure",
          ...measures.flatMap((m) => [`need_down__${m}`, `need_up__${m}`]),
        ];
        const have = await connection.runAndReadAll(`SELECT column_name FROM (DESCRIBE ${rel})`);
        const names = new Set(have.getRowsJson().map((r) => String(r[0])));
        extras.push(
          await intColumn(
            connection,
            `SELECT cell_idx, ${cols.map((c) => (names.has(c) ? `CAST(${qi(c)} AS DOUBLE)` : "NULL::DOUBLE")).join(", ")} FROM ${rel}`,
            size,
            cols.length,
          ),
        );
      }
      const { problem } = buildProblem(inputs);
      group.forEach((table, k) => {
        const cube = problem.cubes[k];
        const cols = extras[k] as Float64Array[];
        if (!cube) return;
        const measures = Object.keys(table.disclosure?.relations ?? {});
        for (let local = 0; local < cube.size; local++) {
          const c = problem.canon[cube.offset + local] as number;
          if (cols[0]?.[local] === 1) problem.suppressed[c] = 1;
          if (cols[1]?.[local] !== 1) continue;
          problem.sensitive[c] = 1;
          measures.forEach((m, j) => {
            const req = problem.requirement.get(m);
            const down = cols[2 + 2 * j]?.[local] as number;
            const up = cols[3 + 2 * j]?.[local] as number;
            if (!req) return;
            if (!Number.isNaN(down))
              req.down[c] = Math.min(
                Number.isNaN(req.down[c] as number) ? down : (req.down[c] as number),
                down,
              );
            if (!Number.isNaN(up))
              req.up[c] = Math.max(Number.isNaN(req.up[c] as number) ? up : (req.up[c] as number), up);
          });
        }
      });
      for (let g = 0; g < problem.size; g++) {
        if (problem.canon[g] !== g) continue;
        if (problem.sensitive[g]) sensitiveCells++;
        if (problem.suppressed[g]) suppressedCells++;
      }
      options.onStep?.(
        `checking ${group.map((t) => t.id).join(", ")}: ${suppressedCells.toLocaleString("da-DK")} suppressed cells so far`,
      );
      const { buildWitnesses, ...auditOptions } = options;
      const kept = buildWitnesses?.for(inputs);
      const result = await auditInThreads(
        inputs,
        problem,
        { ...auditOptions, ...(kept ? { witnesses: kept } : {}) },
        threadsWithinMemory(problem.size, layerThreads()),
      );
      checks += result.checks;
      byWitness += result.byWitness;
      for (const v of result.violations) violations.push({ ...v, table: v.cell.split(" ")[0] as string });
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return {
    ok: violations.length === 0 && mismatches === 0,
    violations,
    mismatches,
    checks,
    byWitness,
    sensitiveCells,
    suppressedCells,
    loss,
    seconds: (Date.now() - started) / 1000,
  };
}
