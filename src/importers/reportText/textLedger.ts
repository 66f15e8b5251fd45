/**
 * The report-text ledger: where each line of the text went (measure, heading, furniture, or a
 * located problem), so that nothing is lost unseen.
 */
import type { Problem } from "../../domain/model";
import {
  countMeasure,
  emptyLedger,
  record,
  type Ledger,
  type LedgerPlace,
} from "../../domain/ledger";
import type { PagesEvent } from "./events";
import type { Page, PageSplit } from "./pages";
import type { RowBuilder } from "./rows";

export type LinePlaces = Map<number, { place: LedgerPlace; what: string }>;

/** A line feeding several events goes to the strongest place. */
const RANK: Record<LedgerPlace, number> = {
  measure: 4,
  extra: 4,
  heading: 3,
  furniture: 2,
  problem: 1,
};

/**
 * The events fed to the row builder page by page, and each line's place: as the page splitter
 * placed it, as its event says, or (owners, (再掲) lines) as the builder used it.
 */
export function feedRows(
  split: PageSplit,
  events: readonly PagesEvent[],
  builder: RowBuilder
): LinePlaces {
  const placeOf: LinePlaces = new Map();
  const place = (line: number, p: LedgerPlace, what: string) => {
    const had = placeOf.get(line);
    if (!had || RANK[p] > RANK[had.place]) placeOf.set(line, { place: p, what });
  };
  const chapters = new Map(split.pages.map((p) => [p.index, p.chapter]));
  for (const l of split.placed) place(l.line, l.place, l.what);
  for (const e of events) {
    if (e.kind === "page") builder.startPage(e.page, chapters.get(e.page) ?? null);
    else {
      builder.event(e);
      if (e.kind === "consumed") place(e.at.line, e.place, e.what);
      else if (e.kind === "section" || e.kind === "subsection" || e.kind === "circled")
        place(e.at.line, "heading", e.kind);
      // Every label becomes a measure (assigned to a row, or kept as an empty measure); content always lands in a row.
      else if (e.kind === "label" || e.kind === "content") place(e.at.line, "measure", e.kind);
    }
  }
  for (const line of builder.ownerLines) place(line, "measure", "owner");
  const strayLines = new Set(builder.strays.map((x) => x.at.line));
  for (const e of events)
    if ((e.kind === "reposted" || e.kind === "owner") && !strayLines.has(e.at.line))
      place(e.at.line, "measure", e.kind);
  return placeOf;
}

/**
 * Every non-blank line of the text in its place. A line no reader placed becomes an
 * "unplaced-text" warning with its page, line and text (or, when the file has no table at all,
 * falls under the file's no-table-found error): never dropped.
 */
export function buildLedger(
  text: string,
  pages: readonly Page[],
  placeOf: ReadonlyMap<number, { place: LedgerPlace; what: string }>,
  file: string,
  problems: Problem[],
  unplaced: "unplaced-text" | "no-table-found"
): Ledger {
  const ledger = emptyLedger();
  const pageOf = new Map<number, number>();
  for (const p of pages) {
    pageOf.set(p.firstLine, p.index);
    for (const l of p.body) pageOf.set(l.line, p.index);
  }
  let page: number | undefined;
  text.split(/\r\n|\r|\n/u).forEach((raw, i) => {
    const line = i + 1;
    page = pageOf.get(line) ?? page;
    const t = raw.replace(/\f/gu, "");
    if (t.trim() === "") return;
    const p = placeOf.get(line);
    if (p?.place === "measure") return countMeasure(ledger);
    const at = { text: t, line, ...(page !== undefined ? { page } : {}) };
    if (p && p.place !== "problem") return record(ledger, { place: p.place, what: p.what, ...at });
    record(ledger, { place: "problem", what: unplaced, ...at });
    if (unplaced === "unplaced-text")
      // Text before the first page (a web page around a copied page) is outside the table: info; inside a page: a warning.
      problems.push({
        code: "unplaced-text",
        severity: p?.what === "preamble" ? "info" : "warning",
        file,
        ...(page !== undefined ? { page } : {}),
        line,
        params: { text: t.trim().slice(0, 200) },
      });
  });
  return ledger;
}
