import { PREVIEW_MAX_ROWS, sheetGrid } from "../../src/taskpane/components/SheetPreview";
import type { SheetPlan } from "../../src/workbook/plan";

function sheet(blocks: SheetPlan["blocks"]): SheetPlan {
  return { key: "dashboard", kind: "dashboard", name: "ダッシュボード", generated: true, blocks, formats: [], columns: [], rowHeights: [], tables: [], validations: [], conditionalFormats: [], links: [], charts: [] };
}

describe("the preview's grid of a sheet plan", () => {
  test("blocks land at their own row and column, gaps stay empty", () => {
    const { rows, totalRows } = sheetGrid(sheet([
      { row: 0, column: 0, values: [["集計"]] },
      { row: 2, column: 1, values: [["進捗区分", "施策数"], ["継続", 11]] },
    ]));
    expect(totalRows).toBe(4);
    expect(rows).toEqual([
      ["集計", null, null],
      [null, null, null],
      [null, "進捗区分", "施策数"],
      [null, "継続", 11],
    ]);
  });

  test("a 50,000-row sheet is cut to the first rows, and the total is still known", () => {
    const values = Array.from({ length: 50001 }, (_, i) => [i === 0 ? "項番" : `(${i})`, "総務省"]);
    const { rows, totalRows } = sheetGrid(sheet([{ row: 0, column: 0, values }]));
    expect(rows).toHaveLength(PREVIEW_MAX_ROWS);
    expect(totalRows).toBe(50001);
    expect(rows[1]).toEqual(["(1)", "総務省"]);
  });
});
