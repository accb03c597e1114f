// The API's one error path: coded errors become `{ code, message, details }` with their status; a
// client error from Fastify itself keeps its 4xx with a generic message; anything else is a 500 `internal`
// with an error id that is logged with the real error. Nothing echoes a stack or the raw input.
import { randomUUID } from "node:crypto";
import type { FastifyError, FastifyInstance } from "fastify";
import { AppError, toAppError } from "../errors.ts";

function clientErrorCode(status: number): AppError {
  if (status === 429)
    return new AppError("rate_limited", "Too many requests from this address; try again shortly");
  if (status === 413 || status === 414 || status === 431) {
    return new AppError("request_too_large", "The request is too large; shorten the query");
  }
  if (status === 404) return new AppError("not_found", "No such address; see /api for the API's routes");
  return new AppError("bad_argument", "The request is malformed; see /api for the API's routes");
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    let appError: AppError;
    let status: number;
    const fastifyStatus = (err as FastifyError).statusCode;
    if (err instanceof AppError) {
      appError = err;
      status = err.status;
    } else if (typeof fastifyStatus === "number" && fastifyStatus >= 400 && fastifyStatus < 500) {
      appError = clientErrorCode(fastifyStatus);
      status = fastifyStatus;
    } else {
      appError = toAppError(err);
      status = appError.status;
    }
    if (appError.code === "internal" || appError.code === "io_error") {
      // The real error (which may name files or hold input) goes to the log only.
      const errorId = randomUUID();
      request.log.error({ errorId, err }, "request failed");
      appError = new AppError("internal", "Unexpected internal error; quote the error id when reporting it", {
        errorId,
      });
      status = appError.status;
    }
    reply.header("Cache-Control", "no-store");
    reply.removeHeader("Content-Disposition");
    reply.removeHeader("ETag");
    return reply.code(status).type("application/json; charset=utf-8").send(JSON.stringify(appError.toJSON()));
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    const e = new AppError(
      "not_found",
      `No such address ${JSON.stringify(path.slice(0, 80))}; see /api for the API's routes`,
      {},
    );
    return reply.code(404).type("application/json; charset=utf-8").send(JSON.stringify(e.toJSON()));
  });
}
