// Dominance (p %-rule) for amounts: a cell is sensitive when its total minus its largest single
// contribution (a person's amount, from microdata) does not exceed p % of that contribution — the
// others' share would then reveal the largest one too closely. Its amount must stay uncertain by the
// missing margin p % × largest − (total − largest). Zero amounts are published.
import type { Cube } from "../model/problem.ts";
import { markSensitive, type PrimaryRule } from "./types.ts";

export const dominanceRule: PrimaryRule = {
  id: "dominance",
  apply({ problem, tables, params }) {
    let marked = 0;
    const p = params.dominanceP / 100;
    for (const t of tables) {
      const def = t.table.disclosure?.dominance;
      if (!def || !t.largest) continue;
      const cube = problem.cubes[t.cube] as Cube;
      const totals = t.values[def.measure] as Float64Array;
      for (let local = 0; local < cube.size; local++) {
        const total = totals[local] as number;
        const largest = t.largest[local] as number;
        if (!(total > 0) || !(largest > 0)) continue;
        const rest = total - largest;
        if (rest > p * largest) continue;
        const margin = p * largest - rest;
        markSensitive(problem, cube, local, [
          { m: def.measure, down: Math.max(0, total - margin), up: total + margin },
        ]);
        marked++;
      }
    }
    return marked;
  },
};
