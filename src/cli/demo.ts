// `jobindblik demo`: writes realistic synthetic deliveries of every record type, for all 98
// municipalities, plus manifest.json so a script (or `ingest-manifest`) can register and ingest them.
import { accessSync, constants, mkdirSync, readdirSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { generateDemo } from "../demo/index.ts";
import { AppError, fail } from "../errors.ts";
import { parseYearMonth } from "../reference/periods.ts";
import { globalOptions, printResult, showProgress } from "./context.ts";

interface DemoFlags {
  scale: string;
  from: string;
  to: string;
  seed: string;
  dirty: string;
  out?: string;
  uniform?: boolean;
}

export const MAX_SCALE = 5;

function parseNumber(flag: string, text: string, min: number, max: number, integer = false): number {
  const value = Number(text);
  if (
    text.trim() === "" ||
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    fail(
      "bad_argument",
      `${flag} must be ${integer ? "a whole number" : "a number"} from ${min} to ${max}, got "${text}"`,
    );
  }
  return value;
}

/** The output folder must be creatable and writable, and empty unless it holds an earlier demo set. */
function prepareOut(out: string | undefined): string {
  if (!out) fail("bad_argument", "--out DIR is required: the folder to write the deliveries to");
  const dir = resolve(out);
  try {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) fail("bad_argument", `--out ${out} is not a folder`);
    accessSync(dir, constants.W_OK);
  } catch (err) {
    if (err instanceof AppError) throw err;
    fail("io_error", `Cannot write to --out ${out}: ${(err as NodeJS.ErrnoException).code ?? "error"}`);
  }
  const entries = readdirSync(dir);
  if (entries.length > 0 && !entries.includes("manifest.json")) {
    fail("bad_argument", `--out ${out} is not empty and holds no earlier demo set; choose an empty folder`);
  }
  return dir;
}

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("write realistic synthetic deliveries of every record type for all 98 municipalities")
    .option("--scale <s>", "size relative to Denmark (1 = real size)", "0.05")
    .option("--from <YYYY-MM>", "first month", "2023-01")
    .option("--to <YYYY-MM>", "last month", "2025-12")
    .option("--seed <n>", "random seed (same seed, same files)", "1")
    .option("--dirty <p>", "share of rows made bad on purpose, 0–1", "0")
    .option("--uniform", "every source writes standard CSV (for benchmarks)")
    .requiredOption("--out <dir>", "folder to write the deliveries to")
    .action((flags: DemoFlags, command: Command) => {
      const options = globalOptions(command);
      const scale = parseNumber("--scale", flags.scale, 0.0001, MAX_SCALE);
      if (scale <= 0) fail("bad_argument", "--scale must be above 0");
      const from = parseYearMonth(flags.from);
      const to = parseYearMonth(flags.to);
      if (from.year * 12 + from.month > to.year * 12 + to.month) {
        fail("bad_range", `--from ${flags.from} is after --to ${flags.to}`);
      }
      if (to.year * 12 + to.month - (from.year * 12 + from.month) >= 120) {
        fail("bad_range", "--from..--to may span at most 10 years");
      }
      const seed = parseNumber("--seed", flags.seed, 0, 2 ** 31 - 1, true);
      const dirty = parseNumber("--dirty", flags.dirty, 0, 1);
      const outDir = prepareOut(flags.out);

      const bar = showProgress(options)
        ? new SingleBar({
            format: "demo [{bar}] {percentage}% | {value}/{total} | {label}",
            hideCursor: true,
          })
        : null;
      bar?.start(98, 0, { label: "" });
      const started = Date.now();
      const result = generateDemo({
        scale,
        from,
        to,
        seed,
        dirty,
        outDir,
        uniformStyle: Boolean(flags.uniform),
        onProgress: (done, _total, label) => bar?.update(done, { label }),
      });
      bar?.stop();
      const seconds = (Date.now() - started) / 1000;
      printResult(
        options,
        {
          out: outDir,
          files: result.manifest.files.length,
          rows: result.rows,
          sources: result.manifest.sources.length,
          seconds,
        },
        (r) =>
          `Wrote ${r.rows.toLocaleString("da-DK")} rows in ${r.files} files from ${r.sources} sources to ${r.out} ` +
          `(${r.seconds.toFixed(1)} s, ${Math.round(r.rows / Math.max(r.seconds, 0.001)).toLocaleString("da-DK")} rows/s); manifest.json lists them`,
      );
    });
}
