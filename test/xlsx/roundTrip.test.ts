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
import * as XLSX from "@e965/xlsx";
import { renderXlsx } from "../../src/xlsx/renderXlsx";

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
  const first = table.measures.findIndex((m) => m.status === "continuing");
  // The user picks 拡充 and saves (SheetJS standing in for the spreadsheet program).
  const book = XLSX.read(bytes, { type: "array" });
  const at = XLSX.utils.encode_cell({ r: first + 1, c: measureColumn("status") });
  book.Sheets["施策一覧"][at] = { t: "s", v: "拡充" };
  const edited = new Uint8Array(
    XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer
  );
  const again = buildPlanTable([await importFile("book.xlsx", edited)]);
  expect(again.measures[first].status).toBe("expanded");
  expect(again.measures[first].statusRule).toBe("override");
});
