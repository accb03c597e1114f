// Every format, read back by an independent reader (jsonstat-toolkit, exceljs, an RFC 4180 parser, a PX
// parser), gives the same cells as the JSON answer for the same query.
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import JSONstat from "jsonstat-toolkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv, parsePx } from "./formats/read-back.ts";
import { createApp } from "./index.ts";
import { makeFixtureDataDir, RELEASE_2 } from "./test-fixture.ts";

let fixture: { dataDir: string; cleanup: () => void };
let app: FastifyInstance;

const QUERY = "recipients/data?period=2024M01..2024M04,2024K1&area=DK,101,147&benefit=*";
const DIMS = ["period", "area", "benefit"];

/** One cell as text: codes, measure, value (plain, or "" when null), status. */
type Cell = string;
const cell = (codes: readonly string[], measure: string, value: number | null, status: string): Cell =>
  [...codes, measure, value === null ? "" : String(value), status].join("|");

let expected: Cell[];
let json: {
  dimensions: { id: string; codes: string[] }[];
  measures: { id: string }[];
  data: Record<string, unknown>[];
};

async function get(
  format: string,
  extra = "",
): Promise<{ body: string; raw: Buffer; headers: Record<string, unknown> }> {
  const r = await app.inject({ url: `/api/v1/tables/${QUERY}&format=${format}${extra}` });
  expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
  return { body: r.body, raw: r.rawPayload, headers: r.headers };
}

beforeAll(async () => {
  fixture = await makeFixtureDataDir();
  app = createApp({ dataDir: fixture.dataDir, rateLimit: false });
  await app.ready();
  json = JSON.parse((await get("json")).body);
  expected = json.data.map((r) =>
    cell(
      DIMS.map((d) => String(r[d])),
      String(r.measure),
      r.value as number | null,
      String(r.status),
    ),
  );
});

afterAll(async () => {
  await app.close();
  fixture.cleanup();
});

describe("the same query in every format", () => {
  it("has ordinary, suppressed and not-applicable cells to compare", () => {
    expect(expected).toHaveLength(5 * 3 * 3 * 3);
    const statuses = new Set(json.data.map((r) => r.status));
    expect([...statuses].sort()).toEqual(["", "-", ".."]);
  });

  it("csv: contract columns, `,` and `.`, UTF-8 without BOM, RFC 4180", async () => {
    const { body, headers } = await get("csv");
    expect(headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(headers["content-disposition"]).toBe(`attachment; filename="recipients-${RELEASE_2.id}.csv"`);
    expect(body.charCodeAt(0)).not.toBe(0xfeff);
    const [header, ...rows] = parseCsv(body, ",");
    expect(header).toEqual(["period", "area", "benefit", "measure", "value", "status"]);
    expect(
      rows.map((r) => cell(r.slice(0, 3), r[3] ?? "", r[4] === "" ? null : Number(r[4]), r[5] ?? "")),
    ).toEqual(expected);
    expect(body).toMatch(/,\d+\.\d,/);
  });

  it("csv with locale=da: `;`, decimal comma, BOM and CRLF", async () => {
    const { body, raw } = await get("csv", "&locale=da");
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body).toContain("\r\n");
    expect(body).not.toMatch(/\d\.\d/);
    const [header, ...rows] = parseCsv(body.slice(1), ";");
    expect(header).toEqual(["period", "area", "benefit", "measure", "value", "status"]);
    const cells = rows.map((r) =>
      cell(
        r.slice(0, 3),
        r[3] ?? "",
        r[4] === "" ? null : Number((r[4] ?? "").replace(",", ".")),
        r[5] ?? "",
      ),
    );
    expect(cells).toEqual(expected);
    expect(rows.some((r) => /^\d+,\d$/.test(r[4] ?? ""))).toBe(true);
  });

  it("jsonstat: a JSON-stat 2.0 dataset that jsonstat-toolkit reads to the same values and statuses", async () => {
    const { body } = await get("jsonstat");
    const raw = JSON.parse(body);
    expect(raw).toMatchObject({ version: "2.0", class: "dataset", size: [5, 3, 3, 3] });
    const ds = JSONstat(raw);
    expect(ds.class).toBe("dataset");
    expect(ds.id).toEqual([...DIMS, "measure"]);
    expect(ds.role.time).toEqual(["period"]);
    expect(ds.role.geo).toEqual(["area"]);
    expect(ds.role.metric).toEqual(["measure"]);
    expect(ds.Dimension("measure")?.Category("fte")?.unit).toMatchObject({ decimals: 1 });
    expect(ds.Dimension("area")?.Category("101")?.label).toBe("København");
    const cells = json.data.map((r) => {
      const found = ds.Data({
        period: String(r.period),
        area: String(r.area),
        benefit: String(r.benefit),
        measure: String(r.measure),
      });
      return cell(
        DIMS.map((d) => String(r[d])),
        String(r.measure),
        found?.value ?? null,
        found?.status ?? "",
      );
    });
    expect(cells).toEqual(expected);
    expect(ds.Data().map((c) => c.value)).toEqual(json.data.map((r) => r.value));
  });

  it("xlsx: a data sheet with a header row, numbers as numbers, `..` as text, and a metadata sheet", async () => {
    const { raw, headers } = await get("xlsx");
    expect(headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(raw as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Data");
    expect(sheet).toBeDefined();
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const [header, ...data] = rows;
    expect(header).toEqual([
      "Periode (kode)",
      "Periode",
      "Område (kode)",
      "Område",
      "Ydelse (kode)",
      "Ydelse",
      "Måling (kode)",
      "Måling",
      "Værdi",
      "Enhed",
      "Status",
    ]);
    const cells = data.map((r) => {
      const value = r[8];
      if (typeof value !== "number") expect(value).toBe(r[10]);
      return cell(
        [r[0], r[2], r[4]].map(String),
        String(r[6]),
        typeof value === "number" ? value : null,
        String(r[10] ?? ""),
      );
    });
    expect(cells).toEqual(expected);
    expect(data.find((r) => r[10] === "..")?.[8]).toBe("..");
    expect(data[0]?.[3]).toBe("Hele landet");
    const meta = book.getWorksheet("Metadata");
    const metaText: string[] = [];
    meta?.eachRow((row) => metaText.push((row.values as unknown[]).slice(1).join(" | ")));
    const all = metaText.join("\n");
    expect(all).toContain("Modtagere af offentlig forsørgelse");
    expect(all).toContain(RELEASE_2.id);
    expect(all).toContain("Dage gange grad divideret med dage i perioden.");
    expect(all).toContain("fuldtidspersoner");
    expect(all).toContain("Område er den ansvarlige kommune.");
  });

  it("px: PC-Axis keywords, VALUES and CODES per variable, DATA count = product of sizes, same cells", async () => {
    const { body } = await get("px");
    expect(body.startsWith('CHARSET="ANSI";\r\nAXIS-VERSION="2013";\r\nCODEPAGE="utf-8";')).toBe(true);
    const px = parsePx(body);
    const one = (k: string) => px.keywords.get(k)?.join("");
    expect(one("LANGUAGE")).toBe("da");
    expect(one("MATRIX")).toBe("recipients");
    expect(one("CONTENTS")).toBe("Modtagere af offentlig forsørgelse");
    for (const k of ["TITLE", "UNITS", "SUBJECT-AREA", "SUBJECT-CODE", "DECIMALS"])
      expect(px.keywords.has(k), k).toBe(true);
    const stub = px.keywords.get("STUB") ?? [];
    const heading = px.keywords.get("HEADING") ?? [];
    expect(stub).toEqual(["Område", "Ydelse", "Måling"]);
    expect(heading).toEqual(["Periode"]);
    expect(one("CONTVARIABLE")).toBe("Måling");
    const variables = [...stub, ...heading];
    const codes = variables.map((v) => px.keywords.get(`CODES("${v}")`) ?? []);
    const values = variables.map((v) => px.keywords.get(`VALUES("${v}")`) ?? []);
    expect(codes.map((c) => c.length)).toEqual(values.map((v) => v.length));
    expect(values[1]).toContain("Kontanthjælp, 'aktivitetsparat' m.fl.");
    for (const v of values.at(-2) ?? []) expect(px.keywords.has(`UNITS("${v}")`), v).toBe(true);
    const sizes = codes.map((c) => c.length);
    expect(px.data).toHaveLength(sizes.reduce((a, b) => a * b, 1));
    // Walk DATA in PX order (stub…, heading) and rebuild each cell by its codes.
    const cells = new Map<string, Cell>();
    px.data.forEach((token, i) => {
      let rest = i;
      const pos = sizes.map(() => 0);
      for (let a = sizes.length - 1; a >= 0; a--) {
        pos[a] = rest % (sizes[a] as number);
        rest = Math.floor(rest / (sizes[a] as number));
      }
      const [area, benefit, measure, period] = pos.map((p, a) => codes[a]?.[p] ?? "");
      const status = token === ".." || token === "-" ? token : "";
      const key = [period, area, benefit, measure].join("|");
      cells.set(
        key,
        cell([period ?? "", area ?? "", benefit ?? ""], measure ?? "", status ? null : Number(token), status),
      );
    });
    expect(json.data.map((r) => cells.get([r.period, r.area, r.benefit, r.measure].join("|")))).toEqual(
      expected,
    );
  });

  it("px and jsonstat in English with labels=en", async () => {
    const px = parsePx((await get("px", "&labels=en")).body);
    expect(px.keywords.get("LANGUAGE")).toEqual(["en"]);
    expect(px.keywords.get("STUB")).toEqual(["Area", "Benefit", "Measure"]);
    const ds = JSON.parse((await get("jsonstat", "&labels=en")).body);
    expect(ds.label).toBe("Recipients of public benefits");
  });
});
