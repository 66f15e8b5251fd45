/**
 * Checks, before anything is sent, what would otherwise fail half-way inside Excel: unknown sheet
 * keys in links, charts and validation lists, inline lists over Excel's 255 characters, values
 * Office.js cannot carry. A plan that fails here is an add-in defect (InvalidPlan).
 */
import { ExcelApplyError } from "./errors";
import { INLINE_LIST_LIMIT } from "./ops/decorations";
import type { WorkbookPlan } from "../workbook/plan";

const MAX_CELL_CHARS = 32767;

export function checkPlanForExcel(plan: WorkbookPlan): void {
  const keys = new Set<string>();
  const fail = (detail: string): never => {
    throw new ExcelApplyError("InvalidPlan", null, "nothing-created", detail);
  };
  for (const s of plan.sheets) {
    if (keys.has(s.key)) fail(`duplicate sheet key ${s.key}`);
    keys.add(s.key);
  }
  for (const s of plan.sheets) {
    for (const l of s.links)
      if (!keys.has(l.target.sheetKey)) fail(`link to unknown sheet ${l.target.sheetKey}`);
    for (const c of s.charts) {
      if (!keys.has(c.dataSheetKey)) fail(`chart on unknown sheet ${c.dataSheetKey}`);
      if (c.seriesBy !== "columns" && c.seriesBy !== "rows")
        fail(`chart seriesBy must be columns or rows`);
    }
    for (const v of s.validations) {
      if (v.list.kind === "range" && !keys.has(v.list.sheetKey))
        fail(`list on unknown sheet ${v.list.sheetKey}`);
      if (v.list.kind === "inline" && v.list.values.join(",").length > INLINE_LIST_LIMIT)
        fail(`an inline list is longer than ${INLINE_LIST_LIMIT} characters; point it at a range`);
    }
    for (const b of s.blocks)
      for (const row of b.values)
        for (const v of row)
          if (typeof v === "string" && v.length > MAX_CELL_CHARS)
            fail(`a cell of ${s.key} holds more than ${MAX_CELL_CHARS} characters`);
  }
}
