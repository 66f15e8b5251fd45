/**
 * Line classification for the page bodies, in named stages: pages → one list of lines with their
 * page (`pagedLines`) → cell markers broken over two lines joined back (splitMarkers.ts) → zones
 * that are no rows (zones.ts: strategy boxes and the split table header, which carry the section
 * and sub-section headings) → each line an event: inside a zone (`classifyZoneLine`), or in the
 * table (`classifyTableLine`: item labels with their owners, bare owner names on following lines,
 * letter-spaced and wrapped names, "(再掲)" lines, and the content lines left for the column
 * de-interleaver).
 */
import { squash } from "../../domain/text";
import { EventLog, type LabelLineEvent, type PagesEvent } from "./events";
import { isStrategySource } from "./lineRules";
import { completeOwner, isOwnerName, parseOwners } from "./owners";
import type { SourceLine } from "./pages";
import {
  CIRCLED,
  FIRST_WORD_AND_REST,
  LABEL_AS_PRINTED,
  REPOSTED,
  REPOSTED_AFTER_LABEL,
  SECTION,
  SUBSECTION,
} from "./rules";
import { joinedAway, joinSplitMarkers } from "./splitMarkers";
import { findZones, zoneCursor, type PagedLine, type Zone } from "./zones";

const nk = (s: string) => s.normalize("NFKC").trim();
const isBlank = (s: string) => s.trim() === "";

/** What the line stages share while they walk the lines. */
export interface Classifier {
  lines: readonly PagedLine[];
  log: EventLog;
  /** A letter-spaced owner name waiting for its wrapped end on a later line. */
  pending: { prefix: string; label: LabelLineEvent; tries: number } | null;
}

export function newClassifier(lines: readonly PagedLine[]): Classifier {
  return { lines, log: new EventLog(), pending: null };
}

/** All page bodies as one list of lines, each with its page (a box or a row may run over a page break). */
export function pagedLines(pages: readonly { index: number; body: SourceLine[] }[]): PagedLine[] {
  return pages.flatMap((p) => p.body.map((l): PagedLine => ({ ...l, page: p.index })));
}

/** Classify every line of all page bodies into events, in order; a "page" event opens each page. */
export function classifyPages(pages: { index: number; body: SourceLine[] }[]): PagesEvent[] {
  const paged = pagedLines(pages);
  const lines = joinSplitMarkers(paged);
  const c = newClassifier(lines);
  // Ends of markers joined onto the line before: in that line's cell.
  for (const l of joinedAway(paged, lines))
    c.log.add({
      kind: "consumed",
      place: "measure",
      what: "marker",
      at: { text: l.text, line: l.line },
    });
  const zoneAt = zoneCursor(findZones(lines));
  for (let i = 0; i < lines.length; i++) {
    if (i === 0 || lines[i].page !== lines[i - 1].page)
      c.log.add({ kind: "page", page: lines[i].page });
    const zone = zoneAt(i);
    i = zone ? classifyZoneLine(c, i, zone) : classifyTableLine(c, i);
  }
  return c.log.events;
}

/**
 * A label line: its event, and what is left of the line after the label, its "(再掲)" mark and
 * its owners ("(ア) 個 人 情 報 保 個人情報保護委員会において、…" leaves the row's first text).
 */
export function pushLabel(c: Classifier, at: SourceLine, label: string, rest: string): string {
  // "(ア)(再掲) 総務省": the mark belongs to the label cell.
  const mark = REPOSTED_AFTER_LABEL.exec(rest);
  const { owners, partial, remainder } = parseOwners(mark ? rest.slice(mark[0].length) : rest);
  const ev: LabelLineEvent = {
    kind: "label",
    label: `(${label.normalize("NFKC")})`,
    owners,
    partialOwner: partial,
    at,
  };
  if (mark) ev.reposted = true;
  c.log.add(ev);
  if (partial) c.pending = { prefix: partial, label: ev, tries: 3 };
  return remainder.trim();
}

/** A label line and the row text after it, if any. */
function pushLabelLine(c: Classifier, at: SourceLine, lab: RegExpExecArray): void {
  const rest = pushLabel(c, at, lab[1], lab[2]);
  if (rest !== "") c.log.add({ kind: "content", text: rest, at });
}

const afterLabelOrOwner = (c: Classifier) => {
  const k = c.log.lastStanding();
  return k === "label" || k === "owner";
};

/**
 * Line i inside a zone: the zone's start, headings before the table header (a section whose
 * title is on the next line takes that line too), labels and owners printed in the header's
 * band, and the rest as furniture. Returns the index of the last line used.
 */
export function classifyZoneLine(c: Classifier, i: number, zone: Zone): number {
  const { lines, log } = c;
  const at: SourceLine = { text: lines[i].text, line: lines[i].line };
  const text = at.text.trim();
  if (i === zone.start) log.add({ kind: "zone", at });
  const n = nk(text);
  const lab = LABEL_AS_PRINTED.exec(text);
  const sec = SECTION.exec(n);
  const sub = SUBSECTION.exec(n);
  const circ = CIRCLED.exec(text);
  if (lab) {
    // A label line may carry the row's first text ("(ア) 個 人 情 報 保 個人情報保護委員会において、…").
    pushLabelLine(c, at, lab);
  } else if (isBlank(text)) {
    // nothing to place
  } else if (i > zone.header && isOwnerName(text) && afterLabelOrOwner(c))
    log.add({ kind: "owner", name: text, at });
  else if (i < zone.header && sec) {
    let title = sec[2]?.trim() ?? "";
    if (title === "") {
      let j = i + 1;
      while (j < zone.header && isBlank(lines[j].text)) j++;
      const cand = j < zone.header ? nk(lines[j].text) : "";
      if (cand !== "" && !isStrategySource(cand) && !cand.startsWith("・")) {
        title = cand;
        log.add({
          kind: "consumed",
          place: "heading",
          what: "section-title",
          at: { text: lines[j].text, line: lines[j].line },
        });
        i = j;
      }
    }
    log.add({ kind: "section", heading: { number: sec[1], title }, at });
  } else if (i < zone.header && sub)
    log.add({ kind: "subsection", heading: { number: `(${sub[1]})`, title: sub[2].trim() }, at });
  else if (i < zone.header && circ)
    log.add({ kind: "circled", heading: { number: circ[1], title: circ[2].trim() }, at });
  else
    log.add({
      kind: "consumed",
      place: "furniture",
      what: i < zone.header ? "strategy-box" : "table-header",
      at,
    });
  return i;
}

/**
 * Line i in the table: blank, the wrapped end of an owner name a label is waiting for, a
 * "(再掲)" line, a label, an owner under a label, an owner with the row's first text after a
 * label alone on its line, or content. Returns i (a table line uses only itself).
 */
export function classifyTableLine(c: Classifier, i: number): number {
  const { lines, log } = c;
  const at: SourceLine = { text: lines[i].text, line: lines[i].line };
  let text = at.text.trim();
  if (isBlank(text)) {
    log.add({ kind: "blank", at });
    return i;
  }
  const pending = c.pending;
  if (pending) {
    const done = completeOwner(pending.prefix, text);
    if (done) {
      pending.label.owners.push(done.name);
      pending.label.partialOwner = null;
      c.pending = null;
      if (done.rest === "") {
        log.add({ kind: "consumed", place: "measure", what: "owner", at });
        return i;
      }
      text = done.rest;
    } else if (--pending.tries <= 0) c.pending = null;
  }
  if (squash(text) === REPOSTED) {
    log.add({ kind: "reposted", at });
    return i;
  }
  const lab = LABEL_AS_PRINTED.exec(text);
  if (lab) {
    pushLabelLine(c, at, lab);
    return i;
  }
  if (isOwnerName(text) && afterLabelOrOwner(c)) {
    log.add({ kind: "owner", name: text, at });
    return i;
  }
  // A label alone on its line, then its owner with the row's first text: "個人情報保護委員会 個人情報保護委員会において、…".
  const last = log.lastNonBlank();
  if (last?.kind === "label" && last.owners.length === 0 && !last.partialOwner) {
    const first = FIRST_WORD_AND_REST.exec(text);
    if (first && isOwnerName(first[1])) {
      last.owners.push(first[1]);
      log.add({ kind: "content", text: first[2], at });
      return i;
    }
  }
  log.add({ kind: "content", text, at });
  return i;
}
