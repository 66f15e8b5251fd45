/**
 * Worksheet custom properties (the tag on generated sheets) need ExcelApi 1.12, the highest set the
 * plan needs (see src/workbook/plan.ts). Office 2019 stops at 1.7; Office 2021 has 1.14.
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 */
import { ExcelApplyError } from "./errors";
import type { ExcelHost } from "./host";

export const REQUIRED_EXCEL_API = "1.12";

export function checkExcelRequirements(host: ExcelHost): void {
  if (host.available && !host.available())
    throw new ExcelApplyError("NotInExcel", null, "nothing-created");
  let ok = false;
  try {
    ok = host.isSetSupported("ExcelApi", REQUIRED_EXCEL_API);
  } catch {
    ok = false;
  }
  if (!ok)
    throw new ExcelApplyError(
      "ExcelTooOld",
      null,
      "nothing-created",
      `ExcelApi ${REQUIRED_EXCEL_API} is not supported`
    );
}
