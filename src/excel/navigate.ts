/**
 * Taking the user to a place: select a cell (a problem's location) or bring a generated sheet into
 * view. One Excel.run each; a sheet that no longer exists is not an error, the answer is false.
 */
import { DEFAULT_SYNC_TIMEOUT_MS, syncWithTimeout } from "./batching/syncWithTimeout";
import { ExcelApplyError, toExcelApplyError } from "./errors";
import { globalExcelHost, type ExcelHost } from "./host";

export interface NavigateOptions {
  host?: ExcelHost;
  syncTimeoutMs?: number;
}

async function withSheet(
  sheetName: string,
  options: NavigateOptions,
  act: (ws: Excel.Worksheet) => void
): Promise<boolean> {
  const host = options.host ?? globalExcelHost();
  if (host.available && !host.available())
    throw new ExcelApplyError("NotInExcel", null, "nothing-created");
  const timeoutMs = options.syncTimeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS;
  try {
    return await host.run({ delayForCellEdit: true }, async (context) => {
      const sync = () => syncWithTimeout(context, timeoutMs);
      const ws = context.workbook.worksheets.getItemOrNullObject(sheetName);
      ws.load("visibility");
      await sync();
      // The office-addins lint rules do not see through the timeout wrapper around context.sync().
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load
      if (ws.isNullObject || ws.visibility !== "Visible") return false;
      act(ws);
      await sync();
      return true;
    });
  } catch (e) {
    throw e instanceof ExcelApplyError ? e : toExcelApplyError(e, "nothing-created");
  }
}

/** Activates the sheet and selects one cell; row and column are 1-based, as problems count them. */
export function selectCell(
  sheetName: string,
  row: number,
  column = 1,
  options: NavigateOptions = {}
): Promise<boolean> {
  return withSheet(sheetName, options, (ws) => {
    ws.activate();
    ws.getRangeByIndexes(Math.max(0, row - 1), Math.max(0, column - 1), 1, 1).select();
  });
}

/** Brings a sheet into view. */
export function showSheet(sheetName: string, options: NavigateOptions = {}): Promise<boolean> {
  return withSheet(sheetName, options, (ws) => ws.activate());
}
