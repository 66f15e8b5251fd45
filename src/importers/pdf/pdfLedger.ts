/**
 * The ledger of a PDF import (domain/ledger.ts): the grid's cells as the table reader placed them
 * (located back to page and line), every furniture line, and, as a safety net, any text line of a
 * page whose characters reached neither the grid nor the furniture: an `unplaced-text` problem
 * with its page, line and text, so nothing read is lost unseen.
 */
import { emptyLedger, mergeLedgers, record, type Ledger } from "../../domain/ledger";
import type { Problem } from "../../domain/model";
import { squash } from "../../domain/text";
import { groupLines, lineText } from "./layout";
import type { FurnitureLine } from "./pageGrid";
import type { PdfPageText } from "./textItems";

/** Characters as the ledger compares them: NFKC, whitespace removed. */
const charsOf = (s: string) => [...squash(s)];

/** Text lines of the pages whose characters the grid and furniture do not hold (in reading order). */
function linesLost(
  pages: readonly PdfPageText[],
  grid: readonly (readonly string[])[],
  furniture: readonly FurnitureLine[]
): { page: number; line: number; text: string }[] {
  const pool = new Map<string, number>();
  const add = (s: string) => {
    for (const c of charsOf(s)) pool.set(c, (pool.get(c) ?? 0) + 1);
  };
  for (const row of grid) for (const cell of row) add(cell);
  for (const f of furniture) add(f.text);
  const lost: { page: number; line: number; text: string }[] = [];
  for (const p of pages)
    for (const l of groupLines(p.runs)) {
      let whole = true;
      for (const c of charsOf(lineText(l))) {
        const n = pool.get(c) ?? 0;
        if (n > 0) pool.set(c, n - 1);
        else whole = false;
      }
      if (!whole) lost.push({ page: p.page, line: l.index, text: lineText(l) });
    }
  return lost;
}

/**
 * The ledger of a PDF read as a grid: `read` is the table reader's ledger (rows of `grid`),
 * located by `at`; furniture lines are added as furniture; lost lines become problems (pushed to
 * `problems` too).
 */
export function pdfGridLedger(
  read: Ledger | undefined,
  at: readonly { page: number; line: number }[],
  grid: readonly (readonly string[])[],
  furniture: readonly FurnitureLine[],
  pages: readonly PdfPageText[],
  file: string,
  problems: Problem[]
): Ledger {
  const ledger = mergeLedgers([read]);
  ledger.entries = ledger.entries.map((e) => {
    const where = e.row !== undefined ? at[e.row - 1] : undefined;
    if (!where) return { ...e, file };
    const { row: _row, ...rest } = e;
    return { ...rest, file, page: where.page, line: where.line };
  });
  const extra = emptyLedger();
  for (const f of furniture)
    record(extra, {
      place: "furniture",
      what: f.kind,
      text: f.text,
      file,
      page: f.page,
      line: f.line,
    });
  for (const l of linesLost(pages, grid, furniture)) {
    record(extra, { place: "problem", what: "unplaced-text", file, ...l });
    problems.push({
      code: "unplaced-text",
      severity: "warning",
      file,
      page: l.page,
      line: l.line,
      params: { text: l.text.slice(0, 200) },
    });
  }
  return mergeLedgers([ledger, extra]);
}

/**
 * Report text made of the pages' lines (pdftotext's form: a form feed alone between pages), and
 * where each of its lines stands in the PDF, so the report-text ledger can be located by page.
 */
export function pagesAsText(pages: readonly PdfPageText[]): {
  text: string;
  at: ({ page: number; line: number } | undefined)[];
} {
  const out: string[] = [];
  const at: ({ page: number; line: number } | undefined)[] = [];
  pages.forEach((p, i) => {
    if (i > 0) {
      out.push("\f");
      at.push(undefined);
    }
    for (const l of groupLines(p.runs)) {
      out.push(lineText(l));
      at.push({ page: p.page, line: l.index });
    }
  });
  return { text: out.join("\n"), at };
}

/** The report-text ledger located in the PDF: page and line on the page instead of the text's line. */
export function locateTextLedger(
  ledger: Ledger | undefined,
  at: readonly ({ page: number; line: number } | undefined)[],
  file: string
): Ledger | undefined {
  if (!ledger) return undefined;
  return {
    ...ledger,
    entries: ledger.entries.map((e) => {
      const where = e.line !== undefined ? at[e.line - 1] : undefined;
      return where ? { ...e, file, page: where.page, line: where.line } : { ...e, file };
    }),
  };
}
