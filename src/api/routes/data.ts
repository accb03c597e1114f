// `GET /api/v1/tables/{id}/data`: the cells of a selection in json, csv, jsonstat, xlsx or px
// (CONTRACT.md §5, §6), served from the LRU with ETag/304 and pre-compressed bodies.
import type { FastifyInstance } from "fastify";
import { type PreparedAnswer, prepareData } from "../data-service.ts";
import { cacheControl, clientHas, sendCached } from "../http-cache.ts";
import { dataQuerySchema, flattenQuery, queryJsonSchema } from "../query-schema.ts";
import type { ApiContext } from "./context.ts";
import { errorResponses, idParams } from "./schemas.ts";

const DESCRIPTION = [
  "Værdier for et udsnit af tabellen. Values of a selection of the table.",
  "",
  "Each dimension of the table is a query parameter taking a comma list of codes, `*` for all codes, or",
  "(for `period`) a range `2024M01..2024M12`. A dimension left out means all periods for `period`, `DK` for",
  "the area and `total` for the others. `latest=N` keeps the N newest periods of each period kind",
  "selected (alone: the N newest of the table's finest kind, usually months). `measure=` picks measures.",
  "`release=` pins a release (its answers are cached as immutable). Cells are ordered by the table's",
  "dimensions in catalogue order with the measure varying fastest, in every format.",
  "",
  "Status: empty = ordinary value, `..` = suppressed for confidentiality (value null/empty), `-` = not",
  "applicable. A query above the cell limit is refused with `too_many_cells`.",
].join("\n");

/** Most distinct addresses whose validated, normalised answer plan is remembered. */
const MEMO_ENTRIES = 5000;

export function registerDataRoute(app: FastifyInstance, ctx: ApiContext): void {
  // A repeated address skips validation and normalisation (a quarter of a millisecond for a 98-area
  // query): its plan is remembered for as long as the newest release stays the same.
  const memo = new Map<string, { newest: string; answer: PreparedAnswer }>();
  const plan = (url: string, id: string, query: unknown): PreparedAnswer => {
    const newest = ctx.store.list()[0]?.id ?? "";
    const known = memo.get(url);
    if (known && known.newest === newest) return known.answer;
    const answer = prepareData(ctx, id, flattenQuery(query));
    if (memo.size >= MEMO_ENTRIES) memo.clear();
    memo.set(url, { newest, answer });
    return answer;
  };
  app.get<{ Params: { id: string } }>(
    "/api/v1/tables/:id/data",
    {
      compress: false,
      schema: {
        summary: "Data / Values",
        description: DESCRIPTION,
        tags: ["data"],
        params: idParams,
        querystring: queryJsonSchema(dataQuerySchema),
        response: {
          200: {
            description: "The cells in the requested format",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  description:
                    "{ table, release, dimensions, measures, data: [{ <dim>: code, …, measure, value, status }] }",
                  additionalProperties: true,
                },
              },
              "text/csv": { schema: { type: "string" } },
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                schema: { type: "string", format: "binary" },
              },
              "text/x-pcaxis": { schema: { type: "string" } },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const answer = plan(request.url, request.params.id, request.query);
      // The ETag is known before any data is read: a client that has the answer costs nothing.
      if (clientHas(request, answer.etag)) {
        return reply
          .code(304)
          .header("ETag", answer.etag)
          .header("Cache-Control", cacheControl(answer.pinned))
          .header("Vary", "Accept-Encoding")
          .send();
      }
      const entry = await ctx.cache.getOrMake(answer.key, answer.make);
      return sendCached(request, reply, ctx.cache, answer.key, entry, answer.pinned);
    },
  );
}
