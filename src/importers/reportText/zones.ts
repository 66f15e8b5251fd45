/**
 * Zones of the page bodies that are not table rows: a quoted strategy box with the headings
 * before it, and the table header printed under it (split over several lines by the PDF's text).
 * Found over all pages at once, since a box may run over a page break.
 */
import { squash } from "../../domain/text";
import { hasCellMarker, isStrategySource } from "./lineRules";
import { isOwnerName } from "./owners";
import type { SourceLine } from "./pages";
import {
  LABEL_AS_PRINTED,
  SECTION,
  SUBSECTION,
  TABLE_HEADER_PIECES,
  TABLE_HEADER_START,
} from "./rules";

/** A body line with the page it is on. */
export interface PagedLine extends SourceLine {
  page: number;
}

/** Line indices [start, end) of a zone, and the index of its table header's first line. */
export interface Zone {
  start: number;
  end: number;
  header: number;
}

const nk = (s: string) => s.normalize("NFKC").trim();
const isBlank = (s: string) => s.trim() === "";

/** Every zone, in order: each ends at the last line of its table header (labels and owners printed in the header's band included). */
export function findZones(lines: readonly PagedLine[]): Zone[] {
  const zones: Zone[] = [];
  let floor = 0;
  for (let h = 0; h < lines.length; h++) {
    if (!TABLE_HEADER_START.test(squash(lines[h].text))) continue;
    const start = zoneStart(lines, h, floor);
    const end = headerEnd(lines, h);
    zones.push({ start, end, header: h });
    floor = end;
    h = end - 1;
  }
  return zones;
}

/** Where the zone of the header at `h` starts: its section heading or strategy box source, or the page top. */
function zoneStart(lines: readonly PagedLine[], h: number, floor: number): number {
  const page = lines[h].page;
  for (let i = floor; i < h; i++) {
    if (lines[i].page < page - 1) continue;
    if (SECTION.test(nk(lines[i].text)) || isStrategySource(lines[i].text)) {
      // A sub-section heading just before the box belongs to it.
      let p = i - 1;
      while (p >= floor && isBlank(lines[p].text)) p--;
      return p >= floor && SUBSECTION.test(nk(lines[p].text)) ? p : i;
    }
  }
  const rowText = (from: number, to: number) =>
    lines
      .slice(from, to)
      .some((l) => hasCellMarker(l.text) || LABEL_AS_PRINTED.test(l.text.trim()));
  const startOf = (pg: number) => {
    let i = h;
    while (i > floor && lines[i - 1].page >= pg) i--;
    return i;
  };
  // A box continued from the previous page fills the page top (and the previous page, when
  // that holds nothing but the box); after row text, only the header is a zone.
  const pageStart = startOf(page);
  const prevStart = startOf(page - 1);
  if (rowText(pageStart, h)) return h;
  return prevStart < pageStart && !rowText(prevStart, pageStart) ? prevStart : pageStart;
}

/** One past the table header's last line: its pieces, blank lines, labels and owners printed beside it. */
function headerEnd(lines: readonly PagedLine[], h: number): number {
  let end = h + 1;
  while (end < lines.length) {
    const t = lines[end].text;
    const k = squash(t);
    if (isBlank(t) || TABLE_HEADER_PIECES.some((p) => p.test(k)) || LABEL_AS_PRINTED.test(t.trim()))
      end++;
    else if (isOwnerName(t) && end > h + 1) end++;
    else break;
  }
  return end;
}

/** The zone holding line i, for i never decreasing between calls (one pass over the zones). */
export function zoneCursor(zones: readonly Zone[]): (i: number) => Zone | undefined {
  let k = 0;
  return (i) => {
    while (k < zones.length && zones[k].end <= i) k++;
    const z = zones[k];
    return z && i >= z.start && i < z.end ? z : undefined;
  };
}
