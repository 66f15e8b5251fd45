/**
 * The table's header in a PDF: every header band on the pages read (found with the table
 * reader's rules), the first one as the table's, and the column edges under it.
 */
import { matchHeader } from "../../domain/headers";
import { columnEdges, findHeaders, type HeaderBand, type PdfLine } from "./layout";
import type { PdfPageText } from "./textItems";

export interface TableHeader {
  /** Header bands per page (the first one's and those printed again on later pages). */
  bands: HeaderBand[][];
  /** Index of the page with the table's header, and that header. */
  page: number;
  header: HeaderBand;
  /** Left edge of each column after the first. */
  edges: number[];
  /** The header cells' texts, left to right. */
  texts: string[];
  /** Index of the 担当府省庁 column (-1 without one). */
  ownersColumn: number;
}

/** Null when no page read has a header the table reader knows. */
export function tableHeader(
  pages: readonly PdfPageText[],
  lines: readonly (readonly PdfLine[])[],
  ours: readonly boolean[]
): TableHeader | null {
  const bands = lines.map((ls, i) => (ours[i] ? findHeaders(ls, pages[i].rules) : []));
  const page = bands.findIndex((h) => h.length > 0);
  if (page < 0) return null;
  const header = bands[page][0];
  const headerLines = lines[page].slice(header.first, header.last + 1);
  const headerY =
    (headerLines[0].y + headerLines[headerLines.length - 1].y) / 2 +
    0.3 * headerLines[0].runs[0].size;
  const bodyRuns = lines.flatMap((ls, i) => (ours[i] ? ls.flatMap((l) => l.runs) : []));
  const edges = columnEdges(header, headerY, pages[page].rules, bodyRuns);
  const texts = header.columns.map((c) => c.text);
  const ownersColumn = texts.findIndex((t) => matchHeader(t)?.role === "owners");
  return { bands, page, header, edges, texts, ownersColumn };
}
