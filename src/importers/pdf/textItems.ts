/** The text of a PDF as pdf.js gives it: per page, text runs with their position and size (PDF points, y upwards). */
import { BudgetExceeded, DEFAULT_BUDGETS, Deadline, type ImportBudgets } from "../budgets";
import { readDrawnRules, type DrawnRules } from "./drawnRules";
import { loadPdfjs, pdfjsOptions } from "./pdfjs";

export interface TextRun {
  str: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  width: number;
  /** Font size (the run's height). */
  size: number;
}

export interface PdfPageText {
  /** 1-based page number in the PDF. */
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
  /** Borders the page draws (empty for a table without borders). */
  rules: DrawnRules;
}

/** Read every page's text runs. Throws for a file pdf.js cannot open (the caller turns it into a problem). */
export async function readPdfText(bytes: Uint8Array, budgets: ImportBudgets = DEFAULT_BUDGETS): Promise<PdfPageText[]> {
  const deadline = new Deadline(budgets.maxMillis);
  const pdfjs = await loadPdfjs();
  const o = pdfjsOptions();
  // pdf.js takes ownership of the buffer it is given: pass a copy.
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    ...(o.cMapUrl ? { cMapUrl: o.cMapUrl, cMapPacked: true } : {}),
  }).promise;
  try {
    // The page count is known before any page is read: a huge PDF is refused at once.
    if (doc.numPages > budgets.maxPdfPages) throw new BudgetExceeded("maxPdfPages", budgets.maxPdfPages, doc.numPages);
    const pages: PdfPageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      deadline.checkNow();
      const page = await doc.getPage(n);
      const view = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!("str" in item) || item.str.trim() === "") continue;
        const [a, b, , d, e, f] = item.transform as number[];
        runs.push({
          str: item.str,
          x: e,
          y: f,
          width: item.width,
          size: Math.max(Math.hypot(a, b), Math.abs(d), 1),
        });
      }
      // Only pages with text can hold a table: drawings of a scan are not read.
      const rules =
        runs.length > 0
          ? readDrawnRules(await page.getOperatorList(), pdfjs.OPS)
          : { horizontal: [], vertical: [] };
      pages.push({ page: n, width: view.width, height: view.height, runs, rules });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
