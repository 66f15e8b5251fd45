/**
 * What the line classifier (classify.ts) makes of each line, in order, and the log that holds
 * them while it works: the row builder (rows.ts) and the ledger read the events afterwards.
 */
import type { HeadingRef } from "../../domain/model";
import type { SourceLine } from "./pages";

export type LineEvent =
  | {
      kind: "label";
      label: string;
      owners: string[];
      partialOwner: string | null;
      reposted?: boolean;
      at: SourceLine;
    }
  | { kind: "owner"; name: string; at: SourceLine }
  | { kind: "content"; text: string; at: SourceLine }
  | { kind: "blank"; at: SourceLine }
  | { kind: "reposted"; at: SourceLine }
  /** A strategy box / table header: what precedes it is no longer in a row. */
  | { kind: "zone"; at: SourceLine }
  | { kind: "section"; heading: HeadingRef; at: SourceLine }
  | { kind: "subsection"; heading: HeadingRef; at: SourceLine }
  | { kind: "circled"; heading: HeadingRef; at: SourceLine }
  /**
   * A line used up without an event of its own, for the ledger: table header or strategy box
   * (furniture), a section title's own line (heading), the end of a wrapped owner name or of a
   * cell marker joined onto an earlier line (measure).
   */
  | { kind: "consumed"; place: "furniture" | "heading" | "measure"; what: string; at: SourceLine };

export type LabelLineEvent = Extract<LineEvent, { kind: "label" }>;
/** Opens each page's events. */
export interface PageEvent {
  kind: "page";
  page: number;
}
export type PagesEvent = LineEvent | PageEvent;

/**
 * The events so far, and the two looks back the classifier needs, each kept as events arrive
 * (never found by searching the log, so a long page is classified in linear work).
 */
export class EventLog {
  readonly events: PagesEvent[] = [];
  private lastNonBlankEvent: PagesEvent | null = null;
  private lastStandingKind: LineEvent["kind"] | null = null;

  add(e: PagesEvent): void {
    this.events.push(e);
    if (e.kind === "blank") return;
    this.lastNonBlankEvent = e;
    if (e.kind !== "page" && e.kind !== "consumed") this.lastStandingKind = e.kind;
  }

  /** The latest event that is not a blank line (page starts and used-up lines count). */
  lastNonBlank(): PagesEvent | null {
    return this.lastNonBlankEvent;
  }

  /** Kind of the latest line that stands for something (not blank, not a page start, not a used-up line). */
  lastStanding(): LineEvent["kind"] | null {
    return this.lastStandingKind;
  }
}
