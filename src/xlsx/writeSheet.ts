/**
 * One SheetPlan onto an exceljs worksheet: cells, styles, tables, dropdowns, conditional formats,
 * links, sizes, panes and print setup. Charts and the generated-sheet marker are added later,
 * on the zip (see postProcess.ts), because exceljs cannot write them.
 */
import type * as ExcelJS from "exceljs";
import { fitCell } from "../domain/cellLimit";
import { cellAddress, quoteSheetName, rangeAddress } from "../workbook/geometry";
import type { CellFormat, CellValue, SheetPlan, ValidationPlan } from "../workbook/plan";

/** Excel's limit per cell; longer text would make Excel repair the file. */
export const MAX_CELL_TEXT = 32767;

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/** The exceljs style for a plan format; `text` adds the "@" number format that keeps text text. */
export function excelStyle(f: CellFormat, text: boolean): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (f.bold) font.bold = true;
  if (f.italic) font.italic = true;
  if (f.fontSize) font.size = f.fontSize;
  if (f.fontColor) font.color = { argb: argb(f.fontColor) };
  if (Object.keys(font).length > 0) style.font = font;
  if (f.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(f.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (f.wrap) alignment.wrapText = true;
  if (f.horizontal) alignment.horizontal = f.horizontal;
  if (f.vertical) alignment.vertical = f.vertical === "center" ? "middle" : f.vertical;
  if (Object.keys(alignment).length > 0) style.alignment = alignment;
  if (f.border === "thin") {
    const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFA6A6A6" } };
    style.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (f.numberFormat) style.numFmt = f.numberFormat;
  else if (text) style.numFmt = "@";
  return style;
}

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
 * character, and XML cannot hold most control characters (exceljs silently drops them): so a
 * literal "_x0041_" is written "_x005F_x0041_", a control character as its `_xHHHH_` escape,
 * a lone surrogate as U+FFFD; text past Excel's 32,767 characters (as written) is cut first.
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
 * A table name not yet used in the workbook (names are unique per workbook, ignoring case): a
 * user's sheet kept from a base workbook may already hold one of ours.
 */
export function freeTableName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

export function writeSheet(
  wb: ExcelJS.Workbook,
  sheet: SheetPlan,
  names: SheetNames,
  tableNames: Set<string> = new Set()
): ExcelJS.Worksheet {
  const name = sheetNameOf(names, sheet.key);
  const ws = wb.addWorksheet(name, {
    properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
    state: sheet.hidden ? "hidden" : "visible",
    views:
      sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)
        ? [
            {
              state: "frozen",
              xSplit: sheet.freeze.columns,
              ySplit: sheet.freeze.rows,
              topLeftCell: cellAddress({ row: sheet.freeze.rows, column: sheet.freeze.columns }),
            },
          ]
        : [{}],
  });
  const grid = sheetGrid(sheet);

  // Tables first: exceljs writes their header and rows into the cells itself.
  for (const t of sheet.tables) {
    const rows = grid.slice(t.range.row, t.range.row + t.range.rowCount).map((r) => {
      const out: CellValue[] = [];
      for (let c = 0; c < t.range.columnCount; c++) out.push(r?.[t.range.column + c] ?? null);
      return out;
    });
    const [header, ...body] = rows;
    const name = freeTableName(t.name, tableNames);
    ws.addTable({
      name,
      displayName: name,
      ref: cellAddress({ row: t.range.row, column: t.range.column }),
      headerRow: true,
      totalsRow: false,
      style: { theme: t.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: header.map((h) => ({ name: cellText(String(h ?? "")), filterButton: true })),
      rows: body.map((r) => r.map((v) => (typeof v === "string" ? cellText(v) : v))),
    });
  }

  // Merge the formats per cell, in plan order (later properties win).
  const formats = new Map<number, CellFormat>();
  const at = (r: number, c: number) => r * 16384 + c;
  for (const f of sheet.formats)
    for (let r = f.range.row; r < f.range.row + f.range.rowCount; r++)
      for (let c = f.range.column; c < f.range.column + f.range.columnCount; c++) {
        const k = at(r, c);
        const prev = formats.get(k);
        formats.set(k, prev ? { ...prev, ...f.format } : f.format);
      }

  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleFor = (f: CellFormat | undefined, text: boolean) => {
    const key = `${text ? "t" : "n"}${f ? JSON.stringify(f) : ""}`;
    let s = styles.get(key);
    if (!s) styles.set(key, (s = excelStyle(f ?? {}, text)));
    return s;
  };

  grid.forEach((line, r) => {
    if (!line) return;
    const row = ws.getRow(r + 1);
    line.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const cell = row.getCell(c + 1);
      // A plain string is always a string cell in exceljs (formulas need an object), so text
      // such as "=SUM(A1)" or "+81-3-…" stays text; "@" keeps it text when a user edits it.
      cell.value = typeof v === "string" ? cellText(v) : v;
      const k = at(r, c);
      const f = formats.get(k);
      formats.delete(k);
      cell.style = styleFor(f, typeof v === "string") as ExcelJS.Style;
    });
  });
  // Formatted cells without a value (e.g. the template's empty input rows).
  for (const [k, f] of formats) {
    const cell = ws.getCell(Math.floor(k / 16384) + 1, (k % 16384) + 1);
    cell.style = styleFor(f, true) as ExcelJS.Style;
  }

  for (const link of sheet.links) {
    const cell = ws.getCell(link.at.row + 1, link.at.column + 1);
    const text = link.text ?? String(grid[link.at.row]?.[link.at.column] ?? "");
    const target = `${quoteSheetName(sheetNameOf(names, link.target.sheetKey))}!${cellAddress(link.target.cell)}`;
    cell.value = {
      text: cellText(text),
      hyperlink: `#${target}`,
      ...(link.tooltip ? { tooltip: link.tooltip } : {}),
    };
  }

  for (const c of sheet.columns) {
    const col = ws.getColumn(c.column + 1);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
  }
  for (const h of sheet.rowHeights) ws.getRow(h.row + 1).height = h.height;

  // `dataValidations.add` works in exceljs 4.4 but is missing from its typings.
  const validations = (
    ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  for (const v of sheet.validations) validations.add(rangeAddress(v.range), validation(v, names));

  let priority = 1;
  for (const cf of sheet.conditionalFormats) {
    const fill = cf.format.fill
      ? {
          type: "pattern" as const,
          pattern: "solid" as const,
          fgColor: { argb: argb(cf.format.fill) },
          bgColor: { argb: argb(cf.format.fill) },
        }
      : undefined;
    const font =
      cf.format.fontColor || cf.format.bold
        ? {
            ...(cf.format.fontColor ? { color: { argb: argb(cf.format.fontColor) } } : {}),
            ...(cf.format.bold ? { bold: true } : {}),
          }
        : undefined;
    ws.addConditionalFormatting({
      ref: rangeAddress(cf.range),
      rules: [
        {
          type: "expression",
          priority: priority++,
          formulae: [cf.formula.replace(/^=/, "")],
          style: { ...(fill ? { fill } : {}), ...(font ? { font } : {}) },
        },
      ],
    });
  }

  if (sheet.print) {
    ws.pageSetup.orientation = sheet.print.orientation;
    // SpreadsheetML paper size codes (ECMA-376 CT_PageSetup): 8 = A3, 9 = A4; exceljs's enum
    // lists A4 but not A3, and writes whatever code it is given.
    ws.pageSetup.paperSize = (sheet.print.paperSize === "A3" ? 8 : 9) as ExcelJS.PaperSize;
    if (sheet.print.fitToWidth) {
      ws.pageSetup.fitToPage = true;
      ws.pageSetup.fitToWidth = 1;
      ws.pageSetup.fitToHeight = sheet.print.fitToHeight ? 1 : 0;
    }
    if (sheet.print.titleRows)
      ws.pageSetup.printTitlesRow = `${sheet.print.titleRows.first + 1}:${sheet.print.titleRows.last + 1}`;
  }
  return ws;
}

function validation(v: ValidationPlan, names: SheetNames): ExcelJS.DataValidation {
  const formula =
    v.list.kind === "inline"
      ? `"${v.list.values.join(",")}"`
      : `${quoteSheetName(sheetNameOf(names, v.list.sheetKey))}!${rangeAddress(v.list.range, true)}`;
  return {
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: v.allowOther ? "warning" : "stop",
    ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
  };
}
