// The interface every primary rule implements: it reads a table's cells and marks the sensitive
// ones, with how far each measure's value must stay uncertain (its protection requirement).
import type { TableDef } from "../../build/tables/types.ts";
import type { Cube, Problem } from "../model/problem.ts";

export interface RuleParams {
  /** Counts 1..threshold−1 are sensitive (T). */
  readonly threshold: number;
  /** Protection of a sensitive count: its interval must reach v − P and v + P (lower end ≥ 0). */
  readonly protection: number;
  /** Dominance p %-rule: total minus largest contribution must exceed p % of the largest. */
  readonly dominanceP: number;
}

export const DEFAULT_RULE_PARAMS: RuleParams = { threshold: 5, protection: 5, dominanceP: 10 };

/** One table's cells: all measures (local cell order, NaN where not applicable). */
export interface TableCells {
  readonly table: TableDef;
  /** Index of the table's cube in the problem. */
  readonly cube: number;
  readonly values: Readonly<Record<string, Float64Array>>;
  /** Largest single contribution to the dominance measure, per cell. */
  readonly largest?: Float64Array;
}

export interface RuleContext {
  readonly problem: Problem;
  readonly tables: readonly TableCells[];
  readonly params: RuleParams;
}

export interface PrimaryRule {
  readonly id: string;
  /** Marks sensitive cells; returns how many cells it marked. */
  apply(ctx: RuleContext): number;
}

/** Marks a cell sensitive with requirements (bounds the interval must reach) per measure. */
export function markSensitive(
  p: Problem,
  cube: Cube,
  local: number,
  needs: readonly { m: string; down: number; up: number }[],
): void {
  const c = p.canon[cube.offset + local] as number;
  p.sensitive[c] = 1;
  for (const need of needs) {
    const req = p.requirement.get(need.m);
    if (!req) continue;
    const down = req.down[c] as number;
    const up = req.up[c] as number;
    req.down[c] = Number.isNaN(down) ? need.down : Math.min(down, need.down);
    req.up[c] = Number.isNaN(up) ? need.up : Math.max(up, need.up);
  }
}
