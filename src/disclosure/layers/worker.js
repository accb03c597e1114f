// Entry of a worker thread that protects period layers (pool.ts): TypeScript through tsx's loader,
// as in bin/jobindblik.js, since a worker does not inherit the parent's loader.
import { register } from "tsx/esm/api";

register();
await import("./worker-main.ts");
