// `GET /api/v1/releases` (newest first, with release notes and revisions) and `GET /api/v1/releases/{id}`.
// Delivery checksums stay out: what was built from is described by source, type and period.
import type { FastifyInstance } from "fastify";
import { fail } from "../../errors.ts";
import { flattenQuery, noQuerySchema, parseQuery } from "../query-schema.ts";
import type { Release } from "../release-store.ts";
import type { ApiContext } from "./context.ts";
import { errorResponses, idParams, objectResponse } from "./schemas.ts";
import { sendJson } from "./send-json.ts";

function summary(release: Release, newest: boolean): Record<string, unknown> {
  const m = release.manifest;
  return {
    id: m.release,
    sequence: m.sequence,
    createdAt: m.createdAt,
    dataThrough: m.dataThrough,
    firstMonth: m.firstMonth,
    previous: m.previous,
    newest,
    codeVersion: m.codeVersion,
    tables: m.tables.map((t) => ({ id: t.id, cells: t.rows, sha256: t.sha256 })),
    notes: m.notes,
    links: { self: `/api/v1/releases/${m.release}`, tables: `/api/v1/tables?release=${m.release}` },
  };
}

export function registerReleaseRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get(
    "/api/v1/releases",
    {
      compress: false,
      schema: {
        summary: "Udgivelser / Releases",
        description:
          "Udgivelser, nyeste først, med udgivelsesnoter og revisioner. " +
          "Releases, newest first, with release notes (new months, revised tables, replaced deliveries, " +
          "data breaks, the provisional month).",
        tags: ["releases"],
        response: { 200: objectResponse("{ releases: [...] }"), ...errorResponses },
      },
    },
    async (request, reply) => {
      parseQuery(noQuerySchema, flattenQuery(request.query));
      const releases = ctx.store.list();
      const key = `releases|${releases.map((r) => r.id).join(",")}`;
      return sendJson(request, reply, ctx.cache, key, false, () => ({
        releases: releases.map((r, i) => summary(r, i === 0)),
      }));
    },
  );

  app.get<{ Params: { id: string } }>(
    "/api/v1/releases/:id",
    {
      compress: false,
      schema: {
        summary: "Én udgivelse / One release",
        description:
          "En udgivelse med noter, tabeller og de leverancer, den bygger på. " +
          "One release with its notes, tables and the deliveries it was built from.",
        tags: ["releases"],
        params: idParams,
        response: { 200: objectResponse("The release"), ...errorResponses },
      },
    },
    async (request, reply) => {
      parseQuery(noQuerySchema, flattenQuery(request.query));
      const release = ctx.store.get(request.params.id);
      if (release.id !== request.params.id) fail("unknown_release", "No such release");
      const newest = ctx.store.list()[0]?.id === release.id;
      const key = `release|${release.id}|${newest}`;
      return sendJson(request, reply, ctx.cache, key, !newest, () => ({
        ...summary(release, newest),
        tables: release.manifest.tables.map((t) => ({
          id: t.id,
          title: release.tableById.get(t.id)?.title ?? null,
          cells: t.rows,
          sha256: t.sha256,
        })),
        batches: release.manifest.batches.map((b) => ({
          id: b.id,
          source: b.source,
          type: b.type,
          period: b.period,
        })),
      }));
    },
  );
}
