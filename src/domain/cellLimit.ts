/**
 * Excel's limit of 32,767 characters a cell, counted on the text as written (UTF-16 code units, as
 * Excel counts), never after escaping for a file format. A cut never splits a surrogate pair. The
 * measures keep their whole text (`measures --json`); only what is written to a cell is cut, the
 * same in the .xlsx and through Office.js, and the cell-too-long problem says how much.
 */
export const EXCEL_CELL_LIMIT = 32767;

/** The text as it fits one cell, and how many characters were cut (0 when it fits). */
export function fitCell(text: string, limit = EXCEL_CELL_LIMIT): { text: string; cut: number } {
  if (text.length <= limit) return { text, cut: 0 };
  let end = limit;
  // A high surrogate as the last unit kept would leave half a character (shown as �): keep it out.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return { text: text.slice(0, end), cut: text.length - end };
}
