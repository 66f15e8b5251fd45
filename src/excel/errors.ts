/**
 * Office errors in plain words. Office.js errors carry a non-localised `code` (switch on it, never
 * on the localised message): https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling
 * The table below is the one place that says, in Japanese and English, what happened and what to do.
 */
import type { Lang } from "../workbook/plan";

export type ExcelProblemCode =
  | "InvalidArgument"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "GeneralException"
  | "InvalidOperation"
  | "InvalidOperationInCellEditMode"
  | "InsertDeleteConflict"
  | "RangeExceedsLimit"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "ConnectionFailure"
  | "AccessDenied"
  | "PropertyNotLoaded"
  | "Timeout"
  | "ExcelTooOld"
  | "NotInExcel"
  | "InvalidPlan"
  | "Unknown";

export const EXCEL_PROBLEM_MESSAGES: Record<ExcelProblemCode, Record<Lang, string>> = {
  InvalidArgument: {
    ja: "Excel が指定内容を受け付けませんでした（シート名・範囲・書式のいずれかが不正です）。",
    en: "Excel rejected a value (a sheet name, range or format is not valid).",
  },
  ItemAlreadyExists: {
    ja: "同じ名前のシートまたはテーブルが既にあります。名前を変えるか、既存のものを整理してから再実行してください。",
    en: "A sheet or table with the same name already exists. Rename or remove it and try again.",
  },
  ItemNotFound: {
    ja: "対象のシートまたは範囲が見つかりません。生成中にシートが削除・名前変更された可能性があります。",
    en: "A sheet or range could not be found. It may have been deleted or renamed while generating.",
  },
  GeneralException: {
    ja: "Excel 内部でエラーが発生しました。ブックを保存してから、もう一度お試しください。",
    en: "Excel reported an internal error. Save the workbook and try again.",
  },
  InvalidOperation: {
    ja: "この操作は現在のブックでは実行できません（保護されたシートや共有ブックの可能性があります）。",
    en: "This operation is not allowed in this workbook (it may be protected or shared).",
  },
  InvalidOperationInCellEditMode: {
    ja: "セルの編集中です。Enter キーまたは Esc キーで編集を終えてから、もう一度お試しください。",
    en: "A cell is being edited. Press Enter or Esc to finish editing, then try again.",
  },
  InsertDeleteConflict: {
    ja: "行や列の挿入・削除と競合しました。もう一度お試しください。",
    en: "The change conflicted with an insert or delete. Try again.",
  },
  RangeExceedsLimit: {
    ja: "範囲が Excel の上限を超えています。",
    en: "The range is larger than Excel allows.",
  },
  RequestPayloadSizeLimitExceeded: {
    ja: "一度に送るデータが Excel の上限（5 MB）を超えました。",
    en: "The data sent at once exceeded Excel's 5 MB limit.",
  },
  ResponsePayloadSizeLimitExceeded: {
    ja: "一度に読み込むデータが Excel の上限（5 MB）を超えました。範囲を小さくしてください。",
    en: "The data read at once exceeded Excel's 5 MB limit. Select a smaller range.",
  },
  ConnectionFailure: {
    ja: "Excel との接続が切れました。ネットワークを確認し、ブックを開き直してから再実行してください。",
    en: "The connection to Excel was lost. Check the network, reopen the workbook and try again.",
  },
  AccessDenied: {
    ja: "このブックを変更する権限がありません（読み取り専用の可能性があります）。",
    en: "You do not have permission to change this workbook (it may be read-only).",
  },
  PropertyNotLoaded: {
    ja: "アドインの内部エラーです（読み込み前の値を参照しました）。開発者に連絡してください。",
    en: "Internal add-in error (a value was read before it was loaded). Please report it.",
  },
  Timeout: {
    ja: "Excel が応答しません。大きなブックでは Excel on the web が応答を返さないことがあります。ブックを保存して開き直し、再実行してください。",
    en: "Excel did not answer in time. Excel on the web sometimes stops answering with large workbooks. Save, reopen the workbook and try again.",
  },
  ExcelTooOld: {
    ja: "この Excel では使えません。Microsoft 365 版または Excel 2021 以降（Excel API 1.12 以上）が必要です。",
    en: "This version of Excel is too old. Microsoft 365 or Excel 2021 or later (Excel API 1.12) is required.",
  },
  NotInExcel: {
    ja: "Excel の中で実行されていません。",
    en: "Not running inside Excel.",
  },
  InvalidPlan: {
    ja: "生成するシートの内容に誤りがあります（アドインの不具合です）。",
    en: "The sheets to generate are not valid (an add-in defect).",
  },
  Unknown: {
    ja: "予期しないエラーが発生しました。",
    en: "An unexpected error occurred.",
  },
};

/** What happened to the sheets this run had created when it failed. */
export type CleanupOutcome = "nothing-created" | "removed" | "failed";

export const CLEANUP_MESSAGES: Record<CleanupOutcome, Record<Lang, string>> = {
  "nothing-created": { ja: "ブックは変更されていません。", en: "The workbook was not changed." },
  removed: {
    ja: "途中まで作成したシートは削除しました。お使いのシートは変更されていません。",
    en: "The sheets created so far were removed. Your own sheets were not changed.",
  },
  failed: {
    ja: "途中まで作成したシートを削除できませんでした。生成シートには印が付いているため、次回の生成時に置き換えられます。お使いのシートは変更されていません。",
    en: "The sheets created so far could not be removed. They are tagged as generated and will be replaced next time. Your own sheets were not changed.",
  },
};

export class ExcelApplyError extends Error {
  constructor(
    readonly code: ExcelProblemCode,
    /** The Office.js code as received (for logs), when there was one. */
    readonly officeCode: string | null,
    readonly cleanup: CleanupOutcome,
    readonly detail?: string
  ) {
    super(`${code}${detail ? `: ${detail}` : ""}`);
    this.name = "ExcelApplyError";
  }

  /** One paragraph for the pane: what happened, then what became of the workbook. */
  userMessage(lang: Lang): string {
    return `${EXCEL_PROBLEM_MESSAGES[this.code][lang]} ${CLEANUP_MESSAGES[this.cleanup][lang]}`;
  }
}

/** The Office.js error code of anything thrown (OfficeExtension.Error has `code`). */
export function officeErrorCode(e: unknown): string | null {
  if (e instanceof ExcelApplyError) return e.code;
  if (typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string")
    return (e as { code: string }).code;
  if (e instanceof Error && e.message === "NotInExcel") return "NotInExcel";
  return null;
}

export function problemCodeOf(e: unknown): ExcelProblemCode {
  const code = officeErrorCode(e);
  if (code && code in EXCEL_PROBLEM_MESSAGES) return code as ExcelProblemCode;
  if (code === "RequestAborted") return "ConnectionFailure";
  return "Unknown";
}

/** Anything thrown inside an Excel.run as an ExcelApplyError saying what became of the workbook. */
export function toExcelApplyError(e: unknown, cleanup: CleanupOutcome): ExcelApplyError {
  return new ExcelApplyError(
    problemCodeOf(e),
    officeErrorCode(e),
    cleanup,
    e instanceof Error ? e.message : String(e)
  );
}

/** Plain words for any error thrown by Office.js or by this module. */
export function describeExcelError(
  e: unknown,
  lang: Lang
): { code: ExcelProblemCode; message: string } {
  if (e instanceof ExcelApplyError) return { code: e.code, message: e.userMessage(lang) };
  const code = problemCodeOf(e);
  return { code, message: EXCEL_PROBLEM_MESSAGES[code][lang] };
}
