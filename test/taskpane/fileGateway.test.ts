/**
 * The preview's file workbook with the real parts: a template .xlsx read by the importers'
 * exceljs reader, the plan built by the workbook module, the .xlsx written by the same renderer
 * as the CLI, and the result checked with an independent reader (@e965/xlsx).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { buildPlanTable } from "../../src/domain/pipeline";
import { importFile, importGrid } from "../../src/importers";
import { createFileGateway } from "../../src/taskpane/gateway/fileGateway";
import { buildWorkbookPlan } from "../../src/workbook/buildWorkbookPlan";

const FIXTURES = path.join(__dirname, "..", "fixtures");

async function templateWith(rows: string[][], activeSheet = "入力"): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("説明").addRow(["このブックの使い方"]);
  const ws = wb.addWorksheet("入力");
  ws.addRow(["項番", "担当府省庁", "2023年度年次計画", "成果・進捗状況", "2024年度年次計画"]);
  for (const r of rows) ws.addRow(r);
  wb.views = [{ activeTab: wb.worksheets.findIndex((w) => w.name === activeSheet), x: 0, y: 0, width: 100, height: 100, firstSheet: 0, visibility: "visible" }];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// Each test renders and reads whole workbooks (the template, the generated book): on a loaded
// 2-core CI machine the first one, which also loads the renderer and the reader, took over 5 s.
jest.setTimeout(30_000);

describe("file workbook (browser preview gateway)", () => {
  test("before a workbook is opened, reading the current sheet says to open the template first", async () => {
    const g = createFileGateway(() => "ja");
    await expect(g.readCurrentSheet()).rejects.toThrow("開いているブックがありません。先に「ブック (.xlsx) を開く」でテンプレートを開いてください。");
  });

  test("a file that is not an .xlsx is refused in plain words", async () => {
    const g = createFileGateway(() => "en");
    await expect(g.openWorkbook("総務省.xlsx", new TextEncoder().encode("項番,担当府省庁\n"))).rejects.toThrow(
      "総務省.xlsx could not be read as an Excel workbook. Save it as .xlsx and open it again.",
    );
    expect(g.workbookName()).toBeNull();
  });

  test("the opened workbook's active sheet is the current sheet, and its cells can be selected", async () => {
    const g = createFileGateway(() => "ja");
    await g.openWorkbook("施策表テンプレート.xlsx", await templateWith([["(ア)", "経産省", "・実施する。", "・実施した。", "・引き続き実施する。"]]));
    expect(g.workbookName()).toBe("施策表テンプレート.xlsx");
    const sheet = await g.readCurrentSheet();
    expect(sheet.sheetName).toBe("入力");
    expect(sheet.values[1].slice(0, 2)).toEqual(["(ア)", "経産省"]);
    expect(await g.selectCell({ sheet: "入力", row: 2, column: 2 })).toBe(true);
    expect(await g.selectCell({ sheet: "総務省.csv", row: 2 })).toBe(false);
  });

  test("generation renders a real .xlsx with the generated sheets; generating again replaces only those", async () => {
    const g = createFileGateway(() => "ja");
    await g.openWorkbook("テンプレート.xlsx", await templateWith([
      ["(ア)", "経産省", "・普及啓発を実施する。", "・計画に基づき、普及啓発を実施した。", "・引き続き、普及啓発を実施する。"],
      ["(イ)", "総務省", "・演習を実施する。", "・計画に基づき、演習を実施した。", "・演習を拡充する。"],
    ]));
    const { sheetName, values } = await g.readCurrentSheet();
    const table = buildPlanTable([importGrid(values, { file: "現在のシート", sheet: sheetName })]);
    expect(table.measures.map((m) => m.owners)).toEqual([["経済産業省"], ["総務省"]]);
    const plan = buildWorkbookPlan(table, { lang: "ja" });
    const steps: string[] = [];
    const first = await g.applyPlan(plan, (p) => steps.push(`${p.step} ${p.done}/${p.total}`));
    // Real steps: planning, one per sheet written, compressing, done.
    const total = plan.sheets.length + 2;
    expect(steps).toEqual([
      `シートを準備 0/${total}`,
      ...plan.sheets.map((s, i) => `ブックを作成: ${s.name} ${i + 1}/${total}`),
      `圧縮 ${total - 1}/${total}`,
      `ブックを作成 ${total}/${total}`,
    ]);
    expect(first.replaced).toEqual([]);
    expect(first.sheets.map((s) => s.kind)).toEqual(expect.arrayContaining(["measures", "report", "dashboard", "ministry"]));

    const file = g.download()!;
    // The opened workbook with our sheets added, under the opened file's name with a suffix.
    expect(file.name).toBe("テンプレート.plan-tables.xlsx");
    const wb = XLSX.read(file.bytes, { type: "array" });
    expect(wb.SheetNames.slice(0, 2)).toEqual(["説明", "入力"]);
    expect(wb.Sheets["説明"].A1.v).toBe("このブックの使い方");
    const measures = first.sheets.find((s) => s.kind === "measures")!.name;
    expect(wb.SheetNames).toEqual(expect.arrayContaining([measures, "経済産業省", "総務省"]));
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[measures], { header: 1 });
    expect(rows.flat()).toEqual(expect.arrayContaining(["経済産業省", "総務省"]));
    expect(g.generatedSheets().map((s) => s.key)).toEqual(first.sheets.map((s) => s.key));

    const again = await g.applyPlan(plan);
    expect(again.replaced).toEqual(first.sheets.map((s) => s.name));
    // The template the user opened is never touched.
    expect((await g.readCurrentSheet()).values).toEqual(values);
  });

  test("the Shift_JIS fixture of the 2024 report imports through the same importers the preview uses", async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, "tables", "cs2024-combined-sjis.csv")));
    const result = await importFile("cs2024-combined-sjis.csv", bytes);
    expect(result.drafts.length).toBeGreaterThan(3);
    expect(result.problems.filter((p) => p.code === "missing-label")).toEqual([]);
  });

  test("showing a sheet tells the preview which one to display", async () => {
    const g = createFileGateway(() => "ja");
    const seen: string[] = [];
    const off = g.onShowSheet((k) => seen.push(k));
    await g.showSheet("dashboard");
    off();
    await g.showSheet("measures");
    expect(seen).toEqual(["dashboard"]);
  });
});
