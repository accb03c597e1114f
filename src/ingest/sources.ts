// Registered sources: who may deliver which record types, and for which municipalities or a-kasser.
// A job centre code in a scope stands for the municipalities it serves; the stored scope is expanded.
import type { DuckDBConnection } from "@duckdb/node-api";
import { LIST, listValue, VARCHAR } from "@duckdb/node-api";
import { AppError, fail } from "../errors.ts";
import { isAkasseCode } from "../reference/akasser.ts";
import { COUNTRY_CODE } from "../reference/areas.ts";
import { jobCentreByCode } from "../reference/job-centres.ts";
import { isMunicipalityCode } from "../reference/municipalities.ts";
import { queryRows } from "../store/index.ts";
import { recordTypeDef } from "./record-types/index.ts";

export const SOURCE_KINDS = ["jobcenter", "akasse", "national"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface Source {
  readonly id: string;
  readonly kind: SourceKind;
  /** Municipality codes (jobcenter), a-kasse codes (akasse) or ["DK"] (national), sorted. */
  readonly scope: readonly string[];
  readonly types: readonly string[];
  readonly created_at: string;
}

export interface SourceDefinition {
  readonly id: string;
  readonly kind: string;
  readonly scope: readonly string[];
  readonly types: readonly string[];
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

function expandScope(kind: SourceKind, codes: readonly string[]): string[] {
  const out = new Set<string>();
  const bad: string[] = [];
  for (const code of codes) {
    if (kind === "national") {
      if (code === COUNTRY_CODE) out.add(code);
      else bad.push(code);
    } else if (kind === "akasse") {
      if (isAkasseCode(code)) out.add(code);
      else bad.push(code);
    } else if (isMunicipalityCode(code)) {
      out.add(code);
    } else {
      const centre = jobCentreByCode(code);
      if (centre) for (const m of centre.municipalities) out.add(m);
      else bad.push(code);
    }
  }
  const expected = {
    national: `${COUNTRY_CODE}`,
    akasse: "a-kasse codes like D86",
    jobcenter: "municipality codes like 101 or job centre codes like JC101",
  }[kind];
  if (bad.length > 0)
    fail(
      "bad_code",
      `Not in the scope of ${kind === "akasse" ? "an" : "a"} ${kind} source: ${bad.map((b) => JSON.stringify(b)).join(", ")}; expected ${expected}`,
    );
  if (out.size === 0) fail("bad_argument", `A ${kind} source needs a scope (${expected})`);
  return [...out].sort();
}

/** Checks and normalises a definition: known kind, scope codes of that kind, record types it can send. */
export function normaliseSource(definition: SourceDefinition): Omit<Source, "created_at"> {
  if (!ID.test(definition.id)) {
    fail(
      "bad_argument",
      `Not a source id: ${JSON.stringify(definition.id)}; use letters, digits, _ . - (at most 40)`,
    );
  }
  const kind = definition.kind as SourceKind;
  if (!SOURCE_KINDS.includes(kind)) {
    fail(
      "bad_argument",
      `Not a source kind: ${JSON.stringify(definition.kind)}; expected ${SOURCE_KINDS.join(", ")}`,
    );
  }
  const scope = expandScope(kind, definition.scope);
  const types = [...new Set(definition.types)];
  if (types.length === 0) fail("bad_argument", "A source needs at least one record type");
  for (const type of types) {
    const def = recordTypeDef(type);
    if (kind !== "national" && def.scopeField[kind] === undefined) {
      fail("bad_argument", `A ${kind} source cannot deliver ${type}: its rows carry no ${kind} scope field`);
    }
  }
  return { id: definition.id, kind, scope, types };
}

/** Registers a source; `source_exists` if the id is taken. */
export async function addSource(
  connection: DuckDBConnection,
  definition: SourceDefinition,
  now: Date,
): Promise<Source> {
  const source = normaliseSource(definition);
  if (await findSource(connection, source.id)) {
    throw new AppError("source_exists", `A source with id ${source.id} is already registered`);
  }
  await connection.run(
    "INSERT INTO sources VALUES ($id, $kind, $scope, $types, $at::TIMESTAMP)",
    {
      id: source.id,
      kind: source.kind,
      scope: listValue([...source.scope]),
      types: listValue([...source.types]),
      at: now.toISOString().replace("T", " ").replace("Z", ""),
    },
    { scope: LIST(VARCHAR), types: LIST(VARCHAR) },
  );
  return { ...source, created_at: now.toISOString() };
}

const SELECT =
  "SELECT id, kind, scope, types, strftime(created_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS created_at FROM sources";

export async function listSources(connection: DuckDBConnection): Promise<Source[]> {
  return queryRows<Source>(connection, `${SELECT} ORDER BY id`);
}

export async function findSource(connection: DuckDBConnection, id: string): Promise<Source | undefined> {
  const rows = await queryRows<Source>(connection, `${SELECT} WHERE id = $id`, { id });
  return rows[0];
}

/** The source, or `unknown_source`. */
export async function getSource(connection: DuckDBConnection, id: string): Promise<Source> {
  return (
    (await findSource(connection, id)) ??
    fail("unknown_source", `No registered source with id ${JSON.stringify(id)}`)
  );
}

/** Whether two definitions register the same thing (after normalising both). */
export function sameDefinition(a: Omit<Source, "created_at">, b: Omit<Source, "created_at">): boolean {
  const same = (x: readonly string[], y: readonly string[]) =>
    [...x].sort().join(",") === [...y].sort().join(",");
  return a.id === b.id && a.kind === b.kind && same(a.scope, b.scope) && same(a.types, b.types);
}
