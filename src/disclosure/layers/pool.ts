// Period layers protected in parallel: each layer is an independent problem the size of one period,
// so worker threads (one per core, JOBINDBLIK_DISCLOSURE_THREADS to choose) share them out. With one
// thread, or for a single layer, they run here in turn. Also the thread count and the worker call of
// the repair's and the audit's shares (repair.ts, audit-threads.ts), whose threads each hold a copy of
// the whole problem.
import { availableParallelism, freemem, totalmem } from "node:os";
import { Worker } from "node:worker_threads";
import { fail } from "../../errors.ts";
import type { LayerResult, ProtectOptions, TableInput } from "../protect.ts";
import type { LayerReply, LayerRequest } from "./worker-main.ts";

/** Threads for layers and the repair: JOBINDBLIK_DISCLOSURE_THREADS if set (≥ 1), else one per core. */
export function layerThreads(): number {
  const text = process.env.JOBINDBLIK_DISCLOSURE_THREADS;
  const n = text === undefined || text.trim() === "" ? availableParallelism() : Number(text);
  if (!Number.isInteger(n) || n < 1)
    fail("bad_argument", `JOBINDBLIK_DISCLOSURE_THREADS must be a whole number ≥ 1, not "${text}"`);
  return n;
}

/**
 * Protects every layer (`protect` in this thread, or the same in workers) and hands each result to
 * `done` with its index, in the order they finish. Callbacks in `options` stay here (they cannot
 * cross to a worker); `onLayer` is told when a layer starts.
 */
export async function protectEachLayer(
  layers: readonly (readonly TableInput[])[],
  options: ProtectOptions,
  protect: (inputs: readonly TableInput[], options: ProtectOptions) => Promise<LayerResult>,
  done: (index: number, result: LayerResult) => void,
  onLayer: (index: number) => void = () => {},
  threads = layerThreads(),
): Promise<void> {
  const { onProgress: _p, onStep: _s, ...plain } = options;
  const count = Math.min(threads, layers.length);
  if (count <= 1) {
    for (const [i, inputs] of layers.entries()) {
      onLayer(i);
      done(i, await protect(inputs, plain));
    }
    return;
  }
  let next = 0;
  let failed = false;
  const run = async (): Promise<void> => {
    const worker = new Worker(new URL("./worker.js", import.meta.url));
    // A worker that dies (out of memory, a crash in the loader) fails the layer it was working on.
    let pending: ((reply: LayerReply) => void) | null = null;
    const dead = (e: unknown) => pending?.({ error: e instanceof Error ? e.message : String(e) });
    worker.on("error", dead);
    worker.on("exit", (code) => dead(`the worker exited with code ${code}`));
    try {
      while (next < layers.length && !failed) {
        const i = next++;
        onLayer(i);
        const reply = await new Promise<LayerReply>((resolve) => {
          pending = resolve;
          worker.once("message", resolve);
          worker.postMessage({
            inputs: layers[i] as readonly TableInput[],
            options: plain,
          } satisfies LayerRequest);
        });
        pending = null;
        if ("error" in reply) {
          failed = true;
          throw new Error(`protecting a period layer failed: ${reply.error}`);
        }
        done(i, reply);
      }
    } finally {
      worker.removeAllListeners("exit");
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: count }, run));
}

/**
 * Bytes one thread's copy of a group's problem takes while it is repaired or audited, rows cached:
 * ≈ 2.1 KB a cell measured on an 18-period scale-0.05 release (two copies, 7.5 GB resident).
 */
const BYTES_PER_CELL = 2500;

/**
 * Threads for work in which every thread holds its own copy of a problem of `cells` cells (the
 * repair, the audit): at most `wanted`, and only as many extra copies as free memory holds (a whole
 * three-year release's copy is over 10 GB), so more threads never cost the build its memory.
 */
export function threadsWithinMemory(cells: number, wanted: number, free = freemem()): number {
  const extra = Math.floor((free * 0.8) / Math.max(1, cells * BYTES_PER_CELL));
  return Math.max(1, Math.min(wanted, 1 + extra));
}

/**
 * Heap (MB) for each of `threads` workers that hold a copy of a whole problem: three quarters of the
 * machine's memory shared out. V8's default (≈ 4 GB) is what a long repair of a release ran out of.
 */
export function heapPerThreadMb(threads: number, total = totalmem()): number {
  return Math.max(1024, Math.floor(((total / 2 ** 20) * 0.75) / Math.max(1, threads)));
}

/**
 * Runs one request (a repair's or an audit's share) in a new worker thread with a heap of `heapMb`,
 * and resolves with its reply; messages `{ progress }` on the way go to `onProgress`. A worker that
 * fails or dies rejects with the reason, prefixed by `what`.
 */
export function runInWorker<T>(
  request: unknown,
  what: string,
  heapMb: number,
  onProgress?: (done: number) => void,
): Promise<T> {
  const worker = new Worker(new URL("./worker.js", import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });
  return new Promise<T>((resolve, reject) => {
    worker.on("message", (reply: T | { error: string } | { progress: number }) => {
      if (reply && typeof reply === "object" && "progress" in reply) onProgress?.(reply.progress);
      else if (reply && typeof reply === "object" && "error" in reply)
        reject(new Error(`${what} failed: ${reply.error}`));
      else resolve(reply as T);
    });
    worker.once("error", (e) =>
      reject(new Error(`${what} failed: ${e instanceof Error ? e.message : String(e)}`)),
    );
    worker.once("exit", (code) => reject(new Error(`${what} failed: the worker exited with code ${code}`)));
    worker.postMessage(request);
  }).finally(() => {
    worker.removeAllListeners("exit");
    worker.removeAllListeners("message");
    void worker.terminate();
  });
}
