/** Small helpers for 0-based cell coordinates and for sizing wrapped text. */
import type { CellRef, CellValue, RangeRef } from "./plan";

export function range(
  row: number,
  column: number,
  rowCount: number,
  columnCount: number
): RangeRef {
  return { row, column, rowCount, columnCount };
}

/** "A", "B", … "Z", "AA", … for a 0-based column index. */
export function columnLetter(column: number): string {
  let n = column + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellAddress(cell: CellRef, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetter(cell.column)}${d}${cell.row + 1}`;
}

export function rangeAddress(r: RangeRef, absolute = false): string {
  const from = cellAddress({ row: r.row, column: r.column }, absolute);
  if (r.rowCount === 1 && r.columnCount === 1) return from;
  const to = cellAddress(
    { row: r.row + r.rowCount - 1, column: r.column + r.columnCount - 1 },
    absolute
  );
  return `${from}:${to}`;
}

/** A sheet name quoted for use in a reference: 'ダッシュボード'!$A$1 ('' escapes a quote). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Display width in Excel width units: full-width characters count 2, others 1. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w += c >= 0x1100 && !(c >= 0xff61 && c <= 0xff9f) ? 2 : 1;
  }
  return w;
}

/** Lines a wrapped cell needs at `width` characters (each newline starts a line). */
export function wrappedLines(value: CellValue, width: number): number {
  if (value === null || value === "") return 1;
  const text = String(value);
  const usable = Math.max(1, width - 1);
  let lines = 0;
  for (const line of text.split(/\r?\n/)) lines += Math.max(1, Math.ceil(textWidth(line) / usable));
  return lines;
}

/** Excel's maximum row height in points. */
export const MAX_ROW_HEIGHT = 409;
/** Points per line of 11 pt text (Excel's default row is 15 pt; Japanese glyphs need a bit more). */
export const LINE_HEIGHT = 15;

/** Height in points for a row of wrapped cells; `widths[i]` is the width of column i of `values`. */
export function rowHeightFor(values: CellValue[], widths: number[]): number {
  let lines = 1;
  values.forEach((v, i) => {
    lines = Math.max(lines, wrappedLines(v, widths[i] ?? 10));
  });
  return Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 3);
}
