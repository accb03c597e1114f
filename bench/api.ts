// Benchmark of the API's data route: a ~1,200-cell query (all 98 municipalities × the 12 newest months ×
// one benefit of `recipients`, one measure) served by `createApp`, against the same bytes served as a
// static string from another route of the same Fastify process, in the same run. autocannon drives both
// against 127.0.0.1 only, each for a bounded time, from a child process (so the load generator does not
// share the server's event loop); p95 is computed from every response's latency.
//   node bin/run-ts.js bench/api.ts --data DIR [--seconds 10] [--connections 10]
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import autocannon from "autocannon";
import { createApp } from "../src/api/index.ts";
import { flag, machine } from "./_util.ts";

interface Run {
  readonly name: string;
  readonly requests: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly errors: number;
  readonly non2xx: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** The child's part: drives one URL and prints one JSON Run. */
async function drive(name: string, url: string, seconds: number, connections: number): Promise<Run> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error("the benchmark only targets 127.0.0.1");
  const latencies: number[] = [];
  const instance = autocannon({ url, connections, duration: seconds, pipelining: 1 }, () => undefined);
  instance.on("response", (_client, _status, _bytes, responseTime) => {
    latencies.push(responseTime);
  });
  const result = await new Promise<autocannon.Result>((done) => instance.on("done", done));
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: result.requests.total,
    perSecond: result.requests.total / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Runs the load in a child process; the parent's event loop stays free to serve. */
async function load(name: string, url: string, seconds: number, connections: number): Promise<Run> {
  const script = fileURLToPath(import.meta.url);
  const runner = resolve(script, "../../bin/run-ts.js");
  const { stdout: out } = await promisify(execFile)(
    process.execPath,
    [
      runner,
      script,
      "--load",
      url,
      "--name",
      name,
      "--seconds",
      String(seconds),
      "--connections",
      String(connections),
    ],
    { encoding: "utf8", timeout: (seconds + 60) * 1000 },
  );
  return JSON.parse(out.trim().split("\n").pop() ?? "{}") as Run;
}

if (process.argv.includes("--load")) {
  const run = await drive(
    flag("name", "load"),
    flag("load", ""),
    Number(flag("seconds", "10")),
    Number(flag("connections", "10")),
  );
  process.stdout.write(`${JSON.stringify(run)}\n`);
  process.exit(0);
}

const dataDir = resolve(flag("data", process.env.JOBINDBLIK_DATA ?? "data"));
const seconds = Number(flag("seconds", "10"));
const connections = Number(flag("connections", "10"));

const app = createApp({ dataDir, rateLimit: false, logger: false });
let staticBody = "";
let staticType = "application/json; charset=utf-8";
app.get("/bench/static", async (_request, reply) => reply.type(staticType).send(staticBody));
await app.ready();

const catalogue = (await app.inject({ url: "/api/v1/tables/recipients" })).json() as {
  release: { id: string };
  dimensions: { id: string; codes: { code: string; level?: string }[] }[];
};
const area = catalogue.dimensions.find((d) => d.id === "area");
const benefit = catalogue.dimensions.find((d) => d.id === "benefit");
if (!area || !benefit) throw new Error(`no recipients table in ${dataDir}`);
const municipalities = area.codes.filter((c) => c.level === "municipality").map((c) => c.code);
const oneBenefit = benefit.codes.find((c) => c.code !== "total")?.code ?? "total";
const path = `/api/v1/tables/recipients/data?latest=12&area=${municipalities.join(",")}&benefit=${oneBenefit}&measure=persons`;

const coldStart = process.hrtime.bigint();
const first = await app.inject({ url: path });
const coldMs = Number(process.hrtime.bigint() - coldStart) / 1e6;
if (first.statusCode !== 200)
  throw new Error(`query failed: ${first.statusCode} ${first.body.slice(0, 200)}`);
const cells = (first.json() as { data: unknown[] }).data.length;
staticBody = first.body;
staticType = String(first.headers["content-type"]);

const address = await app.listen({ port: 0, host: "127.0.0.1" });
process.stdout.write(
  `API benchmark on ${machine()}\nrelease ${catalogue.release.id}: recipients, ${municipalities.length} municipalities × ` +
    `12 months × ${oneBenefit}, persons = ${cells} cells, ${Buffer.byteLength(staticBody)} bytes of JSON\n` +
    `first (uncached) answer: ${coldMs.toFixed(1)} ms; then ${connections} connections for ${seconds} s each\n\n`,
);
const api = await load("api data route (cached)", `${address}${path}`, seconds, connections);
const baseline = await load("static string, same process", `${address}/bench/static`, seconds, connections);
await app.close();

for (const run of [api, baseline]) {
  process.stdout.write(
    `${run.name.padEnd(30)} ${run.perSecond.toFixed(0).padStart(7)} req/s   p50 ${run.p50.toFixed(1)} ms   ` +
      `p95 ${run.p95.toFixed(1)} ms   p99 ${run.p99.toFixed(1)} ms   (${run.requests} requests, ` +
      `${run.errors} errors, ${run.non2xx} non-2xx)\n`,
  );
}
process.stdout.write(`\nthroughput ratio api / static: ${(api.perSecond / baseline.perSecond).toFixed(2)}\n`);
