/**
 * The Windows desktop build of the client library (`dist/excel-win32-16.01.js`) is a different
 * file from the web build: the same generation, reading, navigation and failure clean-up through it.
 */
import { applyWorkbookPlan } from "../../src/excel/applyPlan";
import { ExcelApplyError } from "../../src/excel/errors";
import type { ExcelHost } from "../../src/excel/host";
import { selectCell } from "../../src/excel/navigate";
import { readSheetValues } from "../../src/excel/readSheet";
import { GENERATED_SHEET_TAG } from "../../src/workbook/plan";
import { createExcelSimulator, selection, setExcelClient } from "../support/excelSimulator";
import { loadOfficeJs, realOfficeJsClient } from "../support/realOfficeJs";
import { syntheticWorkbookPlan } from "../support/syntheticPlan";

setExcelClient(realOfficeJsClient("win32"));

test("generation, reading and navigation through the win32 build", async () => {
  const sim = createExcelSimulator({ sheets: ["メモ"] });
  const host = sim as unknown as ExcelHost;
  const plan = await syntheticWorkbookPlan({ rows: 200, ministries: 5, formulaLikeEvery: 20 });
  const result = await applyWorkbookPlan(plan, { host });
  // Loaded: a second load of the other build in this file is refused.
  expect(() => loadOfficeJs("web")).toThrow(/win32 is already loaded/);
  const generated = sim.workbook.sheets.filter((s) =>
    s.customProps.has(GENERATED_SHEET_TAG.toLowerCase())
  );
  expect(generated.map((s) => s.name)).toEqual(plan.sheets.map((s) => result.sheets[s.key]));
  expect(sim.syncs.every((s) => s.error === null && s.requestBytes < 4_000_000)).toBe(true);
  expect(sim.cleanupRequests.length).toBe(1);
  const measures = result.sheets[plan.sheets.find((s) => s.kind === "measures")!.key];
  const read = await readSheetValues({ kind: "sheet", name: measures }, { host });
  expect(read.values.flat()).toContain("項番");
  await expect(selectCell(result.sheets[plan.sheets[0].key], 3, 2, { host })).resolves.toBe(true);
  expect(selection.get(sim.workbook)).toEqual({ row: 2, column: 1, rowCount: 1, columnCount: 1 });
});

test("a failure part-way is cleaned up through the win32 build too", async () => {
  const sim = createExcelSimulator({
    sheets: ["メモ"],
    faults: [{ kind: "GeneralException", atSync: 4 }],
  });
  const plan = await syntheticWorkbookPlan({ rows: 200, ministries: 5 });
  const err = await applyWorkbookPlan(plan, {
    host: sim as unknown as ExcelHost,
    chunkLimitBytes: 100 * 1024,
  }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ExcelApplyError);
  expect((err as ExcelApplyError).cleanup).toBe("removed");
  expect(sim.workbook.sheets.map((s) => s.name)).toEqual(["メモ"]);
});
