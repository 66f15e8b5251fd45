/**
 * A CRLF file is parsed without first rewriting its line breaks (speed on big files): rows,
 * cells and problems must be exactly those of the same text with every line break made LF,
 * including line breaks inside quoted cells, unbalanced quotes and a BOM.
 */
import fc from "fast-check";
import { parseDelimited } from "../../src/importers/csv";

const cell = fc.oneof(
  fc.constantFrom(
    "",
    "総務省",
    "経産省\r\n文科省",
    "<成果・進捗状況>\r\n・実施した。\r\n<2024 年度年次計画>\r\n・継続する。",
    "a,b",
    'say "hi"',
    " ",
    "=1+2",
    "\r\n",
    "x\r\n\r\ny"
  ),
  fc.string({ maxLength: 6 })
);
const quoteCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

describe("CRLF files read like the same file with LF line breaks", () => {
  // The rule before this fast path: every CRLF or CR made LF, then parsed. LF-only text still takes that path.
  const asBefore = (t: string, d: "," | "auto", f: string) =>
    parseDelimited(t.replace(/\r\n?/g, "\n"), d, f);

  test("well-formed tables (quoted cells with line breaks, empty rows, a BOM)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        (rows, bom, trailing) => {
          const text =
            (bom ? "\ufeff" : "") +
            rows.map((r) => r.map(quoteCell).join(",")).join("\r\n") +
            (trailing ? "\r\n" : "");
          expect(parseDelimited(text, ",", "t.csv")).toEqual(asBefore(text, ",", "t.csv"));
          expect(parseDelimited(text, "auto", "t.txt")).toEqual(asBefore(text, "auto", "t.txt"));
        }
      ),
      { numRuns: 400 }
    );
  });

  test("any text of cells, quotes, commas and line breaks (malformed quoting, mixed line endings included)", () => {
    const piece = fc.constantFrom(
      '"',
      ",",
      "\r\n",
      "\r\n",
      "\n",
      "\r",
      "\t",
      "a",
      "総務省",
      '""',
      " "
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        expect(parseDelimited(text, ",", "t.csv")).toEqual(asBefore(text, ",", "t.csv"));
        expect(parseDelimited(text, "auto", "t.txt")).toEqual(asBefore(text, "auto", "t.txt"));
      }),
      { numRuns: 1000 }
    );
  });

  test("a file mixing CRLF, LF and CR still gets one line ending (every row kept)", () => {
    const r = parseDelimited(
      "項番,担当府省庁\r\n(ア),総務省\n(イ),経産省\r(ウ),文科省\r\n",
      ",",
      "t.csv"
    );
    expect(r.rows).toEqual([
      ["項番", "担当府省庁"],
      ["(ア)", "総務省"],
      ["(イ)", "経産省"],
      ["(ウ)", "文科省"],
      [""],
    ]);
  });

  test("a quoted cell's CRLF becomes LF", () => {
    const r = parseDelimited('項番,担当府省庁\r\n(ア),"総務省\r\n経産省"\r\n', ",", "t.csv");
    expect(r.rows[1]).toEqual(["(ア)", "総務省\n経産省"]);
  });
});
