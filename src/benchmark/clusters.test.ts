import { describe, expect, it } from "vitest";
import { kMeans, mulberry32 } from "./clusters.ts";
import { nearestNeighbours } from "./neighbours.ts";

/** Three well-separated blobs of 20 points around (0,0), (10,0) and (0,10). */
function blobs(): number[][] {
  const random = mulberry32(7);
  const centres = [
    [0, 0],
    [10, 0],
    [0, 10],
  ];
  return Array.from({ length: 60 }, (_, i) => {
    const c = centres[i % 3] as number[];
    return [(c[0] as number) + random() - 0.5, (c[1] as number) + random() - 0.5];
  });
}

describe("k-means", () => {
  it("gives the same clusters for the same points and seed", () => {
    const random = mulberry32(3);
    const points = Array.from({ length: 94 }, () => [random(), random(), random(), random(), random()]);
    const a = kMeans(points, { k: 6, seed: 1 });
    const b = kMeans(points, { k: 6, seed: 1 });
    expect(b).toEqual(a);
    expect(new Set(a.assignment).size).toBe(6);
  });

  it("finds well-separated groups exactly, whatever the seed", () => {
    const points = blobs();
    for (const seed of [1, 2, 3]) {
      const { assignment } = kMeans(points, { k: 3, seed });
      // Points i and j share a cluster exactly when they come from the same blob.
      points.forEach((_, i) => {
        expect(assignment[i]).toBe(assignment[i % 3]);
      });
      expect(new Set(assignment).size).toBe(3);
    }
  });

  it("caps k at the number of points", () => {
    const { assignment } = kMeans(
      [
        [0, 0],
        [1, 1],
      ],
      { k: 6, seed: 1 },
    );
    expect([...assignment].sort()).toEqual([0, 1]);
  });
});

describe("nearest neighbours", () => {
  it("lists the nearest other points, nearest first, ties by input order", () => {
    const points = [[0], [1], [3], [-1], [10]];
    const near = nearestNeighbours(points, 2);
    expect(near[0]).toEqual([
      { index: 1, distance: 1 },
      { index: 3, distance: 1 },
    ]);
    expect(near[2]?.map((n) => n.index)).toEqual([1, 0]);
    expect(near[4]?.map((n) => n.index)).toEqual([2, 1]);
  });
});
