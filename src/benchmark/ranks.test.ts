import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankValues, rankWithinGroups } from "./ranks.ts";

describe("ranks", () => {
  it("ranks the smallest first, breaks ties by the key and leaves out the items without a value", () => {
    const ranks = rankValues(
      [
        { key: "JC101", value: 0.5 },
        { key: "JC147", value: -1.2 },
        { key: "JC151", value: null },
        { key: "JC153", value: 0.5 },
        { key: "JC157", value: 2 },
      ],
      true,
    );
    expect(ranks).toEqual([2, 1, null, 3, 4]);
    expect(
      rankValues(
        [
          { key: "b", value: 1 },
          { key: "a", value: 1 },
          { key: "c", value: 3 },
        ],
        false,
      ),
      // Highest first: c (3), then the tie a before b.
    ).toEqual([3, 2, 1]);
  });

  it("is always a permutation of 1..N over the items that take part", () => {
    const item = fc.record({
      key: fc.string({ maxLength: 4 }),
      value: fc.option(fc.integer({ min: -5, max: 5 })),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), fc.boolean(), (items, lowestFirst) => {
        const ranks = rankValues(items, lowestFirst);
        const taking = ranks.filter((r): r is number => r !== null).sort((a, b) => a - b);
        expect(taking).toEqual(Array.from({ length: taking.length }, (_, i) => i + 1));
        expect(taking.length).toBe(items.filter((i) => i.value !== null).length);
        // Order agrees with the values.
        items.forEach((a, i) => {
          items.forEach((b, j) => {
            if (a.value !== null && b.value !== null && (lowestFirst ? a.value < b.value : a.value > b.value))
              expect(ranks[i] as number).toBeLessThan(ranks[j] as number);
          });
        });
      }),
    );
  });

  it("ranks each cluster on its own, each a permutation", () => {
    const items = [3, 1, 4, 1, 5, 9, 2, 6].map((value, i) => ({ key: `k${i}`, value }));
    const groups = [1, 2, 1, 2, 1, 2, null, 1];
    const ranks = rankWithinGroups(items, groups, true);
    // Cluster 1: values 3, 4, 5, 6 → 1, 2, 3, 4; cluster 2: 1, 1, 9 → k1 (1), k3 (1), k5 (9).
    expect(ranks).toEqual([1, 1, 2, 2, 3, 3, null, 4]);
  });
});
