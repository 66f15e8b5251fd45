/**
 * The pane calls applyWorkbookPlan and readActiveSheetValues without a host: they go through the
 * `Excel` and `Office` globals, which the simulator can stand in for (as in the pane's browser
 * test, which bundles the simulator: so it must not use Node APIs).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { applyWorkbookPlan } from "../../src/excel/applyPlan";
import { ExcelApplyError } from "../../src/excel/errors";
import { readActiveSheetValues } from "../../src/excel/readSheet";
import { createExcelSimulator } from "../support/excelSimulator";
import { syntheticWorkbookPlan } from "../support/syntheticPlan";

test("with the simulator installed as the Excel and Office globals, generation and reading work without a host", async () => {
  const sim = createExcelSimulator({ sheets: ["入力"] });
  const restore = sim.install();
  try {
    const plan = await syntheticWorkbookPlan({ rows: 30, ministries: 3 });
    const result = await applyWorkbookPlan(plan);
    expect(Object.keys(result.sheets)).toEqual(plan.sheets.map((s) => s.key));
    const read = await readActiveSheetValues();
    expect(read.sheetName).toBe(result.sheets[plan.sheets[0].key]);
    expect(read.values.length).toBeGreaterThan(3);
  } finally {
    restore();
  }
});

test("outside Excel (no globals) the error says so instead of a TypeError", async () => {
  const plan = await syntheticWorkbookPlan({ rows: 5, ministries: 1 });
  const err = await applyWorkbookPlan(plan).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ExcelApplyError);
  expect((err as ExcelApplyError).code).toBe("NotInExcel");
});

test("the simulator's sources use no Node API, so a browser bundle can hold them", () => {
  const dir = join(__dirname, "..", "support", "excelSimulator");
  for (const f of readdirSync(dir)) {
    const src = readFileSync(join(dir, f), "utf8");
    expect(src).not.toMatch(
      /from "node:|require\(|\bBuffer\b|\bprocess\.|from "(fs|path|os|util)"/
    );
  }
});
