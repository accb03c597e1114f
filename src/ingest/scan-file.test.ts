import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { scanFile } from "./scan-file.ts";
import { TempDir } from "./testing.ts";

const dir = new TempDir();
afterAll(() => dir.remove());

describe("scanning a delivery's bytes", () => {
  it("computes the SHA-256 of the file", async () => {
    const text = "a,b\n1,2\n";
    const scan = await scanFile(dir.file("sha.csv", text));
    expect(scan.sha256).toBe(createHash("sha256").update(text).digest("hex"));
    expect(scan.size).toBe(8);
  });

  it("takes valid UTF-8 as UTF-8 and notes a byte-order mark", async () => {
    const plain = await scanFile(dir.file("u.csv", "navn\nÆrø\n"));
    expect([plain.encoding, plain.bomLength]).toEqual(["utf-8", 0]);
    const bom = await scanFile(dir.file("ub.csv", "\uFEFFnavn\nÆrø\n"));
    expect([bom.encoding, bom.bomLength]).toEqual(["utf-8", 3]);
  });

  it("takes bytes that are not UTF-8 as Windows-1252", async () => {
    const scan = await scanFile(dir.file("w.csv", Buffer.from([0x6e, 0x0a, 0xc6, 0x72, 0xf8, 0x0a])));
    expect(scan.encoding).toBe("windows-1252");
  });

  it("recognises UTF-16 by its byte-order mark, little- and big-endian", async () => {
    const le = await scanFile(
      dir.file("le.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a\n", "utf16le")])),
    );
    expect([le.encoding, le.bomLength]).toEqual(["utf-16le", 2]);
    const be = await scanFile(dir.file("be.csv", Buffer.from([0xfe, 0xff, 0x00, 0x61, 0x00, 0x0a])));
    expect(be.encoding).toBe("utf-16be");
  });

  it("refuses a file with NUL bytes and no UTF-16 byte-order mark", async () => {
    await expect(scanFile(dir.file("bin.csv", Buffer.from([0x61, 0x00, 0x62])))).rejects.toMatchObject({
      code: "unreadable_file",
    });
  });

  it("does not mistake a UTF-8 character split across read chunks for bad bytes", async () => {
    const chunk = 4 << 20;
    const text = `${"x".repeat(chunk - 1)}ø\n`;
    expect((await scanFile(dir.file("split.csv", text))).encoding).toBe("utf-8");
  });

  it("counts lines, empty lines and the kind of line ending", async () => {
    const lf = await scanFile(dir.file("lf.csv", "h\na\n\nb\n\n\n"));
    expect([lf.lines, lf.blankLines, lf.newlines]).toEqual([6, [3, 5, 6], "lf"]);
    const crlf = await scanFile(dir.file("crlf.csv", "h\r\na\r\n\r\nb"));
    expect([crlf.lines, crlf.blankLines, crlf.newlines]).toEqual([4, [3], "crlf"]);
    const mixed = await scanFile(dir.file("mixed.csv", "h\r\na\nb\r\n"));
    expect(mixed.newlines).toBe("mixed");
  });

  it("notes quotes, which may hide line breaks inside fields", async () => {
    expect((await scanFile(dir.file("q.csv", 'a\n"x"\n'))).hasQuote).toBe(true);
    expect((await scanFile(dir.file("nq.csv", "a\nx\n"))).hasQuote).toBe(false);
  });
});
