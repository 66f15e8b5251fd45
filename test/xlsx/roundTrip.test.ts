/**
 * A generated workbook read back by the project's own importer: 施策一覧 carries every measure
 * with its 項番, owners, texts and status, and a status picked from the 進捗区分 dropdown wins.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildPlanTable } from "../../src/domain/pipeline";
import { importFile } from "../../src/importers";
import { buildWorkbookPlan } from "../../src/workbook/buildWorkbookPlan";
import { measureColumn } from "../../src/workbook/measuresSheet";
import { loadExcelJs, renderXlsx } from "../../src/xlsx/renderXlsx";

const SJIS = join(__dirname, "..", "fixtures", "tables", "cs2024-combined-sjis.csv");

async function original() {
  return buildPlanTable([
    await importFile("cs2024-combined-sjis.csv", new Uint8Array(readFileSync(SJIS))),
  ]);
}

it.each(["ja", "en"] as const)(
  "施策一覧 of a built workbook (%s) imports back to the same measures",
  async (lang) => {
    const table = await original();
    const bytes = await renderXlsx(buildWorkbookPlan(table, { lang }));
    const again = buildPlanTable([await importFile("book.xlsx", bytes)]);
    const view = (t: typeof table) =>
      t.measures.map((m) => ({
        id: m.id,
        owners: m.owners,
        plan: m.plan,
        results: m.results,
        nextPlan: m.nextPlan,
        status: m.status,
        reposted: m.reposted,
      }));
    expect(view(again)).toEqual(view(table));
    // Fiscal years travel in the Japanese headers only ("2023年度年次計画").
    if (lang === "ja") expect(again.fiscalYears).toEqual(table.fiscalYears);
  }
);

it("a status chosen in the 進捗区分 dropdown of 施策一覧 is read back as the user's override", async () => {
  const table = await original();
  const bytes = await renderXlsx(buildWorkbookPlan(table, { lang: "ja" }));
  const { Workbook } = await loadExcelJs();
  const wb = new Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  );
  const first = table.measures.findIndex((m) => m.status === "continuing");
  wb.getWorksheet("施策一覧")!.getCell(first + 2, measureColumn("status") + 1).value = "拡充";
  const edited = new Uint8Array(await wb.xlsx.writeBuffer());
  const again = buildPlanTable([await importFile("book.xlsx", edited)]);
  expect(again.measures[first].status).toBe("expanded");
  expect(again.measures[first].statusRule).toBe("override");
});
