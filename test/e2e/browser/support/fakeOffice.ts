/**
 * Stands in for office.js in the Office-path run: `Office` and `Excel` globals backed by the
 * strict simulator (test/support/excelSimulator), so the real pane drives the real src/excel
 * code. The workbook it starts with is pageWorkbook.ts's (an error at 入力!E3).
 */
import { startPageWorkbook, type PageWorkbookWindow } from "./pageWorkbook";

startPageWorkbook(window as unknown as PageWorkbookWindow & Record<string, unknown>);
