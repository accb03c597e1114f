// `GET /api`: the API's documentation as one server-rendered page (Danish, with English), no scripts and
// no assets from elsewhere. Examples use the newest release's own tables, so every link works.
import type { FastifyInstance } from "fastify";
import { ERROR_CATALOGUE } from "../../errors.ts";
import type { Release } from "../release-store.ts";
import type { ApiContext } from "./context.ts";

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const ROUTES: readonly [string, string, string][] = [
  [
    "/api/v1/tables",
    "Katalog over tabeller; <code>q=</code> fritekstsøgning, <code>subject=</code> emne",
    "The catalogue; full-text search with q=",
  ],
  [
    "/api/v1/tables/{id}",
    "Én tabels dimensioner, koder, målinger, definitioner og fodnoter",
    "One table's metadata",
  ],
  [
    "/api/v1/tables/{id}/data",
    "Værdier for et udsnit i json, csv, jsonstat, xlsx eller px",
    "Values of a selection",
  ],
  [
    "/api/v1/releases",
    "Udgivelser, nyeste først, med noter og revisioner",
    "Releases with notes and revisions",
  ],
  ["/api/v1/releases/{id}", "Én udgivelse", "One release"],
  ["/api/v1/openapi.json", "OpenAPI 3.1-beskrivelse", "The OpenAPI 3.1 description"],
];

const API_ERRORS = [
  "bad_argument",
  "bad_period",
  "bad_range",
  "bad_code",
  "unknown_dimension",
  "too_many_cells",
  "unknown_table",
  "unknown_release",
  "not_found",
  "request_too_large",
  "rate_limited",
  "no_release",
  "internal",
] as const;

function examples(release: Release | null): string[] {
  const table = release?.tables.find((t) => t.id === "recipients") ?? release?.tables[0];
  if (!table) return ["/api/v1/tables"];
  const id = table.id;
  const measure = table.measures[0]?.id ?? "";
  const other = table.dimensions.find((d) => d.kind === "code");
  const otherCode = other?.codes.find((c) => c.code !== "total")?.code;
  const area = table.dimensions.find((d) => d.kind === "area");
  const areaCodes =
    area?.codes
      .filter((c) => c.code !== "DK")
      .slice(0, 2)
      .map((c) => c.code) ?? [];
  const last = table.lastPeriod ?? "";
  const monthly = /^\d{4}M\d{2}$/.test(last) ? `${last.slice(0, 4)}M01..${last}` : last;
  const areaPart = area && areaCodes.length > 0 ? `&${area.id}=DK,${areaCodes.join(",")}` : "";
  const otherPart = other && otherCode ? `&${other.id}=${otherCode}` : "";
  return [
    `/api/v1/tables?q=${encodeURIComponent(table.title.da.split(" ")[0] ?? "")}`,
    `/api/v1/tables/${id}`,
    `/api/v1/tables/${id}/data?latest=12&measure=${measure}`,
    `/api/v1/tables/${id}/data?period=${monthly}${areaPart}${otherPart}&measure=${measure}&labels=da`,
    `/api/v1/tables/${id}/data?latest=12&measure=${measure}&format=csv&locale=da`,
    `/api/v1/tables/${id}/data?latest=12&format=jsonstat`,
    `/api/v1/tables/${id}/data?latest=12&format=xlsx`,
    `/api/v1/tables/${id}/data?latest=12&format=px`,
    ...(release ? [`/api/v1/tables/${id}/data?latest=3&release=${release.id}`] : []),
  ];
}

export function renderDocsPage(release: Release | null): string {
  const routeRows = ROUTES.map(
    ([path, da, en]) =>
      `<tr><td><code>GET ${esc(path)}</code></td><td>${da}<br><span lang="en">${esc(en)}</span></td></tr>`,
  ).join("\n");
  const errorRows = API_ERRORS.map(
    (code) =>
      `<tr><td><code>${code}</code></td><td>${ERROR_CATALOGUE[code].status}</td><td lang="en">${esc(ERROR_CATALOGUE[code].title)}</td></tr>`,
  ).join("\n");
  const exampleList = examples(release)
    .map((href) => `<li><a href="${esc(href)}"><code>${esc(href)}</code></a></li>`)
    .join("\n");
  const tables = (release?.tables ?? [])
    .map(
      (t) =>
        `<li><a href="/api/v1/tables/${esc(t.id)}"><code>${esc(t.id)}</code></a> ${esc(t.title.da)} <span lang="en">(${esc(t.title.en)})</span></li>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Jobindblik API v1</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }
code { background: #f2f2f2; padding: 0 .2em; }
table { border-collapse: collapse; width: 100%; }
td, th { border-bottom: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
[lang="en"] { color: #555; }
</style>
</head>
<body>
<h1>Jobindblik API v1</h1>
<p>Åbne, offentliggjorte beskæftigelsestal: ingen nøgle, intet login, koder i stedet for tekster, tal som tal.
<span lang="en">Open, published employment statistics: no key, no login, codes rather than labels, numbers as numbers.</span></p>
<p>${release ? `Nyeste udgivelse / newest release: <a href="/api/v1/releases/${esc(release.id)}"><code>${esc(release.id)}</code></a>, data til og med / through ${esc(release.manifest.dataThrough)}.` : 'Der er endnu ingen udgivelse. <span lang="en">No release has been published yet.</span>'}</p>
<p>Maskinlæsbar beskrivelse / machine-readable description: <a href="/api/v1/openapi.json"><code>/api/v1/openapi.json</code></a> (OpenAPI 3.1).</p>

<h2>Adresser <span lang="en">/ Routes</span></h2>
<table><thead><tr><th>Adresse</th><th>Svarer med <span lang="en">/ Answers</span></th></tr></thead>
<tbody>
${routeRows}
</tbody></table>

<h2>Udsnit <span lang="en">/ Selecting data</span></h2>
<ul>
<li>Hver dimension er en parameter med en kommaliste af koder, <code>*</code> for alle, eller for <code>period</code> et interval <code>2024M01..2024M12</code>.
<span lang="en">Each dimension is a parameter taking a comma list of codes, <code>*</code> for all, or a period range.</span></li>
<li>Udeladt dimension: alle perioder, <code>DK</code> for område, <code>total</code> for de øvrige.
<span lang="en">A dimension left out means all periods, <code>DK</code> for the area and <code>total</code> for the others.</span></li>
<li><code>latest=N</code>: de N nyeste perioder af hver periodetype i udvalget (alene: de N nyeste måneder).
<span lang="en">The N newest periods of each period kind selected (alone: the N newest of the finest kind, usually months).</span></li>
<li><code>measure=</code> vælger målinger; <code>release=</code> fastholder en udgivelse; <code>labels=da|en</code> tilføjer tekster i JSON.
<span lang="en">Pick measures; pin a release; add labels to JSON.</span></li>
<li>Perioder / periods: måned <code>2025M03</code>, kvartal <code>2025K1</code>, år <code>2025</code>, løbende 12 måneder <code>2025K1R12</code>.</li>
<li>Status: tom = almindelig værdi, <code>..</code> = diskretioneret (fortrolighed), <code>-</code> = ikke relevant.
<span lang="en">Empty = ordinary value, <code>..</code> = suppressed for confidentiality, <code>-</code> = not applicable.</span></li>
</ul>

<h2>Formater <span lang="en">/ Formats</span></h2>
<ul>
<li><code>format=json</code> (standard): <code>{ table, release, dimensions, measures, data: [{ &lt;dim&gt;: kode, …, measure, value, status }] }</code></li>
<li><code>format=csv</code>: kolonner = dimensioner, <code>measure</code>, <code>value</code>, <code>status</code>; <code>,</code> og <code>.</code>, UTF-8.
<code>&amp;locale=da</code>: <code>;</code>, decimalkomma og BOM til dansk Excel.</li>
<li><code>format=jsonstat</code>: JSON-stat 2.0 dataset med <code>status</code>.</li>
<li><code>format=xlsx</code>: Excel med dataark og metadataark (definitioner, enheder, fodnoter, udgivelse).</li>
<li><code>format=px</code>: PC-Axis (PxWeb), UTF-8.</li>
</ul>

<h2>Eksempler <span lang="en">/ Examples</span></h2>
<ul>
${exampleList}
</ul>

<h2>Tabeller <span lang="en">/ Tables</span></h2>
<ul>
${tables}
</ul>

<h2>Fejl <span lang="en">/ Errors</span></h2>
<p>Alle fejl er JSON <code>{ code, message, details }</code>. <span lang="en">Every error is JSON with a stable code.</span></p>
<table><thead><tr><th>code</th><th>HTTP</th><th>Betydning <span lang="en">/ meaning</span></th></tr></thead>
<tbody>
${errorRows}
</tbody></table>

<h2>Caching</h2>
<p>Svar har en ETag (udgivelse + normaliseret forespørgsel + format) og besvares med 304 ved <code>If-None-Match</code>.
Med <code>release=</code> er svaret uforanderligt (<code>Cache-Control: immutable</code>).
<span lang="en">Answers carry an ETag and honour If-None-Match; pinned answers are immutable. CORS is open for GET.</span></p>
</body>
</html>
`;
}

export function registerDocsPage(app: FastifyInstance, ctx: ApiContext): void {
  app.get("/api", { schema: { hide: true } }, async (_request, reply) => {
    const release = ctx.store.list()[0] ?? null;
    return reply
      .type("text/html; charset=utf-8")
      .header("Cache-Control", "public, max-age=60")
      .send(renderDocsPage(release));
  });
}
