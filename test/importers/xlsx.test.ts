import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { finalizeMeasures } from "../../src/domain/finalize";
import { importXlsx, readWorkbookSheets } from "../../src/importers/xlsx";

const file = new Uint8Array(
  readFileSync(join(__dirname, "..", "fixtures", "tables", "cs2024-combined.xlsx"))
);

describe("importXlsx", () => {
  it("skips a cover sheet and reads the first sheet whose header row is recognised", async () => {
    const r = await importXlsx("cs2024-combined.xlsx", file);
    expect(r.drafts).toHaveLength(10);
    expect(r.drafts[0].source).toEqual({ file: "cs2024-combined.xlsx", sheet: "別添2", row: 7 });
    expect(r.fiscalYears).toEqual({ plan: 2023, next: 2024 });
  });

  it("reads rich text (joined), a formula's cached result, and keeps a formula-like string as text", async () => {
    const r = await importXlsx("cs2024-combined.xlsx", file);
    const ms = finalizeMeasures(r.drafts);
    expect(ms[0].ownersText).toBe("個 人 情 報 保 護 委 員 会");
    expect(ms[0].owners).toEqual(["個人情報保護委員会"]);
    expect(ms[1].plan).toMatch(/^総務省において、引き続き、\n①/u);
    expect(ms[9].plan).toBe("=防衛省において、演習を行う。");
    expect(r.problems.filter((p) => p.code === "formula-like")).toEqual([
      expect.objectContaining({ sheet: "別添2", row: 16, columnIndex: 3 }),
    ]);
  });

  it("a workbook with no recognisable table names the sheets it looked at", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("表紙").addRow(["提出用"]);
    wb.addWorksheet("メモ").addRow(["担当者", "総務太郎"]);
    const r = await importXlsx("b.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(r.problems).toEqual([
      {
        code: "no-table-found",
        severity: "error",
        file: "b.xlsx",
        params: { sheets: "表紙, メモ" },
      },
    ]);
  });

  it("a damaged .xlsx is an unreadable file, not an exception", async () => {
    const r = await importXlsx("c.xlsx", file.slice(0, 2000));
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: "unreadable-file",
        params: expect.objectContaining({ reason: "xlsx-corrupt" }),
      }),
    ]);
  });

  it("cell values become the text Excel shows: rich text, a formula's result, a hyperlink, a date, a boolean", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("値");
    ws.addRow([
      { richText: [{ text: "総務" }, { font: { bold: true }, text: "省" }] },
      { formula: "1+1", result: 2 },
      { text: "NISC", hyperlink: "https://www.nisc.go.jp/" },
      null,
      2023,
      "=SUM(A1)",
      new Date(Date.UTC(2024, 3, 1)),
      true,
      { formula: "1/0", result: { error: "#DIV/0!" } },
    ]);
    const { sheets } = readWorkbookSheets(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(sheets[0].values).toEqual([
      ["総務省", "2", "NISC", "", "2023", "=SUM(A1)", "2024-04-01", "TRUE", "#DIV/0!"],
    ]);
  });
});
