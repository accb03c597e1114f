// Synthetic national-scale deliveries (`jobindblik demo`).

export { TRUE_EFFECTS } from "./framework.ts";
export type { DemoManifest, DemoOptions, DemoResult } from "./generate.ts";
/** Generates a complete demo delivery set into `options.outDir` and writes its manifest. */
export { generateDemo } from "./generate.ts";
export { BENEFIT_PROFILES } from "./profiles.ts";
export type { DemoSource } from "./sources.ts";
