// `jobindblik source add ID --kind K --scope CODES --types TYPES` and `jobindblik source list`.
import type { Command } from "commander";
import type { Source } from "../ingest/index.ts";
import { addSource, listSources } from "../ingest/index.ts";
import { withConnection } from "../store/index.ts";
import { globalOptions, printResult } from "./context.ts";

/** A comma-separated list, trimmed, without empty items. */
export function commaList(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function describe(s: Source): string {
  const scope =
    s.scope.length > 8 ? `${s.scope.slice(0, 8).join(",")},… (${s.scope.length})` : s.scope.join(",");
  return `${s.id.padEnd(8)} ${s.kind.padEnd(9)} scope ${scope}; types ${s.types.join(", ")}`;
}

export function registerSource(program: Command): void {
  const source = program.command("source").description("register and list delivering sources");
  source
    .command("add <id>")
    .description("register a source")
    .requiredOption("--kind <kind>", "jobcenter, akasse or national")
    .requiredOption(
      "--scope <codes>",
      "municipality or job centre codes, a-kasse codes, or DK (comma-separated)",
    )
    .requiredOption("--types <types>", "record types the source may deliver (comma-separated)")
    .action(async (id: string, opts: { kind: string; scope: string; types: string }, command: Command) => {
      const options = globalOptions(command);
      const added = await withConnection(options.dataDir, (c) =>
        addSource(
          c,
          { id, kind: opts.kind, scope: commaList(opts.scope), types: commaList(opts.types) },
          new Date(),
        ),
      );
      printResult(options, added, (s) => `Registered source ${describe(s)}`);
    });
  source
    .command("list")
    .description("list registered sources")
    .action(async (_opts: unknown, command: Command) => {
      const options = globalOptions(command);
      const sources = await withConnection(options.dataDir, (c) => listSources(c));
      printResult(options, { sources }, (r) =>
        r.sources.length === 0 ? "No sources registered" : r.sources.map(describe).join("\n"),
      );
    });
}
