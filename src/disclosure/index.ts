// Disclosure control of published cells: primary rules (small counts, dominance, ratios of small
// denominators) mark sensitive cells, secondary suppression adds complements so that no sensitive
// value can be narrowed by linear relations below its protection interval, and the audit proves it
// from the release files. Linked tables (sharing margins) are protected together. See DESIGN.md.
import type { DuckDBConnection } from "@duckdb/node-api";
import type { TableDef } from "../build/tables/types.ts";
import { quoteIdentifier } from "../store/sql.ts";
import { loadTableInput, writeStatus } from "./db.ts";
import { type ProtectOptions, protectTables } from "./protect.ts";
import { DEFAULT_RULE_PARAMS as RULE_DEFAULTS } from "./rules/index.ts";
import type { BuildWitnesses } from "./secondary/witnesses.ts";
import { applyThresholdSql } from "./threshold-sql.ts";

export type { AuditReport, AuditTableLoss } from "./audit.ts";
export { auditRelease, privateDir } from "./audit.ts";
export type { Violation } from "./audit-problem.ts";
export { disclosureGroups } from "./groups.ts";
export type { ProtectOptions, TableInput } from "./protect.ts";
export { buildProblem, protectTables } from "./protect.ts";
export { writeProtectionRecord } from "./record.ts";
export { DEFAULT_RULE_PARAMS } from "./rules/index.ts";
export { BuildWitnesses } from "./secondary/witnesses.ts";

export interface GroupSummary {
  readonly tables: readonly string[];
  readonly method: string;
  readonly sensitive: number;
  readonly secondary: number;
  readonly unresolved: number;
  readonly seconds: number;
}

/**
 * Marks suppressed cells in the wide temp tables `rels` (one per table of a linked group, as
 * compileCells made them): column `suppressed`, plus `disclosure` (0 published, 1 sensitive,
 * 2 complement) and the protection requirements `need_down__<m>`, `need_up__<m>` the audit checks.
 */
export async function protectGroup(
  connection: DuckDBConnection,
  tables: readonly TableDef[],
  rels: readonly string[],
  options: ProtectOptions & { readonly buildWitnesses?: BuildWitnesses } = {},
): Promise<GroupSummary> {
  const started = Date.now();
  if (options.level === "threshold") {
    let sensitive = 0;
    for (const [i, table] of tables.entries())
      sensitive += await applyThresholdSql(
        connection,
        table,
        rels[i] as string,
        options.params ?? RULE_DEFAULTS,
      );
    return {
      tables: tables.map((t) => t.id),
      method: "threshold",
      sensitive,
      secondary: 0,
      unresolved: 0,
      seconds: (Date.now() - started) / 1000,
    };
  }
  // A table without cells (nothing to publish yet) takes no part.
  const present: number[] = [];
  for (const i of tables.keys()) {
    const reader = await connection.runAndReadAll(
      `SELECT count(*) > 0 FROM ${quoteIdentifier(rels[i] as string)}`,
    );
    if (reader.getRowsJson()[0]?.[0] === true) present.push(i);
  }
  const inputs = [];
  for (const i of present)
    inputs.push(await loadTableInput(connection, tables[i] as TableDef, rels[i] as string));
  const { buildWitnesses, ...protectOptions } = options;
  const result = await protectTables(inputs, {
    ...protectOptions,
    keepWitnesses: buildWitnesses !== undefined,
  });
  // The changes that met each protection test, for the audit of this build to check first.
  if (buildWitnesses && result.witnesses) buildWitnesses.add(inputs, result.witnesses);
  for (const [k, i] of present.entries())
    await writeStatus(connection, rels[i] as string, result.problem, k, result.status[k] as Uint8Array);
  return {
    tables: tables.map((t) => t.id),
    method: result.secondary.method,
    sensitive: result.secondary.sensitive,
    secondary: result.secondary.secondary,
    unresolved: result.secondary.unresolved,
    seconds: (Date.now() - started) / 1000,
  };
}
