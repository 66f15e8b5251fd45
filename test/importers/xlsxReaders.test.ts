/**
 * The importer's own .xlsx reader against exceljs (the reader it replaced) on workbooks from
 * several writers (test/fixtures/xlsx, made by scripts/fixtures/make-xlsx-reader-corpus.ts):
 * the same text grids where exceljs can read the file, and an import where it cannot (a chart
 * drawing written as openpyxl writes it, exceljs issue #2591).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { exceljsGrids } from "../../scripts/bench/xlsxReaders/exceljsGrids";
import { importFile } from "../../src/importers";
import { readWorkbookSheets } from "../../src/importers/xlsx";

const DIR = join(__dirname, "..", "fixtures", "xlsx");
const read = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));

/** Grids compared without trailing blanks: exceljs pads every row to the sheet's width. */
function trimmed(sheets: { name: string; values: string[][] }[]): [string, string[][]][] {
  return sheets.map((s) => {
    const rows = s.values.map((r) => {
      const x = [...r];
      while (x.length && x[x.length - 1] === "") x.pop();
      return x;
    });
    while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
    return [s.name, rows];
  });
}

describe("the package reader reads what exceljs reads", () => {
  it.each([
    "exceljs-features.xlsx",
    "libreoffice.xlsx",
    "../tables/cs2024-combined.xlsx",
    "../bad/merged-header.xlsx",
  ])("%s: the same sheets and cell texts", async (name) => {
    const bytes = read(name);
    expect(trimmed(readWorkbookSheets(bytes).sheets)).toEqual(trimmed(await exceljsGrids(bytes)));
  });

  it("names, hidden state, merged title, dates and the active sheet", () => {
    const { sheets, active } = readWorkbookSheets(read("exceljs-features.xlsx"));
    expect(sheets.map((s) => [s.name, s.state])).toEqual([
      ["表紙", "visible"],
      ["別添2", "visible"],
      ["リスト", "hidden"],
    ]);
    const table = sheets[1].values;
    // The merged title shows in every cell of its range, as Excel's selection of it does.
    expect(table[0]).toEqual(
      Array(4).fill("別添2 2023年度のサイバーセキュリティ関連施策の実施状況及び2024年度年次計画")
    );
    expect(table[2].slice(0, 2)).toEqual(["(ア)", "総務省"]);
    expect(table[3].slice(1, 3)).toEqual(["警察庁", "警察庁において、取締りを強化する。"]);
    expect(sheets[0].values[4]).toEqual(["更新日", "2024-06-28", "12.5", "TRUE"]);
    expect(active).toBe("表紙");
  });
});

describe("a workbook with a chart imports", () => {
  it("exceljs cannot load the openpyxl-style chart; the importer reads the table beside it", async () => {
    await expect(exceljsGrids(read("openpyxl-chart.xlsx"))).rejects.toThrow(/anchors/u);
    const r = await importFile("openpyxl-chart.xlsx", read("openpyxl-chart.xlsx"));
    expect(r.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(r.drafts.map((d) => [d.label, d.ownersText])).toEqual([
      ["(ア)", "総務省"],
      ["(イ)", "警察庁"],
      ["(ウ)", "経済産業省"],
    ]);
    expect(trimmed(readWorkbookSheets(read("openpyxl-chart.xlsx")).sheets)).toEqual(
      trimmed(readWorkbookSheets(read("exceljs-features.xlsx")).sheets)
    );
  });

  it("LibreOffice's re-save of it (its own chart and drawing parts) imports the same measures", async () => {
    const r = await importFile("libreoffice.xlsx", read("libreoffice.xlsx"));
    expect(r.drafts.map((d) => d.ownersText)).toEqual(["総務省", "警察庁", "経済産業省"]);
    expect(r.drafts[2].plan).toBe("=経済産業省において、支援する。");
  });
});
