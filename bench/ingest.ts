// Benchmark of `jobindblik ingest` on one national-scale benefit_periods file (default 10 M rows, about
// 1.5 M distinct CPRs): bare DuckDB `read_csv` of the file into a table (every column VARCHAR) against
// our ingest of the same file (validation, pseudonyms, quarantine, facts, one transaction), each in a
// fresh warehouse in its own child process, so that peak memory is each one's own.
// With --repeat R the two alternate R times and the best time of each counts (the machine may be shared).
//   node bin/run-ts.js bench/ingest.ts [--rows N] [--file F.csv] [--repeat R] [--threads T] [--memory 3GB]
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { makeCpr } from "../src/reference/cpr.ts";
import { MUNICIPALITY_CODES } from "../src/reference/municipalities.ts";
import { flag, machine, peakRssMb, timed } from "./_util.ts";

interface PhaseResult {
  readonly seconds: number;
  readonly rows: number;
  readonly peakMb: number;
}

const COLUMNS = ["cpr", "benefit", "municipality", "akasse", "start", "end", "degree", "amount_dkk"];

/** A small, fast, seeded generator (mulberry32). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** Writes N valid benefit periods with realistic codes and dates; about N × 0.15 distinct persons. */
function generate(path: string, rows: number): void {
  const rnd = random(20251125);
  const persons = Math.max(1, Math.round(rows * 0.15));
  const cprs: string[] = [];
  for (let i = 0; i < persons; i++) {
    const year = 1945 + Math.floor(rnd() * 60);
    const birth = `${year}-${two(1 + Math.floor(rnd() * 12))}-${two(1 + Math.floor(rnd() * 28))}`;
    cprs.push(makeCpr(birth, rnd() < 0.5 ? "M" : "K", Math.floor(rnd() * 2000)));
  }
  const benefits = [
    "dagpenge",
    "kontanthjaelp",
    "sygedagpenge",
    "fleksjob",
    "foertidspension",
    "jobafklaring",
    "ressourceforloeb",
    "efterloen",
    "uddannelseshjaelp",
    "ledighedsydelse",
  ];
  const akasser = ["D86", "D15", "D53", "D94", "D17", "D73"];
  const fd = openSync(path, "w");
  try {
    let chunk = `${COLUMNS.join(",")}\n`;
    for (let i = 0; i < rows; i++) {
      const benefit = benefits[Math.floor(rnd() * rnd() * benefits.length)] as string;
      const akasse =
        benefit === "dagpenge" || benefit === "efterloen"
          ? (akasser[Math.floor(rnd() * akasser.length)] as string)
          : "";
      const year = 2023 + Math.floor(rnd() * 3);
      const month = 1 + Math.floor(rnd() * 12);
      const endDay = 1 + Math.floor(rnd() * 28);
      const end = rnd() < 0.05 ? "" : `${year}-${two(month)}-${two(endDay)}`;
      const degree = rnd() < 0.8 ? "1" : "0.5";
      const municipality = MUNICIPALITY_CODES[Math.floor(rnd() * MUNICIPALITY_CODES.length)] as string;
      chunk += `${cprs[Math.floor(rnd() * persons)]},${benefit},${municipality},${akasse},${year}-${two(month)}-01,${end},${degree},${Math.floor(rnd() * 25000)}\n`;
      if (chunk.length > 1 << 22) {
        writeSync(fd, chunk);
        chunk = "";
      }
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

/** One measured phase, run in this process (as a child of the benchmark). */
async function phase(name: string, file: string, dataDir: string): Promise<PhaseResult> {
  const { openWarehouse, queryValue } = await import("../src/store/index.ts");
  const memoryLimit = flag("memory", "3GB");
  const threads = Number(flag("threads", "0")) || undefined;
  const warehouse = await openWarehouse(dataDir, { memoryLimit, threads });
  try {
    if (name === "bare") {
      const columns = COLUMNS.map((c) => `'${c}': 'VARCHAR'`).join(", ");
      const { seconds } = await timed(() =>
        warehouse.connection.run(
          `CREATE TABLE bare AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}', columns = {${columns}}, header = true, auto_detect = false, delim = ',', quote = '"')`,
        ),
      );
      const rows = Number(await queryValue(warehouse.connection, "SELECT count(*) FROM bare"));
      return { seconds, rows, peakMb: peakRssMb() };
    }
    const { addSource, ingestFile } = await import("../src/ingest/index.ts");
    await addSource(
      warehouse.connection,
      { id: "DST", kind: "national", scope: ["DK"], types: ["benefit_periods"] },
      new Date(),
    );
    const key = Buffer.alloc(32, 7);
    const { result, seconds } = await timed(() =>
      ingestFile(
        warehouse.connection,
        { file, type: "benefit_periods", source: "DST" },
        { now: () => new Date(), key: () => key },
      ),
    );
    if (result.reader !== "duckdb") console.error(`note: the file took the slow path (${result.reader})`);
    return { seconds, rows: result.accepted, peakMb: peakRssMb() };
  } finally {
    warehouse.close();
  }
}

function runPhase(name: string, file: string, work: string): PhaseResult {
  const dataDir = join(work, `data-${name}`);
  const args = ["bin/run-ts.js", "bench/ingest.ts", "--phase", name, "--file", file, "--data", dataDir];
  for (const extra of ["memory", "threads"])
    if (process.argv.includes(`--${extra}`)) args.push(`--${extra}`, flag(extra, ""));
  const child = spawnSync(process.execPath, args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (child.status !== 0) throw new Error(`phase ${name} failed`);
  const result = JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}") as PhaseResult;
  rmSync(dataDir, { recursive: true, force: true });
  return result;
}

const phaseName = flag("phase", "");
if (phaseName) {
  const result = await phase(phaseName, flag("file", ""), flag("data", ""));
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const rows = Number(flag("rows", "10000000"));
  const work = mkdtempSync(join(tmpdir(), "jobindblik-bench-ingest-"));
  try {
    let file = flag("file", "");
    if (file) file = resolve(file);
    else {
      file = join(tmpdir(), `jobindblik-bench-benefit-periods-${rows}.csv`);
      if (!existsSync(file)) {
        const made = await timed(() => generate(`${file}.part`, rows));
        spawnSync("mv", [`${file}.part`, file]);
        console.log(`generated ${rows.toLocaleString("en")} rows in ${made.seconds.toFixed(1)} s`);
      }
    }
    console.log(
      `ingest benchmark: ${file} (${(statSync(file).size / 2 ** 20).toFixed(0)} MiB), ${machine()}`,
    );
    const best = (a: PhaseResult | undefined, b: PhaseResult) => (a && a.seconds <= b.seconds ? a : b);
    let bare: PhaseResult | undefined;
    let ours: PhaseResult | undefined;
    for (let i = 0; i < Number(flag("repeat", "1")); i++) {
      bare = best(bare, runPhase("bare", file, work));
      ours = best(ours, runPhase("ingest", file, work));
    }
    if (!bare || !ours) throw new Error("--repeat must be at least 1");
    console.log(
      `bare read_csv:  ${bare.seconds.toFixed(1)} s  (${bare.rows.toLocaleString("en")} rows, peak ${bare.peakMb} MB)`,
    );
    console.log(
      `our ingest:     ${ours.seconds.toFixed(1)} s  (${ours.rows.toLocaleString("en")} rows accepted, peak ${ours.peakMb} MB)`,
    );
    console.log(
      `ratio:          ${(ours.seconds / bare.seconds).toFixed(2)}×  (target ≤ 3×; peak memory target ≤ 4096 MB)`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
