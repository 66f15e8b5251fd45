/**
 * Excel's 32,767-character limit, counted on the text as written: a cell with vertical tabs is cut
 * before escaping (never inside `_x000B_`), a cut never splits a surrogate pair, the measure keeps
 * its whole text, the problem says how much is cut, and Office.js gets the same cut text (no
 * InvalidPlan).
 */
import { applyWorkbookPlan } from "../../src/excel/applyPlan";
import type { ExcelHost } from "../../src/excel/host";
import { readSheetValues } from "../../src/excel/readSheet";
import { EXCEL_CELL_LIMIT, fitCell } from "../../src/domain/cellLimit";
import { problemMessage } from "../../src/domain/messages";
import { buildPlanTable } from "../../src/domain/pipeline";
import { importDelimitedText } from "../../src/importers/csv";
import { buildWorkbookPlan } from "../../src/workbook/buildWorkbookPlan";
import { measureColumn } from "../../src/workbook/measuresSheet";
import { renderXlsx } from "../../src/xlsx/renderXlsx";
import { readBack } from "./readBack";
import { createExcelSimulator } from "../support/excelSimulator";

const HEAD = "項番,担当府省庁,2023年度年次計画,成果・進捗状況,2024年度年次計画";
// 32,760 characters with vertical tabs (a line break inside a cell, as Excel for Mac writes it), and 40 more.
const LONG = "総務省において、説明会を開催する。\u000b".repeat(1820) + "あ".repeat(40);

function table() {
  return buildPlanTable([
    importDelimitedText(
      "総務省.csv",
      `${HEAD}\n(ア),総務省,"${LONG}",・開催した。,・引き続き、開催する。`
    ),
  ]);
}

it("fitCell counts the text as written and keeps surrogate pairs whole", () => {
  expect(fitCell("あ".repeat(10), 10)).toEqual({ text: "あ".repeat(10), cut: 0 });
  const emoji = "a".repeat(9) + "😀"; // 11 code units; a cut at 10 would split the pair
  expect(fitCell(emoji, 10)).toEqual({ text: "a".repeat(9), cut: 2 });
});

it("the measure keeps the whole text; the problem says how much the sheets cut", () => {
  const t = table();
  expect(LONG.length).toBe(32800);
  expect(t.measures[0].plan).toBe(LONG);
  const p = t.problems.find((x) => x.code === "cell-too-long")!;
  expect(p.params).toEqual({ length: 32800, max: EXCEL_CELL_LIMIT });
  expect(problemMessage(p, "ja")).toContain("末尾の 33 文字を切り詰めます");
  expect(problemMessage(p, "en")).toContain("cut its last 33 characters");
});

it(".xlsx: the cell reads back as the first 32,767 characters as written, vertical tabs included, never a broken escape", async () => {
  const bytes = await renderXlsx(buildWorkbookPlan(table(), { lang: "ja" }));
  const v = readBack(bytes).value("施策一覧", 1, measureColumn("plan")) as string;
  expect(v).toBe(LONG.slice(0, EXCEL_CELL_LIMIT));
  expect(v).not.toMatch(/_x[0-9A-F]{0,3}$/u);
}, 60_000);

it("Office.js: the same plan applies without InvalidPlan, and the cell holds the same cut text", async () => {
  const plan = buildWorkbookPlan(table(), { lang: "ja" });
  const sim = createExcelSimulator();
  const host = sim as unknown as ExcelHost;
  await applyWorkbookPlan(plan, { host });
  const read = await readSheetValues({ kind: "sheet", name: "施策一覧" }, { host });
  expect(read.values[1][measureColumn("plan")]).toBe(LONG.slice(0, EXCEL_CELL_LIMIT));
});
