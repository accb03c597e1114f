// The primary rules, applied in order; each marks sensitive cells in the problem.
import { dominanceRule } from "./dominance.ts";
import { ratioRule } from "./ratio.ts";
import { thresholdRule } from "./threshold.ts";
import type { PrimaryRule, RuleContext } from "./types.ts";

export type { PrimaryRule, RuleContext, RuleParams, TableCells } from "./types.ts";
export { DEFAULT_RULE_PARAMS } from "./types.ts";

export const PRIMARY_RULES: readonly PrimaryRule[] = [thresholdRule, ratioRule, dominanceRule];

/** Applies every primary rule; returns the cells each marked. */
export function applyPrimaryRules(ctx: RuleContext): Record<string, number> {
  return Object.fromEntries(PRIMARY_RULES.map((r) => [r.id, r.apply(ctx)]));
}
