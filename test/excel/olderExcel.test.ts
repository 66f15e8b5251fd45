/**
 * An Excel without ExcelApi 1.12 (Office 2019 stops at 1.7), emulated through the real client
 * library's own requirement-set path: `Office.context` is the library's getter over
 * `OSF._OfficeAppFactory.getContext()`, which the simulator answers as that Excel would. The pane
 * says plainly that this Excel is too old, and nothing is sent to the workbook.
 */
import { createOfficeGateway } from "../../src/taskpane/gateway/officeGateway";
import { checkExcelRequirements } from "../../src/excel/requirements";
import { globalExcelHost } from "../../src/excel/host";
import { createExcelSimulator } from "../support/excelSimulator";
import { syntheticWorkbookPlan } from "../support/syntheticPlan";

const office = () =>
  (
    globalThis as unknown as {
      Office: { context: { requirements: { isSetSupported(n: string, v: string): boolean } } };
    }
  ).Office;

test.each([
  ["ja", "1.12"],
  ["en", "1.12"],
] as const)(
  "an Excel with ExcelApi 1.7 only: the library's Office.context says so, the pane (%s) explains it, nothing is written",
  async (lang, needed) => {
    const sim = createExcelSimulator({ sheets: ["入力"], excelApi: "1.7" });
    const restore = sim.install();
    try {
      // The library's own Office.context, answered through the app factory.
      expect(office().context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
      expect(office().context.requirements.isSetSupported("ExcelApi", "1.12")).toBe(false);
      expect(() => checkExcelRequirements(globalExcelHost())).toThrow(/ExcelApi 1.12/);

      const plan = await syntheticWorkbookPlan({ rows: 20, ministries: 2 });
      const err = (await createOfficeGateway(() => lang)
        .applyPlan(plan)
        .catch((e: unknown) => e)) as Error;
      expect(err).toBeInstanceOf(Error);
      expect(err.message).toContain(needed);
      expect(err.message).toMatch(lang === "ja" ? /この Excel では使えません/ : /too old/);
      expect(err.message).not.toMatch(/Exception|undefined|ExcelApi/);
      expect(sim.syncs).toHaveLength(0);
      expect(sim.workbook.sheets.map((s) => s.name)).toEqual(["入力"]);
    } finally {
      restore();
    }
  }
);

test("an Excel with ExcelApi 1.17 generates through the same path", async () => {
  const sim = createExcelSimulator({ sheets: ["入力"], excelApi: "1.17" });
  const restore = sim.install();
  try {
    expect(office().context.requirements.isSetSupported("ExcelApi", "1.12")).toBe(true);
    const plan = await syntheticWorkbookPlan({ rows: 20, ministries: 2 });
    const outcome = await createOfficeGateway(() => "ja").applyPlan(plan);
    expect(outcome.sheets.length).toBeGreaterThan(2);
    expect(sim.syncs.length).toBeGreaterThan(2);
  } finally {
    restore();
  }
});
