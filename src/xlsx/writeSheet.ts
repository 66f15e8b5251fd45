/**
 * One SheetPlan as worksheet XML, written row by row into the zip: values as inline strings
 * (the workbook's sharedStrings.xml is never touched), styles from the workbook's StyleSheet,
 * panes, widths, heights, conditional formats, dropdowns, internal links, print setup, the
 * generated-sheet markers, the drawing and the tables. Elements in the schema's order
 * (ECMA-376 Part 1, CT_Worksheet): Excel refuses a file whose elements are out of order.
 */
import { fitCell } from "../domain/cellLimit";
import { cellAddress, columnLetter, quoteSheetName, rangeAddress } from "../workbook/geometry";
import type { CellFormat, CellValue, SheetPlan, ValidationPlan } from "../workbook/plan";
import type { StyleSheet } from "./styles";
import { escapeXml, XML_HEADER } from "./xml";

/** Excel's limit per cell; longer text would make Excel repair the file. */
export const MAX_CELL_TEXT = 32767;

/** Sheet names by plan key, as finally written (a renderer may have renamed a sheet). */
export type SheetNames = ReadonlyMap<string, string>;

export function sheetNameOf(names: SheetNames, key: string): string {
  const n = names.get(key);
  if (n === undefined) throw new Error(`no sheet with key "${key}" in the plan`);
  return n;
}

/** Dense grid of the sheet's blocks (later blocks win where they overlap). */
export function sheetGrid(sheet: SheetPlan): CellValue[][] {
  const grid: CellValue[][] = [];
  for (const b of sheet.blocks)
    b.values.forEach((row, r) => {
      const line = (grid[b.row + r] ??= []);
      row.forEach((v, c) => {
        line[b.column + c] = v;
      });
    });
  return grid;
}

/**
 * Text as the file must hold it. SpreadsheetML reads `_xHHHH_` in a string as an escaped
 * character, and XML cannot hold most control characters: so a literal "_x0041_" is written
 * "_x005F_x0041_", a control character as its `_xHHHH_` escape, a lone surrogate as U+FFFD; text
 * past Excel's 32,767 characters (as written) is cut first.
 */
export function cellText(v: string): string {
  // Cut on the text as written (Excel's limit counts characters, not their escapes), never inside a
  // surrogate pair; the escapes below may make the stored string longer, which Excel reads back whole.
  const s = fitCell(v, MAX_CELL_TEXT)
    .text.replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_")
    .replace(
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
    )
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  return s;
}

const NEEDS_CELL_TEXT =
  /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const XML_SPECIAL = /[&<>]/g;
const XML_ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
const EDGE_SPACE = /^\s|\s$/;

/**
 * A cell's text as a `<t>` element: cellText, escaped in one pass (the common case, nothing to
 * change, is one test each); xml:space="preserve" where leading or trailing space would be lost.
 */
function textElement(v: string): string {
  let s = NEEDS_CELL_TEXT.test(v) || v.length > MAX_CELL_TEXT ? cellText(v) : v;
  if (s.includes("<") || s.includes("&") || s.includes(">"))
    s = s.replace(XML_SPECIAL, (c) => XML_ENTITY[c]);
  return EDGE_SPACE.test(s) ? `<t xml:space="preserve">${s}</t>` : "<t>" + s + "</t>";
}

/**
 * A table name not yet used in the workbook (names are unique per workbook, ignoring case): a
 * user's sheet may already hold one of ours, or a defined name be spelled the same.
 */
export function freeTableName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * A table's column names: its header cells' text, unique ignoring case and never empty (Excel
 * requires both); the header cells are written with these names.
 */
export function tableColumnNames(header: readonly CellValue[]): string[] {
  const seen = new Set<string>();
  return header.map((h, i) => {
    const text = cellText(h === null || h === undefined ? "" : String(h)).trim();
    const wanted = text === "" ? `Column${i + 1}` : text;
    let name = wanted;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${wanted}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Relationship ids the sheet XML refers to (its rels part is written with them). */
export interface SheetRelIds {
  customProperties: { name: string; relId: string }[];
  drawing?: string;
  tables: string[];
}

export interface SheetContext {
  names: SheetNames;
  styles: StyleSheet;
  /** The selected tab of the workbook. */
  selected: boolean;
  /** Column names per table of the sheet, in plan order. */
  tableColumns: string[][];
  rels: SheetRelIds;
  /** Called every few thousand rows: where a long write can be cancelled. */
  onRows?: (rowsDone: number) => void;
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export function writeSheetXml(
  sheet: SheetPlan,
  ctx: SheetContext,
  write: (text: string) => void
): void {
  const grid = sheetGrid(sheet);
  sheet.tables.forEach((t, i) => {
    const line = (grid[t.range.row] ??= []);
    ctx.tableColumns[i].forEach((name, c) => (line[t.range.column + c] = name));
  });
  for (const link of sheet.links)
    if (link.text !== undefined) (grid[link.at.row] ??= [])[link.at.column] = link.text;

  let rowCount = grid.length;
  let columnCount = 0;
  for (const line of grid) if (line) columnCount = Math.max(columnCount, line.length);
  for (const f of sheet.formats) {
    rowCount = Math.max(rowCount, f.range.row + f.range.rowCount);
    columnCount = Math.max(columnCount, f.range.column + f.range.columnCount);
  }
  const heights = new Map(sheet.rowHeights.map((h) => [h.row, h.height]));
  for (const h of sheet.rowHeights) rowCount = Math.max(rowCount, h.row + 1);
  const letters = Array.from({ length: columnCount }, (_, c) => columnLetter(c));

  write(`${XML_HEADER}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
  const fit = sheet.print?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : "";
  const tab = sheet.tabColor
    ? `<tabColor rgb="FF${sheet.tabColor.replace("#", "").toUpperCase()}"/>`
    : "";
  if (tab || fit) write(`<sheetPr>${tab}${fit}</sheetPr>`);
  write(
    `<dimension ref="${rowCount > 0 && columnCount > 0 ? `A1:${letters[columnCount - 1]}${rowCount}` : "A1"}"/>`
  );
  write(
    `<sheetViews><sheetView${ctx.selected ? ' tabSelected="1"' : ""} workbookViewId="0">${pane(sheet)}</sheetView></sheetViews>`
  );
  write('<sheetFormatPr defaultRowHeight="15"/>');
  if (sheet.columns.length > 0) {
    const cols = [...sheet.columns].sort((a, b) => a.column - b.column);
    write(
      `<cols>${cols
        .map(
          (c) =>
            `<col min="${c.column + 1}" max="${c.column + 1}" width="${c.width}" customWidth="1"${c.hidden ? ' hidden="1"' : ""}/>`
        )
        .join("")}</cols>`
    );
  }

  write("<sheetData>");
  writeRows(sheet, grid, rowCount, columnCount, letters, heights, ctx, write);
  write("</sheetData>");

  let priority = 1;
  for (const cf of sheet.conditionalFormats)
    write(
      `<conditionalFormatting sqref="${rangeAddress(cf.range)}"><cfRule type="expression" dxfId="${ctx.styles.differentialStyle(cf.format)}" priority="${priority++}"><formula>${escapeXml(cf.formula.replace(/^=/, ""))}</formula></cfRule></conditionalFormatting>`
    );
  if (sheet.validations.length > 0)
    write(
      `<dataValidations count="${sheet.validations.length}">${sheet.validations.map((v) => validationXml(v, ctx.names)).join("")}</dataValidations>`
    );
  if (sheet.links.length > 0) {
    const links = sheet.links.map((l) => {
      const target = `${quoteSheetName(sheetNameOf(ctx.names, l.target.sheetKey))}!${cellAddress(l.target.cell)}`;
      const tooltip = l.tooltip ? ` tooltip="${escapeXml(l.tooltip)}"` : "";
      return `<hyperlink ref="${cellAddress(l.at)}" location="${escapeXml(target)}"${tooltip}/>`;
    });
    write(`<hyperlinks>${links.join("")}</hyperlinks>`);
  }
  write('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (sheet.print) {
    // SpreadsheetML paper size codes (ECMA-376 CT_PageSetup): 8 = A3, 9 = A4.
    const fitTo = sheet.print.fitToWidth
      ? ` fitToWidth="1" fitToHeight="${sheet.print.fitToHeight ? 1 : 0}"`
      : "";
    write(
      `<pageSetup paperSize="${sheet.print.paperSize === "A3" ? 8 : 9}" orientation="${sheet.print.orientation}"${fitTo}/>`
    );
  }
  const { rels } = ctx;
  if (rels.customProperties.length > 0)
    write(
      `<customProperties>${rels.customProperties.map((p) => `<customPr name="${escapeXml(p.name)}" r:id="${p.relId}"/>`).join("")}</customProperties>`
    );
  if (rels.drawing) write(`<drawing r:id="${rels.drawing}"/>`);
  if (rels.tables.length > 0)
    write(
      `<tableParts count="${rels.tables.length}">${rels.tables.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`
    );
  write("</worksheet>");
}

function pane(sheet: SheetPlan): string {
  const rows = sheet.freeze?.rows ?? 0;
  const columns = sheet.freeze?.columns ?? 0;
  if (rows === 0 && columns === 0) return "";
  const active = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  const x = columns > 0 ? ` xSplit="${columns}"` : "";
  const y = rows > 0 ? ` ySplit="${rows}"` : "";
  const topLeft = cellAddress({ row: rows, column: columns });
  return `<pane${x}${y} topLeftCell="${topLeft}" activePane="${active}" state="frozen"/><selection pane="${active}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
}

const ROWS_PER_WRITE = 128;
const ROWS_PER_REPORT = 4096;

/**
 * The rows, with each cell's style from the formats covering it (later formats win, property by
 * property). Formats are few and large, so the styles of a row's columns are computed once per
 * distinct set of formats covering a row, not per cell.
 */
function writeRows(
  sheet: SheetPlan,
  grid: CellValue[][],
  rowCount: number,
  columnCount: number,
  letters: string[],
  heights: ReadonlyMap<number, number>,
  ctx: SheetContext,
  write: (text: string) => void
): void {
  interface RowStyles {
    /** Style of a text cell, per column. */
    text: number[];
    /** Style of a number or boolean cell, per column. */
    other: number[];
    /** Whether a format covers the column (an empty cell is written only then). */
    formatted: boolean[];
  }
  const byCover = new Map<string, RowStyles>();
  const styleRow = (r: number): RowStyles => {
    const covering: number[] = [];
    sheet.formats.forEach((f, i) => {
      if (r >= f.range.row && r < f.range.row + f.range.rowCount) covering.push(i);
    });
    const key = covering.join(",");
    let styles = byCover.get(key);
    if (!styles) {
      const merged: (CellFormat | undefined)[] = new Array(columnCount);
      for (const i of covering) {
        const f = sheet.formats[i];
        for (let c = f.range.column; c < f.range.column + f.range.columnCount; c++)
          merged[c] = merged[c] ? { ...merged[c], ...f.format } : f.format;
      }
      const columns = Array.from({ length: columnCount }, (_, c) => merged[c]);
      styles = {
        text: columns.map((f) => ctx.styles.cellStyle(f, true)),
        other: columns.map((f) => ctx.styles.cellStyle(f, false)),
        formatted: columns.map((f) => f !== undefined),
      };
      byCover.set(key, styles);
    }
    return styles;
  };

  // The pieces of many rows in one array, joined once per write: no intermediate strings.
  let out: string[] = [];
  let rowsInPiece = 0;
  for (let r = 0; r < rowCount; r++) {
    const line = grid[r];
    const height = heights.get(r);
    const styles = styleRow(r);
    const rowNumber = r + 1;
    const start = out.length;
    out.push(
      `<row r="${rowNumber}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ""}>`
    );
    for (let c = 0; c < columnCount; c++) {
      const v = line?.[c];
      if (typeof v === "string") {
        out.push(
          '<c r="',
          letters[c],
          String(rowNumber),
          '" s="',
          String(styles.text[c]),
          '" t="inlineStr"><is>',
          textElement(v),
          "</is></c>"
        );
      } else if (typeof v === "number") {
        out.push(
          Number.isFinite(v)
            ? `<c r="${letters[c]}${rowNumber}" s="${styles.other[c]}"><v>${v}</v></c>`
            : `<c r="${letters[c]}${rowNumber}" s="${styles.text[c]}" t="inlineStr"><is><t>${v}</t></is></c>`
        );
      } else if (typeof v === "boolean") {
        out.push(
          `<c r="${letters[c]}${rowNumber}" s="${styles.other[c]}" t="b"><v>${v ? 1 : 0}</v></c>`
        );
      } else if (styles.formatted[c]) {
        // A formatted cell without a value (e.g. the template's empty input rows): text format.
        out.push(`<c r="${letters[c]}${rowNumber}" s="${styles.text[c]}"/>`);
      }
    }
    if (out.length === start + 1 && height === undefined) out.length = start;
    else {
      out.push("</row>");
      rowsInPiece++;
    }
    if (rowsInPiece >= ROWS_PER_WRITE) {
      write(out.join(""));
      out = [];
      rowsInPiece = 0;
    }
    if (ctx.onRows && r % ROWS_PER_REPORT === ROWS_PER_REPORT - 1) ctx.onRows(r + 1);
  }
  if (out.length > 0) write(out.join(""));
}

function validationXml(v: ValidationPlan, names: SheetNames): string {
  const formula =
    v.list.kind === "inline"
      ? `"${v.list.values.join(",")}"`
      : `${quoteSheetName(sheetNameOf(names, v.list.sheetKey))}!${rangeAddress(v.list.range, true)}`;
  const prompt = v.prompt ? ` showInputMessage="1" prompt="${escapeXml(v.prompt)}"` : "";
  return `<dataValidation type="list" allowBlank="1"${prompt} showErrorMessage="1" errorStyle="${v.allowOther ? "warning" : "stop"}" sqref="${rangeAddress(v.range)}"><formula1>${escapeXml(formula)}</formula1></dataValidation>`;
}
