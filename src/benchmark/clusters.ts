// Clusters of areas with similar framework conditions: k-means (Lloyd's algorithm) on the standardised
// variables, started by k-means++ from a seeded PRNG and restarted a fixed number of times, keeping the
// start with the lowest within-cluster sum of squares. Same points, k and seed: same clusters, on any
// machine (no Math.random, no dependence on iteration order of hash maps). Cluster numbers are
// arbitrary here; the model renumbers them by level.

export interface Clustering {
  /** Cluster index 0..k−1 per point. */
  readonly assignment: readonly number[];
  readonly centroids: readonly (readonly number[])[];
  /** Σ squared distance of each point to its centroid. */
  readonly inertia: number;
}

/** Mulberry32: a small, fast 32-bit PRNG with good enough spread for seeding k-means. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function squaredDistance(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += ((a[i] as number) - (b[i] as number)) ** 2;
  return s;
}

/** The nearest centroid (the lowest index on a tie). */
function nearest(point: readonly number[], centroids: readonly (readonly number[])[]): [number, number] {
  let best = 0;
  let bestD = Number.POSITIVE_INFINITY;
  centroids.forEach((c, j) => {
    const d = squaredDistance(point, c);
    if (d < bestD) {
      bestD = d;
      best = j;
    }
  });
  return [best, bestD];
}

/** k-means++: the first centre uniformly, each next one with probability ∝ squared distance. */
function kMeansPlusPlus(points: readonly (readonly number[])[], k: number, random: () => number): number[][] {
  const centres: number[][] = [[...(points[Math.floor(random() * points.length)] as readonly number[])]];
  while (centres.length < k) {
    const d2 = points.map((p) => nearest(p, centres)[1]);
    const total = d2.reduce((s, v) => s + v, 0);
    if (total === 0) break;
    let target = random() * total;
    let pick = d2.length - 1;
    for (let i = 0; i < d2.length; i++) {
      target -= d2[i] as number;
      if (target < 0) {
        pick = i;
        break;
      }
    }
    centres.push([...(points[pick] as readonly number[])]);
  }
  return centres;
}

function lloyd(points: readonly (readonly number[])[], start: number[][], maxIterations: number): Clustering {
  const dims = points[0]?.length ?? 0;
  let centroids = start;
  let assignment = points.map((p) => nearest(p, centroids)[0]);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const sums = centroids.map(() => new Array<number>(dims).fill(0));
    const counts = centroids.map(() => 0);
    points.forEach((p, i) => {
      const c = assignment[i] as number;
      counts[c] = (counts[c] as number) + 1;
      p.forEach((v, d) => {
        (sums[c] as number[])[d] = ((sums[c] as number[])[d] as number) + v;
      });
    });
    centroids = centroids.map((old, c) =>
      (counts[c] as number) > 0 ? (sums[c] as number[]).map((s) => s / (counts[c] as number)) : old,
    );
    const next = points.map((p) => nearest(p, centroids)[0]);
    const changed = next.some((c, i) => c !== assignment[i]);
    assignment = next;
    if (!changed) break;
  }
  const inertia = points.reduce(
    (s, p, i) => s + squaredDistance(p, centroids[assignment[i] as number] as number[]),
    0,
  );
  return { assignment, centroids, inertia };
}

export interface KMeansOptions {
  readonly k: number;
  readonly seed: number;
  /** Independent k-means++ starts; the best (lowest inertia, then the earliest) is kept. */
  readonly restarts?: number;
  readonly maxIterations?: number;
}

/** Deterministic k-means of `points` (all of the same dimension); k is capped at the number of points. */
export function kMeans(points: readonly (readonly number[])[], options: KMeansOptions): Clustering {
  if (points.length === 0) return { assignment: [], centroids: [], inertia: 0 };
  const k = Math.max(1, Math.min(options.k, points.length));
  const random = mulberry32(options.seed);
  let best: Clustering | null = null;
  for (let r = 0; r < (options.restarts ?? 10); r++) {
    const result = lloyd(points, kMeansPlusPlus(points, k, random), options.maxIterations ?? 100);
    if (!best || result.inertia < best.inertia - 1e-12) best = result;
  }
  return best as Clustering;
}
