/** Every sheet of an .xlsx as text grids (the importers' reader), and which one is active. */
import { readWorkbookSheets } from "../../importers/xlsx";

export async function readWorkbookGrids(
  bytes: Uint8Array
): Promise<{ sheets: { name: string; values: string[][] }[]; active: string | null }> {
  const { sheets, active } = readWorkbookSheets(bytes);
  return { sheets: sheets.map((s) => ({ name: s.name, values: s.values })), active };
}
