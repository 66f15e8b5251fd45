/**
 * Text normalisation shared by every matcher: NFKC (full-width → half-width, ㈱ etc.), then
 * ignore white space for comparison. The original text is always kept for display.
 */

/** NFKC form, for matching and for display of short tokens such as labels. */
export function nfkc(s: string): string {
  return s.normalize("NFKC");
}

/** NFKC with every kind of white space removed: the key two texts are compared by. */
export function squash(s: string): string {
  return nfkc(s).replace(/\s+/gu, "");
}

/**
 * Dashes people type into an empty plan cell: ― (U+2015), — ‐ ‒ – − ー －, hyphen, and 「なし」.
 * NFKC maps － to "-", but not ― or ー, so all are listed.
 */
const DASH_ONLY = /^[-‐‑‒–—―−ーｰ─━・]+$/u;
const NONE_WORDS = new Set(["なし", "無し", "該当なし", "n/a", "na"]);

/** True for a cell that is empty, only white space, only a dash, or 「なし」. */
export function isBlankOrDash(s: string | undefined | null): boolean {
  if (s == null) return true;
  const k = squash(s);
  if (k === "") return true;
  return DASH_ONLY.test(k) || NONE_WORDS.has(k.toLowerCase());
}

/** Trim each line's end and drop leading/trailing blank lines; keep inner line breaks. */
export function tidyCell(s: string): string {
  return s
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/[\s\u3000]+$/u, ""))
    .join("\n")
    .replace(/^\s*\n/, "")
    .trim();
}
