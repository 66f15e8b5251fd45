/**
 * Excel.Range and what hangs off it: values, number formats, formats, data validation,
 * conditional formats, hyperlinks.
 */
import { Rect, quoteSheet, rectA1 } from "./address";
import type { PathNode, SimContext } from "./context";
import { simError } from "./errors";
import { selection, type Scalar, type SimConditionalFormat, type SimSheet } from "./model";
import { SimProxy } from "./proxyBase";

export interface RangeTarget {
  sheet: SimSheet;
  rect: Rect;
}

/** Excel's cell limit (Microsoft Support, "Excel specifications and limits"). */
const MAX_CELL_CHARS = 32767;

/** Docs for Range.values (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member):
 * "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets
 * this value as a formula." A cell formatted as Text ("@") keeps what is entered as text
 * (Microsoft Support, "Format numbers as text"). */
export function becomesFormula(value: string, numberFormat: string): boolean {
  return numberFormat !== "@" && /^[=+-]/.test(value) && value.length > 1;
}

/** A 2-D array must match the range's shape; a null entry leaves that cell as it is
 * ("null input in 2-D array": https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#null-or-blank-property-values). */
function checkShape(prop: string, data: unknown, rect: Rect): unknown[][] {
  if (!Array.isArray(data) || data.some((r) => !Array.isArray(r)))
    throw simError("InvalidArgument", `${prop} must be a two-dimensional array.`);
  const rows = data as unknown[][];
  if (rows.length !== rect.rowCount || rows.some((r) => r.length !== rect.columnCount))
    throw simError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${prop}).`
    );
  return rows;
}

const H_ALIGN = new Set([
  "General",
  "Left",
  "Center",
  "Right",
  "Fill",
  "Justify",
  "CenterAcrossSelection",
  "Distributed",
]);
const V_ALIGN = new Set(["Top", "Center", "Bottom", "Justify", "Distributed"]);
const BORDER_INDEX = new Set([
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
]);
const BORDER_STYLE = new Set([
  "None",
  "Continuous",
  "Dash",
  "DashDot",
  "DashDotDot",
  "Dot",
  "Double",
  "SlantDashDot",
]);
const BORDER_WEIGHT = new Set(["Hairline", "Thin", "Medium", "Thick"]);

export function checkColor(v: unknown): string {
  if (typeof v !== "string" || !(/^#[0-9A-Fa-f]{6}$/.test(v) || /^[a-z]+$/i.test(v)))
    throw simError("InvalidArgument", `Invalid color: ${String(v)}`);
  return v;
}

function checkEnum(set: Set<string>, v: unknown, what: string): string {
  if (typeof v !== "string" || !set.has(v))
    throw simError("InvalidArgument", `Invalid ${what}: ${String(v)}`);
  return v;
}

export function rangeAddress(t: RangeTarget): string {
  const n = t.sheet.name;
  const q = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(n) ? n : quoteSheet(n);
  return `${q}!${rectA1(t.rect)}`;
}

export class SimRange extends SimProxy<RangeTarget> {
  constructor(
    ctx: SimContext,
    path: PathNode,
    resolver: () => RangeTarget | null,
    nullable = false
  ) {
    super(ctx, path, resolver, nullable);
  }

  protected override isDead(t: RangeTarget): boolean {
    return t.sheet.deleted;
  }

  protected readProp(t: RangeTarget, prop: string): unknown {
    const { sheet, rect } = t;
    const grid = (f: (row: number, col: number) => unknown) =>
      Array.from({ length: rect.rowCount }, (_, r) =>
        Array.from({ length: rect.columnCount }, (_, c) => f(rect.row + r, rect.column + c))
      );
    switch (prop) {
      case "values":
        return grid((r, c) => sheet.cell(r, c)?.value ?? "");
      case "formulas":
        return grid((r, c) => {
          const cell = sheet.cell(r, c);
          return cell?.formula ?? cell?.value ?? "";
        });
      case "numberFormat":
        return grid((r, c) => sheet.cell(r, c)?.numberFormat ?? "General");
      case "valueTypes":
        return grid((r, c) => {
          const v = sheet.cell(r, c)?.value ?? "";
          return v === ""
            ? "Empty"
            : typeof v === "number"
              ? "Double"
              : typeof v === "boolean"
                ? "Boolean"
                : "String";
        });
      case "address":
        return rangeAddress(t);
      case "rowCount":
        return rect.rowCount;
      case "columnCount":
        return rect.columnCount;
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.column;
      case "hyperlink":
        return sheet.cell(rect.row, rect.column)?.hyperlink ?? null;
      default:
        throw simError(
          "InvalidArgument",
          `Range has no loadable property '${prop}' in the simulator.`
        );
    }
  }

  get values(): Scalar[][] {
    return this.read("values") as Scalar[][];
  }
  set values(v: unknown) {
    this.queueSet("values", v, (t) => {
      const rows = checkShape("values", v, t.rect);
      rows.forEach((row, r) =>
        row.forEach((x, c) => {
          if (x === null || x === undefined) return;
          if (typeof x !== "string" && typeof x !== "number" && typeof x !== "boolean")
            throw simError("InvalidArgument", "A cell value must be a string, number or boolean.");
          if (typeof x === "string" && x.length > MAX_CELL_CHARS)
            throw simError("InvalidArgument", `A cell holds at most ${MAX_CELL_CHARS} characters.`);
          const cell = t.sheet.cellForWrite(t.rect.row + r, t.rect.column + c);
          if (typeof x === "string" && becomesFormula(x, cell.numberFormat)) {
            cell.formula = x.startsWith("=") ? x : `=${x}`;
            cell.value = "#FORMULA!";
          } else {
            cell.formula = null;
            cell.value = x;
          }
        })
      );
    });
  }

  get formulas(): Scalar[][] {
    return this.read("formulas") as Scalar[][];
  }
  set formulas(v: unknown) {
    this.queueSet("formulas", v, (t) => {
      const rows = checkShape("formulas", v, t.rect);
      rows.forEach((row, r) =>
        row.forEach((x, c) => {
          if (x === null || x === undefined) return;
          const cell = t.sheet.cellForWrite(t.rect.row + r, t.rect.column + c);
          if (typeof x === "string" && x.startsWith("=") && cell.numberFormat !== "@") {
            cell.formula = x;
            cell.value = "#FORMULA!";
          } else {
            cell.formula = null;
            cell.value = x as Scalar;
          }
        })
      );
    });
  }

  get numberFormat(): string[][] {
    return this.read("numberFormat") as string[][];
  }
  set numberFormat(v: unknown) {
    this.queueSet("numberFormat", v, (t) => {
      const rows = checkShape("numberFormat", v, t.rect);
      rows.forEach((row, r) =>
        row.forEach((x, c) => {
          if (x === null || x === undefined) return;
          if (typeof x !== "string")
            throw simError("InvalidArgument", "A number format is a string.");
          t.sheet.cellForWrite(t.rect.row + r, t.rect.column + c).numberFormat = x;
        })
      );
    });
  }

  get address(): string {
    return this.read("address") as string;
  }
  get rowCount(): number {
    return this.read("rowCount") as number;
  }
  get columnCount(): number {
    return this.read("columnCount") as number;
  }
  get rowIndex(): number {
    return this.read("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.read("columnIndex") as number;
  }

  /** Range.hyperlink (ExcelApi 1.7): https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-hyperlink-member */
  get hyperlink(): unknown {
    return this.read("hyperlink");
  }
  set hyperlink(v: unknown) {
    this.queueSet("hyperlink", v, (t) => {
      if (typeof v !== "object" || v === null)
        throw simError("InvalidArgument", "A hyperlink is an object.");
      const h = v as {
        address?: string;
        documentReference?: string;
        screenTip?: string;
        textToDisplay?: string;
      };
      if (!h.address && !h.documentReference)
        throw simError("InvalidArgument", "A hyperlink needs an address or a documentReference.");
      for (let r = 0; r < t.rect.rowCount; r++)
        for (let c = 0; c < t.rect.columnCount; c++) {
          const cell = t.sheet.cellForWrite(t.rect.row + r, t.rect.column + c);
          cell.hyperlink = { ...h };
          // The text shown replaces the cell's content, as text.
          if (h.textToDisplay !== undefined) {
            cell.value = h.textToDisplay;
            cell.formula = null;
          }
        }
    });
  }

  set columnHidden(v: unknown) {
    this.queueSet("columnHidden", v, (t) => {
      for (let c = 0; c < t.rect.columnCount; c++) {
        if (v) t.sheet.hiddenColumns.add(t.rect.column + c);
        else t.sheet.hiddenColumns.delete(t.rect.column + c);
      }
    });
  }

  /** "Selects the specified range in the Excel UI" (ExcelApi 1.1,
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-select-member).
   * Recorded in `selection`; what happens on an inactive sheet is not documented, so not checked. */
  select(): void {
    this.queue("Select", [], (t) => {
      selection.set(this.context.host.workbook, t.rect);
    });
  }

  /** Range.getRow (ExcelApi 1.1): the library cuts big array writes into row pieces with it. */
  getRow(index: number): SimRange {
    return new SimRange(this.context, this.context.path(this._path, "GetRow", [index]), () => {
      const t = this.target();
      if (!Number.isInteger(index) || index < 0 || index >= t.rect.rowCount)
        throw simError("InvalidArgument", `Row ${index} is outside the range.`);
      return { sheet: t.sheet, rect: { ...t.rect, row: t.rect.row + index, rowCount: 1 } };
    });
  }

  /** Range.getBoundingRect (ExcelApi 1.1): the smallest range holding both. */
  getBoundingRect(other: SimRange): SimRange {
    return new SimRange(
      this.context,
      this.context.path(this._path, "GetBoundingRect", [other]),
      () => {
        const a = this.target();
        const b = other.target();
        if (a.sheet !== b.sheet)
          throw simError("InvalidArgument", "The ranges are on different sheets.");
        const row = Math.min(a.rect.row, b.rect.row);
        const column = Math.min(a.rect.column, b.rect.column);
        const end = (r: Rect) => [r.row + r.rowCount, r.column + r.columnCount];
        const [ar, ac] = end(a.rect);
        const [br, bc] = end(b.rect);
        return {
          sheet: a.sheet,
          rect: {
            row,
            column,
            rowCount: Math.max(ar, br) - row,
            columnCount: Math.max(ac, bc) - column,
          },
        };
      }
    );
  }

  get format(): SimRangeFormat {
    return this.nav(
      "format",
      () =>
        new SimRangeFormat(this.context, this.context.path(this._path, "Format", []), () =>
          this.target()
        )
    );
  }

  get dataValidation(): SimDataValidation {
    return this.nav(
      "dataValidation",
      () =>
        new SimDataValidation(
          this.context,
          this.context.path(this._path, "DataValidation", []),
          () => this.target()
        )
    );
  }

  get conditionalFormats(): SimConditionalFormatCollection {
    return this.nav(
      "conditionalFormats",
      () =>
        new SimConditionalFormatCollection(
          this.context,
          this.context.path(this._path, "ConditionalFormats", []),
          () => this.target()
        )
    );
  }
}

/** Formats are recorded as (range, property, value); the last one covering a cell wins. */
abstract class FormatPart extends SimProxy<RangeTarget> {
  protected readProp(_t: RangeTarget, prop: string): unknown {
    throw simError("InvalidArgument", `Loading '${prop}' of a format is not simulated.`);
  }
  protected setFormat(
    prop: string,
    value: unknown,
    check: (v: unknown) => unknown = (v) => v
  ): void {
    this.queueSet(prop, value, (t) => {
      t.sheet.formats.push({ rect: t.rect, prop, value: check(value) });
    });
  }
}

export class SimRangeFormat extends FormatPart {
  get font(): SimRangeFont {
    return this.nav(
      "font",
      () =>
        new SimRangeFont(this.context, this.context.path(this._path, "Font", []), () =>
          this.target()
        )
    );
  }
  get fill(): SimRangeFill {
    return this.nav(
      "fill",
      () =>
        new SimRangeFill(this.context, this.context.path(this._path, "Fill", []), () =>
          this.target()
        )
    );
  }
  get borders(): SimBorders {
    return this.nav(
      "borders",
      () =>
        new SimBorders(this.context, this.context.path(this._path, "Borders", []), () =>
          this.target()
        )
    );
  }
  set wrapText(v: unknown) {
    this.setFormat("wrapText", v, (x) => {
      if (typeof x !== "boolean") throw simError("InvalidArgument", "wrapText is a boolean.");
      return x;
    });
  }
  set horizontalAlignment(v: unknown) {
    this.setFormat("horizontalAlignment", v, (x) => checkEnum(H_ALIGN, x, "horizontal alignment"));
  }
  set verticalAlignment(v: unknown) {
    this.setFormat("verticalAlignment", v, (x) => checkEnum(V_ALIGN, x, "vertical alignment"));
  }
  /** Points (https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-columnwidth-member). */
  set columnWidth(v: unknown) {
    this.queueSet("columnWidth", v, (t) => {
      if (typeof v !== "number" || v < 0)
        throw simError("InvalidArgument", "columnWidth is a number of points.");
      for (let c = 0; c < t.rect.columnCount; c++) t.sheet.columnWidths.set(t.rect.column + c, v);
    });
  }
  set rowHeight(v: unknown) {
    this.queueSet("rowHeight", v, (t) => {
      if (typeof v !== "number" || v < 0 || v > 409)
        throw simError("InvalidArgument", "rowHeight is 0-409 points.");
      for (let r = 0; r < t.rect.rowCount; r++) t.sheet.rowHeights.set(t.rect.row + r, v);
    });
  }
  autofitColumns(): void {
    this.queue("AutofitColumns", [], () => undefined);
  }
}

export class SimRangeFont extends FormatPart {
  set bold(v: unknown) {
    this.setFormat("font.bold", v);
  }
  set italic(v: unknown) {
    this.setFormat("font.italic", v);
  }
  set size(v: unknown) {
    this.setFormat("font.size", v, (x) => {
      if (typeof x !== "number" || x < 1 || x > 409)
        throw simError("InvalidArgument", "Invalid font size.");
      return x;
    });
  }
  set color(v: unknown) {
    this.setFormat("font.color", v, checkColor);
  }
  set name(v: unknown) {
    this.setFormat("font.name", v);
  }
}

export class SimRangeFill extends FormatPart {
  set color(v: unknown) {
    this.setFormat("fill.color", v, checkColor);
  }
  clear(): void {
    this.queue("Clear", [], (t) =>
      t.sheet.formats.push({ rect: t.rect, prop: "fill.color", value: undefined })
    );
  }
}

export class SimBorders extends FormatPart {
  getItem(index: string): SimBorder {
    return new SimBorder(
      this.context,
      this.context.path(this._path, "GetItem", [index]),
      () => {
        checkEnum(BORDER_INDEX, index, "border index");
        return this.target();
      },
      index
    );
  }
}

export class SimBorder extends FormatPart {
  constructor(
    ctx: SimContext,
    path: PathNode,
    resolver: () => RangeTarget,
    private readonly index: string
  ) {
    super(ctx, path, resolver);
  }
  set style(v: unknown) {
    this.setFormat(`border.${this.index}.style`, v, (x) =>
      checkEnum(BORDER_STYLE, x, "border style")
    );
  }
  set weight(v: unknown) {
    this.setFormat(`border.${this.index}.weight`, v, (x) =>
      checkEnum(BORDER_WEIGHT, x, "border weight")
    );
  }
  set color(v: unknown) {
    this.setFormat(`border.${this.index}.color`, v, checkColor);
  }
}

/** Data validation (ExcelApi 1.8): https://learn.microsoft.com/javascript/api/excel/excel.datavalidation
 * A rule holds exactly one kind; a list's inline source is limited to 255 characters as in Excel's
 * Data Validation dialog (Microsoft Support, "Apply data validation to cells"). */
export class SimDataValidation extends SimProxy<RangeTarget> {
  protected readProp(t: RangeTarget, prop: string): unknown {
    const v = t.sheet.validations.find(
      (x) => x.rect.row === t.rect.row && x.rect.column === t.rect.column
    );
    if (prop === "rule") return v?.rule ?? null;
    throw simError("InvalidArgument", `DataValidation.${prop} is not simulated.`);
  }
  private entry(t: RangeTarget) {
    let v = t.sheet.validations.find(
      (x) =>
        x.rect.row === t.rect.row &&
        x.rect.column === t.rect.column &&
        x.rect.rowCount === t.rect.rowCount &&
        x.rect.columnCount === t.rect.columnCount
    );
    if (!v) {
      v = { rect: t.rect, rule: null };
      t.sheet.validations.push(v);
    }
    return v;
  }
  set rule(v: unknown) {
    this.queueSet("rule", v, (t) => {
      const kinds = ["list", "wholeNumber", "decimal", "date", "time", "textLength", "custom"];
      if (typeof v !== "object" || v === null)
        throw simError("InvalidArgument", "A rule is an object.");
      const keys = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
      if (keys.length !== 1 || !kinds.includes(keys[0]))
        throw simError("InvalidArgument", "A rule has exactly one kind.");
      if (keys[0] === "list") {
        const list = (v as { list: { source?: unknown } }).list;
        if (typeof list.source !== "string" || list.source === "")
          throw simError("InvalidArgument", "A list needs a source.");
        if (!list.source.startsWith("=") && list.source.length > 255)
          throw simError("InvalidArgument", "An inline list source is limited to 255 characters.");
      }
      this.entry(t).rule = v;
    });
  }
  set errorAlert(v: unknown) {
    this.queueSet("errorAlert", v, (t) => {
      const style = (v as { style?: string }).style;
      if (style !== undefined && !["Stop", "Warning", "Information"].includes(style))
        throw simError("InvalidArgument", `Invalid error alert style: ${style}`);
      this.entry(t).errorAlert = v;
    });
  }
  set prompt(v: unknown) {
    this.queueSet("prompt", v, (t) => {
      this.entry(t).prompt = v;
    });
  }
}

/** Conditional formats (ExcelApi 1.6): https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection#excel-excel-conditionalformatcollection-add-member(1) */
export class SimConditionalFormatCollection extends SimProxy<RangeTarget> {
  protected readProp(): unknown {
    throw simError("InvalidArgument", "Loading conditional formats is not simulated.");
  }
  add(type: string): SimConditionalFormat_ {
    const cf = new SimConditionalFormat_(
      this.context,
      this.context.path(this._path, "Add", [type]),
      () => null
    );
    this.queue("Add", [type], (t) => {
      const types = [
        "Custom",
        "DataBar",
        "ColorScale",
        "IconSet",
        "TopBottom",
        "PresetCriteria",
        "ContainsText",
        "CellValue",
      ];
      if (!types.includes(type))
        throw simError("InvalidArgument", `Invalid conditional format type: ${type}`);
      const model: SimConditionalFormat = { rect: t.rect, type, formula: null, format: {} };
      t.sheet.conditionalFormats.push(model);
      cf.bind(model);
    });
    return cf;
  }
}

export class SimConditionalFormat_ extends SimProxy<SimConditionalFormat> {
  protected readProp(): unknown {
    throw simError("InvalidArgument", "Loading a conditional format is not simulated.");
  }
  get custom(): SimCustomCf {
    return this.nav(
      "custom",
      () =>
        new SimCustomCf(this.context, this.context.path(this._path, "Custom", []), () => {
          const t = this.target();
          if (t.type !== "Custom")
            throw simError("InvalidArgument", "Not a custom conditional format.");
          return t;
        })
    );
  }
}

export class SimCustomCf extends SimProxy<SimConditionalFormat> {
  protected readProp(): unknown {
    throw simError("InvalidArgument", "Not simulated.");
  }
  get rule(): { formula: string } {
    const set = (v: unknown) =>
      this.queueSet("rule.formula", v, (t) => {
        if (typeof v !== "string" || !v.startsWith("="))
          throw simError("InvalidArgument", "A rule formula starts with '='.");
        t.formula = v;
      });
    return {
      get formula(): string {
        throw simError("PropertyNotLoaded", "The property 'formula' is not available.");
      },
      set formula(v: string) {
        set(v);
      },
    };
  }
  get format(): { fill: { color: string }; font: { color: string; bold: boolean } } {
    const put = (k: string, check: (v: unknown) => unknown) => (v: unknown) =>
      this.queueSet(`format.${k}`, v, (t) => {
        t.format[k] = check(v);
      });
    const fillColor = put("fill.color", checkColor);
    const fontColor = put("font.color", checkColor);
    const bold = put("font.bold", (x) => x);
    const notLoaded = (): never => {
      throw simError("PropertyNotLoaded", "Not loaded.");
    };
    return {
      fill: {
        get color(): string {
          return notLoaded();
        },
        set color(v: string) {
          fillColor(v);
        },
      },
      font: {
        get color(): string {
          return notLoaded();
        },
        set color(v: string) {
          fontColor(v);
        },
        get bold(): boolean {
          return notLoaded();
        },
        set bold(v: boolean) {
          bold(v);
        },
      },
    };
  }
}
