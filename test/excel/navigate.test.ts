/** Taking the user to a problem's cell or to a generated sheet. */
import type { ExcelHost } from "../../src/excel/host";
import { selectCell, showSheet } from "../../src/excel/navigate";
import { createExcelSimulator, selection } from "../support/excelSimulator";

test("selecting a problem's cell (1-based, as problems count) activates its sheet and selects the cell", async () => {
  const sim = createExcelSimulator({ sheets: ["入力", "総務省.csv"] });
  await expect(selectCell("総務省.csv", 3, 5, { host: sim as unknown as ExcelHost })).resolves.toBe(
    true
  );
  expect(sim.workbook.activeSheet().name).toBe("総務省.csv");
  expect(selection.get(sim.workbook)).toEqual({ row: 2, column: 4, rowCount: 1, columnCount: 1 });
});

test("a sheet that is gone or hidden answers false instead of failing", async () => {
  const sim = createExcelSimulator({ sheets: ["入力", "一覧"] });
  sim.workbook.sheet("一覧").visibility = "Hidden";
  const host = sim as unknown as ExcelHost;
  await expect(selectCell("削除済み", 1, 1, { host })).resolves.toBe(false);
  await expect(showSheet("一覧", { host })).resolves.toBe(false);
  expect(sim.workbook.activeSheet().name).toBe("入力");
});

test("showing a generated sheet activates it", async () => {
  const sim = createExcelSimulator({ sheets: ["入力", "ダッシュボード"] });
  await expect(showSheet("ダッシュボード", { host: sim as unknown as ExcelHost })).resolves.toBe(
    true
  );
  expect(sim.workbook.activeSheet().name).toBe("ダッシュボード");
});
