// Every accepted way of writing the same delivery gives the same facts (CONTRACT.md §1, §6).
import { afterAll, describe, expect, it } from "vitest";
import { queryRows } from "../store/index.ts";
import { ingestFile } from "./ingest-file.ts";
import { quarantineOf, TempDir, testEffects, testWarehouse } from "./testing.ts";

const dir = new TempDir();
afterAll(() => dir.remove());

// 150385-2347: born 15 March 1985 (7th digit 2 → 1900s), last digit odd → man.
const EXPECTED = {
  birth_date: "1985-03-15",
  gender: "M",
  benefit: "dagpenge",
  municipality: "101",
  akasse: "D86",
  start: "2025-01-01",
  end: "2025-01-31",
  degree: 0.5,
  amount_dkk: 1234.5,
};

async function ingestOne(name: string, content: string | Uint8Array) {
  const warehouse = await testWarehouse();
  try {
    const file = dir.file(name, content);
    const receipt = await ingestFile(
      warehouse.connection,
      { file, type: "benefit_periods", source: "JC101" },
      testEffects,
    );
    const facts = await queryRows(
      warehouse.connection,
      "SELECT * EXCLUDE (batch, line, person_id) FROM fact_benefit_periods ORDER BY line",
    );
    return { receipt, facts, quarantine: await quarantineOf(warehouse.connection, receipt.batch) };
  } finally {
    warehouse.close();
  }
}

const utf16be = (text: string) => {
  const le = Buffer.from(text, "utf16le");
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1] as number, le[i] as number];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};

describe("reading the accepted file forms", () => {
  it("reads plain UTF-8 with commas, ISO dates and decimal points directly with DuckDB", async () => {
    const r = await ingestOne(
      "plain.csv",
      "cpr,benefit,municipality,akasse,start,end,degree,amount_dkk\n1503852347,dagpenge,101,D86,2025-01-01,2025-01-31,0.5,1234.50\n",
    );
    expect(r.receipt).toMatchObject({
      rows_read: 1,
      accepted: 1,
      quarantined: 0,
      reader: "duckdb",
      encoding: "utf-8",
    });
    expect(r.facts).toEqual([EXPECTED]);
  });

  it("reads Danish Excel: BOM, CRLF, semicolons, DD-MM-YYYY, decimal commas, hyphenated CPR, own order", async () => {
    const r = await ingestOne(
      "excel.csv",
      "\uFEFFBenefit;Municipality;Akasse;Start;End;Degree;Amount_DKK;CPR\r\ndagpenge;101;D86;01-01-2025;31-01-2025;0,5;1234,50;150385-2347\r\n",
    );
    expect(r.receipt).toMatchObject({ accepted: 1, reader: "duckdb", warnings: [] });
    expect(r.facts).toEqual([EXPECTED]);
  });

  it("mixes date forms and decimal marks from row to row", async () => {
    const r = await ingestOne(
      "mixed.csv",
      "cpr;benefit;municipality;akasse;start;end;degree;amount_dkk\n1503852347;dagpenge;101;D86;01-01-2025;2025-01-31;0.5;1234,5\n",
    );
    expect(r.facts).toEqual([EXPECTED]);
  });

  it("reads Windows-1252 (with æøå in an unknown column, which is ignored with a warning)", async () => {
    const text =
      "cpr;benefit;municipality;akasse;start;end;degree;amount_dkk;Bemærkning\r\n1503852347;dagpenge;101;D86;2025-01-01;2025-01-31;0,5;1234,5;Årsag ø\r\n";
    const r = await ingestOne("cp1252.csv", Buffer.from(text, "latin1"));
    expect(r.receipt).toMatchObject({ encoding: "windows-1252", reader: "node", accepted: 1 });
    expect(r.receipt.warnings).toEqual(['Unknown column "Bemærkning" ignored']);
    expect(r.facts).toEqual([EXPECTED]);
  });

  it("reads UTF-16 little- and big-endian with a byte-order mark (Excel's Unicode text)", async () => {
    const text =
      "cpr;benefit;municipality;akasse;start;end;degree;amount_dkk\r\n1503852347;dagpenge;101;D86;2025-01-01;2025-01-31;0,5;1234,5\r\n";
    const le = await ingestOne(
      "le.csv",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
    );
    expect(le.receipt).toMatchObject({ encoding: "utf-16le", accepted: 1 });
    expect(le.facts).toEqual([EXPECTED]);
    const be = await ingestOne("be.csv", utf16be(text));
    expect(be.receipt).toMatchObject({ encoding: "utf-16be", accepted: 1 });
    expect(be.facts).toEqual([EXPECTED]);
  });

  it("reads JSON Lines with keys in any case and numbers as numbers", async () => {
    const r = await ingestOne(
      "rows.jsonl",
      '{"CPR":"1503852347","benefit":"dagpenge","municipality":"101","akasse":"D86","start":"2025-01-01","end":"2025-01-31","degree":0.5,"amount_dkk":1234.5}\n',
    );
    expect(r.receipt).toMatchObject({ format: "jsonl", accepted: 1, reader: "node" });
    expect(r.facts).toEqual([EXPECTED]);
  });

  it("recognises JSON Lines by the first character when the name does not say so", async () => {
    const r = await ingestOne(
      "rows.txt",
      '{"cpr":"1503852347","benefit":"dagpenge","municipality":"101","akasse":"D86","start":"2025-01-01","end":"2025-01-31","degree":"0,5","amount_dkk":"1234.5","note":1}\n',
    );
    expect(r.receipt).toMatchObject({
      format: "jsonl",
      accepted: 1,
      warnings: ['Unknown key "note" ignored'],
    });
    expect(r.facts).toEqual([EXPECTED]);
  });

  it("reads quoted fields holding delimiters, quotes and line breaks, and counts lines as an editor does", async () => {
    const r = await ingestOne(
      "quoted.csv",
      'cpr,benefit,municipality,akasse,start,end,degree,amount_dkk,note\n"1503852347",dagpenge,101,D86,2025-01-01,2025-01-31,"0,5","1234.5","a ""b"", c\nsecond line"\n1503852347,dagpenge,999,D86,2025-01-01,2025-01-31,1,1,x\n',
    );
    expect(r.receipt).toMatchObject({ rows_read: 2, accepted: 1, reader: "node" });
    expect(r.facts).toEqual([EXPECTED]);
    expect(r.quarantine).toEqual([{ line: 4, field: "municipality", reason: "unknown_code", value: "999" }]);
  });

  it("applies defaults to empty optional fields", async () => {
    const r = await ingestOne(
      "defaults.csv",
      "cpr,benefit,municipality,start,end\n1503852347,kontanthjaelp,101,2025-01-01,\n",
    );
    expect(r.facts).toEqual([
      { ...EXPECTED, benefit: "kontanthjaelp", akasse: null, end: null, degree: 1, amount_dkk: null },
    ]);
  });
});

describe("numbering rows by their line in the file", () => {
  const header = "cpr,benefit,municipality,akasse,start,end\n";
  const good = "1503852347,kontanthjaelp,101,,2025-01-01,2025-01-31\n";
  const bad = "1503852347,kontanthjaelp,999,,2025-01-01,2025-01-31\n";

  it("skips empty lines without renumbering later rows, on the fast path", async () => {
    const r = await ingestOne("blank.csv", `${header}${good}\n${bad}\n\n${bad}\n\n`);
    expect(r.receipt).toMatchObject({ rows_read: 3, accepted: 1, reader: "duckdb" });
    expect(r.quarantine.map((q) => q.line)).toEqual([4, 7]);
  });

  it("skips empty lines in CRLF files and after the header", async () => {
    const crlf = (s: string) => s.replaceAll("\n", "\r\n");
    const r = await ingestOne("blank-crlf.csv", crlf(`${header}\n${bad}${good}\n\n${bad}`));
    expect(r.receipt).toMatchObject({ rows_read: 3, reader: "duckdb" });
    expect(r.quarantine.map((q) => q.line)).toEqual([3, 7]);
  });

  it("numbers the same rows alike when the file must be parsed in Node", async () => {
    const r = await ingestOne(
      "blank-quoted.csv",
      `${header}"1503852347",kontanthjaelp,101,,2025-01-01,2025-01-31\n\n${bad}\n\n${bad}`,
    );
    expect(r.receipt).toMatchObject({ rows_read: 3, reader: "node" });
    expect(r.quarantine.map((q) => q.line)).toEqual([4, 7]);
  });

  it("numbers JSON Lines from line 1", async () => {
    const row = (m: string) =>
      `{"cpr":"1503852347","benefit":"kontanthjaelp","municipality":"${m}","start":"2025-01-01","end":""}\n`;
    const r = await ingestOne("lines.jsonl", `${row("101")}\n${row("999")}not json\n[1]\n`);
    expect(r.quarantine).toEqual([
      { line: 3, field: "municipality", reason: "unknown_code", value: "999" },
      { line: 4, field: "", reason: "bad_json", value: null },
      { line: 5, field: "", reason: "bad_json", value: null },
    ]);
  });

  it("quarantines rows with too few or too many fields, never fatally", async () => {
    const r = await ingestOne(
      "count.csv",
      `${header}${good}1503852347,kontanthjaelp\n${good.trim()},extra\n  \n`,
    );
    expect(r.receipt).toMatchObject({
      rows_read: 4,
      accepted: 1,
      quarantined: 3,
      reasons: { field_count: 3 },
    });
    expect(r.quarantine).toEqual([
      { line: 3, field: "", reason: "field_count", value: "2 fields; the header has 6" },
      { line: 4, field: "", reason: "field_count", value: "more than 6 fields" },
      { line: 5, field: "", reason: "field_count", value: "1 fields; the header has 6" },
    ]);
  });

  it("keeps line numbers exact in a file large enough for DuckDB to read in parallel", async () => {
    const rows = 400_000;
    const parts: string[] = [header.replace("\n", ",amount_dkk\n")];
    const expectedBad: number[] = [];
    for (let i = 0; i < rows; i++) {
      const line = i + 2;
      const bad = i % 9973 === 5;
      if (bad) expectedBad.push(line);
      parts.push(`1503852347,kontanthjaelp,${bad ? "999" : "101"},,2025-01-01,2025-01-31,${line}\n`);
    }
    const warehouse = await testWarehouse();
    try {
      const file = dir.file("big.csv", parts.join(""));
      const receipt = await ingestFile(
        warehouse.connection,
        { file, type: "benefit_periods", source: "JC101" },
        testEffects,
      );
      expect(receipt).toMatchObject({ rows_read: rows, quarantined: expectedBad.length, reader: "duckdb" });
      const q = await quarantineOf(warehouse.connection, receipt.batch);
      expect(q.map((x) => x.line)).toEqual(expectedBad);
      const mismatched = await queryRows<{ n: number }>(
        warehouse.connection,
        "SELECT CAST(count(*) AS INTEGER) AS n FROM fact_benefit_periods WHERE line <> amount_dkk",
      );
      expect(mismatched).toEqual([{ n: 0 }]);
    } finally {
      warehouse.close();
    }
  });
});
