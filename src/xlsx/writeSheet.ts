/**
 * One SheetPlan as worksheet XML, written row by row into the zip: values as inline strings
 * (the workbook's sharedStrings.xml is never touched), styles from the workbook's StyleSheet,
 * panes, widths, heights, conditional formats, dropdowns, internal links, print setup, the
 * generated-sheet markers, the drawing and the tables. Elements in the schema's order
 * (ECMA-376 Part 1, CT_Worksheet): Excel refuses a file whose elements are out of order.
 */
import { fitCell } from "../domain/cellLimit";
import { isJsSpace } from "../domain/whiteSpace";
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

/**
 * One scan finds everything a text may need changed (cellText's cases and the XML specials): the
 * common case, a long Japanese text with none of them, is one regexp test.
 */
const NEEDS_CHANGE =
  /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
const XML_SPECIAL = /[&<>]/g;
const XML_ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** XML white space at either end, which a reader drops unless xml:space="preserve" says otherwise. */
export function hasEdgeSpace(s: string): boolean {
  if (s.length === 0) return false;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(s.length - 1);
  return isJsSpace(a) || isJsSpace(b);
}
/** A cell's text as the content of its `<t>`: cellText, then XML-escaped. */
export function cellContent(v: string): string {
  if (v.length <= MAX_CELL_TEXT && !NEEDS_CHANGE.test(v)) return v;
  const s = cellText(v);
  return s.includes("<") || s.includes("&") || s.includes(">")
    ? s.replace(XML_SPECIAL, (c) => XML_ENTITY[c])
    : s;
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
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The sheet's XML, whole: for tests and small sheets. */
export function writeSheetXml(
  sheet: SheetPlan,
  ctx: SheetContext,
  write: (text: string) => void
): void {
  for (const piece of sheetXmlPieces(sheet, ctx)) write(piece);
}

/**
 * The sheet's XML in pieces (rows come ROWS_PER_PIECE at a time): the caller hands each to the
 * zip and may pause between them (to let compression catch up, or to see a cancel).
 */
export function* sheetXmlPieces(sheet: SheetPlan, ctx: SheetContext): Generator<string, void> {
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

  yield `${XML_HEADER}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`;
  const fit = sheet.print?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : "";
  const tab = sheet.tabColor
    ? `<tabColor rgb="FF${sheet.tabColor.replace("#", "").toUpperCase()}"/>`
    : "";
  if (tab || fit) yield `<sheetPr>${tab}${fit}</sheetPr>`;
  yield `<dimension ref="${rowCount > 0 && columnCount > 0 ? `A1:${letters[columnCount - 1]}${rowCount}` : "A1"}"/>`;
  yield `<sheetViews><sheetView${ctx.selected ? ' tabSelected="1"' : ""} workbookViewId="0">${pane(sheet)}</sheetView></sheetViews>`;
  yield '<sheetFormatPr defaultRowHeight="15"/>';
  if (sheet.columns.length > 0) {
    const cols = [...sheet.columns].sort((a, b) => a.column - b.column);
    yield `<cols>${cols
      .map(
        (c) =>
          `<col min="${c.column + 1}" max="${c.column + 1}" width="${c.width}" customWidth="1"${c.hidden ? ' hidden="1"' : ""}/>`
      )
      .join("")}</cols>`;
  }

  yield "<sheetData>";
  yield* rowPieces(sheet, grid, rowCount, columnCount, letters, heights, ctx);
  yield "</sheetData>";

  let priority = 1;
  for (const cf of sheet.conditionalFormats)
    yield `<conditionalFormatting sqref="${rangeAddress(cf.range)}"><cfRule type="expression" dxfId="${ctx.styles.differentialStyle(cf.format)}" priority="${priority++}"><formula>${escapeXml(cf.formula.replace(/^=/, ""))}</formula></cfRule></conditionalFormatting>`;
  if (sheet.validations.length > 0)
    yield `<dataValidations count="${sheet.validations.length}">${sheet.validations.map((v) => validationXml(v, ctx.names)).join("")}</dataValidations>`;
  if (sheet.links.length > 0) {
    const links = sheet.links.map((l) => {
      const target = `${quoteSheetName(sheetNameOf(ctx.names, l.target.sheetKey))}!${cellAddress(l.target.cell)}`;
      const tooltip = l.tooltip ? ` tooltip="${escapeXml(l.tooltip)}"` : "";
      return `<hyperlink ref="${cellAddress(l.at)}" location="${escapeXml(target)}"${tooltip}/>`;
    });
    yield `<hyperlinks>${links.join("")}</hyperlinks>`;
  }
  yield '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  if (sheet.print) {
    // SpreadsheetML paper size codes (ECMA-376 CT_PageSetup): 8 = A3, 9 = A4.
    const fitTo = sheet.print.fitToWidth
      ? ` fitToWidth="1" fitToHeight="${sheet.print.fitToHeight ? 1 : 0}"`
      : "";
    yield `<pageSetup paperSize="${sheet.print.paperSize === "A3" ? 8 : 9}" orientation="${sheet.print.orientation}"${fitTo}/>`;
  }
  const { rels } = ctx;
  if (rels.customProperties.length > 0)
    yield `<customProperties>${rels.customProperties.map((p) => `<customPr name="${escapeXml(p.name)}" r:id="${p.relId}"/>`).join("")}</customProperties>`;
  if (rels.drawing) yield `<drawing r:id="${rels.drawing}"/>`;
  if (rels.tables.length > 0)
    yield `<tableParts count="${rels.tables.length}">${rels.tables.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`;
  yield "</worksheet>";
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

const ROWS_PER_PIECE = 128;

/**
 * The rows, with each cell's style from the formats covering it (later formats win, property by
 * property). Formats are few and large, so the styles of a row's columns are computed once per
 * distinct set of formats covering a row, not per cell; with them the constant parts of each
 * column's cell tags, so that a cell is five pieces: its tag's start, its row number, the rest of
 * its tag, its value and its end.
 */
function* rowPieces(
  sheet: SheetPlan,
  grid: CellValue[][],
  rowCount: number,
  columnCount: number,
  letters: string[],
  heights: ReadonlyMap<number, number>,
  ctx: SheetContext
): Generator<string, void> {
  interface RowStyles {
    /** Style of a text cell, per column. */
    text: number[];
    /** Style of a number or boolean cell, per column. */
    other: number[];
    /** After a text cell's row number: `" s="N" t="inlineStr"><is><t>`. */
    textOpen: string[];
    /** The same with xml:space="preserve", for text with white space at an end. */
    textOpenPreserve: string[];
    /** After a number cell's row number: `" s="N"><v>`. */
    numberOpen: string[];
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
      const text = columns.map((f) => ctx.styles.cellStyle(f, true));
      const other = columns.map((f) => ctx.styles.cellStyle(f, false));
      styles = {
        text,
        other,
        textOpen: text.map((s) => `" s="${s}" t="inlineStr"><is><t>`),
        textOpenPreserve: text.map((s) => `" s="${s}" t="inlineStr"><is><t xml:space="preserve">`),
        numberOpen: other.map((s) => `" s="${s}"><v>`),
        formatted: columns.map((f) => f !== undefined),
      };
      byCover.set(key, styles);
    }
    return styles;
  };
  const cellOpen = letters.map((l) => `<c r="${l}`);

  // Rows concatenated into one string per piece: V8 keeps it as a rope until the zip encodes it
  // (measured faster than an array of pieces joined once, now that the zip encodes each piece
  // straight into its buffer).
  let out = "";
  let rowsInPiece = 0;
  for (let r = 0; r < rowCount; r++) {
    const line = grid[r];
    const height = heights.get(r);
    const styles = styleRow(r);
    const rowNumber = String(r + 1);
    let cells = "";
    if (line)
      for (let c = 0; c < columnCount; c++) {
        const v = line[c];
        if (typeof v === "string") {
          const text = cellContent(v);
          cells +=
            cellOpen[c] +
            rowNumber +
            (hasEdgeSpace(text) ? styles.textOpenPreserve[c] : styles.textOpen[c]) +
            text +
            "</t></is></c>";
        } else if (typeof v === "number") {
          cells += Number.isFinite(v)
            ? cellOpen[c] + rowNumber + styles.numberOpen[c] + String(v) + "</v></c>"
            : cellOpen[c] + rowNumber + styles.textOpen[c] + String(v) + "</t></is></c>";
        } else if (typeof v === "boolean") {
          cells += `${cellOpen[c]}${rowNumber}" s="${styles.other[c]}" t="b"><v>${v ? 1 : 0}</v></c>`;
        } else if (styles.formatted[c]) {
          // A formatted cell without a value (e.g. the template's empty input rows): text format.
          cells += `${cellOpen[c]}${rowNumber}" s="${styles.text[c]}"/>`;
        }
      }
    else
      for (let c = 0; c < columnCount; c++)
        if (styles.formatted[c]) cells += `${cellOpen[c]}${rowNumber}" s="${styles.text[c]}"/>`;
    if (cells === "" && height === undefined) continue;
    out +=
      (height !== undefined
        ? `<row r="${rowNumber}" ht="${height}" customHeight="1">`
        : `<row r="${rowNumber}">`) +
      cells +
      "</row>";
    if (++rowsInPiece >= ROWS_PER_PIECE) {
      yield out;
      out = "";
      rowsInPiece = 0;
    }
  }
  if (out !== "") yield out;
}

function validationXml(v: ValidationPlan, names: SheetNames): string {
  const formula =
    v.list.kind === "inline"
      ? `"${v.list.values.join(",")}"`
      : `${quoteSheetName(sheetNameOf(names, v.list.sheetKey))}!${rangeAddress(v.list.range, true)}`;
  const prompt = v.prompt ? ` showInputMessage="1" prompt="${escapeXml(v.prompt)}"` : "";
  return `<dataValidation type="list" allowBlank="1"${prompt} showErrorMessage="1" errorStyle="${v.allowOther ? "warning" : "stop"}" sqref="${rangeAddress(v.range)}"><formula1>${escapeXml(formula)}</formula1></dataValidation>`;
}
