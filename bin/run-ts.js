#!/usr/bin/env node
// Runs one TypeScript file (benchmarks, scripts) through tsx's loader: `node bin/run-ts.js FILE [ARGS]`.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  process.stderr.write("usage: node bin/run-ts.js FILE [ARGS]\n");
  process.exit(2);
}
process.argv = [process.argv[0] ?? "node", resolve(file), ...rest];
register();
await import(pathToFileURL(resolve(file)).href);
