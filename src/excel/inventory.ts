/**
 * What the workbook holds before a run: every sheet's name, whether Plan Tables generated it (its
 * tag, unless the user renamed it since: then it is theirs) and its tables' names. Two syncs
 * whatever the number of sheets: names first, then every sheet's tags and tables in one batch.
 */
import { stillGenerated } from "../workbook/plan";
import { isTemporaryName, type ExistingSheet } from "./naming";
import { GENERATED_NAME_TAG, GENERATED_SHEET_TAG } from "./tags";

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
    nameTag: ws.customProperties.getItemOrNullObject(GENERATED_NAME_TAG).load("value"),
    tables: ws.tables.load("items/name"),
  }));
  await sync();
  return rows.map((r) => {
    const name = r.ws.name;
    const nameWhenGenerated = r.nameTag.isNullObject ? null : String(r.nameTag.value);
    // A temporary name is this add-in's own (a run that never finished): still generated.
    const generated =
      !r.tag.isNullObject && (stillGenerated(name, nameWhenGenerated) || isTemporaryName(name));
    return {
      name,
      generatedKey: generated ? String(r.tag.value) : null,
      tableNames: r.tables.items.map((t) => t.name),
    };
  });
}
