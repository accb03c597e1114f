import { describe, expect, it } from "vitest";
import { CsvParser, parseCsv } from "./csv-parser.ts";

describe("parsing CSV records", () => {
  it("splits on the delimiter and gives each record its line", () => {
    expect(parseCsv("a;b\n1;2\n", ";")).toEqual([
      { fields: ["a", "b"], line: 1 },
      { fields: ["1", "2"], line: 2 },
    ]);
  });

  it("keeps delimiters, doubled quotes and line breaks inside quoted fields", () => {
    const records = parseCsv('h1,h2\n"a,b","say ""hi"""\n"two\nlines",x\nlast,y', ",");
    expect(records).toEqual([
      { fields: ["h1", "h2"], line: 1 },
      { fields: ["a,b", 'say "hi"'], line: 2 },
      { fields: ["two\nlines", "x"], line: 3 },
      { fields: ["last", "y"], line: 5 },
    ]);
  });

  it("treats CRLF, LF and CR as line ends and skips empty lines without losing count", () => {
    expect(parseCsv("h\r\n\r\na\rb\n\nc", ",")).toEqual([
      { fields: ["h"], line: 1 },
      { fields: ["a"], line: 3 },
      { fields: ["b"], line: 4 },
      { fields: ["c"], line: 6 },
    ]);
  });

  it("keeps a line of spaces as a record and an empty trailing field as a field", () => {
    expect(parseCsv("  \na,\n", ",")).toEqual([
      { fields: ["  "], line: 1 },
      { fields: ["a", ""], line: 2 },
    ]);
  });

  it("gives the same records whatever the chunk boundaries", () => {
    const text = 'h1;h2\r\n"x;\r\n""y""";z\r\n\r\nlast;"q"\r\n';
    const whole = parseCsv(text, ";");
    for (let size = 1; size <= 7; size++) {
      const out: { fields: string[]; line: number }[] = [];
      const parser = new CsvParser(";", (fields, line) => out.push({ fields, line }));
      for (let i = 0; i < text.length; i += size) parser.push(text.slice(i, i + size));
      parser.end();
      expect(out).toEqual(whole);
    }
    expect(whole.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it("reads an unterminated quoted field to the end of the file", () => {
    expect(parseCsv('a\n"open\nend', ",")).toEqual([
      { fields: ["a"], line: 1 },
      { fields: ["open\nend"], line: 2 },
    ]);
  });
});
