/**
 * Page-header removal: split report text into pages at the repeated page title, read the
 * edition's fiscal years and the chapter from each header, drop footers, web-page junk before
 * the first header, and the pages of other appendices (別添3, 別添4).
 */
import type { FiscalYears, HeadingRef } from "../../domain/model";
import type { LedgerPlace } from "../../domain/ledger";
import { matchMinistry } from "../../domain/ministries";
import { squash } from "../../domain/text";
import { appendixOf, hasCellMarker, isFooter, startsWithLabel } from "./lineRules";
import { CHAPTER_LINE, CLAUSE_END, OUR_APPENDIX, TITLE } from "./rules";

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

/** A line the page splitter placed itself (title, chapter line, footer…) or left over (text before the first page). */
export interface PlacedLine extends SourceLine {
  place: LedgerPlace;
  what: string;
  /** 1-based page, when the line is on one. */
  page?: number;
}

export interface PageSplit {
  /** Lines not in any page body, each with where it went. */
  placed: PlacedLine[];
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
  return startsWithLabel(k) || matchMinistry(k) !== null;
}

function otherAppendix(s: string): boolean {
  if (isFooter(s)) return false;
  const n = appendixOf(s);
  return n !== null && n !== OUR_APPENDIX;
}

function chapterOf(s: string): HeadingRef | null {
  const m = CHAPTER_LINE.exec(s.normalize("NFKC").trim());
  return m ? { number: m[1], title: m[2].trim() } : null;
}

/** A chapter line at a page top without a running title above it: a title of some length, not a sentence. */
function bareChapterOf(s: string): HeadingRef | null {
  const ch = chapterOf(s);
  return ch && [...squash(ch.title)].length >= 4 && !CLAUSE_END.test(ch.title) ? ch : null;
}

/** Text before the first running title that is a page of the table (a chapter line, a label, a cell marker), not web-page junk. */
function isTablePage(lines: readonly SourceLine[]): boolean {
  const first = lines.find((l) => !isBlank(l.text));
  if (first && bareChapterOf(first.text)) return true;
  return lines.some((l) => startsWithLabel(l.text) || hasCellMarker(l.text));
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
  const placed: PlacedLine[] = [];
  // Pages: from each start to the next; each with its title line, if it has one.
  const defs: { start: number; title?: number }[] = starts.map((start, k) => ({
    start,
    title: titles[k],
  }));
  // A form feed (pdftotext's page break, or between files given together) starts a page even
  // without a running title after it (a page that opens with its chapter line).
  for (const f of [...formFeed].sort((x, y) => x - y)) {
    if (f === 0 || defs.some((d) => d.start <= f && f <= (d.title ?? d.start))) continue;
    const next = defs.findIndex((d) => d.start > f);
    const upTo = next < 0 ? lines.length : defs[next].start;
    // Nothing but blank lines or what may precede a title before the next page: no page of its own.
    if (lines.slice(f, upTo).every((l) => mayPrecedeHeader(l.text))) continue;
    defs.splice(next < 0 ? defs.length : next, 0, { start: f });
  }
  if (defs.length === 0) defs.push({ start: 0 });
  else if (defs[0].start > 0) {
    // Text before the first title: a page of its own when it holds the table (a page that opens
    // with its chapter line, the title cut off), else web-page junk, kept as located problems.
    const before = lines.slice(0, defs[0].start);
    if (isTablePage(before)) defs.unshift({ start: 0 });
    else
      for (const l of before)
        if (!isBlank(l.text))
          placed.push(
            isAppendix2Alone(l.text) || isFooter(l.text)
              ? { ...l, place: "furniture", what: "page-furniture" }
              : { ...l, place: "problem", what: "preamble" }
          );
  }

  const pages: Page[] = [];
  let otherAppendixLines = 0;
  defs.forEach(({ start, title: titleIdx }, k) => {
    const end = k + 1 < defs.length ? defs[k + 1].start : lines.length;
    const body: SourceLine[] = [];
    let years: FiscalYears | null = null;
    let chapter: HeadingRef | null = null;
    let skipping = false;
    for (let i = start; i < end; i++) {
      const l = lines[i];
      const page = k + 1;
      if (i === titleIdx) {
        const m = TITLE.exec(squash(l.text));
        if (m) years = { plan: Number(m[1]), next: Number(m[2]) };
        placed.push({ ...l, page, place: "furniture", what: "running-title" });
        // The chapter line follows the title (blank lines allowed).
        let j = i + 1;
        while (j < end && isBlank(lines[j].text)) j++;
        const ch = j < end ? chapterOf(lines[j].text) : null;
        if (ch) {
          chapter = ch;
          placed.push({ ...lines[j], page, place: "heading", what: "chapter" });
          i = j;
        }
        continue;
      }
      if (titleIdx === undefined && chapter === null && body.every((b) => isBlank(b.text))) {
        // A page top without its running title: the chapter line is still the chapter.
        const ch = isBlank(l.text) ? null : bareChapterOf(l.text);
        if (ch) {
          chapter = ch;
          placed.push({ ...l, page, place: "heading", what: "chapter" });
          continue;
        }
      }
      if (otherAppendix(l.text)) skipping = true;
      if (skipping) {
        otherAppendixLines++;
        if (!isBlank(l.text))
          placed.push({ ...l, page, place: "furniture", what: "other-appendix" });
        continue;
      }
      const footer = isFooter(l.text);
      if (footer || isAppendix2Alone(l.text)) {
        placed.push({
          ...l,
          page,
          place: "furniture",
          what: footer ? "page-number" : "page-furniture",
        });
        continue;
      }
      body.push(l);
    }
    pages.push({
      index: k + 1,
      years,
      chapter,
      body,
      firstLine: titleIdx !== undefined ? lines[titleIdx].line : (lines[start]?.line ?? 1),
    });
  });
  return { pages, placed, otherAppendixLines, preambleLines: defs[0].start };
}
