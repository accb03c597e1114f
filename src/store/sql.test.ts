import { describe, expect, it } from "vitest";
import { literalList, quoteIdentifier, quoteLiteral } from "./sql.ts";

describe("sql quoting", () => {
  it("doubles double quotes in identifiers", () => {
    expect(quoteIdentifier("end")).toBe('"end"');
    expect(quoteIdentifier('a"b')).toBe('"a""b"');
  });

  it("doubles single quotes in literals and leaves backslashes alone", () => {
    expect(quoteLiteral("O'Brien")).toBe("'O''Brien'");
    expect(quoteLiteral("a\\b")).toBe("'a\\b'");
  });

  it("refuses NUL characters", () => {
    expect(() => quoteLiteral("a\0b")).toThrow();
    expect(() => quoteIdentifier("a\0b")).toThrow();
  });

  it("writes an IN list that matches nothing when empty", () => {
    expect(literalList(["a", "b'c"])).toBe("('a', 'b''c')");
    expect(literalList([])).toBe("(NULL)");
  });
});
