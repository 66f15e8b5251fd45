/**
 * Reading a worksheet's values for the importer of 2-D arrays. Only `values` and the range's
 * geometry are loaded (never a bare load()), and big ranges are read in blocks: a response over
 * 5 MB fails on the web (ResponsePayloadSizeLimitExceeded), so blocks are sized from what the
 * previous block weighed, and halved when Excel refuses one.
 */
import { jsonBytes } from "./batching/payload";
import { DEFAULT_SYNC_TIMEOUT_MS, syncWithTimeout } from "./batching/syncWithTimeout";
import { ExcelApplyError, officeErrorCode, toExcelApplyError } from "./errors";
import { globalExcelHost, type ExcelHost } from "./host";

export interface ReadOptions {
  host?: ExcelHost;
  syncTimeoutMs?: number;
  /** Target size of one response (default 2 MB, well under the 5 MB limit). */
  targetResponseBytes?: number;
  /** Rows in the first block (default 1,000). */
  firstBlockRows?: number;
}

export interface SheetValues {
  sheetName: string;
  /** Values of the used range (or the selection), first row and column of that range first. */
  values: unknown[][];
  /** Where `values` starts on the sheet (0-based). */
  origin: { row: number; column: number };
  /** Read blocks (syncs after the first). */
  blocks: number;
}

export type ReadTarget =
  { kind: "active" } | { kind: "sheet"; name: string } | { kind: "selection" };

export async function readActiveSheetValues(
  options: ReadOptions = {}
): Promise<{ sheetName: string; values: unknown[][] }> {
  const r = await readSheetValues({ kind: "active" }, options);
  return { sheetName: r.sheetName, values: r.values };
}

export async function readSheetValues(
  target: ReadTarget,
  options: ReadOptions = {}
): Promise<SheetValues> {
  const host = options.host ?? globalExcelHost();
  const timeoutMs = options.syncTimeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS;
  const targetBytes = options.targetResponseBytes ?? 2_000_000;
  if (host.available && !host.available())
    throw new ExcelApplyError("NotInExcel", null, "nothing-created");
  try {
    return await host.run({ delayForCellEdit: true }, async (context) => {
      const sync = () => syncWithTimeout(context, timeoutMs);
      const sheets = context.workbook.worksheets;
      const ws =
        target.kind === "sheet" ? sheets.getItem(target.name) : sheets.getActiveWorksheet();
      ws.load("name");
      const range: Excel.Range =
        target.kind === "selection"
          ? context.workbook.getSelectedRange()
          : ws.getUsedRangeOrNullObject(true);
      range.load("rowIndex,columnIndex,rowCount,columnCount");
      await sync();
      if (range.isNullObject)
        return { sheetName: ws.name, values: [], origin: { row: 0, column: 0 }, blocks: 0 };

      const { rowIndex, columnIndex, rowCount, columnCount } = range;
      const values: unknown[][] = [];
      let rows = Math.max(1, options.firstBlockRows ?? 1000);
      let blocks = 0;
      for (let done = 0; done < rowCount;) {
        const n = Math.min(rows, rowCount - done);
        const block = ws
          .getRangeByIndexes(rowIndex + done, columnIndex, n, columnCount)
          .load("values");
        try {
          await sync();
        } catch (e) {
          if (officeErrorCode(e) === "ResponsePayloadSizeLimitExceeded" && n > 1) {
            rows = Math.max(1, Math.floor(n / 2));
            continue;
          }
          throw e;
        }
        blocks++;
        for (const r of block.values) values.push(r);
        done += n;
        // Size the next block from what this one weighed.
        const perRow = Math.max(1, jsonBytes(block.values) / n);
        rows = Math.max(1, Math.min(50_000, Math.floor(targetBytes / perRow)));
      }
      return { sheetName: ws.name, values, origin: { row: rowIndex, column: columnIndex }, blocks };
    });
  } catch (e) {
    throw e instanceof ExcelApplyError ? e : toExcelApplyError(e, "nothing-created");
  }
}
