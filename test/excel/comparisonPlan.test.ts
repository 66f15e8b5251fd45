/**
 * The year-over-year sheets through the Office.js renderer on the strict simulator: the same plan
 * the .xlsx renderer draws (test/xlsx/comparison.test.ts), with its two native charts.
 */
import { applyWorkbookPlan } from "../../src/excel/applyPlan";
import type { ExcelHost } from "../../src/excel/host";
import { compareEditions } from "../../src/domain/compare/compareEditions";
import { buildPlanTable } from "../../src/domain/pipeline";
import { importFiles } from "../../src/importers";
import { buildWorkbookPlan } from "../../src/workbook/buildWorkbookPlan";
import { addComparison } from "../../src/workbook/comparisonSheet";
import { createExcelSimulator } from "../support/excelSimulator";
import { editionFiles, generateEditions } from "../domain/compare/editionGenerator";

test("年度比較 and 比較の確認 are applied with a ColumnStacked and a BarStacked chart on 年度比較's cells", async () => {
  const g = generateEditions({ seed: 31 });
  const previous = buildPlanTable(await importFiles(editionFiles(g.before, "2023")));
  const current = buildPlanTable(await importFiles(editionFiles(g.after, "2024")));
  const decisions = [
    {
      before: g.crosswalk.pairs[0][0],
      after: g.crosswalk.pairs[0][1],
      decision: "confirm" as const,
    },
  ];
  const comparison = compareEditions(previous.measures, current.measures, { decisions });
  const plan = addComparison(buildWorkbookPlan(current, { lang: "ja" }), {
    current,
    previous,
    comparison,
    decisions,
  });
  const sim = createExcelSimulator();
  await applyWorkbookPlan(plan, { host: sim as unknown as ExcelHost });
  const sheet = sim.workbook.sheet("年度比較");
  expect(sheet.cell(0, 0)?.value).toBe("年度比較(2023年度 → 2024年度)");
  expect(sheet.charts.map((c) => [c.type, c.seriesBy, c.sourceSheet.name])).toEqual([
    ["ColumnStacked", "Columns", "年度比較"],
    ["BarStacked", "Columns", "年度比較"],
  ]);
  const decisionsSheet = sim.workbook.sheet("比較の確認");
  expect([1, 2].map((c) => decisionsSheet.cell(1, c - 1)?.value)).toEqual([
    decisions[0].before,
    decisions[0].after,
  ]);
  expect(decisionsSheet.cell(1, 2)?.value).toBe("確認");
  const measures = sim.workbook.sheet("施策一覧");
  expect(measures.cell(0, 13)?.value).toBe("前年度項番");
});
