/** Excel.Workbook, worksheets, custom properties, tables, charts, freeze panes, page layout. */
import { parseAddress } from "./address";
import type { PathNode } from "./context";
import { simError } from "./errors";
import {
  chartParts,
  SimChartAxes,
  SimChartDataLabels,
  SimChartSeriesCollection,
} from "./chartProxies";
import { selection, SimChart, SimSheet, SimTable, SimWorkbook } from "./model";
import { SimCollection, SimProxy } from "./proxyBase";
import { RangeTarget, SimRange } from "./rangeProxies";

function rangeFromIndexes(
  sheet: SimSheet,
  row: number,
  column: number,
  rowCount: number,
  columnCount: number
): RangeTarget {
  if (
    ![row, column, rowCount, columnCount].every((n) => Number.isInteger(n)) ||
    row < 0 ||
    column < 0 ||
    rowCount < 1 ||
    columnCount < 1 ||
    row + rowCount > 1048576 ||
    column + columnCount > 16384
  )
    throw simError(
      "InvalidArgument",
      `Invalid range indexes (${row}, ${column}, ${rowCount}, ${columnCount}).`
    );
  return { sheet, rect: { row, column, rowCount, columnCount } };
}

export class SimApplication extends SimProxy<SimWorkbook> {
  protected readProp(_t: SimWorkbook, prop: string): unknown {
    if (prop === "calculationMode") return "Automatic";
    throw simError("InvalidArgument", `Application.${prop} is not simulated.`);
  }
  /** "Suspends calculation until the next context.sync() is called" (ExcelApi 1.6). */
  suspendApiCalculationUntilNextSync(): void {
    this.context.markSuspendCalculation();
    this.queue("SuspendApiCalculationUntilNextSync", [], () => undefined);
  }
  /** "Suspends screen updating until the next context.sync() is called" (ExcelApi 1.9). */
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.markSuspendScreenUpdating();
    this.queue("SuspendScreenUpdatingUntilNextSync", [], () => undefined);
  }
}

export class SimWorkbookProxy extends SimProxy<SimWorkbook> {
  protected readProp(_t: SimWorkbook, prop: string): unknown {
    throw simError("InvalidArgument", `Workbook.${prop} is not simulated.`);
  }
  get worksheets(): SimWorksheetCollection {
    return this.nav(
      "worksheets",
      () =>
        new SimWorksheetCollection(
          this.context,
          this.context.path(this._path, "Worksheets", []),
          () => this.target()
        )
    );
  }
  get application(): SimApplication {
    return this.nav(
      "application",
      () =>
        new SimApplication(this.context, this.context.path(this._path, "Application", []), () =>
          this.target()
        )
    );
  }
  get tables(): SimTableCollection {
    return this.nav(
      "tables",
      () =>
        new SimTableCollection(this.context, this.context.path(this._path, "Tables", []), () => ({
          workbook: this.target(),
          sheet: null,
        }))
    );
  }
  /** The selection is the active sheet's A1 in the simulator unless a test sets `selection`. */
  getSelectedRange(): SimRange {
    return new SimRange(this.context, this.context.path(this._path, "GetSelectedRange", []), () => {
      const wb = this.target();
      const sheet = wb.activeSheet();
      return {
        sheet,
        rect: selection.get(wb) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 },
      };
    });
  }
}

export { selection } from "./model";

export class SimWorksheetCollection extends SimCollection<SimSheet, SimWorksheet, SimWorkbook> {
  protected list(t: SimWorkbook): SimSheet[] {
    return t.sheets;
  }
  protected wrap(m: SimSheet, path: PathNode): SimWorksheet {
    return new SimWorksheet(this.context, path, () => m);
  }
  /** https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-add-member(1) */
  add(name?: string): SimWorksheet {
    const ws = new SimWorksheet(
      this.context,
      this.context.path(this._path, "Add", [name ?? null]),
      () => null
    );
    this.queue("Add", [name ?? null], (wb) => ws.bind(wb.addSheet(name)));
    return ws;
  }
  /** Throws ItemNotFound at sync when there is no such sheet. */
  getItem(key: string): SimWorksheet {
    return new SimWorksheet(this.context, this.context.path(this._path, "GetItem", [key]), () => {
      const s = this.target().findSheet(key) ?? this.target().sheets.find((x) => x.id === key);
      if (!s) throw simError("ItemNotFound", `The worksheet '${key}' doesn't exist.`);
      return s;
    });
  }
  getItemOrNullObject(key: string): SimWorksheet {
    return new SimWorksheet(
      this.context,
      this.context.path(this._path, "GetItemOrNullObject", [key]),
      () => this.target().findSheet(key) ?? this.target().sheets.find((x) => x.id === key) ?? null,
      true
    );
  }
  getActiveWorksheet(): SimWorksheet {
    return new SimWorksheet(
      this.context,
      this.context.path(this._path, "GetActiveWorksheet", []),
      () => this.target().activeSheet()
    );
  }
}

export class SimWorksheet extends SimProxy<SimSheet> {
  protected override isDead(t: SimSheet): boolean {
    return t.deleted;
  }
  private wb(): SimWorkbook {
    return this.context.host.workbook;
  }
  protected readProp(t: SimSheet, prop: string): unknown {
    switch (prop) {
      case "name":
        return t.name;
      case "id":
        return t.id;
      case "position":
        return this.wb().sheets.indexOf(t);
      case "visibility":
        return t.visibility;
      case "tabColor":
        return t.tabColor;
      default:
        throw simError("InvalidArgument", `Worksheet.${prop} is not simulated.`);
    }
  }
  get name(): string {
    return this.read("name") as string;
  }
  set name(v: string) {
    this.queueSet("name", v, (t) => this.wb().renameSheet(t, v));
  }
  get id(): string {
    return this.read("id") as string;
  }
  get position(): number {
    return this.read("position") as number;
  }
  set position(v: number) {
    this.queueSet("position", v, (t) => {
      const sheets = this.wb().sheets;
      if (!Number.isInteger(v) || v < 0 || v >= sheets.length)
        throw simError("InvalidArgument", `Invalid position ${v}.`);
      sheets.splice(sheets.indexOf(t), 1);
      sheets.splice(v, 0, t);
    });
  }
  get visibility(): string {
    return this.read("visibility") as string;
  }
  set visibility(v: string) {
    this.queueSet("visibility", v, (t) => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(v))
        throw simError("InvalidArgument", `Invalid visibility ${v}.`);
      if (
        v !== "Visible" &&
        this.wb().sheets.filter((s) => s.visibility === "Visible" && s !== t).length === 0
      )
        throw simError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet."
        );
      t.visibility = v as SimSheet["visibility"];
    });
  }
  get tabColor(): string {
    return this.read("tabColor") as string;
  }
  set tabColor(v: string) {
    this.queueSet("tabColor", v, (t) => {
      if (v !== "" && !/^#[0-9A-Fa-f]{6}$/.test(v))
        throw simError("InvalidArgument", `Invalid tab color ${v}.`);
      t.tabColor = v;
    });
  }
  delete(): void {
    this.queue("Delete", [], (t) => this.wb().deleteSheet(t));
  }
  activate(): void {
    this.queue("Activate", [], (t) => {
      if (t.visibility !== "Visible")
        throw simError("InvalidOperation", "A hidden sheet cannot be activated.");
      this.wb().activeSheetId = t.id;
    });
  }
  getRange(address?: string): SimRange {
    return new SimRange(
      this.context,
      this.context.path(this._path, "GetRange", [address ?? null]),
      () => {
        const t = this.target();
        if (address === undefined)
          return { sheet: t, rect: { row: 0, column: 0, rowCount: 1048576, columnCount: 16384 } };
        const a = parseAddress(address);
        if (a.sheet !== null && a.sheet.toLowerCase() !== t.name.toLowerCase())
          throw simError("InvalidArgument", "The address names another sheet.");
        return { sheet: t, rect: a.rect };
      }
    );
  }
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): SimRange {
    return new SimRange(
      this.context,
      this.context.path(this._path, "GetRangeByIndexes", [row, column, rowCount, columnCount]),
      () => rangeFromIndexes(this.target(), row, column, rowCount, columnCount)
    );
  }
  /** getUsedRange throws ItemNotFound on an empty sheet… the OrNullObject form returns a null object. */
  getUsedRange(valuesOnly?: boolean): SimRange {
    return new SimRange(
      this.context,
      this.context.path(this._path, "GetUsedRange", [valuesOnly ?? false]),
      () => {
        const t = this.target();
        return {
          sheet: t,
          rect: t.usedRect() ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 },
        };
      }
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): SimRange {
    return new SimRange(
      this.context,
      this.context.path(this._path, "GetUsedRangeOrNullObject", [valuesOnly ?? false]),
      () => {
        const t = this.target();
        const r = t.usedRect();
        return r ? { sheet: t, rect: r } : null;
      },
      true
    );
  }
  get customProperties(): SimCustomPropertyCollection {
    return this.nav(
      "customProperties",
      () =>
        new SimCustomPropertyCollection(
          this.context,
          this.context.path(this._path, "CustomProperties", []),
          () => this.target()
        )
    );
  }
  get tables(): SimTableCollection {
    return this.nav(
      "tables",
      () =>
        new SimTableCollection(this.context, this.context.path(this._path, "Tables", []), () => ({
          workbook: this.wb(),
          sheet: this.target(),
        }))
    );
  }
  get charts(): SimChartCollection {
    return this.nav(
      "charts",
      () =>
        new SimChartCollection(this.context, this.context.path(this._path, "Charts", []), () =>
          this.target()
        )
    );
  }
  get freezePanes(): SimFreezePanes {
    return this.nav(
      "freezePanes",
      () =>
        new SimFreezePanes(this.context, this.context.path(this._path, "FreezePanes", []), () =>
          this.target()
        )
    );
  }
  get pageLayout(): SimPageLayout {
    return this.nav(
      "pageLayout",
      () =>
        new SimPageLayout(this.context, this.context.path(this._path, "PageLayout", []), () =>
          this.target()
        )
    );
  }
}

interface CustomPropModel {
  sheet: SimSheet;
  key: string;
}

/** Worksheet custom properties (ExcelApi 1.12):
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetcustompropertycollection —
 * keys are case-insensitive; add() "overwrites existing custom properties with that key"; keys are
 * limited to 255 characters on the web. */
export class SimCustomPropertyCollection extends SimCollection<
  CustomPropModel,
  SimCustomProperty,
  SimSheet
> {
  protected list(t: SimSheet): CustomPropModel[] {
    return [...t.customProps.values()].map((p) => ({ sheet: t, key: p.key }));
  }
  protected wrap(m: CustomPropModel, path: PathNode): SimCustomProperty {
    return new SimCustomProperty(this.context, path, () => m);
  }
  add(key: string, value: string): SimCustomProperty {
    const p = new SimCustomProperty(
      this.context,
      this.context.path(this._path, "Add", [key, value]),
      () => null
    );
    this.queue("Add", [key, value], (t) => {
      if (typeof key !== "string" || key === "" || key.length > 255)
        throw simError("InvalidArgument", "Invalid custom property key.");
      t.customProps.set(key.toLowerCase(), { key, value: String(value) });
      p.bind({ sheet: t, key });
    });
    return p;
  }
  getItem(key: string): SimCustomProperty {
    return new SimCustomProperty(
      this.context,
      this.context.path(this._path, "GetItem", [key]),
      () => {
        const t = this.target();
        if (!t.customProps.has(key.toLowerCase()))
          throw simError("ItemNotFound", `No custom property ${key}.`);
        return { sheet: t, key };
      }
    );
  }
  getItemOrNullObject(key: string): SimCustomProperty {
    return new SimCustomProperty(
      this.context,
      this.context.path(this._path, "GetItemOrNullObject", [key]),
      () => {
        const t = this.target();
        return t.customProps.has(key.toLowerCase()) ? { sheet: t, key } : null;
      },
      true
    );
  }
}

export class SimCustomProperty extends SimProxy<CustomPropModel> {
  protected override isDead(t: CustomPropModel): boolean {
    return t.sheet.deleted || !t.sheet.customProps.has(t.key.toLowerCase());
  }
  protected readProp(t: CustomPropModel, prop: string): unknown {
    const p = t.sheet.customProps.get(t.key.toLowerCase());
    if (prop === "key") return p?.key;
    if (prop === "value") return p?.value;
    throw simError("InvalidArgument", `WorksheetCustomProperty.${prop} is not simulated.`);
  }
  get key(): string {
    return this.read("key") as string;
  }
  get value(): string {
    return this.read("value") as string;
  }
  set value(v: string) {
    this.queueSet("value", v, (t) => {
      const p = t.sheet.customProps.get(t.key.toLowerCase());
      if (p) p.value = String(v);
    });
  }
  delete(): void {
    this.queue("Delete", [], (t) => t.sheet.customProps.delete(t.key.toLowerCase()));
  }
}

interface TablesScope {
  workbook: SimWorkbook;
  sheet: SimSheet | null;
}

/** Tables (ExcelApi 1.1): https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member(1)
 * "If the address does not contain a sheet name, the currently-active sheet is used"; a table
 * cannot overlap another table. */
export class SimTableCollection extends SimCollection<SimTable, SimTableProxy, TablesScope> {
  protected list(t: TablesScope): SimTable[] {
    return t.sheet ? t.sheet.tables : t.workbook.allTables();
  }
  protected wrap(m: SimTable, path: PathNode): SimTableProxy {
    return new SimTableProxy(this.context, path, () => m);
  }
  add(address: SimRange | string, hasHeaders: boolean): SimTableProxy {
    const table = new SimTableProxy(
      this.context,
      this.context.path(this._path, "Add", [address, hasHeaders]),
      () => null
    );
    this.queue("Add", [address, hasHeaders], (scope) => {
      let target: RangeTarget;
      if (typeof address === "string") {
        const a = parseAddress(address);
        const sheet = a.sheet ? scope.workbook.findSheet(a.sheet) : scope.workbook.activeSheet();
        if (!sheet) throw simError("ItemNotFound", `No sheet ${a.sheet}.`);
        target = { sheet, rect: a.rect };
      } else target = address.target();
      table.bind(scope.workbook.addTable(target.sheet, target.rect, hasHeaders));
    });
    return table;
  }
  getItem(key: string): SimTableProxy {
    return new SimTableProxy(this.context, this.context.path(this._path, "GetItem", [key]), () => {
      // By name, or by the id the host gave the library (a table name cannot be all digits).
      const t = this.list(this.target()).find(
        (x) => x.name.toLowerCase() === key.toLowerCase() || String(x.id) === key
      );
      if (!t) throw simError("ItemNotFound", `No table named ${key}.`);
      return t;
    });
  }
  getItemOrNullObject(key: string): SimTableProxy {
    return new SimTableProxy(
      this.context,
      this.context.path(this._path, "GetItemOrNullObject", [key]),
      () =>
        this.list(this.target()).find((t) => t.name.toLowerCase() === key.toLowerCase()) ?? null,
      true
    );
  }
}

export class SimTableProxy extends SimProxy<SimTable> {
  protected override isDead(t: SimTable): boolean {
    return t.sheet.deleted || !t.sheet.tables.includes(t);
  }
  protected readProp(t: SimTable, prop: string): unknown {
    if (prop === "name") return t.name;
    if (prop === "style") return t.style;
    throw simError("InvalidArgument", `Table.${prop} is not simulated.`);
  }
  get name(): string {
    return this.read("name") as string;
  }
  set name(v: string) {
    this.queueSet("name", v, (t) => this.context.host.workbook.renameTable(t, v));
  }
  get style(): string {
    return this.read("style") as string;
  }
  set style(v: string) {
    this.queueSet("style", v, (t) => {
      if (typeof v !== "string" || !/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(v))
        throw simError("InvalidArgument", `Unknown table style ${v}.`);
      t.style = v;
    });
  }
  delete(): void {
    this.queue("Delete", [], (t) => t.sheet.tables.splice(t.sheet.tables.indexOf(t), 1));
  }
}

/** Chart types the simulator knows (a subset of Excel.ChartType). */
const CHART_TYPES = new Set([
  "BarStacked",
  "BarClustered",
  "ColumnClustered",
  "ColumnStacked",
  "Doughnut",
  "Pie",
  "Line",
  "BarStacked100",
  "ColumnStacked100",
]);

/** Charts (ExcelApi 1.1): https://learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1)
 * seriesBy defaults to "Auto" when omitted. */
export class SimChartCollection extends SimCollection<SimChart, SimChartProxy, SimSheet> {
  protected list(t: SimSheet): SimChart[] {
    return t.charts;
  }
  protected wrap(m: SimChart, path: PathNode): SimChartProxy {
    return new SimChartProxy(this.context, path, () => m);
  }
  add(type: string, sourceData: SimRange, seriesBy?: string): SimChartProxy {
    const chart = new SimChartProxy(
      this.context,
      this.context.path(this._path, "Add", [type, sourceData, seriesBy ?? null]),
      () => null
    );
    this.queue("Add", [type, sourceData, seriesBy ?? null], (sheet) => {
      if (!CHART_TYPES.has(type)) throw simError("InvalidArgument", `Unknown chart type ${type}.`);
      const by = seriesBy ?? "Auto";
      if (!["Auto", "Columns", "Rows"].includes(by))
        throw simError("InvalidArgument", `Invalid seriesBy ${by}.`);
      const src = sourceData.target();
      const model: SimChart = {
        id: this.context.host.workbook.newId(),
        type,
        sourceSheet: src.sheet,
        source: src.rect,
        seriesBy: by,
        title: null,
        legend: { visible: true, position: "Right" },
        position: null,
        ...chartParts(src.sheet, src.rect, by),
      };
      sheet.charts.push(model);
      chart.bind(model);
    });
    return chart;
  }
}

export class SimChartProxy extends SimProxy<SimChart> {
  protected readProp(t: SimChart, prop: string): unknown {
    if (prop === "name") return `Chart ${t.id}`;
    if (prop === "chartType") return t.type;
    throw simError("InvalidArgument", `Chart.${prop} is not simulated.`);
  }
  get series(): SimChartSeriesCollection {
    const path = () => this.context.path(this._path, "Series", []);
    return this.nav(
      "series",
      () => new SimChartSeriesCollection(this.context, path(), () => this.target())
    );
  }
  get dataLabels(): SimChartDataLabels {
    const path = () => this.context.path(this._path, "DataLabels", []);
    return this.nav(
      "dataLabels",
      () => new SimChartDataLabels(this.context, path(), () => this.target())
    );
  }
  get axes(): SimChartAxes {
    const path = () => this.context.path(this._path, "Axes", []);
    return this.nav("axes", () => new SimChartAxes(this.context, path(), () => this.target()));
  }
  get title(): { text: string; visible: boolean } {
    const setText = (v: unknown) =>
      this.queueSet("title.text", v, (t) => void (t.title = String(v)));
    const setVisible = (v: unknown) => this.queueSet("title.visible", v, () => undefined);
    return {
      get text(): string {
        throw simError("PropertyNotLoaded", "The property 'text' is not available.");
      },
      set text(v: string) {
        setText(v);
      },
      get visible(): boolean {
        throw simError("PropertyNotLoaded", "The property 'visible' is not available.");
      },
      set visible(v: boolean) {
        setVisible(v);
      },
    };
  }
  get legend(): { visible: boolean; position: string } {
    const setVisible = (v: unknown) =>
      this.queueSet("legend.visible", v, (t) => void (t.legend.visible = Boolean(v)));
    const setPosition = (v: unknown) =>
      this.queueSet("legend.position", v, (t) => {
        if (!["Top", "Bottom", "Left", "Right", "Corner", "Custom", "Invalid"].includes(String(v)))
          throw simError("InvalidArgument", `Invalid legend position ${String(v)}.`);
        t.legend.position = String(v);
      });
    return {
      get visible(): boolean {
        throw simError("PropertyNotLoaded", "Not loaded.");
      },
      set visible(v: boolean) {
        setVisible(v);
      },
      get position(): string {
        throw simError("PropertyNotLoaded", "Not loaded.");
      },
      set position(v: string) {
        setPosition(v);
      },
    };
  }
  setPosition(startCell: string | SimRange, endCell?: string | SimRange): void {
    this.queue("SetPosition", [startCell, endCell ?? null], (t) => {
      const addr = (x: string | SimRange) =>
        typeof x === "string" ? (parseAddress(x), x) : "(range)";
      t.position = { start: addr(startCell), end: endCell === undefined ? null : addr(endCell) };
    });
  }
}

export class SimFreezePanes extends SimProxy<SimSheet> {
  protected readProp(): unknown {
    throw simError("InvalidArgument", "Not simulated.");
  }
  freezeRows(count?: number): void {
    this.queue(
      "FreezeRows",
      [count ?? 1],
      (t) => void (t.freeze = { rows: count ?? 1, columns: 0 })
    );
  }
  freezeColumns(count?: number): void {
    this.queue(
      "FreezeColumns",
      [count ?? 1],
      (t) => void (t.freeze = { rows: 0, columns: count ?? 1 })
    );
  }
  freezeAt(frozenRange: string | SimRange): void {
    this.queue("FreezeAt", [frozenRange], (t) => {
      const rect =
        typeof frozenRange === "string"
          ? parseAddress(frozenRange).rect
          : frozenRange.target().rect;
      t.freeze = { rows: rect.row + rect.rowCount, columns: rect.column + rect.columnCount };
    });
  }
  unfreeze(): void {
    this.queue("Unfreeze", [], (t) => void (t.freeze = null));
  }
}

/** The values of Excel.PaperType, as documented (the string form a property set takes). */
const PAPER_TYPES = new Set(
  (
    "Letter LetterSmall Tabloid Ledger Legal Statement Executive A3 A4 A4Small A5 B4 B5 Folio " +
    "Quatro Paper10x14 Paper11x17 Note Envelope9 Envelope10 Envelope11 Envelope12 Envelope14 " +
    "Csheet Dsheet Esheet EnvelopeDL EnvelopeC5 EnvelopeC3 EnvelopeC4 EnvelopeC6 EnvelopeC65 " +
    "EnvelopeB4 EnvelopeB5 EnvelopeB6 EnvelopeItaly EnvelopeMonarch EnvelopePersonal FanfoldUS " +
    "FanfoldStdGerman FanfoldLegalGerman"
  ).split(" ")
);

/** Page layout (ExcelApi 1.9): https://learn.microsoft.com/javascript/api/excel/excel.pagelayout */
export class SimPageLayout extends SimProxy<SimSheet> {
  protected readProp(): unknown {
    throw simError("InvalidArgument", "Not simulated.");
  }
  set orientation(v: string) {
    this.queueSet("orientation", v, (t) => {
      if (v !== "Portrait" && v !== "Landscape")
        throw simError("InvalidArgument", `Invalid orientation ${v}.`);
      t.pageLayout.orientation = v;
    });
  }
  set paperSize(v: string) {
    this.queueSet("paperSize", v, (t) => {
      // Excel.PaperType: https://learn.microsoft.com/javascript/api/excel/excel.papertype
      if (!PAPER_TYPES.has(v)) throw simError("InvalidArgument", `Invalid paper size ${v}.`);
      t.pageLayout.paperSize = v;
    });
  }
  set zoom(v: unknown) {
    this.queueSet("zoom", v, (t) => void (t.pageLayout.zoom = v));
  }
  setPrintTitleRows(rows: string): void {
    this.queue("SetPrintTitleRows", [rows], (t) => {
      if (!/^\$?\d+:\$?\d+$/.test(rows))
        throw simError("InvalidArgument", `Invalid print title rows ${rows}.`);
      t.pageLayout.titleRows = rows;
    });
  }
}
