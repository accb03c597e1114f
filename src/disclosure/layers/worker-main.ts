// A worker thread's loop (pool.ts, repair.ts): protects each period layer it is sent, in turn, and
// returns the cell statuses of every table of the layer and the hypercubes that protect its cells; or
// repairs a share of a group's sensitive cells over all periods and returns the pattern it left.
import { parentPort } from "node:worker_threads";
import { type LayerResult, type ProtectOptions, protectLayer, type TableInput } from "../protect.ts";
import { type RepairRequest, type RepairResult, repairShare } from "./repair.ts";

export interface LayerRequest {
  readonly inputs: readonly TableInput[];
  readonly options: ProtectOptions;
}

export type LayerReply = LayerResult | { readonly error: string };

export type WorkerReply = LayerResult | RepairResult | { readonly error: string };

const port = parentPort;
if (!port) throw new Error("worker-main.ts runs in a worker thread");
port.on("message", async (request: LayerRequest | RepairRequest) => {
  try {
    if ("kind" in request && request.kind === "repair") {
      const result = await repairShare(request);
      port.postMessage(result satisfies WorkerReply, [
        result.pattern.buffer as ArrayBuffer,
        ...(result.witnesses
          ? [result.witnesses.data.buffer as ArrayBuffer, result.witnesses.head.buffer as ArrayBuffer]
          : []),
      ]);
      return;
    }
    const result = await protectLayer(request.inputs, request.options);
    port.postMessage(result satisfies LayerReply, [
      ...result.status.map((s) => s.buffer as ArrayBuffer),
      result.hints.buffer as ArrayBuffer,
    ]);
  } catch (e) {
    port.postMessage({
      error: e instanceof Error ? (e.stack ?? e.message) : String(e),
    } satisfies WorkerReply);
  }
});
