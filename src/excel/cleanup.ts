/**
 * Undo what a failed run did, as far as Office.js allows (there is no transaction and no
 * programmatic undo: office-js #1608). Deletes every sheet carrying this run's tag (and any sheet
 * of a planned name that did not exist before or whose previous holder was set aside, in case the
 * failure fell between `add` and its tag), and gives the previous generation's sheets and tables
 * back their names. User sheets are never touched.
 */
import type { CleanupOutcome } from "./errors";
import { RUN_TAG } from "./tags";

export interface RunFootprint {
  runId: string;
  namesBefore: readonly string[];
  plannedNames: readonly string[];
  /** Previous generated sheets and their tables, set aside under temporary names. */
  old: {
    sheets: readonly { name: string; temporary: string }[];
    tables: readonly { name: string; temporary: string }[];
  };
}

export async function cleanupRun(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  run: RunFootprint
): Promise<CleanupOutcome> {
  try {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const tables = context.workbook.tables;
    tables.load("items/name");
    await sync();
    const items = sheets.items;
    const tags = items.map((ws) => ws.customProperties.getItemOrNullObject(RUN_TAG).load("value"));
    await sync();
    const present = new Set(items.map((ws) => ws.name.toLowerCase()));
    // Names free for this run's sheets: new ones, and those of the previous generation's sheets
    // now under their temporary names (a sheet holding such a name was added by this run).
    const freed = new Set(
      run.old.sheets
        .filter((o) => present.has(o.temporary.toLowerCase()))
        .map((o) => o.name.toLowerCase())
    );
    const before = new Set(run.namesBefore.map((n) => n.toLowerCase()));
    const planned = new Set(run.plannedNames.map((n) => n.toLowerCase()));
    const mine = items.filter((ws, i) => {
      const lower = ws.name.toLowerCase();
      return (
        (!tags[i].isNullObject && tags[i].value === run.runId) ||
        (planned.has(lower) && (!before.has(lower) || freed.has(lower)))
      );
    });
    const toRestore = run.old.sheets.filter((o) => present.has(o.temporary.toLowerCase()));
    const tableNames = new Set(tables.items.map((t) => t.name.toLowerCase()));
    const tablesToRestore = run.old.tables.filter((o) => tableNames.has(o.temporary.toLowerCase()));
    if (mine.length === 0 && toRestore.length === 0 && tablesToRestore.length === 0)
      return "nothing-created";
    // A workbook keeps one sheet at least: when only this run's sheets are left, add a blank one.
    if (mine.length === items.length) context.workbook.worksheets.add();
    for (const ws of mine) ws.delete();
    for (const o of toRestore) context.workbook.worksheets.getItem(o.temporary).name = o.name;
    // This run's tables went with its sheets, so the previous names are free again.
    for (const o of tablesToRestore) context.workbook.tables.getItem(o.temporary).name = o.name;
    await sync();
    return "removed";
  } catch {
    return "failed";
  }
}
