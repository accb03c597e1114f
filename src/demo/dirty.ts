// `--dirty P`: replaces a share P of rows by realistic bad rows, each with one defect the ingest must
// quarantine (bad CPR date, unknown code, impossible date, end before start, missing field, number out
// of range, out-of-scope row, wrong field count).
import type { RecordTypeDef } from "../ingest/record-types/index.ts";
import type { Rng } from "./random.ts";
import type { DeliveryStyle, DemoSource } from "./sources.ts";

export type Defect =
  | "cpr_date"
  | "cpr_format"
  | "unknown_code"
  | "bad_date"
  | "end_before_start"
  | "required"
  | "out_of_range"
  | "out_of_scope"
  | "field_count";

/** Applies one defect to a row's texts (field order) in place; returns the defect applied. */
export function corruptRow(
  def: RecordTypeDef,
  source: DemoSource,
  style: DeliveryStyle,
  texts: string[],
  rng: Rng,
  foreignMunicipality: string,
  foreignAkasse: string,
): Defect {
  const index = (name: string): number => def.fields.findIndex((f) => f.name === name);
  const options: Defect[] = [];
  const cpr = index("cpr");
  if (cpr >= 0) options.push("cpr_date", "cpr_format");
  const code = def.fields.findIndex((f) => f.type === "code" && f.required);
  if (code >= 0) options.push("unknown_code");
  const date = def.fields.findIndex((f) => f.type === "date" && f.required);
  if (date >= 0) options.push("bad_date");
  const start = index("start");
  const end = index("end");
  if (start >= 0 && end >= 0 && texts[end] !== "" && texts[start] !== texts[end])
    options.push("end_before_start");
  const required = def.fields.findIndex((f) => f.required && !f.emptyAllowed && f.type !== "cpr");
  if (required >= 0) options.push("required");
  const ranged = def.fields.findIndex(
    (f) => f.max !== undefined || (f.min !== undefined && f.type === "decimal"),
  );
  if (ranged >= 0) options.push("out_of_range");
  const scopeField =
    source.kind === "jobcenter"
      ? def.scopeField.jobcenter
      : source.kind === "akasse"
        ? def.scopeField.akasse
        : undefined;
  const scopeIndex = scopeField ? index(scopeField) : -1;
  if (scopeIndex >= 0 && texts[scopeIndex] !== "") options.push("out_of_scope");
  if (style !== "jsonl") options.push("field_count");

  const defect = options[rng.int(0, options.length - 1)] as Defect;
  switch (defect) {
    case "cpr_date": {
      // Day 32 of the month: never a real date; the CPR shape stays intact.
      const t = texts[cpr] as string;
      texts[cpr] = `32${t.slice(2)}`;
      break;
    }
    case "cpr_format":
      texts[cpr] = (texts[cpr] as string).replace("-", "").slice(0, 9);
      break;
    case "unknown_code":
      texts[code] = `${texts[code]}x`;
      break;
    case "bad_date":
      texts[date] = style === "excel-da" ? "30-02-2024" : "2024-02-30";
      break;
    case "end_before_start": {
      const s = texts[start] as string;
      texts[start] = texts[end] as string;
      texts[end] = s;
      break;
    }
    case "required":
      texts[required] = "";
      break;
    case "out_of_range": {
      const field = def.fields[ranged];
      const bad = field?.max !== undefined ? field.max + 1 : -5;
      // Whole-number fields get a whole number, so the defect is the range and not the form.
      const text = field?.type === "integer" ? String(bad) : String(bad + 0.5);
      texts[ranged] = style === "excel-da" ? text.replace(".", ",") : text;
      break;
    }
    case "out_of_scope":
      texts[scopeIndex] = source.kind === "akasse" ? foreignAkasse : foreignMunicipality;
      break;
    case "field_count":
      texts.push("ekstra");
      break;
  }
  return defect;
}
