/**
 * Generated sheets carry worksheet custom properties (ExcelApi 1.12,
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetcustompropertycollection):
 * GENERATED_SHEET_TAG = the plan key, so regeneration replaces exactly those sheets (while they keep
 * the name recorded in GENERATED_NAME_TAG: a sheet the user renamed is theirs), and RUN_TAG =
 * the run's id, so a failed run can remove exactly what it created.
 */
export { GENERATED_NAME_TAG, GENERATED_SHEET_TAG } from "../workbook/plan";
export const RUN_TAG = "PlanTablesRun";

export function newRunId(): string {
  const t = Date.now().toString(36);
  const r = Math.floor(Math.random() * 36 ** 6)
    .toString(36)
    .padStart(6, "0");
  return `${t}${r}`;
}
