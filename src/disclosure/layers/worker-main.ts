// A worker thread's loop (pool.ts, repair.ts, audit-threads.ts): protects each period layer it is sent,
// in turn, and returns the cell statuses of every table of the layer and the hypercubes that protect its
// cells; or repairs a share of a group's sensitive cells over all periods and returns the pattern it
// left; or audits a share of them.
import { parentPort } from "node:worker_threads";
import type { ProblemAudit } from "../audit-problem.ts";
import { type AuditRequest, auditShare } from "../audit-threads.ts";
import { type LayerResult, type ProtectOptions, protectLayer, type TableInput } from "../protect.ts";
import { type RepairRequest, type RepairResult, repairShare } from "./repair.ts";

export interface LayerRequest {
  readonly inputs: readonly TableInput[];
  readonly options: ProtectOptions;
}

export type LayerReply = LayerResult | { readonly error: string };

export type WorkerReply = LayerResult | RepairResult | ProblemAudit | { readonly error: string };

const port = parentPort;
if (!port) throw new Error("worker-main.ts runs in a worker thread");
port.on("message", async (request: LayerRequest | RepairRequest | AuditRequest) => {
  try {
    if ("kind" in request && request.kind === "audit") {
      port.postMessage(
        (await auditShare(request, (progress) => port.postMessage({ progress }))) satisfies WorkerReply,
      );
      return;
    }
    if ("kind" in request && request.kind === "repair") {
      const result = await repairShare(request, (progress) => port.postMessage({ progress }));
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
