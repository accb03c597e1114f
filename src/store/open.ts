// Opens the warehouse (one DuckDB file in the data folder) with bounded memory and threads, applies
// pending migrations, and closes it again. Spilling to disk is off unless asked for: the ingest holds
// clear CPRs in temporary tables, which must never reach a file.
import { mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { AppError } from "../errors.ts";
import { migrate } from "./migrate.ts";

export const WAREHOUSE_FILE = "warehouse.duckdb";

export interface OpenOptions {
  /** DuckDB `memory_limit`, e.g. "3GB" (default JOBINDBLIK_MEMORY_LIMIT or 3GB). */
  readonly memoryLimit?: string;
  /** Worker threads (default JOBINDBLIK_THREADS or the machine's parallelism). */
  readonly threads?: number;
  /** Folder for spill files; without it DuckDB never spills (and fails instead of exceeding memory). */
  readonly spillDir?: string;
}

export interface Warehouse {
  readonly connection: DuckDBConnection;
  /** The database file, or ":memory:". */
  readonly path: string;
  close(): void;
}

/** The warehouse file of a data folder. */
export function warehousePath(dataDir: string): string {
  return join(dataDir, WAREHOUSE_FILE);
}

function settings(options: OpenOptions): Record<string, string> {
  const threads = options.threads ?? (Number(process.env.JOBINDBLIK_THREADS) || availableParallelism());
  return {
    memory_limit: options.memoryLimit ?? process.env.JOBINDBLIK_MEMORY_LIMIT ?? "3GB",
    threads: String(threads),
    temp_directory: options.spillDir ?? "",
    preserve_insertion_order: "true",
  };
}

/** Opens a DuckDB database (file path or ":memory:") and brings its schema up to date. */
export async function openDatabase(path: string, options: OpenOptions = {}): Promise<Warehouse> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, settings(options));
  } catch (err) {
    const text = err instanceof Error ? err.message : "";
    if (/lock/i.test(text)) {
      throw new AppError("warehouse_busy", `The warehouse ${path} is in use by another process`);
    }
    throw new AppError("io_error", `Cannot open the warehouse ${path}`);
  }
  const connection = await instance.connect();
  const close = (): void => {
    connection.closeSync();
    instance.closeSync();
  };
  try {
    await migrate(connection);
  } catch (err) {
    close();
    throw err;
  }
  return { connection, path, close };
}

/** Opens the warehouse of a data folder, creating the folder (mode 0700) if needed. */
export async function openWarehouse(dataDir: string, options: OpenOptions = {}): Promise<Warehouse> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return openDatabase(warehousePath(dataDir), options);
}

/** Runs `work` with the warehouse of a data folder open, and always closes it. */
export async function withConnection<T>(
  dataDir: string,
  work: (connection: DuckDBConnection) => Promise<T>,
  options: OpenOptions = {},
): Promise<T> {
  const warehouse = await openWarehouse(dataDir, options);
  try {
    return await work(warehouse.connection);
  } finally {
    warehouse.close();
  }
}
