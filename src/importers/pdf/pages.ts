/** A PDF page's running header (別添N, the title with the years, the chapter line) and footer, taken off its lines. */
import type { FiscalYears, HeadingRef } from "../../domain/model";
import { squash } from "../../domain/text";
import { APPENDIX, CHAPTER_LINE, FOOTER, SECTION, TITLE } from "../reportText/rules";
import { groupLines, lineText, type PdfLine } from "./layout";
import type { PdfPageText } from "./textItems";

export interface PageInfo {
  appendix: number | null;
  years: FiscalYears | null;
  chapter: HeadingRef | null;
  /** Lines of the page without its header and footer. */
  body: PdfLine[];
}

/** The running header (別添N, title with the years, chapter line) and the footer, taken off a page. */
export function readPage(p: PdfPageText): PageInfo {
  const lines = groupLines(p.runs);
  let appendix: number | null = null;
  let years: FiscalYears | null = null;
  let chapter: HeadingRef | null = null;
  const drop = new Set<PdfLine>();
  lines.slice(0, 4).forEach((l, i) => {
    const k = squash(lineText(l));
    const a = APPENDIX.exec(lineText(l).normalize("NFKC"));
    if (a && appendix === null) appendix = Number(a[1]);
    const t = TITLE.exec(k);
    if (t) {
      years = { plan: Number(t[1]), next: Number(t[2]) };
      drop.add(l);
      const next = lines[i + 1];
      const ch = next ? CHAPTER_LINE.exec(lineText(next).normalize("NFKC")) : null;
      if (next && ch && !SECTION.test(lineText(next).normalize("NFKC"))) {
        chapter = { number: ch[1], title: ch[2].trim() };
        drop.add(next);
      }
    } else if (a && i === 0) drop.add(l);
  });
  for (const l of lines) if (FOOTER.test(squash(lineText(l)))) drop.add(l);
  return { appendix, years, chapter, body: lines.filter((l) => !drop.has(l)) };
}
