/**
 * Whatever text a measure holds comes back from the file as the same text, never as a formula:
 * formula characters, OOXML's own `_xHHHH_` escapes, control characters, Japanese, newlines.
 */
import fc from "fast-check";
import type { CellValue, WorkbookPlan } from "../../src/workbook/plan";
import { emptySheet } from "../../src/workbook/sheetPlan";
import { renderXlsx } from "../../src/xlsx/renderXlsx";
import { cellText } from "../../src/xlsx/writeSheet";
import { readBack } from "./readBack";

function oneSheet(values: CellValue[][]): WorkbookPlan {
  const s = emptySheet("measures", "measures", "施策一覧");
  s.blocks.push({ row: 0, column: 0, values });
  return { lang: "ja", sheets: [s] };
}

/** What a reader should see: lone surrogates cannot be stored and become U+FFFD. */
const expected = (s: string) =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");

const piece = fc.oneof(
  fc.constantFrom(
    "=",
    "+",
    "-",
    "@",
    "=SUM(A1)",
    "=cmd|' /C calc'!A0",
    "+81-3-5253-2111",
    "_x0041_",
    "_x005F_",
    "\t",
    "\n",
    "\u0001",
    "\u000b",
    "\u001f",
    "\uFFFE",
    "<成果・進捗状況>",
    "&amp;",
    "総務省",
    "①",
    "𠮷"
  ),
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.string({ unit: "binary", maxLength: 4 })
);

describe("text cells", () => {
  it("any text reads back unchanged, as a string cell without a formula", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.array(piece, { minLength: 1, maxLength: 6 }).map((a) => a.join("")),
          { minLength: 1, maxLength: 12 }
        ),
        async (texts) => {
          const rows = texts.map((t) => [t]);
          const book = readBack(await renderXlsx(oneSheet(rows)));
          texts.forEach((t, r) => {
            const cell = book.cell("施策一覧", r, 0);
            if (t === "") return expect(cell?.v ?? "").toBe("");
            expect(cell?.t).toBe("s");
            expect(cell?.f).toBeUndefined();
            expect(cell?.v).toBe(expected(t));
          });
        }
      ),
      { numRuns: 40 }
    );
  });

  it("writes OOXML escapes for what XML cannot hold and for a literal _xHHHH_", () => {
    expect(cellText("a\u0001b")).toBe("a_x0001_b");
    expect(cellText("_x0041_")).toBe("_x005F_x0041_");
    expect(cellText("\uFFFE")).toBe("_xFFFE_");
    expect(cellText("総務省\n経済産業省")).toBe("総務省\n経済産業省");
  });

  it("cuts text at Excel's 32,767 characters", () => {
    expect(cellText("あ".repeat(40000))).toHaveLength(32767);
  });
});
