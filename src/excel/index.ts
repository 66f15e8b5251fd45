/** The Office.js side of Plan Tables: the only code that touches Excel's JavaScript API. */
export {
  applyWorkbookPlan,
  type ApplyOptions,
  type ApplyProgress,
  type ApplyResult,
} from "./applyPlan";
export {
  readActiveSheetValues,
  readSheetValues,
  type ReadTarget,
  type SheetValues,
} from "./readSheet";
export {
  describeExcelError,
  ExcelApplyError,
  EXCEL_PROBLEM_MESSAGES,
  type ExcelProblemCode,
} from "./errors";
export { checkExcelRequirements, REQUIRED_EXCEL_API } from "./requirements";
export type { ExcelHost } from "./host";
export { selectCell, showSheet } from "./navigate";
export { exclusiveGeneration, GenerationBusyError, isGenerating } from "./generationLock";
