/** Small text helpers for laying out report lines: display width, character classes, joining wrapped lines. */
import { isBlankOrDash, squash } from "../../domain/text";
import { BRACKET_HEADER, PARAGRAPH_START, REPOSTED, SENTENCE_END } from "./rules";

/** Display width in full-width characters: ASCII, Latin and half-width katakana count 0.5. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w += c < 0x2000 || (c >= 0xff61 && c <= 0xff9f) ? 0.5 : 1;
  }
  return w;
}

/** True for characters of Japanese text (not ASCII or Latin, not white space). */
export function isWide(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.codePointAt(0) ?? 0;
  return c >= 0x2000 && !/\s/u.test(ch);
}

export function isKanji(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Script=Han}/u.test(ch);
}

/**
 * A line's squashed form (NFKC, no white space) with, for each of its characters, the index in
 * the original line it came from: patterns are matched on the squashed form and cut in the original.
 */
export function squashWithMap(line: string): { text: string; map: number[] } {
  let text = "";
  const map: number[] = [];
  let i = 0;
  for (const ch of line) {
    const n = ch.normalize("NFKC");
    if (!/^\s+$/u.test(n)) {
      for (const c of n.replace(/\s+/gu, "")) {
        text += c;
        map.push(i);
      }
    }
    i += ch.length;
  }
  return { text, map };
}

/** Where a pattern matches in the original line: [start, end) in original indices, or null. */
export function findInLine(
  line: string,
  pattern: RegExp
): { start: number; end: number; match: RegExpExecArray } | null {
  const { text, map } = squashWithMap(line);
  const m = pattern.exec(text);
  if (!m) return null;
  const start = map[m.index];
  const lastIdx = map[m.index + m[0].length - 1];
  const lastLen = String.fromCodePoint(line.codePointAt(lastIdx) ?? 0).length;
  return { start, end: lastIdx + lastLen, match: m };
}

/** Text with "(再掲)" at its end removed (squashed), for end-of-sentence tests. */
function withoutReposted(s: string): string {
  let k = squash(s);
  while (k.endsWith(REPOSTED)) k = k.slice(0, -REPOSTED.length);
  return k;
}

/** The line closes a sentence or list item (so the next line of its column starts something new). */
export function endsSentence(s: string): boolean {
  // A cell that is only "―" (nothing planned) is complete.
  return SENTENCE_END.test(withoutReposted(s)) || isBlankOrDash(s);
}

export function startsParagraph(s: string): boolean {
  // Both forms: NFKC turns "①" into "1".
  return (
    PARAGRAPH_START.test(s.trimStart()) || PARAGRAPH_START.test(s.normalize("NFKC").trimStart())
  );
}

export function isBracketHeader(s: string): boolean {
  return BRACKET_HEADER.test(squash(s));
}

/**
 * Join the lines of one cell: a line that opens a paragraph (・, [内閣官房], ①) or follows a
 * bracket header goes on a new line; wrapped words are joined without a space (Japanese), with
 * one space between two ASCII words.
 */
export function joinCellLines(lines: readonly string[]): string {
  let out = "";
  let prev: string | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "") continue;
    if (prev === null) out = line;
    else if (startsParagraph(line) || isBracketHeader(prev)) out += `\n${line}`;
    else if (/[A-Za-z0-9]$/u.test(prev) && /^[A-Za-z0-9]/u.test(line)) out += ` ${line}`;
    else out += line;
    prev = line;
  }
  return out;
}
