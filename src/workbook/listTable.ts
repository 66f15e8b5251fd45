/**
 * The start and the end of a list of measures under a header row (a ministry's sheet, 年度比較): the link column
 * coloured as links for its first `linkRows` rows, each row as tall as its text, the columns'
 * widths, and the print setup repeating the header. One place, so both lists print and read alike.
 */
import { range, rowHeightFor } from "./geometry";
import type { CellValue, SheetPlan } from "./plan";
import { LINK_FORMAT, tablePrint } from "./sheetPlan";

/**
 * The list's header and rows at `top` as an Excel table (one blank row when there are none: a
 * table needs a body), wrapped and top-aligned. Returns how many body rows the table has.
 */
export function putListTable(
  sheet: SheetPlan,
  top: number,
  name: string,
  header: readonly CellValue[],
  rows: readonly CellValue[][]
): number {
  const body = rows.length > 0 ? rows : [header.map(() => "" as CellValue)];
  sheet.blocks.push({ row: top, column: 0, values: [[...header], ...body] });
  sheet.tables.push({
    name,
    range: range(top, 0, body.length + 1, header.length),
    style: "TableStyleMedium2",
  });
  sheet.formats.push({
    range: range(top + 1, 0, body.length, header.length),
    format: { wrap: true, vertical: "top" },
  });
  return body.length;
}

export function finishListTable(
  sheet: SheetPlan,
  headerRow: number,
  rows: readonly CellValue[][],
  widths: readonly number[],
  link: { column: number; rows: number }
): void {
  if (link.rows > 0)
    sheet.formats.push({
      range: range(headerRow + 1, link.column, link.rows, 1),
      format: LINK_FORMAT,
    });
  rows.forEach((r, i) => {
    const h = rowHeightFor(r, [...widths]);
    if (h > 18) sheet.rowHeights.push({ row: headerRow + 1 + i, height: h });
  });
  sheet.columns = widths.map((width, column) => ({ column, width }));
  sheet.print = tablePrint(sheet, headerRow);
}
