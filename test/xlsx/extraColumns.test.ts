/**
 * Extra columns survive CSV → 施策一覧 → read back, in the .xlsx renderer and through Office.js
 * (the strict simulator): written after the known columns under their original headers, values
 * of one header from several files in one column.
 */
import { applyWorkbookPlan } from "../../src/excel/applyPlan";
import type { ExcelHost } from "../../src/excel/host";
import { readSheetValues } from "../../src/excel/readSheet";
import { buildPlanTable } from "../../src/domain/pipeline";
import type { PlanTable } from "../../src/domain/model";
import { importFile, importGrid } from "../../src/importers";
import { buildWorkbookPlan } from "../../src/workbook/buildWorkbookPlan";
import { MEASURE_COLUMNS } from "../../src/workbook/measuresSheet";
import { renderXlsx } from "../../src/xlsx/renderXlsx";
import { createExcelSimulator } from "../support/excelSimulator";

const utf8 = (s: string) => new TextEncoder().encode(s);
const SOUMU = [
  "項番,担当府省庁,2023年度年次計画,成果・進捗状況,2024年度年次計画,予算額(百万円),担当課",
  "(ア),総務省,総務省において、説明会を開催する。,・計画に基づき、説明会を3回開催した。,・引き続き、説明会を開催する。,120,サイバーセキュリティ課",
  "(イ),総務省,総務省において、訓練を実施する。,・計画に基づき、訓練を実施した。,・2024年度で終了。,,情報流通振興課",
].join("\r\n");
const METI = [
  "項番,担当府省庁,2023年度年次計画,成果・進捗状況,2024年度年次計画,担当課",
  "(ウ),経済産業省,経済産業省において、指針を改定する。,・計画に基づき、指針を改定した。,・引き続き、周知を行う。,サイバーセキュリティ課",
].join("\r\n");

async function table(): Promise<PlanTable> {
  return buildPlanTable([
    await importFile("総務省.csv", utf8(SOUMU)),
    await importFile("経済産業省.csv", utf8(METI)),
  ]);
}

const extras = (t: PlanTable) => t.measures.map((m) => m.extra ?? {});
const EXPECTED = [
  { "予算額(百万円)": "120", 担当課: "サイバーセキュリティ課" },
  { 担当課: "情報流通振興課" },
  { 担当課: "サイバーセキュリティ課" },
];

it("the import carries them, and says so once per file", async () => {
  const t = await table();
  expect(extras(t)).toEqual(EXPECTED);
  expect(t.extraColumns).toEqual(["予算額(百万円)", "担当課"]);
  expect(
    t.problems.filter((p) => p.code === "extra-columns").map((p) => [p.file, p.severity])
  ).toEqual([
    ["総務省.csv", "info"],
    ["経済産業省.csv", "info"],
  ]);
});

it("the workbook plan writes them after the known columns of 施策一覧, under the original headers", async () => {
  const plan = buildWorkbookPlan(await table(), { lang: "ja" });
  const sheet = plan.sheets.find((s) => s.key === "measures")!;
  const header = sheet.blocks[0].values[0];
  expect(header.slice(MEASURE_COLUMNS.length)).toEqual(["予算額(百万円)", "担当課"]);
  expect(sheet.tables[0].range.columnCount).toBe(MEASURE_COLUMNS.length + 2);
});

it.each(["ja", "en"] as const)(
  ".xlsx (%s): 施策一覧 read back gives the same extra values, and no extra for the add-in's own columns",
  async (lang) => {
    const t = await table();
    const again = buildPlanTable([
      await importFile("book.xlsx", await renderXlsx(buildWorkbookPlan(t, { lang }))),
    ]);
    expect(extras(again)).toEqual(EXPECTED);
    expect(again.extraColumns).toEqual(["予算額(百万円)", "担当課"]);
  }
);

it("Office.js (strict simulator): 施策一覧 read back gives the same extra values", async () => {
  const t = await table();
  const plan = buildWorkbookPlan(t, { lang: "ja" });
  const sim = createExcelSimulator();
  const host = sim as unknown as ExcelHost;
  await applyWorkbookPlan(plan, { host });
  const name = plan.sheets.find((s) => s.key === "measures")!.name;
  const read = await readSheetValues({ kind: "sheet", name }, { host });
  const again = buildPlanTable([importGrid(read.values, { file: "(current sheet)", sheet: name })]);
  expect(extras(again)).toEqual(EXPECTED);
});
