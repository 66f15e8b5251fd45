/** Every sheet of an .xlsx as text grids (the importers' reader), and which one is active. */
import ExcelJS from "exceljs";
import { worksheetToGrid } from "../../importers/xlsx";

export async function readWorkbookGrids(bytes: Uint8Array): Promise<{ sheets: { name: string; values: string[][] }[]; active: string | null }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const visible = wb.worksheets.filter((ws) => ws.state === "visible" || ws.state === undefined);
  const activeIndex = wb.views?.[0]?.activeTab;
  const activeSheet = activeIndex !== undefined ? wb.worksheets[activeIndex] : undefined;
  const active = activeSheet && visible.includes(activeSheet) ? activeSheet : visible[0];
  return { sheets: wb.worksheets.map((ws) => ({ name: ws.name, values: worksheetToGrid(ws) })), active: active ? active.name : null };
}
