// A worker thread's loop (pool.ts): protects each layer it is sent, in turn, and returns the cell
// statuses of every table of the layer.
import { parentPort } from "node:worker_threads";
import { type ProtectOptions, protectTables, type TableInput } from "../protect.ts";

export interface LayerRequest {
  readonly inputs: readonly TableInput[];
  readonly options: ProtectOptions;
}

export type LayerReply = { readonly status: Uint8Array[] } | { readonly error: string };

const port = parentPort;
if (!port) throw new Error("worker-main.ts runs in a worker thread");
port.on("message", async (request: LayerRequest) => {
  try {
    const { status } = await protectTables(request.inputs, request.options);
    port.postMessage(
      { status } satisfies LayerReply,
      status.map((s) => s.buffer as ArrayBuffer),
    );
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies LayerReply);
  }
});
