/**
 * Import plan tables from PDF. pdf.js gives text runs with positions and the page's drawn
 * borders; pageGrid.ts turns the pages into the cell grid a spreadsheet would give, and that grid
 * goes through the same table reader as CSV and .xlsx (readPlanTable: the same header rules,
 * headings and problems). The report's own layout (別添2) is one case of this. Pages with no
 * header the reader knows are read as report text; a PDF where that finds nothing either says
 * plainly that it holds no plan table, and a PDF without text that it needs OCR.
 */
import { BudgetExceeded, DEFAULT_BUDGETS, overBudgetProblem, type ImportBudgets } from "../budgets";
import type { Problem } from "../../domain/model";
import { readPlanTable } from "../table/readTable";
import type { ImportResult } from "../../domain/importResult";
import { importReportText } from "../reportText";
import { buildPdfGrid, type FurnitureLine, type PdfGrid } from "./pageGrid";
import { locateTextLedger, pagesAsText, pdfGridLedger } from "./pdfLedger";
import { readPdfText, type PdfPageText } from "./textItems";

export { configurePdfjs } from "./pdfjs";
export type { FurnitureLine } from "./pageGrid";

export interface PdfImportResult extends ImportResult {
  /** Lines recognised as page furniture (running title, page numbers, repeated header, quoted strategy box, other appendices). */
  furniture: FurnitureLine[];
}

export async function importReportPdf(
  bytes: Uint8Array,
  file: string,
  budgets: ImportBudgets = DEFAULT_BUDGETS
): Promise<PdfImportResult> {
  return importReportPdfs([{ file, bytes }], budgets);
}

/** "1–3, 5": page numbers as a person writes them. */
function pageList(pages: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j] + 1) j++;
    out.push(j > i ? `${pages[i]}–${pages[j]}` : String(pages[i]));
    i = j;
  }
  return out.join(", ");
}

/**
 * Several PDFs given together (pages 18-19 in one file, 20-21 in another) are one report: their
 * pages are read in order, so a row running over from one file to the next is whole.
 */
export async function importReportPdfs(
  parts: readonly { file: string; bytes: Uint8Array }[],
  budgets: ImportBudgets = DEFAULT_BUDGETS
): Promise<PdfImportResult> {
  const pages: (PdfPageText & { file: string })[] = [];
  const problems: Problem[] = [];
  for (const part of parts) {
    let read: PdfPageText[];
    try {
      read = await readPdfText(part.bytes, budgets);
    } catch (e) {
      if (e instanceof BudgetExceeded) {
        problems.push(overBudgetProblem(part.file, e));
        continue;
      }
      problems.push({
        code: "unreadable-file",
        severity: "error",
        file: part.file,
        params: { reason: "pdf", detail: e instanceof Error ? e.message : String(e) },
      });
      continue;
    }
    if (read.every((p) => p.runs.length === 0)) {
      problems.push({
        code: "no-table-found",
        severity: "error",
        file: part.file,
        params: { reason: "no-text-layer", pages: read.length },
      });
      continue;
    }
    pages.push(...read.map((p) => ({ ...p, file: part.file })));
  }
  if (pages.length === 0) return { drafts: [], problems, fiscalYears: null, furniture: [] };
  // Internally pages are numbered across all files; users count them per file.
  const numbered = pages.map((p, i) => ({ ...p, page: i + 1 }));
  const result = importPdfPages(numbered);
  const where = <T extends { file: string; page?: number }>(x: T): T => {
    const pg = x.page !== undefined ? pages[x.page - 1] : undefined;
    return pg ? { ...x, file: pg.file, page: pg.page } : x;
  };
  return {
    ...result,
    drafts: result.drafts.map((d) => ({ ...d, source: where(d.source) })),
    problems: [...problems, ...result.problems.map(where)],
    furniture: result.furniture.map((f) => where({ ...f, file: f.file ?? "" })),
    ...(result.ledger
      ? {
          ledger: {
            ...result.ledger,
            entries: result.ledger.entries.map((e) =>
              where({ ...e, file: e.file ?? file0(pages) })
            ),
          },
        }
      : {}),
  };
}

const file0 = (pages: readonly { file: string }[]) => pages[0]?.file ?? "";

/**
 * Pages already read (text runs and borders), in order: the import after pdf.js (pages built by
 * hand in tests). The pages become a cell grid (pageGrid.ts) read by the table reader
 * (`readGridPages`); without a header the table reader knows, they are read as report text
 * (`readPagesAsReportText`).
 */
export function importPdfPages(pages: (PdfPageText & { file: string })[]): PdfImportResult {
  const file = pages[0].file;
  const built = buildPdfGrid(pages, file);
  return built.grid
    ? readGridPages(pages, built, built.grid, file)
    : readPagesAsReportText(pages, built, file);
}

/**
 * No header the table reader knows on any page: the text may still be the report's (its header
 * split in pieces); when that finds nothing either, there is no plan table here.
 */
function readPagesAsReportText(
  pages: readonly PdfPageText[],
  built: PdfGrid,
  file: string
): PdfImportResult {
  const { text, at } = pagesAsText(pages);
  const r = importReportText(text, file);
  // Lines of the text are lines of the PDF's pages: problems and the ledger say which.
  r.problems = r.problems.map((p) => {
    const where = p.line !== undefined ? at[p.line - 1] : undefined;
    return where ? { ...p, page: where.page, line: where.line } : p;
  });
  const ledger = locateTextLedger(r.ledger, at, file);
  if (r.drafts.length > 0) {
    r.problems.unshift(...built.problems, {
      code: "ambiguous-layout",
      severity: "info",
      file,
      page: 1,
      params: { reason: "pdf-columns-not-found" },
    });
    return { ...r, ledger, furniture: built.furniture };
  }
  const looked = pageList(built.pagesRead.map((n) => pages[n - 1].page));
  return {
    drafts: [],
    problems: [
      ...built.problems,
      {
        code: "no-table-found",
        severity: "error",
        file,
        params: { reason: "no-plan-table", pages: looked },
      },
    ],
    fiscalYears: null,
    ...(ledger ? { ledger } : {}),
    furniture: built.furniture,
  };
}

/** The grid read by the table reader; rows and problems located by page and line (grid rows mean nothing to a reader of the PDF). */
function readGridPages(
  pages: readonly PdfPageText[],
  built: PdfGrid,
  grid: string[][],
  file: string
): PdfImportResult {
  const read = readPlanTable(grid, { file });
  const locate = (row: number | undefined) => (row !== undefined ? built.at[row - 1] : undefined);
  const drafts = read.drafts.map((d) => {
    const at = locate(d.source.row);
    return at ? { ...d, source: { file, page: at.page, line: at.line } } : d;
  });
  const readProblems = read.problems.map((p) => {
    const at = locate(p.row);
    if (!at) return p;
    const { row: _row, ...rest } = p;
    return { ...rest, page: at.page, line: at.line };
  });
  const lost: Problem[] = [];
  const ledger = pdfGridLedger(read.ledger, built.at, grid, built.furniture, pages, file, lost);
  return {
    ...read,
    drafts,
    problems: [
      ...built.problems,
      ...readProblems,
      ...lost,
      ...furnitureNote(built.furniture, file),
    ],
    ledger,
    furniture: built.furniture,
  };
}

/** An info counting the furniture lines taken out, by kind (none when there are none). */
function furnitureNote(furniture: readonly FurnitureLine[], file: string): Problem[] {
  const counts = new Map<string, number>();
  for (const f of furniture) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return counts.size > 0
    ? [
        {
          code: "ambiguous-layout",
          severity: "info",
          file,
          params: { reason: "pdf-furniture", ...Object.fromEntries(counts) },
        },
      ]
    : [];
}
