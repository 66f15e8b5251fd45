/**
 * The one door between the pane and a workbook. Components never see `Excel`: inside Excel the
 * Office.js implementation (officeGateway.ts, which calls src/excel/) stands behind it; in the
 * browser preview the file-workbook implementation (fileGateway.ts) does.
 */
import type { SheetKind, SheetPlan, WorkbookPlan } from "../../workbook/plan";

export interface SheetValues {
  sheetName: string;
  /** The used range's values, top-left first. */
  values: unknown[][];
}

/** A cell to select; row and column are 1-based, as problems count them. */
export interface CellTarget {
  sheet: string;
  row: number;
  column?: number;
}

export interface GenerateProgress {
  /** Plain-language name of the current step (e.g. "施策一覧"). */
  step: string;
  done: number;
  total: number;
}

export interface GeneratedSheet {
  key: string;
  /** The name the sheet got (may differ from the wanted one when a user's sheet held it). */
  name: string;
  kind: SheetKind;
}

export interface GenerateOutcome {
  sheets: GeneratedSheet[];
  /** Names of sheets made by an earlier run that this run replaced. */
  replaced: string[];
}

export interface WorkbookGateway {
  readonly kind: "office" | "file";
  /** The values of the sheet the user works in (Excel: the active sheet). */
  readCurrentSheet(): Promise<SheetValues>;
  /** Selects a cell; false when the sheet is not in this workbook. */
  selectCell(target: CellTarget): Promise<boolean>;
  /**
   * Writes the plan's sheets, replacing only sheets an earlier run generated. The file workbook
   * stops when `signal` aborts (at the next sheet or piece of XML, rejecting with an AbortError,
   * its last download kept); Excel's writing is not stopped halfway and ignores it.
   */
  applyPlan(plan: WorkbookPlan, onProgress?: (p: GenerateProgress) => void, signal?: AbortSignal): Promise<GenerateOutcome>;
  /** Brings a generated sheet (by plan key) into view. */
  showSheet(key: string): Promise<void>;
  /** A sheet's values from A1 by name (e.g. 比較の確認, read back before regenerating); null when there is no such sheet. */
  readSheet?(name: string): Promise<unknown[][] | null>;
}

/** The browser preview's workbook: a file opened by the user, shown as HTML, downloadable. */
export interface FileWorkbookGateway extends WorkbookGateway {
  readonly kind: "file";
  /** The open workbook's file name, or null before one is opened. */
  workbookName(): string | null;
  openWorkbook(name: string, bytes: Uint8Array): Promise<void>;
  /** The generated sheets, for the HTML preview (empty before generation). */
  generatedSheets(): SheetPlan[];
  /** The generated .xlsx, or null before generation. */
  download(): { name: string; bytes: Uint8Array } | null;
  /** Called when the sheet in view changes (showSheet), so the preview can follow. */
  onShowSheet(listener: (key: string) => void): () => void;
}

export function isFileGateway(g: WorkbookGateway): g is FileWorkbookGateway {
  return g.kind === "file";
}

/** An error whose message is already plain words for the user (what happened, what to do). */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserFacingError";
  }
}
