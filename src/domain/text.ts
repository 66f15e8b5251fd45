/**
 * Text normalisation shared by every matcher: NFKC (full-width → half-width, ㈱ etc.), then
 * ignore white space for comparison. The original text is always kept for display.
 *
 * Speed: every cell of a 100,000-row table goes through these several times, so texts made only
 * of characters NFKC leaves alone (ASCII, kana, CJK ideographs, common CJK punctuation) skip
 * String.prototype.normalize, and nothing is allocated when nothing changes.
 */
import { isJsSpace } from "./whiteSpace";

export { isJsSpace };

/**
 * STABLE[c] = 1 for a UTF-16 code unit that NFKC maps to itself and that never composes with a
 * neighbour (no combining marks, Hangul or surrogates): a text made only of such code units is
 * its own NFKC form. test/domain/text.test.ts checks every entry against normalize().
 */
const STABLE = new Uint8Array(0x10000);
for (const [from, to] of [
  [0x09, 0x0d], // \t \n \v \f \r
  [0x20, 0x7e], // printable ASCII
  [0x3001, 0x3002], // 、。
  [0x3005, 0x3011], // 々〆〇〈〉《》「」『』【】
  [0x3014, 0x301b], // 〔〕〖〗〘〙〚〛
  [0x3041, 0x3096], // hiragana
  [0x30a1, 0x30fc], // katakana, ・, ー
  [0x3400, 0x4dbf], // CJK ideographs, extension A
  [0x4e00, 0x9fff], // CJK ideographs
] as const) {
  for (let c = from; c <= to; c++) STABLE[c] = 1;
}

/** White space a stable text may hold (JS `\s` within STABLE): \t \n \v \f \r and space. */
function isStableSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** True when `s` is its own NFKC form by the STABLE table (false may still be NFKC already). */
export function isNfkcStable(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (STABLE[s.charCodeAt(i)] === 0) return false;
  return true;
}

/** NFKC form, for matching and for display of short tokens such as labels. */
export function nfkc(s: string): string {
  return isNfkcStable(s) ? s : s.normalize("NFKC");
}

/** NFKC with every kind of white space removed: the key two texts are compared by. */
export function squash(s: string): string {
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (STABLE[c] === 0) return s.normalize("NFKC").replace(/\s+/gu, "");
    if (!space && isStableSpace(c)) space = true;
  }
  return space ? s.replace(/[\t-\r ]+/g, "") : s;
}

/**
 * Dashes people type into an empty plan cell: ― (U+2015), — ‐ ‒ – − ー －, hyphen, and 「なし」.
 * NFKC maps － to "-", but not ― or ー, so all are listed.
 */
const DASH_ONLY = /^[-‐‑‒–—―−ーｰ─━・]+$/u;
const NONE_WORDS = new Set(["なし", "無し", "該当なし", "n/a", "na"]);
/** Stable characters a blank-or-dash key may hold (those of DASH_ONLY and of NONE_WORDS, either case). */
const BLANK_CHARS = new Uint8Array(0x10000);
for (const c of "-ー・なし無該当n/aNA") BLANK_CHARS[c.charCodeAt(0)] = 1;

/** True for a cell that is empty, only white space, only a dash, or 「なし」. */
export function isBlankOrDash(s: string | undefined | null): boolean {
  if (s == null) return true;
  // Fast answer for ordinary text: a stable character stays in squash(s) (composed at most with a
  // following mark, which makes no dash and no letter of なし), so one outside BLANK_CHARS decides.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (STABLE[c] === 1 && BLANK_CHARS[c] === 0 && !isStableSpace(c)) return false;
  }
  const k = squash(s);
  if (k === "") return true;
  return DASH_ONLY.test(k) || NONE_WORDS.has(k.toLowerCase());
}

/** True when squash(s) is "": only white space (of any kind). */
export function isSquashEmpty(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (STABLE[c] === 0) return squash(s) === "";
    if (!isStableSpace(c)) return false;
  }
  return true;
}

/** True when s.trim() === "": empty or only white space. */
export function isWhiteSpaceOnly(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isJsSpace(s.charCodeAt(i))) return false;
  return true;
}

/** s.trimStart().charCodeAt(0), or -1 for a blank text. */
export function firstNonSpaceCode(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isJsSpace(c)) return c;
  }
  return -1;
}

/**
 * squash(s).endsWith(tail) for a squashed, non-empty tail, without squashing a long text whose
 * end already answers: a stable last character stays last in squash(s).
 */
export function squashEndsWith(s: string, tail: string): boolean {
  const last = tail.charCodeAt(tail.length - 1);
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (STABLE[c] === 0) break;
    if (isStableSpace(c)) continue;
    if (c !== last) return false;
    break;
  }
  return squash(s).endsWith(tail);
}

/** True when tidyCell(s) === s: no CR, no space at a line's end, none at the start or end. */
function isTidy(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  if (isJsSpace(s.charCodeAt(0)) || isJsSpace(s.charCodeAt(n - 1))) return false;
  if (s.includes("\r")) return false;
  // s[0] is not a space, so a line break is never first.
  for (let i = s.indexOf("\n"); i > 0; i = s.indexOf("\n", i + 1))
    if (isJsSpace(s.charCodeAt(i - 1))) return false;
  return true;
}

/** Trim each line's end and drop leading/trailing blank lines; keep inner line breaks. */
export function tidyCell(s: string): string {
  if (isTidy(s)) return s;
  return s
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/[\s\u3000]+$/u, ""))
    .join("\n")
    .replace(/^\s*\n/, "")
    .trim();
}
