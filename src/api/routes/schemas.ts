// Response descriptions for the OpenAPI document (the routes send pre-serialized bytes, so these only
// document; they do not filter).
export const errorSchema = {
  description: "A coded error: { code, message, details }",
  type: "object",
  properties: {
    code: { type: "string", description: "Stable error code, e.g. unknown_table, bad_code, too_many_cells" },
    message: { type: "string", description: "One line for people" },
    details: { type: "object", additionalProperties: true, description: "Machine-readable specifics" },
  },
  required: ["code", "message", "details"],
} as const;

export const idParams = {
  type: "object",
  properties: { id: { type: "string", description: "The id, e.g. recipients or 2025M12-1" } },
  required: ["id"],
} as const;

export function objectResponse(description: string): Record<string, unknown> {
  return { description, type: "object", additionalProperties: true };
}

export const errorResponses = {
  400: errorSchema,
  404: errorSchema,
  429: errorSchema,
  503: errorSchema,
} as const;
