// The repair over all periods split over worker threads (DESIGN.md, Decomposition by period). Each
// thread builds the group's problem again from the same inputs (so cell ids agree), takes the aligned
// pattern and the layers' hints, and protects its share of the sensitive cells (the build's own thread
// only waits, holding the problem: a worker's heap can be sized, its own cannot). The patterns are then
// united: adding suppression never makes a protected cell unprotected, so every share's cells stay
// protected, and each share's witnesses still hold. Shares are whole quarter blocks (a quarter and its
// months; a year or window alone), as the changes that prove one cell mostly prove its neighbours in
// the same periods (proven.ts), which a thread only knows of for its own share.
import type { Dim } from "../model/dims.ts";
import type { Problem } from "../model/problem.ts";
import { buildProblem, type ProtectOptions, type TableInput } from "../protect.ts";
import { applyPrimaryRules } from "../rules/index.ts";
import { DEFAULT_RULE_PARAMS } from "../rules/types.ts";
import { GroupHints } from "../secondary/hints.ts";
import { countSuppressed, type SecondaryResult, secondarySuppression } from "../secondary/index.ts";
import { Witnesses, type WitnessParts } from "../secondary/witnesses.ts";
import { heapPerThreadMb, runInWorker } from "./pool.ts";

/** One layer's hints and, per table of the layer, the group cell of its local cell 0. */
export interface LayerHints {
  readonly stream: Float64Array;
  readonly offsets: readonly number[];
}

export interface RepairRequest {
  readonly kind: "repair";
  readonly inputs: readonly TableInput[];
  readonly options: ProtectOptions;
  /** The aligned pattern (per group cell, 1 suppressed). */
  readonly pattern: Uint8Array;
  readonly layers: readonly LayerHints[];
  /** The share of sensitive cells to protect (canonical ids). */
  readonly cells: readonly number[];
  readonly keepWitnesses: boolean;
}

export interface RepairResult {
  readonly pattern: Uint8Array;
  readonly secondary: SecondaryResult;
  readonly witnesses?: WitnessParts;
}

/**
 * One share, in a worker thread: the problem built again, the pattern and hints taken, the repair run;
 * `onProgress` told the cells done every 1,000.
 */
export async function repairShare(
  request: RepairRequest,
  onProgress?: (done: number) => void,
): Promise<RepairResult> {
  const { problem, tables } = buildProblem(request.inputs);
  applyPrimaryRules({ problem, tables, params: request.options.params ?? DEFAULT_RULE_PARAMS });
  problem.suppressed.set(request.pattern);
  const hints = new GroupHints(problem);
  for (const { stream, offsets } of request.layers)
    hints.add(stream, (j, local) => {
      const offset = offsets[j];
      return offset === undefined ? -1 : offset + local;
    });
  const witnesses = request.keepWitnesses ? new Witnesses(problem) : undefined;
  const { hints: _h, ...secondary } = await secondarySuppression(problem, {
    ...request.options,
    seeded: true,
    hints,
    cells: request.cells,
    ...(witnesses ? { witnesses } : {}),
    ...(onProgress ? { onProgress: (done: number) => onProgress(done) } : {}),
  });
  return { pattern: problem.suppressed, secondary, ...(witnesses ? { witnesses: witnesses.parts() } : {}) };
}

/**
 * The sensitive cells split into `count` shares of whole quarter blocks, the largest blocks first to
 * the smallest share.
 */
export function sharesByBlock(p: Problem, count: number): number[][] {
  const blocks = new Map<string, number[]>();
  for (const c of p.sensitiveCells()) {
    const cube = p.cubes[p.cubeOf(c)];
    const dim = cube?.dims[0] as Dim | undefined;
    const code = cube && dim?.kind === "period" ? (dim.codes[p.coord(cube, c, 0)] as string) : "";
    const month = /^(\d{4})M(\d{2})$/.exec(code);
    const key = month ? `${month[1]}K${Math.ceil(Number(month[2]) / 3)}` : code;
    const list = blocks.get(key);
    if (list) list.push(c);
    else blocks.set(key, [c]);
  }
  const shares: number[][] = Array.from({ length: count }, () => []);
  for (const block of [...blocks.values()].sort((a, b) => b.length - a.length)) {
    const smallest = shares.reduce((a, b) => (b.length < a.length ? b : a));
    for (const c of block) smallest.push(c);
  }
  return shares.filter((s) => s.length > 0);
}

/**
 * The repair of `problem` (aligned, hints from `layers`) in `threads` worker threads, each with a
 * heap of its share of the machine's memory (the repair of a release outgrows V8's default heap, and
 * the build's own thread keeps only the problem): the united pattern is left in `problem`, the
 * witnesses gathered in `witnesses`.
 */
export async function repairInThreads(
  inputs: readonly TableInput[],
  problem: Problem,
  layers: readonly LayerHints[],
  options: ProtectOptions,
  witnesses: Witnesses | undefined,
  threads: number,
): Promise<SecondaryResult> {
  const shares = sharesByBlock(problem, threads);
  const before = countSuppressed(problem);
  const { onProgress, onStep: _s, ...plain } = options;
  const pattern = problem.suppressed.slice();
  const total = shares.reduce((n, s) => n + s.length, 0);
  const done = shares.map(() => 0);
  const heapMb = heapPerThreadMb(shares.length);
  const results = await Promise.all(
    shares.map((cells, i) =>
      runInWorker<RepairResult>(
        { kind: "repair", inputs, options: plain, pattern, layers, cells, keepWitnesses: !!witnesses },
        "repairing a share of the periods",
        heapMb,
        (n) => {
          done[i] = n;
          onProgress?.(
            done.reduce((a, b) => a + b, 0),
            total,
          );
        },
      ),
    ),
  );
  const parts: SecondaryResult[] = [];
  results.forEach((result, i) => {
    for (let g = 0; g < problem.size; g++) if (result.pattern[g]) problem.suppressed[g] = 1;
    if (witnesses && result.witnesses)
      witnesses.adopt(new Witnesses(problem, result.witnesses), shares[i] ?? []);
    parts.push(result.secondary);
  });
  onProgress?.(total, total);
  return merged(parts, countSuppressed(problem) - before);
}

/** The shares' results as one: counts summed, the first few unresolved cells of all. */
function merged(parts: readonly SecondaryResult[], secondary: number): SecondaryResult {
  const sum = (f: (r: SecondaryResult) => number) => parts.reduce((n, r) => n + f(r), 0);
  const steps = { free: 0, hinted: 0, lp: 0, hypercube: 0, shared: 0 };
  for (const r of parts)
    for (const k of Object.keys(steps) as (keyof typeof steps)[]) steps[k] += r.steps?.[k] ?? 0;
  return {
    method: "hypercube",
    sensitive: sum((r) => r.sensitive),
    secondary,
    unresolved: sum((r) => r.unresolved),
    unresolvedCells: parts.flatMap((r) => r.unresolvedCells ?? []).slice(0, 20),
    lpSolves: sum((r) => r.lpSolves),
    steps,
  };
}
