/**
 * Line classification for one page body: strategy boxes and the split table header (zones that
 * are not rows, but carry the section and sub-section headings), item labels with their owners
 * (bare names on following lines, letter-spaced and wrapped names), "(再掲)" lines, and the
 * content lines left for the column de-interleaver.
 */
import type { HeadingRef } from "../../domain/model";
import { isGroupName, matchMinistry, MINISTRIES, splitOwners } from "../../domain/ministries";
import { squash } from "../../domain/text";
import type { SourceLine } from "./pages";
import {
  CIRCLED,
  NEXT_PLAN_MARKER,
  REPOSTED,
  RESULTS_MARKER,
  SECTION,
  STRATEGY_SOURCE,
  SUBSECTION,
  TABLE_HEADER_PIECES,
  TABLE_HEADER_START,
} from "./rules";
import { findInLine, isWide } from "./textUtil";

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

/** Label at a line start in either width: "(ア)", "（イ）". */
const LABEL_ORIGINAL = /^[(（]\s*([ァ-ヶｦ-ﾟ]{1,2})\s*[)）][\s\u3000]*(.*)$/u;

const nk = (s: string) => s.normalize("NFKC").trim();
const isBlank = (s: string) => s.trim() === "";
const isKnownOwner = (s: string) => matchMinistry(s) !== null || isGroupName(s);
/** A known 府省庁 or group name, or several joined by 、・ etc. ("総務省・経済産業省"). */
const isOwnerName = (s: string) => {
  if (isKnownOwner(s)) return true;
  const parts = splitOwners(s);
  return parts.length > 1 && parts.every(isKnownOwner);
};

/** "<2024" + "年度年次計画>" and "(再" + "掲)"-like breaks of the cell markers: joined back onto the first line. */
export function joinSplitMarkers<L extends SourceLine>(lines: L[]): L[] {
  const out = lines.map((l) => ({ ...l }));
  for (let i = 0; i < out.length; i++) {
    const k = squash(out[i].text);
    const lt = k.lastIndexOf("<");
    if (lt < 0 || k.indexOf(">", lt) >= 0) continue;
    let j = i + 1;
    while (j < out.length && isBlank(out[j].text) && j - i <= 2) j++;
    if (j >= out.length) continue;
    const close = findInLine(out[j].text, />/u);
    if (!close) continue;
    const head = out[j].text.slice(0, close.end);
    const joined = k.slice(lt) + squash(head);
    if (!RESULTS_MARKER.test(joined) && !NEXT_PLAN_MARKER.test(joined)) continue;
    out[i].text = `${out[i].text.trimEnd()}${head.trim()}`;
    out[j].text = out[j].text.slice(close.end);
  }
  return out.filter((l, i) => !(isBlank(l.text) && !isBlank(lines[i].text)));
}

/** Lines that joinSplitMarkers emptied (their text went onto an earlier line's marker). */
function joinedAway<L extends SourceLine>(before: L[], after: L[]): L[] {
  const kept = new Set(after.map((l) => l.line));
  return before.filter((l) => !kept.has(l.line));
}

/** A body line with the page it is on. */
export interface PagedLine extends SourceLine {
  page: number;
}

/**
 * Indices [start, end) of each zone: strategy box and headings before a table header, and the
 * header itself. Found over all pages at once, since a box may run over a page break.
 */
function findZones(lines: PagedLine[]): { start: number; end: number; header: number }[] {
  const zones: { start: number; end: number; header: number }[] = [];
  let floor = 0;
  for (let h = 0; h < lines.length; h++) {
    if (!TABLE_HEADER_START.test(squash(lines[h].text))) continue;
    const page = lines[h].page;
    let start = -1;
    for (let i = floor; i < h; i++) {
      if (lines[i].page < page - 1) continue;
      if (SECTION.test(nk(lines[i].text)) || STRATEGY_SOURCE.test(squash(lines[i].text))) {
        start = i;
        break;
      }
    }
    if (start >= 0) {
      // A sub-section heading just before the box belongs to it.
      let p = start - 1;
      while (p >= floor && isBlank(lines[p].text)) p--;
      if (p >= floor && SUBSECTION.test(nk(lines[p].text))) start = p;
    } else {
      const rowText = (from: number, to: number) =>
        lines.slice(from, to).some((l) => {
          const k = squash(l.text);
          return (
            RESULTS_MARKER.test(k) || NEXT_PLAN_MARKER.test(k) || LABEL_ORIGINAL.test(l.text.trim())
          );
        });
      const startOf = (pg: number) => {
        let i = h;
        while (i > floor && lines[i - 1].page >= pg) i--;
        return i;
      };
      // A box continued from the previous page fills the page top (and the previous page, when
      // that holds nothing but the box); after row text, only the header is a zone.
      const pageStart = startOf(page);
      const prevStart = startOf(page - 1);
      if (rowText(pageStart, h)) start = h;
      else start = prevStart < pageStart && !rowText(prevStart, pageStart) ? prevStart : pageStart;
    }
    let end = h + 1;
    while (end < lines.length) {
      const t = lines[end].text;
      const k = squash(t);
      if (isBlank(t) || TABLE_HEADER_PIECES.some((p) => p.test(k)) || LABEL_ORIGINAL.test(t.trim()))
        end++;
      else if (isOwnerName(t) && end > h + 1) end++;
      else break;
    }
    zones.push({ start, end, header: h });
    floor = end;
    h = end - 1;
  }
  return zones;
}

/** Owners written after a label: a full name (maybe letter-spaced), or the first part of a wrapped one. */
function parseOwners(rest: string): {
  owners: string[];
  partial: string | null;
  remainder: string;
} {
  const tokens = [...rest.matchAll(/\S+/gu)].map((m) => ({ text: m[0], index: m.index ?? 0 }));
  if (tokens.length === 0) return { owners: [], partial: null, remainder: "" };
  const after = (k: number) => (k < tokens.length ? rest.slice(tokens[k].index) : "");
  for (let k = Math.min(tokens.length, 12); k >= 1; k--) {
    const name = tokens
      .slice(0, k)
      .map((t) => t.text)
      .join("");
    if (isOwnerName(name)) return { owners: [name], partial: null, remainder: after(k) };
  }
  // Letter-spaced and wrapped in the narrow owner column: "個 人 情 報 保" (+ "護委員会" on a later line).
  let k = 0;
  while (k < tokens.length && [...tokens[k].text].length === 1 && isWide(tokens[k].text)) k++;
  if (k >= 2) {
    const prefix = squash(
      tokens
        .slice(0, k)
        .map((t) => t.text)
        .join("")
    );
    if (MINISTRIES.some((m) => m.startsWith(prefix)))
      return { owners: [], partial: prefix, remainder: after(k) };
  }
  if (tokens.length === 1 && [...tokens[0].text].length <= 10)
    return { owners: [tokens[0].text], partial: null, remainder: "" };
  return { owners: [], partial: null, remainder: rest };
}

/** The rest of a wrapped owner name at the start of `line`, if it completes `prefix`: the name and what is left of the line. */
function completeOwner(prefix: string, line: string): { name: string; rest: string } | null {
  const k = squash(line);
  for (const m of MINISTRIES) {
    if (!m.startsWith(prefix) || m === prefix) continue;
    const suffix = m.slice(prefix.length);
    if (!k.startsWith(suffix)) continue;
    const cut = findInLine(
      line,
      new RegExp(`^${suffix.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}`, "u")
    );
    return { name: m, rest: cut ? line.slice(cut.end).trim() : "" };
  }
  return null;
}

/** Classify every line of all page bodies into events, in order; a "page" event opens each page. */
export function classifyPages(
  pages: { index: number; body: SourceLine[] }[]
): (LineEvent | { kind: "page"; page: number })[] {
  const paged = pages.flatMap((p) => p.body.map((l): PagedLine => ({ ...l, page: p.index })));
  const lines = joinSplitMarkers(paged);
  const zones = findZones(lines);
  const events: (LineEvent | { kind: "page"; page: number })[] = [];
  // Ends of markers joined onto the line before: in that line's cell.
  for (const l of joinedAway(paged, lines))
    events.push({
      kind: "consumed",
      place: "measure",
      what: "marker",
      at: { text: l.text, line: l.line },
    });
  // A letter-spaced owner name waiting for its wrapped end on a later line (held in an object: set from a closure).
  const wait: {
    pending: { prefix: string; label: Extract<LineEvent, { kind: "label" }>; tries: number } | null;
  } = { pending: null };
  let lastNonBlank: LineEvent["kind"] | "page" | null = null;
  const push = (e: LineEvent | { kind: "page"; page: number }) => {
    events.push(e);
    if (e.kind !== "blank") lastNonBlank = e.kind;
  };

  const pushLabel = (at: SourceLine, label: string, rest: string): string => {
    // "(ア)(再掲) 総務省": the mark belongs to the label cell.
    const mark = /^[(（]\s*再\s*掲\s*[)）]\s*/u.exec(rest);
    const { owners, partial, remainder } = parseOwners(mark ? rest.slice(mark[0].length) : rest);
    const ev: Extract<LineEvent, { kind: "label" }> = {
      kind: "label",
      label: `(${label.normalize("NFKC")})`,
      owners,
      partialOwner: partial,
      at,
    };
    if (mark) ev.reposted = true;
    push(ev);
    if (partial) wait.pending = { prefix: partial, label: ev, tries: 3 };
    return remainder.trim();
  };

  for (let i = 0; i < lines.length; i++) {
    if (i === 0 || lines[i].page !== lines[i - 1].page)
      events.push({ kind: "page", page: lines[i].page });
    const at: SourceLine = { text: lines[i].text, line: lines[i].line };
    let text = at.text.trim();
    const zone = zones.find((z) => i >= z.start && i < z.end);
    if (zone) {
      if (i === zone.start) push({ kind: "zone", at });
      const n = nk(text);
      const lab = LABEL_ORIGINAL.exec(text);
      const sec = SECTION.exec(n);
      const sub = SUBSECTION.exec(n);
      const circ = CIRCLED.exec(text);
      if (lab) {
        // A label line may carry the row's first text ("(ア) 個 人 情 報 保 個人情報保護委員会において、…").
        const rest = pushLabel(at, lab[1], lab[2]);
        if (rest !== "") push({ kind: "content", text: rest, at });
      } else if (isBlank(text)) {
        // nothing to place
      } else if (
        i > zone.header &&
        isOwnerName(text) &&
        (lastNonBlank === "label" || lastNonBlank === "owner")
      )
        push({ kind: "owner", name: text, at });
      else if (i < zone.header && sec) {
        let title = sec[2]?.trim() ?? "";
        if (title === "") {
          let j = i + 1;
          while (j < zone.header && isBlank(lines[j].text)) j++;
          const cand = j < zone.header ? nk(lines[j].text) : "";
          if (cand !== "" && !STRATEGY_SOURCE.test(squash(cand)) && !cand.startsWith("・")) {
            title = cand;
            events.push({
              kind: "consumed",
              place: "heading",
              what: "section-title",
              at: { text: lines[j].text, line: lines[j].line },
            });
            i = j;
          }
        }
        push({ kind: "section", heading: { number: sec[1], title }, at });
      } else if (i < zone.header && sub)
        push({ kind: "subsection", heading: { number: `(${sub[1]})`, title: sub[2].trim() }, at });
      else if (i < zone.header && circ)
        push({ kind: "circled", heading: { number: circ[1], title: circ[2].trim() }, at });
      else
        events.push({
          kind: "consumed",
          place: "furniture",
          what: i < zone.header ? "strategy-box" : "table-header",
          at,
        });
      continue;
    }

    if (isBlank(text)) {
      push({ kind: "blank", at });
      continue;
    }
    const pending = wait.pending;
    if (pending) {
      const done = completeOwner(pending.prefix, text);
      if (done) {
        pending.label.owners.push(done.name);
        pending.label.partialOwner = null;
        wait.pending = null;
        if (done.rest === "") {
          events.push({ kind: "consumed", place: "measure", what: "owner", at });
          continue;
        }
        text = done.rest;
      } else if (--pending.tries <= 0) wait.pending = null;
    }
    if (squash(text) === REPOSTED) {
      push({ kind: "reposted", at });
      continue;
    }
    const lab = LABEL_ORIGINAL.exec(text);
    if (lab) {
      const rest = pushLabel(at, lab[1], lab[2]);
      if (rest !== "") push({ kind: "content", text: rest, at });
      continue;
    }
    if (isOwnerName(text) && (lastNonBlank === "label" || lastNonBlank === "owner")) {
      push({ kind: "owner", name: text, at });
      continue;
    }
    // A label alone on its line, then its owner with the row's first text: "個人情報保護委員会 個人情報保護委員会において、…".
    const lastEvent = [...events].reverse().find((e) => e.kind !== "blank");
    if (lastEvent?.kind === "label" && lastEvent.owners.length === 0 && !lastEvent.partialOwner) {
      const first = /^(\S+)[\s\u3000]+(\S.*)$/u.exec(text);
      if (first && isOwnerName(first[1])) {
        lastEvent.owners.push(first[1]);
        push({ kind: "content", text: first[2], at });
        continue;
      }
    }
    push({ kind: "content", text, at });
  }
  return events;
}
