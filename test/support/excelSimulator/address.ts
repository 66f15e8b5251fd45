/** A1 addresses for the simulator (independent of the renderer's own helpers, so each checks the other). */
import { simError } from "./errors";

export interface Rect {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export function columnLetters(column: number): string {
  let n = column + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

export function rectA1(r: Rect): string {
  const a = cellA1(r.row, r.column);
  if (r.rowCount === 1 && r.columnCount === 1) return a;
  return `${a}:${cellA1(r.row + r.rowCount - 1, r.column + r.columnCount - 1)}`;
}

/** Sheet names in addresses are quoted with apostrophes, an apostrophe inside doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function parseCell(s: string): { row: number; column: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(s.trim());
  if (!m) return null;
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1 || row > MAX_ROWS || column > MAX_COLUMNS) return null;
  return { row: row - 1, column: column - 1 };
}

/** Splits "'Sheet name'!A1:B2" or "Sheet1!A1" or "A1:B2" into sheet name (or null) and rectangle. */
export function parseAddress(address: string): { sheet: string | null; rect: Rect } {
  let sheet: string | null = null;
  let rest = address.trim();
  if (rest.startsWith("=")) rest = rest.slice(1);
  const bang = rest.lastIndexOf("!");
  if (bang >= 0) {
    let s = rest.slice(0, bang);
    if (s.startsWith("'") && s.endsWith("'")) s = s.slice(1, -1).replace(/''/g, "'");
    sheet = s;
    rest = rest.slice(bang + 1);
  }
  const parts = rest.split(":");
  const a = parseCell(parts[0]);
  const b = parts.length > 1 ? parseCell(parts[1]) : a;
  if (!a || !b || parts.length > 2)
    throw simError("InvalidArgument", `Invalid address: ${address}`);
  const row = Math.min(a.row, b.row);
  const column = Math.min(a.column, b.column);
  return {
    sheet,
    rect: {
      row,
      column,
      rowCount: Math.abs(a.row - b.row) + 1,
      columnCount: Math.abs(a.column - b.column) + 1,
    },
  };
}

export function rectsOverlap(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.column < b.column + b.columnCount &&
    b.column < a.column + a.columnCount
  );
}

export function rectContains(r: Rect, row: number, column: number): boolean {
  return (
    row >= r.row &&
    row < r.row + r.rowCount &&
    column >= r.column &&
    column < r.column + r.columnCount
  );
}
