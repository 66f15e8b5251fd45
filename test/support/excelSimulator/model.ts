/**
 * The simulated workbook's state: what Excel holds after each sync. Proxies (proxies.ts) queue
 * operations; at sync() the context runs them against this model, in order.
 */
import { MAX_COLUMNS, Rect, rectContains, rectsOverlap } from "./address";
import { simError } from "./errors";

export type Scalar = string | number | boolean;

export interface SimCell {
  /** What `values` returns; for a formula cell the simulator cannot calculate, "#FORMULA!" */
  value: Scalar;
  /** Set when the cell holds a formula (what `formulas` returns). */
  formula: string | null;
  numberFormat: string;
  hyperlink?: {
    documentReference?: string;
    address?: string;
    screenTip?: string;
    textToDisplay?: string;
  };
}

export interface SimTable {
  id: number;
  name: string;
  sheet: SimSheet;
  rect: Rect;
  hasHeaders: boolean;
  style: string;
}

export interface SimChart {
  id: number;
  type: string;
  sourceSheet: SimSheet;
  source: Rect;
  seriesBy: string;
  title: string | null;
  legend: { visible: boolean; position: string };
  position: { start: string; end: string | null } | null;
  /** Made from the source range when the chart is added (chartProxies.ts). */
  series: SimChartSeries[];
  /** The chart's data labels (Chart.dataLabels: every series). */
  dataLabels: {
    showValue: boolean;
    position: string | null;
    numberFormat: string | null;
    fill: string | null;
    fontColor: string | null;
  };
  axes: { category: SimChartAxis; value: SimChartAxis };
}

export interface SimChartSeries {
  /** The series' name cell's value at the time the chart was added. */
  name: string;
  /** null: Excel's automatic colour. */
  fill: string | null;
  pointFills: (string | null)[];
  gapWidth: number | null;
  overlap: number | null;
  doughnutHoleSize: number | null;
}

export interface SimChartAxis {
  title: string | null;
  numberFormat: string | null;
  minimum: number | null;
  reversePlotOrder: boolean;
  position: string;
}

export interface SimValidation {
  rect: Rect;
  rule: unknown;
  errorAlert?: unknown;
  prompt?: unknown;
}

export interface SimConditionalFormat {
  rect: Rect;
  type: string;
  formula: string | null;
  format: Record<string, unknown>;
}

export interface FormatOp {
  rect: Rect;
  prop: string;
  value: unknown;
}

export class SimSheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  tabColor = "";
  readonly customProps = new Map<string, { key: string; value: string }>();
  readonly tables: SimTable[] = [];
  readonly charts: SimChart[] = [];
  readonly validations: SimValidation[] = [];
  readonly conditionalFormats: SimConditionalFormat[] = [];
  readonly formats: FormatOp[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  /** Rows the user hid (the add-in never hides rows). */
  readonly hiddenRows = new Set<number>();
  readonly rowHeights = new Map<number, number>();
  freeze: { rows: number; columns: number } | null = null;
  pageLayout: Record<string, unknown> = {};
  deleted = false;
  private readonly rows: (SimCell | undefined)[][] = [];

  constructor(
    readonly id: string,
    name: string
  ) {
    this.name = name;
  }

  cell(row: number, column: number): SimCell | undefined {
    return this.rows[row]?.[column];
  }

  cellForWrite(row: number, column: number): SimCell {
    let r = this.rows[row];
    if (!r) r = this.rows[row] = [];
    let c = r[column];
    if (!c) c = r[column] = { value: "", formula: null, numberFormat: "General" };
    return c;
  }

  /** The smallest rectangle holding every non-empty cell, or null (Worksheet.getUsedRange(true)). */
  usedRect(): Rect | null {
    let minR = Infinity;
    let maxR = -1;
    let minC = Infinity;
    let maxC = -1;
    this.rows.forEach((r, ri) => {
      if (!r) return;
      r.forEach((c, ci) => {
        if (!c || (c.value === "" && c.formula === null)) return;
        minR = Math.min(minR, ri);
        maxR = Math.max(maxR, ri);
        minC = Math.min(minC, ci);
        maxC = Math.max(maxC, ci);
      });
    });
    if (maxR < 0) return null;
    return { row: minR, column: minC, rowCount: maxR - minR + 1, columnCount: maxC - minC + 1 };
  }

  /** The last format operation covering a cell wins, as setting a property on a range does. */
  formatAt(row: number, column: number, prop: string): unknown {
    for (let i = this.formats.length - 1; i >= 0; i--) {
      const f = this.formats[i];
      if (f.prop === prop && rectContains(f.rect, row, column)) return f.value;
    }
    return undefined;
  }

  /** A deep-enough copy of what a user sees, for "left exactly as it was" assertions. */
  snapshot(): unknown {
    const cells: Record<string, unknown> = {};
    this.rows.forEach((r, ri) =>
      r?.forEach((c, ci) => {
        if (c) cells[`${ri},${ci}`] = { ...c };
      })
    );
    return {
      name: this.name,
      visibility: this.visibility,
      tabColor: this.tabColor,
      customProps: [...this.customProps.values()],
      tables: this.tables.map((t) => ({ name: t.name, rect: t.rect, style: t.style })),
      charts: this.charts.length,
      validations: this.validations.length,
      conditionalFormats: this.conditionalFormats.length,
      formats: this.formats.length,
      columnWidths: [...this.columnWidths].sort((a, b) => a[0] - b[0]),
      rowHeights: [...this.rowHeights].sort((a, b) => a[0] - b[0]),
      hiddenColumns: [...this.hiddenColumns].sort((a, b) => a - b),
      hiddenRows: [...this.hiddenRows].sort((a, b) => a - b),
      freeze: this.freeze,
      pageLayout: { ...this.pageLayout },
      cells,
    };
  }
}

/** Sheet name rules. Docs: Worksheet.name "must be fewer than 32 characters"
 * (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-name-member);
 * Excel's rules for names (Microsoft Support, "Rename a worksheet"):
 * not blank, none of / \ ? * : [ ], no apostrophe at the start or end, "History" is reserved. */
export function checkSheetName(name: unknown): string {
  if (typeof name !== "string" || name.trim() === "")
    throw simError("InvalidArgument", "The sheet name is blank.");
  if (Array.from(name).length > 31)
    throw simError("InvalidArgument", `The sheet name is longer than 31 characters: ${name}`);
  if (/[\\/?*:[\]]/.test(name))
    throw simError("InvalidArgument", `The sheet name contains a forbidden character: ${name}`);
  if (name.startsWith("'") || name.endsWith("'"))
    throw simError("InvalidArgument", `The sheet name starts or ends with an apostrophe: ${name}`);
  if (name.toLowerCase() === "history")
    throw simError("InvalidArgument", "'History' is a reserved sheet name.");
  return name;
}

/** Table names follow defined-name rules
 * (Microsoft Support, "Rename an Excel table"):
 * start with a letter, underscore or backslash; no spaces; not a cell reference; at most 255 characters. */
export function checkTableName(name: unknown): string {
  if (typeof name !== "string" || name === "")
    throw simError("InvalidArgument", "The table name is blank.");
  if (name.length > 255) throw simError("InvalidArgument", "The table name is too long.");
  if (/\s/.test(name))
    throw simError("InvalidArgument", `A table name cannot contain spaces: ${name}`);
  if (!/^[\p{L}_\\]/u.test(name))
    throw simError(
      "InvalidArgument",
      `A table name must start with a letter or underscore: ${name}`
    );
  if (/[^\p{L}\p{N}_.\\]/u.test(name))
    throw simError(
      "InvalidArgument",
      `A table name contains a character that is not allowed: ${name}`
    );
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name))
    throw simError("InvalidArgument", `A table name cannot look like a cell reference: ${name}`);
  return name;
}

/** The user's selection per workbook (Range.select(), or set by a test); A1 when unset. */
export const selection = new WeakMap<SimWorkbook, Rect>();

export class SimWorkbook {
  readonly sheets: SimSheet[] = [];
  activeSheetId: string | null = null;
  private nextSheet = 1;
  private nextObject = 1;
  /** A user typing in a cell: batches fail unless run with delayForCellEdit. */
  cellEditMode = false;

  constructor(sheetNames: string[] = ["Sheet1"]) {
    for (const n of sheetNames) this.addSheet(n);
    this.activeSheetId = this.sheets[0]?.id ?? null;
  }

  newId(): number {
    return this.nextObject++;
  }

  findSheet(name: string): SimSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheet(name: string): SimSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`test helper: no sheet named ${name}`);
    return s;
  }

  activeSheet(): SimSheet {
    const s = this.sheets.find((x) => x.id === this.activeSheetId) ?? this.sheets[0];
    if (!s) throw simError("ItemNotFound", "The workbook has no worksheet.");
    return s;
  }

  /** WorksheetCollection.add: a duplicate name (ignoring case) is ItemAlreadyExists
   * (https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-add-member(1)). */
  addSheet(name?: string): SimSheet {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.findSheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    checkSheetName(n);
    if (this.findSheet(n))
      throw simError("ItemAlreadyExists", `A sheet named ${n} already exists.`);
    const s = new SimSheet(`{sheet-${this.nextSheet++}}`, n);
    this.sheets.push(s);
    return s;
  }

  renameSheet(sheet: SimSheet, name: unknown): void {
    checkSheetName(name);
    const other = this.findSheet(name as string);
    if (other && other !== sheet)
      throw simError("ItemAlreadyExists", `A sheet named ${String(name)} already exists.`);
    sheet.name = name as string;
  }

  /** A workbook keeps at least one visible sheet: deleting or hiding the last one fails. */
  deleteSheet(sheet: SimSheet): void {
    const visible = this.sheets.filter((s) => s.visibility === "Visible");
    if (visible.length === 1 && visible[0] === sheet)
      throw simError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    const i = this.sheets.indexOf(sheet);
    if (i < 0) throw simError("ItemNotFound", "The worksheet does not exist.");
    this.sheets.splice(i, 1);
    sheet.deleted = true;
    if (this.activeSheetId === sheet.id) {
      this.activeSheetId =
        (this.sheets.find((s) => s.visibility === "Visible") ?? this.sheets[0])?.id ?? null;
    }
  }

  /** Test set-up: write values straight into a sheet (added if missing), no sync involved. */
  fill(sheetName: string, row: number, column: number, values: Scalar[][]): SimSheet {
    const sheet = this.findSheet(sheetName) ?? this.addSheet(sheetName);
    values.forEach((r, i) =>
      r.forEach((v, j) => {
        const cell = sheet.cellForWrite(row + i, column + j);
        cell.value = v;
        cell.formula = null;
      })
    );
    return sheet;
  }

  allTables(): SimTable[] {
    return this.sheets.flatMap((s) => s.tables);
  }

  addTable(sheet: SimSheet, rect: Rect, hasHeaders: boolean): SimTable {
    if (rect.columnCount > MAX_COLUMNS) throw simError("InvalidArgument", "The table is too wide.");
    for (const t of sheet.tables)
      if (rectsOverlap(t.rect, rect))
        throw simError("InvalidArgument", "A table cannot overlap another table.");
    let i = this.allTables().length + 1;
    while (this.allTables().some((t) => t.name.toLowerCase() === `table${i}`)) i++;
    const table: SimTable = {
      id: this.newId(),
      name: `Table${i}`,
      sheet,
      rect,
      hasHeaders,
      style: "TableStyleMedium2",
    };
    if (hasHeaders) {
      // A table's header row holds unique text; blanks become "Column1", "Column2", …
      const seen = new Set<string>();
      for (let c = 0; c < rect.columnCount; c++) {
        const cell = sheet.cellForWrite(rect.row, rect.column + c);
        let h = cell.formula === null && cell.value !== "" ? String(cell.value) : `Column${c + 1}`;
        let k = 2;
        const base = h;
        while (seen.has(h.toLowerCase())) h = `${base}${k++}`;
        seen.add(h.toLowerCase());
        cell.value = h;
        cell.formula = null;
      }
    }
    sheet.tables.push(table);
    return table;
  }

  renameTable(table: SimTable, name: unknown): void {
    checkTableName(name);
    const n = name as string;
    if (this.allTables().some((t) => t !== table && t.name.toLowerCase() === n.toLowerCase()))
      throw simError("ItemAlreadyExists", `A table named ${n} already exists.`);
    table.name = n;
  }
}
