// Turns one generated row (typed cells in the record type's field order) into the text a source of
// a given style would send: date form, decimal mark, CPR form, column order, CSV or JSON Lines.
import type { FieldDef, RecordTypeDef } from "../ingest/record-types/index.ts";
import { dmyOfDay, isoOfDay } from "./day-text.ts";
import type { DeliveryStyle } from "./sources.ts";

/** A cell: day number for dates, number for numbers, string for codes/CPR/months/text, null = empty. */
export type Cell = string | number | null;

export function cellText(field: FieldDef, cell: Cell, style: DeliveryStyle): string {
  if (cell === null) return "";
  switch (field.type) {
    case "date":
      return style === "excel-da" ? dmyOfDay(cell as number) : isoOfDay(cell as number);
    case "decimal":
      return style === "excel-da" ? String(cell).replace(".", ",") : String(cell);
    case "cpr": {
      const text = cell as string;
      return style === "excel-da" ? `${text.slice(0, 6)}-${text.slice(6)}` : text;
    }
    default:
      return String(cell);
  }
}

/** Column order of a style: excel-da sources put the CPR last and capitalise the header. */
export function columnOrder(def: RecordTypeDef, style: DeliveryStyle): number[] {
  const order = def.fields.map((_, i) => i);
  return style === "excel-da" ? [...order.slice(1), 0] : order;
}

export function headerLine(def: RecordTypeDef, style: DeliveryStyle): string {
  if (style === "jsonl") return "";
  const names = columnOrder(def, style).map((i) => def.fields[i]?.name ?? "");
  return style === "excel-da"
    ? names.map((n) => n.charAt(0).toUpperCase() + n.slice(1)).join(";")
    : names.join(",");
}

function csvQuote(text: string, delimiter: string): string {
  return text.includes(delimiter) || text.includes('"') || text.includes("\n")
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** One line of the file (without line ending) from the texts in field order. */
export function rowLine(def: RecordTypeDef, style: DeliveryStyle, texts: readonly string[]): string {
  if (style === "jsonl") {
    const parts: string[] = [];
    def.fields.forEach((field, i) => {
      const text = texts[i] ?? "";
      if (text === "") return;
      const numeric = (field.type === "decimal" || field.type === "integer") && NUMERIC.test(text);
      parts.push(`${JSON.stringify(field.name)}:${numeric ? text : JSON.stringify(text)}`);
    });
    // Extra cells beyond the fields (a dirty row with too many fields) become an unknown key.
    for (let i = def.fields.length; i < texts.length; i++)
      parts.push(`"extra_${i}":${JSON.stringify(texts[i])}`);
    return `{${parts.join(",")}}`;
  }
  const delimiter = style === "excel-da" ? ";" : ",";
  const order = columnOrder(def, style);
  const out = order.map((i) => csvQuote(texts[i] ?? "", delimiter));
  for (let i = def.fields.length; i < texts.length; i++) out.push(csvQuote(texts[i] ?? "", delimiter));
  return out.join(delimiter);
}

export function lineEnding(style: DeliveryStyle): string {
  return style === "excel-da" ? "\r\n" : "\n";
}
