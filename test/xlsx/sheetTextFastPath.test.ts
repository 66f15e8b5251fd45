/**
 * The sheet writer's fast paths against their plain definitions, for any text: a cell's content
 * (one regexp test for the usual text, then cellText and XML escaping only when needed) and the
 * edge white-space test (character codes instead of /^\s|\s$/).
 */
import fc from "fast-check";
import { cellContent, cellText, hasEdgeSpace, MAX_CELL_TEXT } from "../../src/xlsx/writeSheet";

const plainContent = (v: string) =>
  cellText(v).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Text built from the characters that matter here, Japanese and the rest of Unicode. */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "_x0041_",
        "_x00",
        "&",
        "<",
        ">",
        "\t",
        "\n",
        "\r",
        "\u000B",
        "\u0001",
        "\u00A0",
        "\u3000",
        "\u2028",
        "\uFEFF",
        "\uD800",
        "\uDC00",
        "\uFFFE",
        " ",
        "施策",
        "＜成果・進捗状況＞"
      ),
      fc.string({ unit: "binary" }),
      fc.string({ unit: "grapheme" })
    ),
    { maxLength: 12 }
  )
  .map((parts) => parts.join(""));

describe("sheet text fast paths", () => {
  it("a cell's content is cellText, XML-escaped, for any text", () => {
    fc.assert(
      fc.property(text, (v) => cellContent(v) === plainContent(v)),
      { numRuns: 3000 }
    );
  });

  it("text past Excel's limit is cut as cellText cuts it", () => {
    const long = "国".repeat(MAX_CELL_TEXT) + "&続き";
    expect(cellContent(long)).toBe(plainContent(long));
    expect(cellContent(long)).toHaveLength(MAX_CELL_TEXT);
  });

  it("edge white space is what /^\\s|\\s$/ finds, for any text", () => {
    fc.assert(
      fc.property(text, (s) => hasEdgeSpace(s) === /^\s|\s$/.test(s)),
      { numRuns: 3000 }
    );
    const differing: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const s = String.fromCharCode(c);
      if (hasEdgeSpace(s) !== /^\s$/.test(s)) differing.push(c);
    }
    expect(differing).toEqual([]);
  });

  it("usual report text needs no change and keeps no edge space", () => {
    const v = "国家サイバー統括室において、IoT 機器の製造事業者を対象に支援を行う。";
    expect(cellContent(v)).toBe(v);
    expect(hasEdgeSpace(v)).toBe(false);
    expect(hasEdgeSpace(" 前に空白")).toBe(true);
    expect(hasEdgeSpace("後ろに全角空白\u3000")).toBe(true);
  });
});
