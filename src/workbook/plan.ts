/**
 * The workbook plan: a declarative description of the sheets Plan Tables generates.
 *
 * Pure data (JSON-serialisable). Two renderers apply it: `src/xlsx/` writes a file, `src/excel/`
 * drives Office.js. Nothing here may need more than ExcelApi 1.12.
 *
 * Coordinates are 0-based (row, column), as in Office.js `getRangeByIndexes`.
 * Sheets refer to each other by `key`, never by name: a renderer may have to give a generated
 * sheet another name (a user's sheet already holds it), and resolves links and chart ranges then.
 */
import type { Lang } from "../domain/model";

/** The language a plan is written in: renderers take it from the plan contract, not from the domain. */
export type { Lang };

export type CellValue = string | number | boolean | null;

export interface RangeRef {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export interface CellRef {
  row: number;
  column: number;
}

/** A rectangle of values written at (row, column). Strings are always written as text, never as formulas. */
export interface CellBlock {
  row: number;
  column: number;
  values: CellValue[][];
}

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** "#RRGGBB" */
  fontColor?: string;
  /** "#RRGGBB" */
  fill?: string;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "center" | "bottom";
  /** Excel number format, e.g. "0", "0.0%". Text cells get "@" from the renderer, not from here. */
  numberFormat?: string;
  border?: "thin";
}

export interface FormatPlan {
  range: RangeRef;
  format: CellFormat;
}

export interface ColumnPlan {
  column: number;
  /** Width in characters (Excel's column width unit). Renderers convert to points where needed. */
  width: number;
  hidden?: boolean;
}

export interface RowHeightPlan {
  row: number;
  /** Points. */
  height: number;
}

/** An Excel table (ListObject) over a range whose first row is the header. */
export interface TablePlan {
  /** Defined-name rules: no spaces, not a cell reference. Unique in the workbook. */
  name: string;
  range: RangeRef;
  style: string; // e.g. "TableStyleMedium2"
}

/** A dropdown list. Lists longer than ~255 characters must point at a range. */
export interface ValidationPlan {
  range: RangeRef;
  list: { kind: "inline"; values: string[] } | { kind: "range"; sheetKey: string; range: RangeRef };
  /** Allow other values with a warning (true) or reject them (false). */
  allowOther: boolean;
  prompt?: string;
}

/**
 * A conditional format. Only expression rules: the formula is written relative to the
 * top-left cell of `range` (as in Excel's UI), e.g. `=$I2="終了"`.
 */
export interface ConditionalFormatPlan {
  range: RangeRef;
  formula: string;
  format: Pick<CellFormat, "fill" | "fontColor" | "bold">;
}

/** An internal hyperlink from a cell to a cell of another (or the same) sheet. */
export interface LinkPlan {
  at: CellRef;
  target: { sheetKey: string; cell: CellRef };
  /** What the cell shows; the cell's value in the block when absent. */
  text?: string;
  tooltip?: string;
}

export type ChartType = "barStacked" | "doughnut" | "columnClustered" | "columnStacked";

/** One series: its values, and how it is filled ("#RRGGBB"). */
export interface ChartSeriesPlan {
  name: string;
  values: number[];
  /** Fill of the whole series (bars, columns); absent: Excel's palette. */
  color?: string;
  /** Fill of each point by category index (a doughnut's slices, coloured by what they stand for). */
  pointColors?: string[];
}

/** Value labels on every point of every series. */
export interface ChartDataLabelsPlan {
  /** Absent: the chart type's default place (inside a doughnut's slice). */
  position?: "outsideEnd" | "insideEnd" | "center";
  /** Excel number format of the shown values, e.g. "0". */
  numberFormat: string;
  /** "#RRGGBB" box behind each label, so the value stays readable on any slice colour. */
  fill?: string;
  /** "#RRGGBB" */
  fontColor?: string;
}

/** A bar or column chart's axis. */
export interface ChartAxisPlan {
  title?: string;
  /** Excel number format of the tick labels (value axis). */
  numberFormat?: string;
  minimum?: number;
  /**
   * Categories in table order from the top (a horizontal bar chart): the category axis runs
   * backwards and the value axis crosses it at its last category, so the values stay at the bottom.
   */
  reversed?: boolean;
}

/**
 * A native chart over `dataRange` of the sheet `dataSheetKey` (the first row holds series names,
 * the first column categories when seriesBy is "columns"). `categories`/`series` repeat the data
 * for renderers that must cache values (.xlsx); they must agree with the cells.
 */
export interface ChartPlan {
  type: ChartType;
  title: string;
  dataSheetKey: string;
  dataRange: RangeRef;
  /** Never "auto": Excel on the web renders auto differently. */
  seriesBy: "columns" | "rows";
  categories: string[];
  series: ChartSeriesPlan[];
  /** Top-left and bottom-right cells the chart covers. */
  from: CellRef;
  to: CellRef;
  legend: "right" | "bottom" | "none";
  /** Absent: no labels. */
  dataLabels?: ChartDataLabelsPlan;
  /** Bar and column charts only. */
  categoryAxis?: ChartAxisPlan;
  valueAxis?: ChartAxisPlan;
  /** Bar and column charts: space between category groups, in % of a bar's width (0–500). */
  gapWidth?: number;
  /** Bar and column charts: how much bars of one category overlap, in % (-100–100; 100 when stacked). */
  overlap?: number;
  /** Doughnut only: the hole's size in % of the chart's diameter (10–90). */
  doughnutHoleSize?: number;
}

export interface PrintPlan {
  orientation: "portrait" | "landscape";
  /** A3 for tables wider than an A4 page holds (tablePrint). */
  paperSize: "A4" | "A3";
  fitToWidth: boolean;
  /** Also fit to one page tall (the dashboard: its charts stay on the page). Optional; renderers may ignore it. */
  fitToHeight?: boolean;
  /** Rows repeated at the top of every printed page, e.g. { first: 0, last: 0 }. */
  titleRows?: { first: number; last: number };
}

export type SheetKind =
  | "measures"
  | "report"
  | "dashboard"
  | "ministry"
  | "lists"
  | "input"
  | "instructions"
  | "comparison";

export interface SheetPlan {
  /** Stable logical id: "measures", "report", "dashboard", "ministry:総務省", "lists", … */
  key: string;
  kind: SheetKind;
  /** The wanted sheet name (already valid: ≤31 chars, none of : \ / ? * [ ], not "History"). */
  name: string;
  /** Generated sheets are tagged, and only tagged sheets are ever replaced or deleted. */
  generated: boolean;
  hidden?: boolean;
  tabColor?: string;
  blocks: CellBlock[];
  formats: FormatPlan[];
  columns: ColumnPlan[];
  rowHeights: RowHeightPlan[];
  tables: TablePlan[];
  validations: ValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  links: LinkPlan[];
  charts: ChartPlan[];
  freeze?: { rows: number; columns: number };
  print?: PrintPlan;
}

export interface WorkbookPlan {
  lang: Lang;
  /** Sheet order in the workbook; the first is activated after generation. */
  sheets: SheetPlan[];
}

/** The custom property (Office.js) / marker that tags a generated sheet; its value is the sheet key. */
export const GENERATED_SHEET_TAG = "PlanTablesGenerated";

/** The custom property / marker holding the name a generated sheet was given. */
export const GENERATED_NAME_TAG = "PlanTablesSheetName";

/**
 * Whether a tagged sheet is still Plan Tables' to replace: yes while it keeps the name it was
 * given; a sheet the user renamed ("総務省" → "総務省 確認済") has become theirs, with whatever
 * they wrote in it, and is never replaced or deleted. Sheets tagged before names were recorded
 * (no name tag) stay generated.
 */
export function stillGenerated(currentName: string, nameWhenGenerated: string | null): boolean {
  return nameWhenGenerated === null || nameWhenGenerated === currentName;
}
