// Threshold rule: a count of 1..T−1 persons (or spells, interviews…) is sensitive, and so is every
// other measure of its cell. The count must stay uncertain by ±P (lower end clipped at 0); another
// measure in relations by the same share of itself (P persons' worth: ± v × P ÷ count). Zeros are
// published.
import type { Cube } from "../model/problem.ts";
import { markSensitive, type PrimaryRule } from "./types.ts";

export const thresholdRule: PrimaryRule = {
  id: "threshold",
  apply({ problem, tables, params }) {
    let marked = 0;
    const { threshold: T, protection: P } = params;
    for (const t of tables) {
      const cube = problem.cubes[t.cube] as Cube;
      const counts = t.table.primaryCounts.map((m) => t.values[m] as Float64Array);
      const others = [...cube.relations.keys()].filter((m) => !t.table.primaryCounts.includes(m));
      for (let local = 0; local < cube.size; local++) {
        let smallest = Number.POSITIVE_INFINITY;
        for (const arr of counts) {
          const n = arr[local] as number;
          if (n > 0 && n < T - 1e-9) smallest = Math.min(smallest, n);
        }
        if (smallest === Number.POSITIVE_INFINITY) continue;
        const needs: { m: string; down: number; up: number }[] = [];
        for (const m of t.table.primaryCounts) {
          const v = (t.values[m] as Float64Array)[local] as number;
          if (v > 0 && v < T - 1e-9) needs.push({ m, down: Math.max(0, v - P), up: v + P });
        }
        for (const m of others) {
          const v = (t.values[m] as Float64Array)[local] as number;
          if (!(v > 0)) continue;
          const share = (v * P) / smallest;
          needs.push({ m, down: Math.max(0, v - share), up: v + share });
        }
        markSensitive(problem, cube, local, needs);
        marked++;
      }
    }
    return marked;
  },
};
