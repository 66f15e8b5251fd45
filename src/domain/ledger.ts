/**
 * The ledger of an import: where every non-blank input cell (tables) or line (report text) ended
 * up. Every one is in exactly one place: a measure's field (or an extra column), a heading, page
 * furniture the reader recognised (running title, table header, page number…), or a located
 * problem. Tests check conservation against it; nothing read is ever silently dropped.
 */

export type LedgerPlace = "measure" | "extra" | "heading" | "furniture" | "problem";
export const LEDGER_PLACES: readonly LedgerPlace[] = [
  "measure",
  "extra",
  "heading",
  "furniture",
  "problem",
];

/** One input cell or line that is not in a measure's own field (those are only counted). */
export interface LedgerEntry {
  place: LedgerPlace;
  /** The cell or line as written. */
  text: string;
  /** What it was taken for: "title", "table-header", "page-number", "strategy-box", a heading level, a problem code… */
  what: string;
  /** The file, when an import of several files is located back in each (report text parts). */
  file?: string;
  row?: number;
  columnIndex?: number;
  page?: number;
  line?: number;
}

export interface Ledger {
  /** Non-blank cells (tables) or lines (report text) read. */
  total: number;
  /** How many went to each place; they add up to `total`. */
  counts: Record<LedgerPlace, number>;
  /** Every one not placed in a measure's field, with its text and location (few: kept whole). */
  entries: LedgerEntry[];
}

export function emptyLedger(): Ledger {
  return {
    total: 0,
    counts: { measure: 0, extra: 0, heading: 0, furniture: 0, problem: 0 },
    entries: [],
  };
}

/** Count one cell or line in a measure's own field (not listed: a table has hundreds of thousands). */
export function countMeasure(ledger: Ledger, n = 1): void {
  ledger.total += n;
  ledger.counts.measure += n;
}

/** Record one cell or line placed elsewhere than a measure's field. */
export function record(ledger: Ledger, entry: LedgerEntry): void {
  ledger.total++;
  ledger.counts[entry.place]++;
  ledger.entries.push(entry);
}

/** Several ledgers (parts of one import) as one. */
export function mergeLedgers(ledgers: readonly (Ledger | undefined)[]): Ledger {
  const out = emptyLedger();
  for (const l of ledgers) {
    if (!l) continue;
    out.total += l.total;
    for (const p of LEDGER_PLACES) out.counts[p] += l.counts[p];
    for (const e of l.entries) out.entries.push(e);
  }
  return out;
}
