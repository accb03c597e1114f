#!/usr/bin/env node
// Entry point of the `jobindblik` command. The code is TypeScript run through tsx's loader,
// so a fresh clone needs no build step before `npm start`.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
