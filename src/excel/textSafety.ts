/**
 * Text safety: imported text never becomes a formula. The one place that decides how strings are
 * written to cells.
 *
 * What Office.js documents (Range.values, https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member):
 * a string that starts with "=", "+" or "-" is interpreted as a formula. OWASP's CSV-injection
 * list adds "@", tab and CR.
 *
 * The choice: every string cell gets the Text number format "@" in the same batch, just before its
 * value. Excel documents that a Text-formatted cell keeps what is entered as text (Microsoft
 * Support, "Format numbers as text"), and the cell stays text when a user edits it later. Office.js
 * does not document whether this holds for `Range.values` on every platform: the simulator applies
 * the documented rule, and this file is the one place to change if a platform disagrees. The leading-apostrophe alternative was
 * rejected: the apostrophe is a display marker that Office.js drops on reading `formulas`, so a
 * read-and-write-back by any add-in turns the text into a live formula again (office-js #6687),
 * and it is not part of the value our tests or the .xlsx renderer could compare.
 * Non-string cells get `null` (unchanged, i.e. General) so numbers stay numbers.
 */
import type { CellValue } from "../workbook/plan";

export const TEXT_NUMBER_FORMAT = "@";

/** Strings Excel (or another spreadsheet) could take as a formula or a command. */
export function isFormulaLike(s: string): boolean {
  return /^[=+\-@\t\r]/.test(s);
}

export interface SafeWrite {
  /** Written first: "@" on string cells, null (unchanged) elsewhere. */
  numberFormat: (string | null)[][];
  /** Written second. null leaves the (new, empty) cell empty. */
  values: (string | number | boolean | null)[][];
}

export function safeRow(row: readonly CellValue[]): {
  numberFormat: (string | null)[];
  values: CellValue[];
} {
  const numberFormat = new Array<string | null>(row.length);
  const values = new Array<CellValue>(row.length);
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (typeof v === "string") {
      numberFormat[i] = TEXT_NUMBER_FORMAT;
      values[i] = v;
    } else if (typeof v === "number" && !Number.isFinite(v)) {
      // NaN/Infinity cannot be sent as JSON: show them as text.
      numberFormat[i] = TEXT_NUMBER_FORMAT;
      values[i] = String(v);
    } else {
      numberFormat[i] = null;
      values[i] = v ?? null;
    }
  }
  return { numberFormat, values };
}

export function safeWrite(rows: readonly (readonly CellValue[])[]): SafeWrite {
  const out: SafeWrite = { numberFormat: [], values: [] };
  for (const r of rows) {
    const s = safeRow(r);
    out.numberFormat.push(s.numberFormat);
    out.values.push(s.values);
  }
  return out;
}
