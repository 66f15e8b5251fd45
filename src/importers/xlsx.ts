/**
 * .xlsx workbooks (exceljs): the first sheet whose header row is recognised.
 * Cell values become the text shown in Excel: rich text joined, a formula's cached result,
 * a hyperlink's text. A string that looks like a formula stays a string.
 */
import ExcelJS from "exceljs";
import { readPlanTable } from "../domain/readTable";
import { failedImport, type ImportResult } from "./importResult";
import { cellToText } from "./grid";

/** exceljs's CellValue union, read without trusting its shape. */
export function excelValueToText(v: unknown): string {
  if (v == null) return "";
  if (typeof v !== "object" || v instanceof Date) return cellToText(v);
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text?: unknown }[]).map((r) => cellToText(r.text)).join("");
  if ("formula" in o || "sharedFormula" in o) return excelValueToText(o.result);
  if ("hyperlink" in o) return excelValueToText(o.text);
  if ("error" in o) return cellToText(o.error);
  if ("text" in o) return cellToText(o.text);
  return "";
}

export function worksheetToGrid(ws: ExcelJS.Worksheet): string[][] {
  const grid: string[][] = [];
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(excelValueToText(row.getCell(c).value));
    grid[rowNumber - 1] = cells;
  });
  for (let r = 0; r < grid.length; r++) if (!grid[r]) grid[r] = [];
  return grid;
}

export async function importXlsx(name: string, bytes: Uint8Array): Promise<ImportResult> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings want a Node Buffer; an ArrayBuffer works in Node and in the browser.
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    await wb.xlsx.load(ab as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch (e) {
    return failedImport({
      code: "unreadable-file",
      severity: "error",
      file: name,
      params: { reason: "xlsx-corrupt", detail: e instanceof Error ? e.message : String(e) },
    });
  }
  const sheets: string[] = [];
  for (const ws of wb.worksheets) {
    sheets.push(ws.name);
    const result = readPlanTable(worksheetToGrid(ws), { file: name, sheet: ws.name });
    if (!result.problems.some((p) => p.code === "no-table-found")) return result;
  }
  return failedImport({ code: "no-table-found", severity: "error", file: name, params: { sheets: sheets.join(", ") } });
}
