/**
 * Cell assembly: turns the classified lines of all pages into rows. Rows are found by their
 * content (a results marker after a next-year plan, a new plan paragraph after a finished row),
 * not by their labels, since labels come out of place; labels are then given to the rows of their
 * page in order. A row left open at a page end goes on with the next page.
 */
import type { HeadingRef } from "../../domain/model";
import type { LineEvent } from "./events";
import { chooseColumn, splitMixed, type Column, type LayoutState } from "./columns";
import type { SourceLine } from "./pages";
import { SQUASHED_NEXT_PLAN_MARKER, SQUASHED_RESULTS_MARKER, type Widths } from "./rules";
import { endsSentence, findInLine } from "./textUtil";

export type Phase = "none" | "results" | "nextPlan";

export interface CellLine {
  text: string;
  at: SourceLine;
  page: number;
  /** Order of arrival over the whole text. */
  seq: number;
}

export type LabelEvent = Extract<LineEvent, { kind: "label" }> & { page: number };

export interface Row {
  page: number;
  first: SourceLine;
  left: CellLine[];
  results: CellLine[];
  nextPlan: CellLine[];
  phase: Phase;
  /** Pages on which a "(再掲)" line marked this row. */
  repostedOn: number[];
  chapter: HeadingRef | null;
  section: HeadingRef | null;
  subsection: HeadingRef | null;
  /** Lines whose column was a narrow guess. */
  guesses: { page: number; line: number }[];
  /** Pages other than the first that added text. */
  continuedOn: number[];
  /** Next-year-plan markers whose year differs from the edition's. */
  markerYears: { year: number; page: number; line: number }[];
  /** What opened the row: its right cell's marker, a plan paragraph after a finished row, or text after a heading. */
  openedBy: "marker" | "newRow" | "text";
  label?: LabelEvent;
}

export interface PageRows {
  page: number;
  started: Row[];
  labels: LabelEvent[];
  /** The row carried over from the previous page, when this page added text to it. */
  continued: Row | null;
}

export class RowBuilder {
  readonly rows: Row[] = [];
  readonly pages: PageRows[] = [];
  private cur: Row | null = null;
  private page = 0;
  private pageRows: PageRows | null = null;
  /** The last page before this one that has labels (kept as pages end: no search per owner line). */
  private labelledBefore: PageRows | null = null;
  private chapter: HeadingRef | null = null;
  private section: HeadingRef | null = null;
  private subsection: HeadingRef | null = null;
  private rightSinceLeft = 0;
  private lastSingle: Column | null = null;
  private seq = 0;
  /** Owner and (再掲) lines that found no label or row to go with: the ledger reports them. */
  readonly strays: { at: SourceLine; page: number; what: string }[] = [];
  /** Owner lines given to a label (a label on an earlier page when this page has none yet). */
  readonly ownerLines = new Set<number>();

  /** `widths`: the text's measured column widths (columns.ts measureWidths). */
  constructor(private readonly widths?: Widths) {}

  startPage(index: number, chapter: HeadingRef | null): void {
    if (this.pageRows && this.pageRows.labels.length > 0) this.labelledBefore = this.pageRows;
    this.page = index;
    this.pageRows = { page: index, started: [], labels: [], continued: null };
    this.pages.push(this.pageRows);
    if (chapter && chapter.number !== this.chapter?.number) {
      this.chapter = chapter;
      this.section = null;
      this.subsection = null;
    } else if (chapter) this.chapter = chapter;
  }

  event(e: LineEvent): void {
    switch (e.kind) {
      case "zone":
        this.cur = null;
        return;
      case "section":
        this.section = e.heading;
        this.subsection = null;
        return;
      case "subsection":
        this.subsection = e.heading;
        return;
      case "circled":
        // Circled headings structure the quoted strategy, not the table: not part of the 項番.
        return;
      case "label":
        this.pageRows?.labels.push({ ...e, page: this.page });
        return;
      case "owner": {
        const labels = this.pageRows?.labels ?? [];
        // An owner printed at the top of the next page goes with the last label before it, if that has none.
        const before = this.labelledBefore;
        const prev = before?.labels[before.labels.length - 1];
        const last =
          labels[labels.length - 1] ?? (prev && prev.owners.length === 0 ? prev : undefined);
        if (last) {
          last.owners.push(e.name);
          this.ownerLines.add(e.at.line);
        } else this.strays.push({ at: e.at, page: this.page, what: "owner" });
        return;
      }
      case "reposted":
        if (this.cur) this.cur.repostedOn.push(this.page);
        else this.strays.push({ at: e.at, page: this.page, what: "reposted" });
        return;
      case "blank":
      case "consumed":
        return;
      case "content":
        this.content(e.text, e.at);
        return;
    }
  }

  private newRow(at: SourceLine, openedBy: Row["openedBy"]): Row {
    const row: Row = {
      openedBy,
      page: this.page,
      first: at,
      left: [],
      results: [],
      nextPlan: [],
      phase: "none",
      repostedOn: [],
      chapter: this.chapter,
      section: this.section,
      subsection: this.subsection,
      guesses: [],
      continuedOn: [],
      markerYears: [],
    };
    this.rows.push(row);
    this.pageRows?.started.push(row);
    this.cur = row;
    this.rightSinceLeft = 0;
    this.lastSingle = null;
    return row;
  }

  /**
   * A row opened by a plan paragraph that never got a marker, while text follows, was no row: a
   * plan cell's second paragraph (or a next-year plan's second sentence) after a finished row.
   * Its lines go back to the row before, as guesses. The text's last row may simply be cut off.
   */
  mergeFalseStarts(): void {
    for (let k = this.rows.length - 2; k >= 1; k--) {
      const r = this.rows[k];
      if (r.openedBy !== "newRow" || r.phase !== "none") continue;
      const prev = this.rows[k - 1];
      prev.left.push(...r.left);
      for (const l of r.left) prev.guesses.push({ page: l.page, line: l.at.line });
      prev.repostedOn.push(...r.repostedOn);
      for (const p of r.left.map((l) => l.page))
        if (p !== prev.page && !prev.continuedOn.includes(p)) prev.continuedOn.push(p);
      this.rows.splice(k, 1);
      for (const pr of this.pages) pr.started = pr.started.filter((x) => x !== r);
    }
  }

  private touch(row: Row): void {
    if (row.page !== this.page && !row.continuedOn.includes(this.page)) {
      row.continuedOn.push(this.page);
      if (this.pageRows && !this.pageRows.continued && !this.pageRows.started.includes(row))
        this.pageRows.continued = row;
    }
  }

  private addLeft(row: Row, text: string, at: SourceLine): void {
    this.touch(row);
    row.left.push({ text, at, page: this.page, seq: this.seq++ });
    this.rightSinceLeft = 0;
  }

  private addRight(row: Row, text: string, at: SourceLine): void {
    this.touch(row);
    const line = { text, at, page: this.page, seq: this.seq++ };
    if (row.phase === "nextPlan") row.nextPlan.push(line);
    else row.results.push(line);
    this.rightSinceLeft++;
  }

  private layout(row: Row): LayoutState {
    const part = row.phase === "nextPlan" ? row.nextPlan : row.results;
    return {
      left: { available: true, last: row.left.length ? row.left[row.left.length - 1].text : null },
      right: {
        available: row.phase !== "none",
        last: part.length ? part[part.length - 1].text : null,
      },
      rightSinceLeft: this.rightSinceLeft,
      lastSingle: this.lastSingle,
      canStartRow: row.nextPlan.length > 0,
      widths: this.widths,
    };
  }

  /**
   * Column blocks: a plan paragraph that came after the old row's last right-column line, after
   * its plan had ended, is the plan of the row whose marker has just come (it precedes it).
   */
  private takeTrailingPlan(old: Row, row: Row): void {
    const lastRight = Math.max(
      -1,
      ...old.results.map((l) => l.seq),
      ...old.nextPlan.map((l) => l.seq)
    );
    let k = old.left.length;
    while (k > 0 && old.left[k - 1].seq > lastRight) k--;
    // The moved block must open a paragraph: the old plan ended just before it.
    while (k < old.left.length && k > 0 && !endsSentence(old.left[k - 1].text)) k++;
    if (k >= old.left.length) return;
    const moved = old.left.splice(k);
    row.left.unshift(...moved);
    row.first = moved[0].at;
    row.page = moved[0].page;
    old.continuedOn = old.continuedOn.filter(
      (p) =>
        old.left.some((l) => l.page === p) ||
        [...old.results, ...old.nextPlan].some((l) => l.page === p)
    );
    if (this.pageRows?.continued === old && !old.continuedOn.includes(this.page))
      this.pageRows.continued = null;
  }

  private content(text: string, at: SourceLine): void {
    const results = findInLine(text, SQUASHED_RESULTS_MARKER);
    const next = results ? null : findInLine(text, SQUASHED_NEXT_PLAN_MARKER);
    const marker = results ?? next;
    if (marker) {
      const before = text.slice(0, marker.start).trim();
      const after = text.slice(marker.end).trim();
      let row = this.cur;
      // A marker line whose plan text starts a row ("警察庁において、… <成果・進捗状況>") after a
      // paragraph that ended, in a row opened by that paragraph alone: that row was no row.
      const lastLeft = row?.left[row.left.length - 1];
      const afterFalseStart =
        row?.openedBy === "newRow" &&
        row.phase === "none" &&
        before !== "" &&
        lastLeft !== undefined &&
        endsSentence(lastLeft.text);
      const fresh =
        !row || afterFalseStart || (results ? row.phase !== "none" : row.phase === "nextPlan");
      if (fresh || !row) {
        const old = row;
        row = this.newRow(at, "marker");
        if (old && !afterFalseStart) this.takeTrailingPlan(old, row);
      }
      if (before !== "") this.addLeft(row, before, at);
      this.touch(row);
      row.phase = results ? "results" : "nextPlan";
      if (next)
        row.markerYears.push({ year: Number(next.match[1]), page: this.page, line: at.line });
      this.rightSinceLeft++;
      this.lastSingle = null;
      if (after !== "") this.addRight(row, after, at);
      return;
    }
    if (!this.cur) {
      this.addLeft(this.newRow(at, "text"), text, at);
      return;
    }
    const row = this.cur;
    const st = this.layout(row);
    const split = splitMixed(text, st);
    if (split) {
      this.addLeft(row, split.left, at);
      this.addRight(row, split.right, at);
      this.lastSingle = null;
      return;
    }
    const { choice, margin } = chooseColumn(text, st);
    if (margin < 0.5) row.guesses.push({ page: this.page, line: at.line });
    if (choice === "newRow") {
      this.addLeft(this.newRow(at, "newRow"), text, at);
      this.lastSingle = "left";
    } else if (choice === "left") {
      this.addLeft(row, text, at);
      this.lastSingle = "left";
    } else {
      this.addRight(row, text, at);
      this.lastSingle = "right";
    }
  }
}
