// Peers: for each area its nearest other areas by Euclidean distance on the standardised framework
// variables (ties broken by input order), the comparison group Jobindsats offers beside the clusters.

export interface Neighbour {
  /** Index of the peer in the input. */
  readonly index: number;
  readonly distance: number;
}

/** The `count` nearest other points of every point, nearest first. */
export function nearestNeighbours(points: readonly (readonly number[])[], count: number): Neighbour[][] {
  return points.map((p, i) =>
    points
      .map((q, j) => ({
        index: j,
        distance: Math.sqrt(p.reduce((s, v, d) => s + (v - (q[d] as number)) ** 2, 0)),
      }))
      .filter((n) => n.index !== i)
      .sort((a, b) => a.distance - b.distance || a.index - b.index)
      .slice(0, count),
  );
}
