// The one boundary schema per API route's query string (zod): validation, the TypeScript types and the
// OpenAPI parameters all come from here. Dimension parameters are open-ended and checked per table.
import { z } from "zod";
import { AppError } from "../errors.ts";

export const FORMAT_IDS = ["json", "csv", "jsonstat", "xlsx", "px"] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

const releaseParam = z
  .string()
  .max(64, { error: "release must be a release id such as 2025M12-1" })
  .optional()
  .describe("Pin a release by id (default: the newest). A pinned answer never changes.");

const count = (what: string) =>
  z
    .string()
    .regex(/^[1-9][0-9]{0,4}$/, { error: `${what} must be a whole number from 1 to 99999` })
    .transform(Number);

export const dataQuerySchema = z
  .object({
    period: z
      .string()
      .optional()
      .describe(
        "Periods: comma list of codes (2025M03, 2025K1, 2025, 2025K1R12), ranges 2024M01..2024M12, or *",
      ),
    area: z
      .string()
      .optional()
      .describe("Areas: comma list of codes (DK, 1084, 101, JC101, RAR1) or *; default DK"),
    measure: z.string().optional().describe("Measures: comma list of measure ids or *; default all"),
    latest: count("latest").optional().describe("Keep the N newest periods of each period kind selected"),
    release: releaseParam,
    format: z
      .enum(FORMAT_IDS, { error: `format must be one of ${FORMAT_IDS.join(", ")}` })
      .default("json")
      .describe("json (default), csv, jsonstat (JSON-stat 2.0), xlsx or px (PC-Axis)"),
    locale: z
      .enum(["en", "da"], { error: "locale must be en or da" })
      .default("en")
      .describe("CSV only: da gives ; as delimiter, decimal comma and a BOM (Danish Excel)"),
    labels: z
      .enum(["da", "en"], { error: "labels must be da or en" })
      .optional()
      .describe("JSON: add labels in this language; JSON-stat, xlsx, PX: their language (default da)"),
  })
  .catchall(z.string().describe("Any other dimension of the table: comma list of codes or *; default total"));

export type DataQuery = z.infer<typeof dataQuerySchema>;

export const tablesQuerySchema = z.object({
  q: z
    .string()
    .max(200, { error: "q must be at most 200 characters" })
    .optional()
    .describe("Full-text search in titles, descriptions, measures and dimensions (da and en)"),
  subject: z.string().max(64).optional().describe("Only tables of this subject"),
  release: releaseParam,
});

export const releaseQuerySchema = z.object({ release: releaseParam });

export const noQuerySchema = z.object({});

const DATA_KNOWN = new Set(["measure", "latest", "release", "format", "locale", "labels"]);

/** Query parameters of the data route that are options rather than dimensions. */
export function isDataOption(name: string): boolean {
  return DATA_KNOWN.has(name);
}

/** Repeated parameters (`?area=101&area=147`) arrive as arrays: they mean the same as one comma list. */
export function flattenQuery(raw: unknown): Record<string, string> {
  // No prototype: a parameter named __proto__ is a parameter like any other (and refused as unknown).
  const out: Record<string, string> = Object.create(null);
  if (raw === null || typeof raw !== "object") return out;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    out[key] = Array.isArray(value) ? value.map(String).join(",") : String(value);
  }
  return out;
}

/** Parses a flattened query with a schema; the first problem becomes a `bad_argument` naming the parameter. */
export function parseQuery<S extends z.ZodType>(
  schema: S,
  query: Record<string, string>,
  allowUnknown = false,
): z.infer<S> {
  if (!allowUnknown && schema instanceof z.ZodObject) {
    const known = Object.keys(schema.shape);
    const unknown = Object.keys(query).filter((k) => !known.includes(k));
    if (unknown.length > 0) {
      const name = JSON.stringify((unknown[0] as string).slice(0, 40));
      throw new AppError(
        "bad_argument",
        `Unknown parameter ${name}; this route takes ${known.length > 0 ? known.join(", ") : "no parameters"}`,
        { parameter: (unknown[0] as string).slice(0, 64), allowed: known },
      );
    }
  }
  const result = schema.safeParse(query);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const parameter = String(issue?.path[0] ?? "");
  throw new AppError("bad_argument", issue?.message ?? "Invalid query", {
    parameter: parameter.slice(0, 64),
  });
}

/** JSON Schema of a query schema for the OpenAPI description. */
export function queryJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}
