/**
 * The self-check (動作確認), through the real Excel client library with the strict simulator as
 * Excel: every check passes on a healthy Excel, the report names the Excel and its ExcelApi sets,
 * and whatever happens the user's sheets are as before and nothing of the check is left.
 */
import type { ExcelHost } from "../../src/excel/host";
import {
  formatSelfCheckReport,
  FORMULA_LIKE_SAMPLES,
  runSelfCheck,
} from "../../src/excel/selfCheck";
import { applyWorkbookPlan } from "../../src/excel/applyPlan";
import { createExcelSimulator, type ExcelSimulator } from "../support/excelSimulator";
import { syntheticWorkbookPlan } from "../support/syntheticPlan";

const host = (sim: ExcelSimulator) => sim as unknown as ExcelHost;

function userWorkbook(): ExcelSimulator {
  const sim = createExcelSimulator({ sheets: ["メモ", "総務省"], excelApi: "1.17" });
  sim.workbook.sheet("総務省").cellForWrite(0, 0).value = "担当者メモ";
  sim.workbook.sheet("総務省").columnWidths.set(0, 100);
  return sim;
}
const views = (sim: ExcelSimulator) =>
  sim.workbook.sheets.map((s) => ({ name: s.name, view: s.snapshot() }));
const officeContext = {
  diagnostics: { host: "Excel", platform: "OfficeOnline", version: "16.0.18000.10000" },
};

test("on a healthy Excel every check passes, and the workbook is left exactly as it was (a generation included)", async () => {
  const sim = userWorkbook();
  const plan = await syntheticWorkbookPlan({ rows: 30, ministries: 2 });
  await applyWorkbookPlan(plan, { host: host(sim) });
  const before = views(sim);
  let clock = 0;
  const report = await runSelfCheck({ host: host(sim), officeContext, now: () => (clock += 7) });
  expect(report.items.filter((i) => !i.ok)).toEqual([]);
  expect(report.items.map((i) => i.id)).toEqual([
    "generate",
    "readBack",
    "textStaysText",
    "table",
    "tags",
    "charts",
    "hyperlink",
    "sheetName31",
    "sheetName32Refused",
    "largeRequest",
    "cleanup",
  ]);
  expect(report.generationMs).toBe(7);
  expect(report.excelApi).toContain("1.17");
  expect(report.excelApi).not.toContain("1.18");
  expect(views(sim)).toEqual(before);
  // The near-limit request really was large, and under Excel's 5,000,000 bytes.
  const largest = Math.max(...sim.syncs.map((s) => s.requestBytes));
  expect(largest).toBeGreaterThan(3_000_000);
  expect(largest).toBeLessThan(5_000_000);

  const text = formatSelfCheckReport(report, "ja");
  expect(text).toContain("Excel / OfficeOnline / 16.0.18000.10000");
  expect(text).toContain("ExcelApi: 1.17");
  expect(text).toContain("OK  数式に見える文字列が文字列のまま");
  expect(text).not.toContain("NG");
  for (const s of FORMULA_LIKE_SAMPLES) expect(text).toContain(JSON.stringify(s));
  expect(formatSelfCheckReport(report, "en")).toContain("OK  A 32-character sheet name is refused");
});

test("an Excel that turns formula-looking text into formulas is reported, and the sample is still deleted", async () => {
  const sim = userWorkbook();
  const before = views(sim);
  // An Excel ignoring the Text format: the add-in's text rule would not hold there.
  const original = sim.workbook.addSheet.bind(sim.workbook);
  sim.workbook.addSheet = (name?: string) => {
    const s = original(name);
    const write = s.cellForWrite.bind(s);
    s.cellForWrite = (r: number, c: number) => {
      const cell = write(r, c);
      return new Proxy(cell, {
        set(t, p, v) {
          // numberFormat "@" is dropped
          (t as unknown as Record<string | symbol, unknown>)[p] =
            p === "numberFormat" && v === "@" ? "General" : v;
          return true;
        },
      });
    };
    return s;
  };
  const report = await runSelfCheck({ host: host(sim), officeContext });
  const text = report.items.find((i) => i.id === "textStaysText");
  expect(text?.ok).toBe(false);
  expect(report.items.find((i) => i.id === "cleanup")?.ok).toBe(true);
  expect(views(sim)).toEqual(before);
  expect(formatSelfCheckReport(report, "ja")).toContain("NG  数式に見える文字列が文字列のまま");
});

test("a step that fails in Excel is reported with its Office.js code, and nothing of the check is left", async () => {
  const sim = userWorkbook();
  const before = views(sim);
  // The sample's first writing request fails (two reading syncs come first).
  sim.faults = [{ kind: "GeneralException", atSync: 3 }];
  const report = await runSelfCheck({ host: host(sim), officeContext });
  const generate = report.items.find((i) => i.id === "generate");
  expect(generate).toMatchObject({ ok: false, code: "GeneralException" });
  expect(report.items.find((i) => i.id === "cleanup")?.ok).toBe(true);
  expect(views(sim)).toEqual(before);
  expect(formatSelfCheckReport(report, "en")).toMatch(/NG {2}Generating a sample: .+/);
});
