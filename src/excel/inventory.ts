/**
 * What the workbook holds before a run: every sheet's name, whether Plan Tables generated it (its
 * tag) and its tables' names. Two syncs whatever the number of sheets: names first, then every
 * sheet's tag and tables in one batch.
 */
import type { ExistingSheet } from "./naming";
import { GENERATED_SHEET_TAG } from "./tags";

export async function readExistingSheets(
  context: Excel.RequestContext,
  sync: () => Promise<void>
): Promise<ExistingSheet[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await sync();
  const rows = sheets.items.map((ws) => ({
    ws,
    tag: ws.customProperties.getItemOrNullObject(GENERATED_SHEET_TAG).load("value"),
    tables: ws.tables.load("items/name"),
  }));
  await sync();
  return rows.map((r) => ({
    name: r.ws.name,
    generatedKey: r.tag.isNullObject ? null : String(r.tag.value),
    tableNames: r.tables.items.map((t) => t.name),
  }));
}
