/**
 * A hidden sheet holding dropdown sources: Excel's inline lists stop at 255 characters, and the
 * formal ministry names alone run past that, so the 担当府省庁 dropdown points at a range here.
 */
import type { Lang } from "../domain/model";
import { MINISTRIES } from "../domain/ministries";
import { STATUS_LABELS } from "../domain/status";
import { range } from "./geometry";
import type { CellValue, RangeRef, SheetPlan } from "./plan";
import { emptySheet } from "./sheetPlan";
import { WORKBOOK_STRINGS } from "./strings";

export const LISTS_SHEET_KEY = "lists";

export interface ListsSheet {
  sheet: SheetPlan;
  ministries: RangeRef;
  statuses: RangeRef;
}

export function buildListsSheet(lang: Lang, name: string): ListsSheet {
  const t = WORKBOOK_STRINGS[lang];
  const sheet = emptySheet(LISTS_SHEET_KEY, "lists", name);
  sheet.hidden = true;
  const statuses = Object.values(STATUS_LABELS.ja);
  const column = (header: string, values: readonly string[]): CellValue[][] => [
    [header],
    ...values.map((v) => [v]),
  ];
  sheet.blocks.push({ row: 0, column: 0, values: column(t.lists.ministries, MINISTRIES) });
  sheet.blocks.push({ row: 0, column: 1, values: column(t.lists.statuses, statuses) });
  sheet.columns = [
    { column: 0, width: 22 },
    { column: 1, width: 12 },
  ];
  return {
    sheet,
    ministries: range(1, 0, MINISTRIES.length, 1),
    statuses: range(1, 1, statuses.length, 1),
  };
}
