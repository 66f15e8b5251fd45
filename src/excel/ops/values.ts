/**
 * Cell values, written as 2-D arrays per block (never cell by cell), each string cell made Text
 * first (textSafety.ts). Blocks are cut into row slices so a request stays under the limit, and
 * into at most MAX_ROWS_PER_WRITE rows each: bulk writes of a few thousand rows have failed with
 * GeneralException on the web (office-js-docs-reference #354, office-js #1012).
 */
import { estimate, jsonBytes, PIECE_BYTES_PER_CELL } from "../batching/payload";
import { safeRow } from "../textSafety";
import type { CellValue } from "../../workbook/plan";
import type { ApplyEnv, Op } from "./env";

export const MAX_ROWS_PER_WRITE = 5000;

type Prop = "values" | "numberFormat";

interface RowArrays {
  sheetKey: string;
  row: number;
  column: number;
  columnCount: number;
  arrays: { prop: Prop; rows: unknown[][] }[];
  rowBytes: number[];
}

class RowSliceOp implements Op {
  readonly bytes: number;
  constructor(
    private readonly data: RowArrays,
    private readonly start: number,
    private readonly end: number
  ) {
    this.bytes = RowSliceOp.overhead(data) + sum(data.rowBytes, start, end);
  }

  static overhead(d: RowArrays): number {
    // One range, and per array its `_ValidateArraySize` and the first piece's paths.
    return estimate(3 * d.arrays.length, 1 + 3 * d.arrays.length, 2 * d.arrays.length, 1);
  }

  apply(env: ApplyEnv): void {
    const d = this.data;
    const range = env
      .sheet(d.sheetKey)
      .getRangeByIndexes(d.row + this.start, d.column, this.end - this.start, d.columnCount);
    for (const a of d.arrays) {
      const slice =
        this.start === 0 && this.end === a.rows.length
          ? a.rows
          : a.rows.slice(this.start, this.end);
      (range as unknown as Record<Prop, unknown[][]>)[a.prop] = slice;
    }
  }

  splitHead(maxBytes: number): [Op, Op] | null {
    let room = maxBytes - RowSliceOp.overhead(this.data);
    let k = this.start;
    while (k < this.end && this.data.rowBytes[k] <= room) {
      room -= this.data.rowBytes[k];
      k++;
    }
    if (k === this.start || k === this.end) return null;
    return [new RowSliceOp(this.data, this.start, k), new RowSliceOp(this.data, k, this.end)];
  }
}

/** A row's share of the library's row pieces, for `arrays` arrays of `columns` cells a row. */
function pieceBytes(arrays: number, columns: number): number {
  return Math.ceil(arrays * columns * PIECE_BYTES_PER_CELL);
}

function sum(a: number[], from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i];
  return s;
}

function sliceOps(data: RowArrays): Op[] {
  const ops: Op[] = [];
  for (let start = 0; start < data.rowBytes.length; start += MAX_ROWS_PER_WRITE)
    ops.push(
      new RowSliceOp(data, start, Math.min(start + MAX_ROWS_PER_WRITE, data.rowBytes.length))
    );
  return ops;
}

/** Text format then values, for one block of the plan. */
export function valueOps(
  sheetKey: string,
  block: { row: number; column: number; values: CellValue[][] }
): Op[] {
  if (block.values.length === 0) return [];
  const columnCount = Math.max(...block.values.map((r) => r.length));
  if (columnCount === 0) return [];
  const numberFormat: (string | null)[][] = [];
  const values: CellValue[][] = [];
  const rowBytes: number[] = [];
  for (const raw of block.values) {
    // Ragged rows are padded: Office.js requires the array to match the range exactly.
    const row =
      raw.length === columnCount
        ? raw
        : [...raw, ...new Array<CellValue>(columnCount - raw.length).fill(null)];
    const s = safeRow(row);
    numberFormat.push(s.numberFormat);
    values.push(s.values);
    rowBytes.push(jsonBytes(s.numberFormat) + jsonBytes(s.values) + 2 + pieceBytes(2, columnCount));
  }
  return sliceOps({
    sheetKey,
    row: block.row,
    column: block.column,
    columnCount,
    arrays: [
      { prop: "numberFormat", rows: numberFormat },
      { prop: "values", rows: values },
    ],
    rowBytes,
  });
}

/** A number format over a range (Office.js takes one entry per cell). */
export function numberFormatOps(
  sheetKey: string,
  range: { row: number; column: number; rowCount: number; columnCount: number },
  format: string
): Op[] {
  const row = new Array<string>(range.columnCount).fill(format);
  const rows = Array.from({ length: range.rowCount }, () => row);
  const bytes = jsonBytes(row) + 1 + pieceBytes(1, range.columnCount);
  return sliceOps({
    sheetKey,
    row: range.row,
    column: range.column,
    columnCount: range.columnCount,
    arrays: [{ prop: "numberFormat", rows }],
    rowBytes: new Array<number>(range.rowCount).fill(bytes),
  });
}
