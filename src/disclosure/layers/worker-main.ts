// A worker thread's loop (pool.ts): protects each layer it is sent, in turn, and returns the cell
// statuses of every table of the layer and the hypercubes that protect its cells.
import { parentPort } from "node:worker_threads";
import { type LayerResult, type ProtectOptions, protectLayer, type TableInput } from "../protect.ts";

export interface LayerRequest {
  readonly inputs: readonly TableInput[];
  readonly options: ProtectOptions;
}

export type LayerReply = LayerResult | { readonly error: string };

const port = parentPort;
if (!port) throw new Error("worker-main.ts runs in a worker thread");
port.on("message", async (request: LayerRequest) => {
  try {
    const result = await protectLayer(request.inputs, request.options);
    port.postMessage(result satisfies LayerReply, [
      ...result.status.map((s) => s.buffer as ArrayBuffer),
      result.hints.buffer as ArrayBuffer,
    ]);
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies LayerReply);
  }
});
