/**
 * The first operations of a run set the previous generation aside (its sheets and tables under
 * temporary names) and add this run's sheets, tagged, with column widths and row heights; the
 * last operation deletes the previous generation. Until then a failure can give it back whole.
 * User sheets are never renamed or deleted.
 */
import { jsonBytes } from "../batching/payload";
import { GENERATED_NAME_TAG, GENERATED_SHEET_TAG, RUN_TAG } from "../tags";
import { charactersToPoints } from "../units";
import type { RowHeightPlan, SheetPlan } from "../../workbook/plan";
import { simpleOp, type ApplyEnv, type Op } from "./env";

type Renamed = readonly { name: string; temporary: string }[];

export function renameOldOps(old: Renamed): Op[] {
  return renameOps(old, 2, (env, name) => env.context.workbook.worksheets.getItem(name));
}

export function renameOldTableOps(old: Renamed): Op[] {
  return renameOps(old, 3, (env, name) => env.context.workbook.tables.getItem(name));
}

/** Each old name set aside under its temporary one, in the collection `item` reads (`paths` deep). */
function renameOps(
  old: Renamed,
  paths: number,
  item: (env: ApplyEnv, name: string) => { name: string }
): Op[] {
  return old.map((o) =>
    simpleOp(
      1,
      paths,
      jsonBytes(o.name) + jsonBytes(o.temporary),
      (env) => {
        item(env, o.name).name = o.temporary;
      },
      0
    )
  );
}

export function deleteOldOps(old: readonly { temporary: string }[]): Op[] {
  return old.map((o) =>
    simpleOp(
      1,
      2,
      jsonBytes(o.temporary),
      (env) => {
        env.context.workbook.worksheets.getItem(o.temporary).delete();
      },
      0
    )
  );
}

export function addSheetOps(sheet: SheetPlan, finalName: string, runId: string): Op[] {
  const ops: Op[] = [
    simpleOp(
      5,
      5,
      2 * jsonBytes(finalName) + jsonBytes(sheet.key) + jsonBytes(runId) + 96,
      (env) => {
        const ws = env.context.workbook.worksheets.add(finalName);
        // The run's tag first: a failure right after `add` leaves the least for cleanup to infer.
        ws.customProperties.add(RUN_TAG, runId);
        // Only generated sheets carry the tags that let a later run replace them (while they keep
        // this name); a template the user fills in (generated: false) becomes theirs.
        if (sheet.generated) {
          ws.customProperties.add(GENERATED_SHEET_TAG, sheet.key);
          ws.customProperties.add(GENERATED_NAME_TAG, finalName);
        }
        if (sheet.tabColor) ws.tabColor = sheet.tabColor;
        env.registerSheet(sheet.key, ws);
      },
      0
    ),
  ];
  for (const c of sheet.columns)
    ops.push(
      simpleOp(c.hidden ? 2 : 1, 2, 32, (env) => {
        const r = env.sheet(sheet.key).getRangeByIndexes(0, c.column, 1, 1);
        r.format.columnWidth = charactersToPoints(c.width);
        if (c.hidden) r.columnHidden = true;
      })
    );
  for (const run of heightRuns(sheet.rowHeights))
    ops.push(
      simpleOp(1, 2, 48, (env) => {
        env.sheet(sheet.key).getRangeByIndexes(run.row, 0, run.count, 1).format.rowHeight =
          run.height;
      })
    );
  return ops;
}

/** Consecutive rows of one height are set with one range: a sheet of 50,000 similar rows is a few operations. */
export function heightRuns(
  heights: readonly RowHeightPlan[]
): { row: number; count: number; height: number }[] {
  const sorted = [...heights].sort((a, b) => a.row - b.row);
  const runs: { row: number; count: number; height: number }[] = [];
  for (const h of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.height === h.height && last.row + last.count === h.row) last.count++;
    else if (!last || last.row + last.count <= h.row)
      runs.push({ row: h.row, count: 1, height: h.height });
  }
  return runs;
}
