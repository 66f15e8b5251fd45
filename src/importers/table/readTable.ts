/**
 * readPlanTable: a cell grid (CSV rows, an .xlsx sheet, a worksheet's used range) → drafts, in
 * named stages, each in its own file and tested alone:
 * findHeader → mapColumns → requireColumns → headingsAbove → readRows → fiscalYears.
 * The column table (src/domain/columns.ts) says which columns exist and what they fill.
 * Table-level problems (missing/duplicate/blank column headers, blank rows, formula-like and
 * over-long cells) are reported here; measure-level checks are in validate.ts.
 */
import { COLUMNS, type ColumnTable } from "../../domain/columns";
import type { ColumnInfo, ImportResult } from "../../domain/importResult";
import { emptyLedger, record, type Ledger } from "../../domain/ledger";
import type { Problem } from "../../domain/model";
import { isWhiteSpaceOnly } from "../../domain/text";
import { findHeader } from "./findHeader";
import { fiscalYearsOf } from "./fiscalYears";
import { headingsAbove } from "./headingsAbove";
import { carryExtraColumns, mapColumns, publicColumns, type HeaderPlace } from "./mapColumns";
import { readRows } from "./readRows";
import { missingColumnProblems, requireColumns } from "./requireColumns";

export { coreRoles } from "./findHeader";
export { isOldHeader } from "./mapColumns";
export { MAX_CELL_LENGTH } from "./readRows";

export interface TableSource {
  file: string;
  sheet?: string;
  /** 1-based row of grid[0] in the file or sheet (a used range may start lower). Default 1. */
  firstRow?: number;
  /** 1-based column of grid[r][0]. Default 1. */
  firstColumn?: number;
}

/** Every non-blank cell of rows [from, to) as a problem-place entry of the ledger (a table refused whole). */
function ledgerRefused(
  ledger: Ledger,
  rows: readonly string[][],
  from: number,
  to: number,
  firstRow: number,
  firstColumn: number,
  what: string
): void {
  for (let r = from; r < to; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c] as string | undefined;
      if (v !== undefined && !isWhiteSpaceOnly(v))
        record(ledger, {
          place: "problem",
          what,
          text: v,
          row: firstRow + r,
          columnIndex: firstColumn + c,
        });
    }
  }
}

function allStrings(grid: readonly (readonly unknown[])[]): boolean {
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    // A hole counts as not a string: map() below keeps it a hole, so the rows read the same.
    for (let c = 0; c < row.length; c++) if (typeof row[c] !== "string") return false;
  }
  return true;
}

/** The import result's columns (roles of COLUMNS; a test's own table may add roles). */
const reported = (cols: Parameters<typeof publicColumns>[0]) =>
  publicColumns(cols) as ImportResult["columns"] & Partial<Record<string, ColumnInfo>>;

export function readPlanTable(
  grid: string[][],
  source: TableSource,
  columns: ColumnTable = COLUMNS
): ImportResult {
  const firstRow = source.firstRow ?? 1;
  const firstColumn = source.firstColumn ?? 1;
  const base = {
    file: source.file,
    ...(source.sheet !== undefined ? { sheet: source.sheet } : {}),
  };
  const problems: Problem[] = [];
  // Cells as strings; a grid that holds only strings already (CSV) is used as it is, not copied.
  const rows = allStrings(grid)
    ? grid
    : grid.map((r) => r.map((v) => (v == null ? "" : String(v))));
  const ledger = emptyLedger();

  const found = findHeader(rows, columns);
  if (!found) {
    ledgerRefused(ledger, rows, 0, rows.length, firstRow, firstColumn, "no-table-found");
    return {
      drafts: [],
      problems: [{ code: "no-table-found", severity: "error", ...base }],
      fiscalYears: null,
      ledger,
    };
  }
  // From here on, h is the header's last row: data starts below it, titles stand above found.top.
  const h = found.bottom;
  // Header texts for messages: one line ("2023 年度\n年次計画" → "2023 年度 年次計画").
  const header = found.cells.map((v) => v.replace(/\s*[\r\n]+\s*/gu, " ").trim());
  // Cells right of the last header cell (ragged rows) are checked like those under a blank header, not dropped unseen.
  for (let r = h + 1, width = header.length; r < rows.length; r++)
    while (rows[r].length > width) header[width++] = "";
  const at: HeaderPlace = { base, headerRowNo: firstRow + h, firstColumn };

  const mapping = mapColumns(header, rows, h, at, columns);
  const { cols } = mapping;
  problems.push(...mapping.problems);

  const missing = requireColumns(cols, columns);
  // The header rows are the table header: page furniture of the ledger.
  for (let r = found.top; r <= h; r++)
    for (const v of rows[r])
      if (v !== undefined && !isWhiteSpaceOnly(v))
        record(ledger, { place: "furniture", what: "table-header", text: v, row: firstRow + r });
  if (missing.length > 0) {
    ledgerRefused(ledger, rows, 0, found.top, firstRow, firstColumn, "missing-label");
    ledgerRefused(ledger, rows, h + 1, rows.length, firstRow, firstColumn, "missing-label");
    problems.push(...missingColumnProblems(missing, header, at, columns));
    return { drafts: [], problems, fiscalYears: null, columns: reported(cols), ledger };
  }

  const extraCols = carryExtraColumns(header, rows, h, mapping, firstColumn);
  if (extraCols.length > 0)
    problems.push({
      code: "extra-columns",
      severity: "info",
      ...base,
      row: at.headerRowNo,
      params: {
        columns: extraCols.map((x) => `「${x.name}」`).join("、"),
        count: extraCols.length,
      },
    });

  const above = headingsAbove(rows, found.top, { base, firstRow, firstColumn }, ledger, columns);
  problems.push(...above.problems);

  const { drafts, markerYear } = readRows(
    rows,
    h,
    header,
    cols,
    extraCols,
    above.trail,
    { base, firstRow, firstColumn },
    ledger,
    problems,
    columns
  );

  const fiscalYears = fiscalYearsOf(cols, above.titleYears, markerYear);
  // A header and nothing under it is most often the wrong file (an empty template): say so.
  if (drafts.length === 0)
    problems.push({ code: "no-rows", severity: "warning", ...base, row: at.headerRowNo });
  const result: ImportResult = { drafts, problems, fiscalYears, columns: reported(cols), ledger };
  if (extraCols.length > 0) result.extraColumns = extraCols.map((x) => x.name);
  return result;
}
