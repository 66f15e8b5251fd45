/**
 * The .xlsx reader the importer used before its own package reader (src/importers/xlsxPackage.ts):
 * exceljs's loader, kept here only so the bench and the reader test can compare the two.
 */
import ExcelJS from "exceljs";
import { cellToText } from "../../../src/importers/grid";

/** exceljs's CellValue union, read without trusting its shape. */
export function excelValueToText(v: unknown): string {
  if (v == null) return "";
  if (typeof v !== "object" || v instanceof Date) return cellToText(v);
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText))
    return (o.richText as { text?: unknown }[]).map((r) => cellToText(r.text)).join("");
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

/** Every sheet's grid through exceljs. */
export async function exceljsGrids(
  bytes: Uint8Array
): Promise<{ name: string; values: string[][] }[]> {
  const wb = new ExcelJS.Workbook();
  const ab = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength
  ) as ArrayBuffer;
  await wb.xlsx.load(ab as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb.worksheets.map((ws) => ({ name: ws.name, values: worksheetToGrid(ws) }));
}
