/**
 * Page furniture of a PDF: lines that are not table content (running title, page numbers, the
 * header printed again, the quoted strategy box, other appendices), each listed with its kind so
 * nothing is lost unseen.
 */
import { squash } from "../../domain/text";
import { isPageNumber } from "../reportText/lineRules";
import type { DrawnRules } from "./drawnRules";
import { columnAt, drawnAt, lineText, overhang, runEnd, type PdfLine } from "./layout";
import type { PdfPageText } from "./textItems";

export type FurnitureKind =
  "running-title" | "page-number" | "repeated-header" | "strategy-box" | "other-appendix";

/** A line that is not table content, and why. */
export interface FurnitureLine {
  kind: FurnitureKind;
  page: number;
  line: number;
  text: string;
  /** Set when several files are read as one. */
  file?: string;
}

/** Top and bottom share of the page where running titles and page numbers stand. */
const MARGIN = 0.15;

/** A page's borders include the table's column edges (the table is ruled on this page). */
export const isRuled = (rules: DrawnRules, edges: readonly number[]): boolean =>
  rules.vertical.some((v) => edges.some((e) => Math.abs(v.at - e) <= 2));

/**
 * A line inside the table's cells is content, however often it repeats: inside drawn column
 * borders, or (without borders) within one column right of the first.
 */
export function inCell(rules: DrawnRules, edges: readonly number[], l: PdfLine): boolean {
  if (isRuled(rules, edges))
    return edges.some((e) => drawnAt(rules, e, l.y + 0.3 * l.runs[0].size));
  const first = columnAt(edges, l.runs[0].x);
  return first > 0 && l.runs.every((r) => columnAt(edges, runEnd(r) - overhang(r)) === first);
}

/**
 * Running titles and page numbers: in the page's top or bottom margin, the same line on several
 * pages, or a page number alone. The first page's title above the header stays: it names the
 * years. `ours` says which pages are read; `firstHeader` where the table's header is (page index
 * and index of its first line).
 */
export function marginFurniture(
  pages: readonly PdfPageText[],
  lines: readonly (readonly PdfLine[])[],
  ours: readonly boolean[],
  edges: readonly number[],
  firstHeader: { page: number; first: number }
): (page: number, l: PdfLine) => FurnitureKind | null {
  const aboveHeader = (i: number, l: PdfLine) =>
    i === firstHeader.page && l.index - 1 < firstHeader.first;
  const margin = (p: PdfPageText, l: PdfLine) =>
    l.y > p.height * (1 - MARGIN) || l.y < p.height * MARGIN;
  const seen = new Map<string, number>();
  const keyOf = (l: PdfLine) => `${squash(lineText(l))}@${Math.round(l.y / 3)}`;
  lines.forEach((ls, i) => {
    if (!ours[i]) return;
    for (const k of new Set(ls.filter((l) => margin(pages[i], l)).map(keyOf)))
      seen.set(k, (seen.get(k) ?? 0) + 1);
  });
  return (i, l) => {
    const rules = pages[i].rules;
    if (!margin(pages[i], l)) return null;
    if (isPageNumber(lineText(l)) && !(isRuled(rules, edges) && inCell(rules, edges, l)))
      return "page-number";
    if ((seen.get(keyOf(l)) ?? 0) > 1 && !aboveHeader(i, l) && !inCell(rules, edges, l))
      return "running-title";
    return null;
  };
}
