/**
 * Page-header removal: split report text into pages at the repeated page title, read the
 * edition's fiscal years and the chapter from each header, drop footers, web-page junk before
 * the first header, and the pages of other appendices (別添3, 別添4).
 */
import type { FiscalYears, HeadingRef } from "../../domain/model";
import { matchMinistry } from "../../domain/ministries";
import { squash } from "../../domain/text";
import { APPENDIX, CHAPTER_LINE, FOOTER, LABEL, OUR_APPENDIX, TITLE } from "./rules";

/** A line of the input with its 1-based line number in the text as given. */
export interface SourceLine {
  text: string;
  line: number;
}

export interface Page {
  /** 1-based, in the order the pages come in the text. */
  index: number;
  years: FiscalYears | null;
  /** The chapter named in this page's header, if any. */
  chapter: HeadingRef | null;
  /** The page's lines without its header and footer (labels printed before the header included). */
  body: SourceLine[];
  /** Line number of the page title (or of the first body line when there is no title). */
  firstLine: number;
}

export interface PageSplit {
  pages: Page[];
  /** Lines skipped as belonging to other appendices (別添3, 別添4). */
  otherAppendixLines: number;
  /** Lines before the first page header (web-page junk around a copied page). */
  preambleLines: number;
}

const isBlank = (s: string) => s.trim() === "" || s.trim() === "\f";
const isAppendix2Alone = (s: string) => squash(s) === `別添${OUR_APPENDIX}`;
const isTitle = (s: string) => TITLE.test(squash(s));

/** A line that may be printed between the previous page's end and this page's header: a label (with owner), an owner, 別添2. */
function mayPrecedeHeader(s: string): boolean {
  if (isBlank(s) || isAppendix2Alone(s)) return true;
  const k = s.normalize("NFKC").trim();
  return LABEL.test(k) || matchMinistry(k) !== null;
}

function otherAppendix(s: string): boolean {
  if (FOOTER.test(squash(s))) return false;
  const m = APPENDIX.exec(s.normalize("NFKC").trim());
  return m !== null && Number(m[1]) !== OUR_APPENDIX;
}

function chapterOf(s: string): HeadingRef | null {
  const m = CHAPTER_LINE.exec(s.normalize("NFKC").trim());
  return m ? { number: m[1], title: m[2].trim() } : null;
}

export function splitPages(text: string): PageSplit {
  const lines: SourceLine[] = text
    .split(/\r\n|\r|\n/u)
    .map((t, i) => ({ text: t.replace(/\f/gu, ""), line: i + 1 }));
  const formFeed = new Set(
    text.split(/\r\n|\r|\n/u).flatMap((t, i) => (t.includes("\f") ? [i] : []))
  );
  const titles = lines.flatMap((l, i) => (isTitle(l.text) ? [i] : []));

  // Where each page starts: at its title, or earlier when labels were printed before the header.
  const starts: number[] = [];
  titles.forEach((t, k) => {
    const floor = k === 0 ? 0 : titles[k - 1] + 2;
    let s = t;
    while (s - 1 >= floor && mayPrecedeHeader(lines[s - 1].text) && !formFeed.has(s)) s--;
    starts.push(s);
  });
  if (starts.length === 0) starts.push(0);

  const pages: Page[] = [];
  let otherAppendixLines = 0;
  starts.forEach((start, k) => {
    const end = k + 1 < starts.length ? starts[k + 1] : lines.length;
    const titleIdx = titles[k];
    const body: SourceLine[] = [];
    let years: FiscalYears | null = null;
    let chapter: HeadingRef | null = null;
    let skipping = false;
    for (let i = start; i < end; i++) {
      const l = lines[i];
      if (i === titleIdx) {
        const m = TITLE.exec(squash(l.text));
        if (m) years = { plan: Number(m[1]), next: Number(m[2]) };
        // The chapter line follows the title (blank lines allowed).
        let j = i + 1;
        while (j < end && isBlank(lines[j].text)) j++;
        const ch = j < end ? chapterOf(lines[j].text) : null;
        if (ch) {
          chapter = ch;
          i = j;
        }
        continue;
      }
      if (otherAppendix(l.text)) skipping = true;
      if (skipping) {
        otherAppendixLines++;
        continue;
      }
      const k2 = squash(l.text);
      if (isAppendix2Alone(l.text) || FOOTER.test(k2)) continue;
      body.push(l);
    }
    pages.push({
      index: k + 1,
      years,
      chapter,
      body,
      firstLine: titleIdx !== undefined ? lines[titleIdx].line : (body[0]?.line ?? 1),
    });
  });
  return { pages, otherAppendixLines, preambleLines: titles.length > 0 ? starts[0] : 0 };
}
