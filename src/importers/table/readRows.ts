/**
 * Stage 5 of readPlanTable: the data rows below the header → drafts. Blank rows, heading rows,
 * 章/節/項 columns, the combined cell split at its markers, optional text columns as the column
 * table lists them, extra columns carried; formula-like and over-long cells flagged.
 * This loop runs once per row (100,000 rows in the bench): column indices are constants, read once.
 */
import { EXCEL_CELL_LIMIT } from "../../domain/cellLimit";
import { COLUMNS, type ColumnFill, type ColumnTable } from "../../domain/columns";
import { splitCombinedCell } from "../../domain/headers";
import { parseHeadingCell } from "../../domain/headings";
import { isWellFormedLabel, normalizeLabel } from "../../domain/labels";
import { countMeasure, record, type Ledger } from "../../domain/ledger";
import type { MeasureDraft, Problem } from "../../domain/model";
import { isReposted } from "../../domain/reposted";
import { firstNonSpaceCode, isWhiteSpaceOnly, squash } from "../../domain/text";
import { applyHeading, type HeadingTrail } from "./headingsAbove";
import type { ColumnMap, ExtraColumn } from "./mapColumns";

/** Excel's limit for one cell. */
export const MAX_CELL_LENGTH = EXCEL_CELL_LIMIT;
/** First characters (after white space) a spreadsheet takes for a formula. */
const FORMULA_START = new Set(["=", "+", "-", "@"].map((c) => c.charCodeAt(0)));

function cellText(row: readonly string[] | undefined, c: number | undefined): string {
  if (!row || c === undefined) return "";
  return row[c] ?? "";
}

export interface RowsPlace {
  base: { file: string; sheet?: string };
  firstRow: number;
  firstColumn: number;
}

export interface RowsRead {
  drafts: MeasureDraft[];
  /** The year of the first next-plan marker in a combined cell ("<2024 年度年次計画>"). */
  markerYear: number | undefined;
}

/** The grid column of the (first) mapped column whose fill matches, or undefined. */
function columnFilling(
  cols: ColumnMap,
  columns: ColumnTable,
  as: ColumnFill<string>["as"],
  field?: string
): number | undefined {
  for (const spec of columns) {
    if (
      spec.fill.as !== as ||
      (field !== undefined && "field" in spec.fill && spec.fill.field !== field)
    )
      continue;
    const c = cols[spec.role]?.c;
    if (c !== undefined) return c;
  }
  return undefined;
}

/**
 * Rows below the header row `h`. `header` names each column (for problems); `trail` holds the
 * headings read above the header and is followed here. Problems are pushed onto `problems`, in
 * row order; every non-blank cell is counted in the ledger.
 */
export function readRows(
  rows: readonly string[][],
  h: number,
  header: readonly string[],
  cols: ColumnMap,
  extraCols: readonly ExtraColumn[],
  trail: HeadingTrail,
  at: RowsPlace,
  ledger: Ledger,
  problems: Problem[],
  columns: ColumnTable = COLUMNS
): RowsRead {
  const { base, firstRow, firstColumn } = at;
  const cLabel = columnFilling(cols, columns, "itemNumber");
  const cOwners = columnFilling(cols, columns, "owners");
  const cPlan = columnFilling(cols, columns, "text", "plan");
  const cCombined = columnFilling(cols, columns, "combined");
  const cResults = columnFilling(cols, columns, "text", "results");
  const cNextPlan = columnFilling(cols, columns, "text", "nextPlan");
  const cChapter = columnFilling(cols, columns, "heading", "chapter");
  const cSection = columnFilling(cols, columns, "heading", "section");
  const cSubsection = columnFilling(cols, columns, "heading", "subsection");
  const cStatus = columnFilling(cols, columns, "status");
  const cReposted = columnFilling(cols, columns, "yesNo", "reposted");
  // Optional text columns (備考, and any a column table adds): field and grid column.
  const optional: { c: number; field: string }[] = [];
  for (const spec of columns) {
    const c = cols[spec.role]?.c;
    if (spec.fill.as === "optionalText" && c !== undefined)
      optional.push({ c, field: spec.fill.field });
  }
  // Headings stand at the left (in the 項番 or a heading column), never in a text column or 備考.
  const headingColumnLimit = Math.max(cLabel ?? 0, cChapter ?? 0, cSection ?? 0, cSubsection ?? 0);
  const drafts: MeasureDraft[] = [];
  // A row's source: { file, sheet?, row } like base (built without a spread: this runs once per row).
  const file = base.file;
  const sheet = base.sheet;
  const sourceOf = (row: number): MeasureDraft["source"] =>
    sheet !== undefined ? { file, sheet, row } : { file, row };
  let { chapter, section, subsection } = trail;
  const follow = (text: string): boolean => {
    const t: HeadingTrail = { chapter, section, subsection };
    if (!applyHeading(t, text)) return false;
    ({ chapter, section, subsection } = t);
    return true;
  };
  let pendingBlank: number[] = [];
  let markerYear: number | undefined;
  for (let r = h + 1; r < rows.length; r++) {
    const row = rows[r];
    const rowNo = firstRow + r;
    // Non-blank cells: how many, and the first (a blank row has none; a heading row has one).
    let filledCount = 0;
    let firstFilled = -1;
    for (let c = 0; c < row.length; c++) {
      // A hole in a sparse row counts as blank, as every() and filter() skipped it.
      const v = row[c] as string | undefined;
      if (v !== undefined && !isWhiteSpaceOnly(v) && filledCount++ === 0) firstFilled = c;
    }
    if (filledCount === 0) {
      pendingBlank.push(rowNo);
      continue;
    }
    // Blank rows count only between rows with content (trailing empty lines are not a problem).
    for (const b of pendingBlank)
      problems.push({ code: "blank-row", severity: "info", ...base, row: b });
    pendingBlank = [];

    // Cell checks: formula-like text and cells Excel cannot hold.
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      const formulaLike = FORMULA_START.has(firstNonSpaceCode(v));
      if (!formulaLike && v.length <= MAX_CELL_LENGTH) continue;
      const loc = {
        ...base,
        row: rowNo,
        column: header[c] || undefined,
        columnIndex: firstColumn + c,
      };
      if (formulaLike) {
        problems.push({
          code: "formula-like",
          severity: "info",
          ...loc,
          params: { value: v.trim().slice(0, 40) },
        });
      }
      if (v.length > MAX_CELL_LENGTH) {
        problems.push({
          code: "cell-too-long",
          severity: "error",
          ...loc,
          params: { length: v.length, max: MAX_CELL_LENGTH },
        });
      }
    }

    // A heading row: one non-empty cell holding "2 …", "2.1 …" or "(1) …", not a 項番.
    if (
      filledCount === 1 &&
      firstFilled <= headingColumnLimit &&
      !isWellFormedLabel(normalizeLabel(row[firstFilled])) &&
      follow(row[firstFilled])
    ) {
      record(ledger, {
        place: "heading",
        what: "heading",
        text: row[firstFilled],
        row: rowNo,
        columnIndex: firstColumn + firstFilled,
      });
      continue;
    }

    // 章/節/項 columns: a blank cell means "as above" (merged cells leave only the top one filled).
    const chapCell = parseHeadingCell("chapter", cellText(row, cChapter));
    const secCell = parseHeadingCell("section", cellText(row, cSection));
    const subCell = parseHeadingCell("subsection", cellText(row, cSubsection));
    if (chapCell) {
      if (!chapter || squash(chapCell.number) !== squash(chapter.number)) {
        section = null;
        subsection = null;
      }
      chapter = chapCell;
    }
    if (secCell) {
      if (!section || secCell.number !== section.number) subsection = null;
      section = secCell;
    }
    if (subCell) subsection = subCell;

    const label = cellText(row, cLabel).trim();
    const plan = cellText(row, cPlan);
    let results: string;
    let nextPlan: string;
    if (cCombined !== undefined) {
      const split = splitCombinedCell(cellText(row, cCombined));
      results = split.results;
      nextPlan = split.nextPlan;
      if (split.nextYear !== undefined && markerYear === undefined) markerYear = split.nextYear;
    } else {
      results = cellText(row, cResults);
      nextPlan = cellText(row, cNextPlan);
    }
    const reposted = isReposted({
      itemNumber: label,
      texts: [plan, cellText(row, cCombined), results, nextPlan],
      column: cellText(row, cReposted),
    });
    const draft: MeasureDraft = {
      label,
      chapter,
      section,
      subsection,
      ownersText: cellText(row, cOwners).trim(),
      plan: plan.trim(),
      results: results.trim(),
      nextPlan: nextPlan.trim(),
      reposted,
      source: sourceOf(rowNo),
      confidence: 1,
    };
    const status = cellText(row, cStatus).trim();
    if (cStatus !== undefined && status !== "") draft.statusOverride = status;
    for (let o = 0; o < optional.length; o++) {
      const v = cellText(row, optional[o].c).trim();
      if (v !== "") (draft as unknown as Record<string, string>)[optional[o].field] = v;
    }
    let extraFilled = 0;
    for (let x = 0; x < extraCols.length; x++) {
      const v = row[extraCols[x].c] as string | undefined;
      if (v === undefined || isWhiteSpaceOnly(v)) continue;
      (draft.extra ??= {})[extraCols[x].name] = v.trim();
      extraFilled++;
    }
    countMeasure(ledger, filledCount - extraFilled);
    ledger.total += extraFilled;
    ledger.counts.extra += extraFilled;
    drafts.push(draft);
  }
  return { drafts, markerYear };
}
