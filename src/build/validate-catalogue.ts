// Validates the table catalogue once when the build loads it: a bad definition fails the build with
// a message naming the table and the field, and every problem is reported at once.
import { fail } from "../errors.ts";
import type { TableDef } from "./tables/types.ts";

const ID = /^[a-z][a-z0-9-]*$/;

export function catalogueProblems(tables: readonly TableDef[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const t of tables) {
    const at = (field: string, message: string) =>
      problems.push(`table ${t.id || "(no id)"}: ${field}: ${message}`);
    if (!ID.test(t.id)) at("id", "must be lower-case letters, digits and hyphens");
    if (ids.has(t.id)) at("id", "is used by another table");
    ids.add(t.id);
    if (!t.title.da || !t.title.en) at("title", "needs da and en");
    if (t.periodKinds.length === 0) at("periodKinds", "is empty");
    if (t.dimensions[0]?.kind !== "period") at("dimensions", "the first dimension must be the period");
    const dimIds = new Set<string>();
    for (const d of t.dimensions) {
      if (dimIds.has(d.id)) at(`dimension ${d.id}`, "appears twice");
      dimIds.add(d.id);
      if (d.kind === "code") {
        const codes = d.codes ?? [];
        if (codes.length === 0) at(`dimension ${d.id}`, "has no codes");
        if (!codes.some((c) => c.code === "total")) at(`dimension ${d.id}`, "has no total code");
        if (new Set(codes.map((c) => c.code)).size !== codes.length)
          at(`dimension ${d.id}`, "has a repeated code");
        for (const c of codes)
          if (!c.label.da || !c.label.en) at(`dimension ${d.id} code ${c.code}`, "needs da and en labels");
      }
    }
    const measureIds = new Set<string>();
    for (const m of t.measures) {
      if (measureIds.has(m.id) || dimIds.has(m.id))
        at(`measure ${m.id}`, "repeats another measure or dimension id");
      measureIds.add(m.id);
      if (!m.definition.da || !m.definition.en) at(`measure ${m.id}`, "needs a da and en definition");
      if (!Number.isInteger(m.decimals) || m.decimals < 0 || m.decimals > 4)
        at(`measure ${m.id}`, "decimals must be 0–4");
    }
    if (t.measures.length === 0) at("measures", "is empty");
    for (const c of t.primaryCounts)
      if (!measureIds.has(c)) at("primaryCounts", `"${c}" is not a measure of the table`);
    if (!t.sql.trim()) at("sql", "is empty");
    if (t.disclosure) disclosureProblems(t, tables, dimIds, measureIds, at);
  }
  return problems;
}

const RELATIONS = new Set(["sum", "mean", "union", "subsum", "none"]);

/** The disclosure metadata must name the table's own measures and dimensions (src/disclosure/). */
function disclosureProblems(
  t: TableDef,
  tables: readonly TableDef[],
  dimIds: ReadonlySet<string>,
  measureIds: ReadonlySet<string>,
  at: (field: string, message: string) => void,
): void {
  const d = t.disclosure;
  if (!d) return;
  if (d.periods !== "flow" && d.periods !== "stock") at("disclosure.periods", "must be flow or stock");
  for (const [m, byDim] of Object.entries(d.relations)) {
    if (!measureIds.has(m)) at(`disclosure.relations.${m}`, "is not a measure of the table");
    for (const dim of dimIds)
      if (!(dim in byDim)) at(`disclosure.relations.${m}`, `has no relation along ${dim}`);
    for (const [dim, kind] of Object.entries(byDim)) {
      if (!dimIds.has(dim)) at(`disclosure.relations.${m}.${dim}`, "is not a dimension of the table");
      if (!RELATIONS.has(kind)) at(`disclosure.relations.${m}.${dim}`, `unknown relation "${kind}"`);
      if (kind === "mean" && t.dimensions.find((x) => x.id === dim)?.kind !== "period")
        at(`disclosure.relations.${m}.${dim}`, "mean applies to the period only");
    }
  }
  for (const [m, denominator] of Object.entries(d.ratios ?? {})) {
    if (!measureIds.has(m)) at(`disclosure.ratios.${m}`, "is not a measure of the table");
    if (denominator !== null && !measureIds.has(denominator))
      at(`disclosure.ratios.${m}`, `denominator "${denominator}" is not a measure of the table`);
  }
  if (d.dominance && !measureIds.has(d.dominance.measure))
    at("disclosure.dominance", `"${d.dominance.measure}" is not a measure of the table`);
  if (d.linkedWith !== undefined) {
    const base = tables.find((x) => x.id === d.linkedWith);
    if (!base) at("disclosure.linkedWith", `no table "${d.linkedWith}"`);
    else if (base.dimensions.some((x) => !dimIds.has(x.id)))
      at("disclosure.linkedWith", `"${d.linkedWith}" has a dimension this table lacks`);
    else if (
      t.dimensions.some(
        (x) => !base.dimensions.some((b) => b.id === x.id) && !x.codes?.some((c) => c.code === "total"),
      )
    )
      at("disclosure.linkedWith", "every extra dimension needs a total code");
  }
}

export function validateCatalogue(tables: readonly TableDef[]): void {
  const problems = catalogueProblems(tables);
  if (problems.length > 0)
    fail("build_failed", `Invalid table catalogue: ${problems.join("; ")}`, { problems });
}
