/**
 * Stage 4 of readPlanTable: the rows above the header. Titles (and the fiscal years they name),
 * the chapter/section line under the title, the upper row of a two-row header; any other text is
 * kept as a located problem, never dropped.
 */
import { COLUMNS, type ColumnTable } from "../../domain/columns";
import { parseHeading } from "../../domain/headings";
import { record, type Ledger } from "../../domain/ledger";
import type { FiscalYears, HeadingRef, Problem } from "../../domain/model";
import { isWhiteSpaceOnly, squash } from "../../domain/text";
import { TITLE_YEARS } from "../reportText/rules";
import { coreRoles } from "./findHeader";

/** "別添2" alone above the table: the appendix's name, page furniture. */
const APPENDIX_ALONE = /^別添\d{1,2}$/u;

/** The headings in force: a chapter line resets the section and sub-section below it. */
export interface HeadingTrail {
  chapter: HeadingRef | null;
  section: HeadingRef | null;
  subsection: HeadingRef | null;
}

export const emptyTrail = (): HeadingTrail => ({ chapter: null, section: null, subsection: null });

/** Follow a heading line ("2 …", "2.1 …", "(1) …"); false when the text is none. */
export function applyHeading(trail: HeadingTrail, text: string): boolean {
  const p = parseHeading(text);
  if (!p) return false;
  if (p.level === "chapter") {
    trail.chapter = p.heading;
    trail.section = null;
    trail.subsection = null;
  } else if (p.level === "section") {
    trail.section = p.heading;
    trail.subsection = null;
    // "2.1" implies chapter 2 when no chapter line was seen.
    const chap = p.heading.number.split(".")[0];
    if (!trail.chapter || trail.chapter.number !== chap)
      trail.chapter = { number: chap, title: "" };
  } else trail.subsection = p.heading;
  return true;
}

export interface AboveHeader {
  trail: HeadingTrail;
  /** The fiscal years a title row names. */
  titleYears: FiscalYears | null;
  problems: Problem[];
}

/** Rows [0, top) of the grid, recorded in the ledger: titles, headings, header rows, unplaced text. */
export function headingsAbove(
  rows: readonly string[][],
  top: number,
  at: { base: { file: string; sheet?: string }; firstRow: number; firstColumn: number },
  ledger: Ledger,
  columns: ColumnTable = COLUMNS
): AboveHeader {
  const { base, firstRow, firstColumn } = at;
  const trail = emptyTrail();
  const problems: Problem[] = [];
  let titleYears: FiscalYears | null = null;
  for (let r = 0; r < top; r++) {
    const row = rows[r];
    const texts = row.filter((v) => v.trim() !== "");
    // The upper row of a header merged over two rows (the lower one names the columns): table header too.
    if (coreRoles(row, columns).size >= 2) {
      for (let c = 0; c < row.length; c++)
        if (row[c] !== undefined && !isWhiteSpaceOnly(row[c]))
          record(ledger, {
            place: "furniture",
            what: "table-header",
            text: row[c],
            row: firstRow + r,
            columnIndex: firstColumn + c,
          });
      continue;
    }
    for (let c = 0; c < row.length; c++) {
      const v = row[c] as string | undefined;
      if (v === undefined || isWhiteSpaceOnly(v)) continue;
      const place = { text: v, row: firstRow + r, columnIndex: firstColumn + c };
      const ty = TITLE_YEARS.exec(squash(v));
      if (ty) {
        titleYears = { plan: Number(ty[1]), next: Number(ty[2]) };
        record(ledger, { place: "furniture", what: "title", ...place });
      } else if (APPENDIX_ALONE.test(squash(v)))
        record(ledger, { place: "furniture", what: "title", ...place });
      else if (texts.length === 1 && applyHeading(trail, v))
        record(ledger, { place: "heading", what: "heading", ...place });
      else {
        // Text above the table that is no title or heading (a sender's name, a date): kept as a problem, never dropped.
        record(ledger, { place: "problem", what: "unplaced-text", ...place });
        problems.push({
          code: "unplaced-text",
          severity: "info",
          ...base,
          row: place.row,
          columnIndex: place.columnIndex,
          params: { text: v.trim().slice(0, 200) },
        });
      }
    }
  }
  return { trail, titleYears, problems };
}
