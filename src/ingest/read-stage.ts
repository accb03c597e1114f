// Reads a delivery into the stage: the fast path (DuckDB reads the CSV itself) when the file allows it,
// checked against the line count of the byte scan; otherwise, or if DuckDB disagrees, the slow path
// (Node decodes and parses). JSON Lines always take the slow path.
import type { DuckDBConnection } from "@duckdb/node-api";
import { AppError } from "../errors.ts";
import { queryValue, quoteIdentifier } from "../store/index.ts";
import type { Format } from "./header.ts";
import { planCsvHeader } from "./header.ts";
import { assertOrderPreserving } from "./order-guard.ts";
import type { RecordTypeDef } from "./record-types/index.ts";
import type { FileScan } from "./scan-file.ts";
import type { LineShift, StageInput } from "./stage-input.ts";
import { appendCsvInput, appendJsonlInput, fastCsvInput, fastPathPossible } from "./stage-input.ts";
import type { Scope } from "./stage-sql.ts";
import { STAGE_TABLE, stageSql } from "./stage-sql.ts";

export interface ReadOptions {
  readonly def: RecordTypeDef;
  readonly path: string;
  readonly scan: FileScan;
  readonly head: string;
  readonly format: Format;
  readonly scope: { readonly kind: Scope["kind"]; readonly scope: readonly string[] };
  readonly asOf: string;
}

export interface StageRead {
  readonly base: number;
  readonly shifts: readonly LineShift[];
  readonly warnings: readonly string[];
  /** Which reader parsed the file. */
  readonly reader: "duckdb" | "node";
}

async function build(connection: DuckDBConnection, options: ReadOptions, input: StageInput): Promise<void> {
  const scope = { kind: options.scope.kind, codes: options.scope.scope };
  const sql = stageSql({ def: options.def, input, scope, asOf: options.asOf });
  await assertOrderPreserving(connection, sql, options.path);
  await connection.run(sql);
}

function result(input: StageInput, reader: StageRead["reader"], warnings: readonly string[]): StageRead {
  return { base: input.base, shifts: input.shifts, warnings: [...warnings, ...input.warnings], reader };
}

/** Whether DuckDB failed for want of memory (its message is not passed on: it may quote input). */
export function isOutOfMemory(err: unknown): boolean {
  return err instanceof Error && /^Out of Memory Error|could not allocate block/.test(err.message);
}

export async function readStage(connection: DuckDBConnection, options: ReadOptions): Promise<StageRead> {
  const { def, path, scan } = options;
  if (options.format === "jsonl") {
    const input = await appendJsonlInput(connection, path, scan, def);
    if (input.records > 0 && input.knownKeys === 0) {
      throw new AppError("bad_header", `No line of the file has a key that is a field of ${def.type}`);
    }
    await build(connection, options, input);
    return result(input, "node", []);
  }
  const plan = planCsvHeader(def, options.head);
  if (fastPathPossible(path, scan)) {
    const input = fastCsvInput(path, plan, scan);
    try {
      await build(connection, options, input);
      const rows = Number(
        await queryValue(connection, `SELECT count(*) FROM ${quoteIdentifier(STAGE_TABLE)}`),
      );
      if (rows === scan.lines - scan.blankLines.length - 1) return result(input, "duckdb", plan.warnings);
    } catch (err) {
      // DuckDB could not read it as planned (e.g. a very long line): the slow path decides.
      if (isOutOfMemory(err)) throw err;
    }
  }
  const input = await appendCsvInput(connection, path, scan, plan);
  await build(connection, options, input);
  return result(input, "node", plan.warnings);
}
