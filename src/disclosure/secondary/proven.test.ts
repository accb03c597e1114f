import { describe, expect, it } from "vitest";
import { ProvenMoves } from "./proven.ts";

describe("changes already shown possible", () => {
  it("meets a direction a recorded change moved the cell at least as far, and nothing else", () => {
    const proven = new ProvenMoves(4);
    // A hypercube sought for cell 0: it goes up 5 while cell 1 goes down 5 (and cell 2 up 3).
    proven.record(
      "persons",
      new Map([
        [0, 5],
        [1, -5],
        [2, 3],
      ]),
    );
    // Cell 0 still has to show it can go down 2; cell 1 that it can go up 5.
    expect(proven.remaining(0, [{ m: "persons", up: 5, down: 2 }])).toEqual([
      { m: "persons", up: 0, down: 2 },
    ]);
    expect(proven.remaining(1, [{ m: "persons", up: 5, down: 3 }])).toEqual([
      { m: "persons", up: 5, down: 0 },
    ]);
    // Up 3 is not up 5; another measure and an untouched cell keep their whole demand.
    expect(proven.remaining(2, [{ m: "persons", up: 5, down: 1 }])).toEqual([
      { m: "persons", up: 5, down: 1 },
    ]);
    expect(proven.remaining(0, [{ m: "fte", up: 1, down: 1 }])).toEqual([{ m: "fte", up: 1, down: 1 }]);
    expect(proven.remaining(3, [{ m: "persons", up: 5, down: 1 }])).toEqual([
      { m: "persons", up: 5, down: 1 },
    ]);
    // A later change that goes further counts; a demand met both ways is dropped.
    proven.record(
      "persons",
      new Map([
        [0, -2],
        [3, 1],
      ]),
    );
    expect(proven.remaining(0, [{ m: "persons", up: 5, down: 2 }])).toEqual([]);
  });

  it("tells which cell's change went furthest, and keeps only the cells it tracks", () => {
    // Cells 1 and 3 tracked (sensitive), of 5.
    const proven = new ProvenMoves(5, [1, 3]);
    proven.record(
      "n",
      new Map([
        [1, 2],
        [3, -1],
        [4, 9],
      ]),
      0,
    );
    proven.record(
      "n",
      new Map([
        [1, 4],
        [3, -0.5],
      ]),
      2,
    );
    // Cell 1 went furthest up by cell 2's change; cell 3 down by cell 0's; nothing went down for 1.
    expect(proven.sourceOf(1, "n", 1)).toBe(2);
    expect(proven.sourceOf(3, "n", -1)).toBe(0);
    expect(proven.sourceOf(1, "n", -1)).toBe(-1);
    // Cell 4 is not tracked: its move of 9 is not kept.
    expect(proven.remaining(4, [{ m: "n", up: 1, down: 0 }])).toEqual([{ m: "n", up: 1, down: 0 }]);
    expect(proven.remaining(1, [{ m: "n", up: 4, down: 1 }])).toEqual([{ m: "n", up: 0, down: 1 }]);
  });
});
