// The audit of a large group in worker threads, as the repair is (layers/repair.ts): each thread
// builds the group's problem again from the same inputs (so cell ids agree), takes the pattern,
// the sensitive cells, their requirements and the protection's witnesses, and checks its share of the
// sensitive cells (whole quarter blocks, as one cell's accepted change mostly proves its neighbours in
// the same periods). Every check is the audit's own, in whichever thread it runs.
import { type AuditOptions, auditProblem, type ProblemAudit } from "./audit-problem.ts";
import { heapPerThreadMb, runInWorker } from "./layers/pool.ts";
import { sharesByBlock } from "./layers/repair.ts";
import type { Problem } from "./model/problem.ts";
import { buildProblem, type TableInput } from "./protect.ts";
import { Witnesses, type WitnessParts } from "./secondary/witnesses.ts";

/** Below this many sensitive cells a group is audited in this thread (a worker costs a second or two). */
const MIN_SENSITIVE_FOR_THREADS = 20_000;

/** What a thread needs besides the inputs: the pattern and requirements, as plain arrays. */
interface AuditState {
  readonly suppressed: Uint8Array;
  readonly sensitive: Uint8Array;
  readonly requirements: readonly {
    readonly m: string;
    readonly down: Float64Array;
    readonly up: Float64Array;
  }[];
}

export interface AuditRequest {
  readonly kind: "audit";
  readonly inputs: readonly TableInput[];
  readonly state: AuditState;
  readonly witnesses?: WitnessParts;
  readonly cells: readonly number[];
  readonly options: Pick<AuditOptions, "maxComponent" | "farSeconds" | "budgetSeconds">;
}

/** One share, in a worker thread; `onProgress` told the cells done every 1,000. */
export async function auditShare(
  request: AuditRequest,
  onProgress?: (done: number) => void,
): Promise<ProblemAudit> {
  const { problem } = buildProblem(request.inputs);
  problem.suppressed.set(request.state.suppressed);
  problem.sensitive.set(request.state.sensitive);
  for (const { m, down, up } of request.state.requirements) {
    const req = problem.requirement.get(m);
    req?.down.set(down);
    req?.up.set(up);
  }
  const witnesses = request.witnesses ? new Witnesses(problem, request.witnesses) : undefined;
  return auditProblem(problem, {
    ...request.options,
    cells: request.cells,
    ...(witnesses ? { witnesses } : {}),
    ...(onProgress ? { onProgress: (done: number) => onProgress(done) } : {}),
  });
}

/**
 * auditProblem in `threads` worker threads, each with a heap of its share of the machine's memory
 * (the audit of a release outgrows V8's default heap), for a group with many sensitive cells; in this
 * thread for small groups and with `exact`.
 */
export async function auditInThreads(
  inputs: readonly TableInput[],
  problem: Problem,
  options: AuditOptions,
  threads: number,
  minSensitive = MIN_SENSITIVE_FOR_THREADS,
): Promise<ProblemAudit> {
  const sensitive = problem.sensitiveCells();
  if (options.exact || sensitive.length < minSensitive) return auditProblem(problem, options);
  const shares = sharesByBlock(problem, Math.max(1, threads));
  const state: AuditState = {
    suppressed: problem.suppressed,
    sensitive: problem.sensitive,
    requirements: [...problem.requirement].map(([m, r]) => ({ m, down: r.down, up: r.up })),
  };
  const plain = {
    ...(options.maxComponent !== undefined ? { maxComponent: options.maxComponent } : {}),
    ...(options.farSeconds !== undefined ? { farSeconds: options.farSeconds } : {}),
    ...(options.budgetSeconds !== undefined ? { budgetSeconds: options.budgetSeconds } : {}),
  };
  const witnesses = options.witnesses?.parts();
  const heapMb = heapPerThreadMb(shares.length);
  const done = shares.map(() => 0);
  const parts = await Promise.all(
    shares.map((cells, i) =>
      runInWorker<ProblemAudit>(
        { kind: "audit", inputs, state, cells, options: plain, ...(witnesses ? { witnesses } : {}) },
        "auditing a share of the periods",
        heapMb,
        (n) => {
          done[i] = n;
          options.onProgress?.(
            done.reduce((a, b) => a + b, 0),
            sensitive.length,
          );
        },
      ),
    ),
  );
  const sum = (f: (a: ProblemAudit) => number) => parts.reduce((n, a) => n + f(a), 0);
  return {
    violations: parts.flatMap((a) => a.violations),
    checks: sum((a) => a.checks),
    byHypercube: sum((a) => a.byHypercube),
    byWitness: sum((a) => a.byWitness),
    byNeighbourhoodLp: sum((a) => a.byNeighbourhoodLp),
    byComponentLp: sum((a) => a.byComponentLp),
  };
}
