// The one catalogue of coded errors. Every failure a user can cause has a code here, with the
// HTTP status the API answers and the exit code the CLI ends with. Messages never carry a clear CPR.

export interface ErrorSpec {
  /** HTTP status for the API. */
  readonly status: number;
  /** Process exit code for the CLI (never 0). */
  readonly exit: number;
  /** One-line description of the class of error (documentation, OpenAPI). */
  readonly title: string;
}

export const ERROR_CATALOGUE = {
  bad_argument: { status: 400, exit: 2, title: "A command-line argument or query parameter is invalid" },
  bad_period: {
    status: 400,
    exit: 2,
    title: "A period string is not a valid month, quarter, year or rolling window",
  },
  bad_range: { status: 400, exit: 2, title: "A period range is invalid" },
  bad_code: { status: 400, exit: 2, title: "A code is not in its code list" },
  bad_cpr: { status: 400, exit: 2, title: "A CPR number is invalid" },
  not_found: { status: 404, exit: 4, title: "The requested object does not exist" },
  unknown_table: { status: 404, exit: 4, title: "No table with this id" },
  unknown_release: { status: 404, exit: 4, title: "No release with this id" },
  unknown_source: { status: 404, exit: 4, title: "No registered source with this id" },
  unknown_record_type: { status: 400, exit: 2, title: "Not a record type of the contract" },
  source_exists: { status: 409, exit: 5, title: "A source with this id is already registered" },
  source_not_allowed: { status: 403, exit: 5, title: "The source may not deliver this record type" },
  duplicate_delivery: { status: 409, exit: 5, title: "This file was already ingested from this source" },
  unreadable_file: { status: 400, exit: 6, title: "The delivery cannot be read as text" },
  bad_header: { status: 400, exit: 6, title: "The delivery has no valid header" },
  too_many_cells: { status: 400, exit: 2, title: "The query selects more cells than allowed" },
  unknown_dimension: { status: 400, exit: 2, title: "A query parameter is not a dimension of the table" },
  no_release: { status: 503, exit: 8, title: "No release has been published yet" },
  request_too_large: { status: 414, exit: 2, title: "The request line or query is too long" },
  rate_limited: { status: 429, exit: 2, title: "Too many requests from this address; try again shortly" },
  io_error: { status: 500, exit: 7, title: "A file could not be read or written" },
  warehouse_busy: { status: 503, exit: 10, title: "The warehouse is in use by another process" },
  out_of_memory: { status: 507, exit: 11, title: "The work needs more memory than the configured limit" },
  no_data: { status: 409, exit: 8, title: "There is no data to work on" },
  build_failed: { status: 500, exit: 9, title: "The release build failed" },
  disclosure_failed: {
    status: 500,
    exit: 12,
    title: "A suppressed value can be narrowed below its protection interval (disclosure audit)",
  },
  internal: { status: 500, exit: 70, title: "Internal error" },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** An expected, user-facing failure: code from the catalogue, one-line message, optional details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }

  get exitCode(): number {
    return ERROR_CATALOGUE[this.code].exit;
  }

  toJSON(): { code: ErrorCode; message: string; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, details: this.details ?? {} };
  }
}

/** Shorthand for `throw new AppError(...)` in expression position. */
export function fail(code: ErrorCode, message: string, details?: Record<string, unknown>): never {
  throw new AppError(code, message, details);
}

/**
 * Turns anything thrown into a coded error. Unexpected errors become `internal` with a generic
 * message: their text may hold input (and so a CPR), so it is never shown.
 */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const nodeCode = (err as { code?: unknown } | null)?.code;
  if (
    typeof nodeCode === "string" &&
    ["EACCES", "ENOENT", "EROFS", "ENOTDIR", "EISDIR", "ENOSPC", "EEXIST"].includes(nodeCode)
  ) {
    const path = (err as { path?: unknown }).path;
    return new AppError(
      "io_error",
      `${describeIoCode(nodeCode)}${typeof path === "string" ? `: ${path}` : ""}`,
    );
  }
  return new AppError("internal", "Unexpected internal error; see the server log for the error id");
}

function describeIoCode(code: string): string {
  switch (code) {
    case "EACCES":
    case "EROFS":
      return "Permission denied";
    case "ENOENT":
      return "No such file or folder";
    case "ENOTDIR":
      return "Not a folder";
    case "EISDIR":
      return "Is a folder, expected a file";
    case "ENOSPC":
      return "No space left on device";
    default:
      return "File already exists";
  }
}

/**
 * The CLI's exit path: one line on stderr (or one JSON object on stdout with --json) and a
 * non-zero exit code from the catalogue.
 */
export function exitWithError(err: unknown, json: boolean): never {
  const appError = toAppError(err);
  if (appError.code === "internal" && process.env.JOBINDBLIK_DEBUG) {
    process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
  }
  if (json) {
    process.stdout.write(`${JSON.stringify({ error: appError.toJSON() })}\n`);
  }
  // A command has no server log: say how to see what happened (the stack may quote input, so only on request).
  const message =
    appError.code === "internal" && !process.env.JOBINDBLIK_DEBUG
      ? "Unexpected internal error; run again with JOBINDBLIK_DEBUG=1 to see it"
      : appError.message;
  process.stderr.write(`jobindblik: ${message} [${appError.code}]\n`);
  process.exit(appError.exitCode);
}
