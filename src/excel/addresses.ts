/** A1 addresses and sheet-name quoting, for links, validation sources and chart positions. */

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

export function cellA1(row: number, column: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(column)}${d}${row + 1}`;
}

export function rangeA1(
  r: { row: number; column: number; rowCount: number; columnCount: number },
  absolute = false
): string {
  const a = cellA1(r.row, r.column, absolute);
  if (r.rowCount === 1 && r.columnCount === 1) return a;
  return `${a}:${cellA1(r.row + r.rowCount - 1, r.column + r.columnCount - 1, absolute)}`;
}

/** Always quote: Japanese names, spaces and parentheses all need it, and quoting is always valid. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
