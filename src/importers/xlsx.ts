/**
 * .xlsx workbooks: the first sheet whose header row is recognised. Cells become the text shown
 * in Excel (xlsxPackage.ts): rich text joined, a formula's cached result, a hyperlink's text.
 * A string that looks like a formula stays a string. Read under the import's budgets.
 */
import { readPlanTable } from "./table/readTable";
import type { Problem } from "../domain/model";
import {
  BudgetExceeded,
  DEFAULT_BUDGETS,
  Deadline,
  overBudgetProblem,
  type ImportBudgets,
} from "./budgets";
import { failedImport, type ImportResult } from "../domain/importResult";
import { XlsxPackage, isDamage, type SheetGrid } from "./xlsxPackage";

/** What a reader error means for the user: over a budget, or a damaged workbook. */
export function workbookProblem(name: string, e: unknown): Problem {
  if (e instanceof BudgetExceeded) return overBudgetProblem(name, e);
  const detail = e instanceof Error ? e.message : String(e);
  return {
    code: "unreadable-file",
    severity: "error",
    file: name,
    params: { reason: "xlsx-corrupt", detail: isDamage(e) ? detail : `unexpected: ${detail}` },
  };
}

export async function importXlsx(
  name: string,
  bytes: Uint8Array,
  budgets: ImportBudgets = DEFAULT_BUDGETS
): Promise<ImportResult> {
  const sheets: string[] = [];
  try {
    const wb = new XlsxPackage(bytes, budgets, new Deadline(budgets.maxMillis));
    for (let i = 0; i < wb.sheets.length; i++) {
      const ws = wb.readSheet(i);
      sheets.push(ws.name);
      const result = readPlanTable(ws.values, { file: name, sheet: ws.name });
      if (!result.problems.some((p) => p.code === "no-table-found")) return result;
    }
  } catch (e) {
    return failedImport(workbookProblem(name, e));
  }
  return failedImport({
    code: "no-table-found",
    severity: "error",
    file: name,
    params: { sheets: sheets.join(", ") },
  });
}

/** Every sheet as text grids, and the active one when it is visible (the preview's opened workbook). */
export function readWorkbookSheets(
  bytes: Uint8Array,
  budgets: ImportBudgets = DEFAULT_BUDGETS
): { sheets: SheetGrid[]; active: string | null } {
  const wb = new XlsxPackage(bytes, budgets, new Deadline(budgets.maxMillis));
  const sheets = wb.sheets.map((_, i) => wb.readSheet(i));
  const visible = sheets.filter((s) => s.state === "visible");
  const activeSheet = sheets[wb.activeTab];
  const active = activeSheet && activeSheet.state === "visible" ? activeSheet : visible[0];
  return { sheets, active: active ? active.name : null };
}
