/**
 * Rows of the PDF table: the cell lines a row collected, label and owner lines moved to the row
 * they belong to, a row holding two labels cut in two, and the right cell split at its markers.
 */
import type { HeadingRef } from "../../domain/model";
import { squash } from "../../domain/text";
import { joinSplitMarkers } from "../reportText/classify";
import { NEXT_PLAN_MARKER, REPOSTED, RESULTS_MARKER } from "../reportText/rules";
import { findInLine, joinCellLines } from "../reportText/textUtil";

export interface Located {
  text: string;
  page: number;
  line: number;
}

export interface PdfRow {
  labels: { label: string; page: number; line: number }[];
  owners: Located[];
  left: Located[];
  right: Located[];
  page: number;
  line: number;
  chapter: HeadingRef | null;
  section: HeadingRef | null;
  subsection: HeadingRef | null;
  /** Split from a row that held two labels: the cut is a guess. */
  unsure?: boolean;
  /** "(再掲)" in the label cell. */
  reposted?: boolean;
}

/** Label and owner lines that come after the last text of a row belong to the next row (labels a little above their row's first line). */
export function moveTrailingLabels(rows: PdfRow[]): void {
  for (let k = 0; k + 1 < rows.length; k++) {
    const row = rows[k];
    const next = rows[k + 1];
    if (next.labels.length > 0) continue;
    const pos = (x: { page: number; line: number }) => x.page * 100000 + x.line;
    const lastText = Math.max(-1, ...[...row.left, ...row.right].map(pos));
    const moving = row.labels.filter((l) => pos(l) > lastText);
    if (moving.length === 0 || moving.length === row.labels.length) continue;
    row.labels = row.labels.filter((l) => !moving.includes(l));
    next.labels.unshift(...moving);
    const owners = row.owners.filter((o) => pos(o) >= pos(moving[0]));
    row.owners = row.owners.filter((o) => !owners.includes(o));
    next.owners.unshift(...owners);
  }
}

/** A row holding two labels (its right cell had no marker to start the second): cut at the second label's line. */
export function splitDoubleLabels(rows: PdfRow[]): { rows: PdfRow[]; warned: PdfRow[] } {
  const out: PdfRow[] = [];
  const warned: PdfRow[] = [];
  const pos = (x: { page: number; line: number }) => x.page * 100000 + x.line;
  for (const row of rows) {
    if (row.labels.length < 2) {
      out.push(row);
      continue;
    }
    const cuts = row.labels.slice(1).map(pos);
    const pieces = row.labels.map((l, n): PdfRow => {
      const lo = n === 0 ? -Infinity : cuts[n - 1];
      const hi = n < cuts.length ? cuts[n] : Infinity;
      const inside = <T extends { page: number; line: number }>(xs: T[]) =>
        xs.filter((x) => pos(x) >= lo && pos(x) < hi);
      return {
        ...row,
        labels: [l],
        owners: inside(row.owners),
        left: inside(row.left),
        right: inside(row.right),
        page: n === 0 ? row.page : l.page,
        line: n === 0 ? row.line : l.line,
        unsure: true,
      };
    });
    warned.push(row);
    out.push(...pieces);
  }
  return { rows: out, warned };
}

/** Right-column lines → results and next-year plan, by their markers; "(再掲)" alone marks the row. */
export function splitRight(lines: Located[]): {
  results: string;
  nextPlan: string;
  reposted: boolean;
  years: Located[];
} {
  const joined = joinSplitMarkers(lines.map((l) => ({ ...l })));
  const results: string[] = [];
  const next: string[] = [];
  const years: Located[] = [];
  let reposted = false;
  let phase: "results" | "next" = "results";
  for (const l of joined) {
    const m = findInLine(l.text, RESULTS_MARKER) ?? findInLine(l.text, NEXT_PLAN_MARKER);
    let text = l.text;
    if (m) {
      phase = RESULTS_MARKER.test(m.match[0]) ? "results" : "next";
      if (phase === "next") years.push({ ...l, text: m.match[1] });
      text = l.text.slice(m.end).trim();
    }
    if (squash(text) === REPOSTED) {
      reposted = true;
      continue;
    }
    if (text !== "") (phase === "results" ? results : next).push(text);
  }
  return { results: joinCellLines(results), nextPlan: joinCellLines(next), reposted, years };
}
