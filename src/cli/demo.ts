// `jobindblik demo`: writes realistic synthetic deliveries (placeholder until the generator lands).
import type { Command } from "commander";

export function registerDemo(program: Command): void {
  program.command("demo").description("write realistic synthetic deliveries of every record type");
}
