// Ratio rule: a rate or share whose denominator count (in the same cell) is 1..T−1 is sensitive; as
// suppression is per cell, the cell's every measure is then suppressed. Ratios carry no relation of
// their own: they are suppressed with their cell and never published beside a suppressed count.
import type { Cube } from "../model/problem.ts";
import { markSensitive, type PrimaryRule } from "./types.ts";

export const ratioRule: PrimaryRule = {
  id: "ratio",
  apply({ problem, tables, params }) {
    let marked = 0;
    for (const t of tables) {
      const cube = problem.cubes[t.cube] as Cube;
      for (const denominator of Object.values(t.table.disclosure?.ratios ?? {})) {
        const counts = denominator ? t.values[denominator] : undefined;
        if (!counts) continue;
        for (let local = 0; local < cube.size; local++) {
          const n = counts[local] as number;
          if (
            n > 0 &&
            n < params.threshold - 1e-9 &&
            !problem.sensitive[problem.canon[cube.offset + local] as number]
          ) {
            markSensitive(problem, cube, local, []);
            marked++;
          }
        }
      }
    }
    return marked;
  },
};
