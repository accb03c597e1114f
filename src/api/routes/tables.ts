// `GET /api/v1/tables` (the catalogue, with `q=` search and `subject=`) and `GET /api/v1/tables/{id}`
// (one table's dimensions with every code and label, measures with definitions and units, footnotes).
import type { FastifyInstance } from "fastify";
import type { PublishedTable } from "../../build/release-catalogue.ts";
import {
  flattenQuery,
  parseQuery,
  queryJsonSchema,
  releaseQuerySchema,
  tablesQuerySchema,
} from "../query-schema.ts";
import type { Release } from "../release-store.ts";
import { matchesQuery } from "../search-tables.ts";
import type { ApiContext } from "./context.ts";
import { errorResponses, idParams, objectResponse } from "./schemas.ts";
import { sendJson } from "./send-json.ts";

function releaseInfo(release: Release): Record<string, unknown> {
  const m = release.manifest;
  return { id: m.release, createdAt: m.createdAt, dataThrough: m.dataThrough, firstMonth: m.firstMonth };
}

function summary(table: PublishedTable): Record<string, unknown> {
  return {
    id: table.id,
    title: table.title,
    subject: table.subject,
    description: table.description,
    dimensions: table.dimensions.map((d) => ({
      id: d.id,
      label: d.label,
      kind: d.kind,
      size: d.codes.length,
    })),
    measures: table.measures.map((m) => ({ id: m.id, label: m.label, unit: m.unit, decimals: m.decimals })),
    firstPeriod: table.firstPeriod,
    lastPeriod: table.lastPeriod,
    links: { self: `/api/v1/tables/${table.id}`, data: `/api/v1/tables/${table.id}/data` },
  };
}

export function registerTableRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get(
    "/api/v1/tables",
    {
      compress: false,
      schema: {
        summary: "Tabeller / The catalogue",
        description:
          "Alle tabeller i den nyeste udgivelse med dimensioner og målinger. " +
          "All tables of the newest release with their dimensions and measures; `q` searches titles, " +
          "descriptions, measures and dimension labels in Danish and English.",
        tags: ["tables"],
        querystring: queryJsonSchema(tablesQuerySchema),
        response: { 200: objectResponse("{ release, tables: [...] }"), ...errorResponses },
      },
    },
    async (request, reply) => {
      const query = parseQuery(tablesQuerySchema, flattenQuery(request.query));
      const release = ctx.store.get(query.release);
      const q = query.q?.trim() ?? "";
      const key = `tables|${release.id}|${q}|${query.subject ?? ""}`;
      return sendJson(request, reply, ctx.cache, key, query.release !== undefined, () => ({
        release: releaseInfo(release),
        subjects: [...new Set(release.tables.map((t) => t.subject))],
        tables: release.tables
          .filter((t) => query.subject === undefined || t.subject === query.subject)
          .filter((t) => q === "" || matchesQuery(t, q))
          .map(summary),
      }));
    },
  );

  app.get<{ Params: { id: string } }>(
    "/api/v1/tables/:id",
    {
      compress: false,
      schema: {
        summary: "Én tabel / One table's metadata",
        description:
          "Dimensioner med alle koder og tekster (da, en), målinger med definitioner og enheder, fodnoter. " +
          "Dimensions with every code and label (da, en), measures with definitions and units, footnotes.",
        tags: ["tables"],
        params: idParams,
        querystring: queryJsonSchema(releaseQuerySchema),
        response: { 200: objectResponse("The table's metadata"), ...errorResponses },
      },
    },
    async (request, reply) => {
      const query = parseQuery(releaseQuerySchema, flattenQuery(request.query));
      const release = ctx.store.get(query.release);
      const table = ctx.store.table(release, request.params.id);
      const key = `table|${release.id}|${table.id}`;
      return sendJson(request, reply, ctx.cache, key, query.release !== undefined, () => ({
        release: releaseInfo(release),
        id: table.id,
        title: table.title,
        subject: table.subject,
        description: table.description,
        dimensions: table.dimensions,
        measures: table.measures,
        footnotes: table.footnotes,
        firstPeriod: table.firstPeriod,
        lastPeriod: table.lastPeriod,
        links: { data: `/api/v1/tables/${table.id}/data` },
      }));
    },
  );
}
