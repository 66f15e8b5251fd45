/**
 * Header recognition: which header texts mean which column, by the patterns of the column table
 * (columns.ts), read top to bottom; and the markers that split the combined results/next-plan cell.
 */
import { COLUMNS, type ColumnRole, type ColumnTable } from "./columns";
import { isJsSpace, nfkc, squash } from "./text";

export interface HeaderMatch<Role extends string = ColumnRole> {
  role: Role;
  /** Fiscal years written in the header: the first (and, for the combined column, the second). */
  year?: number;
  year2?: number;
}

function yearOf(western: string | undefined, reiwa: string | undefined): number | undefined {
  if (western) return Number(western);
  if (reiwa) return 2018 + Number(reiwa);
  return undefined;
}

/**
 * The header text to match: NFKC, no spaces, without an explanatory note ("担当府省庁※複数可",
 * "担当府省庁(複数の場合は改行)") and without the brackets of a marker used as a header ("<成果・進捗状況>").
 */
export function headerKey(text: string): string {
  let k = squash(text).replace(/※.*$/u, "");
  const bracketed = /^[<\[【〈《]([^<>\[\]【】〈〉《》]+)[>\]】〉》]$/u.exec(k);
  if (bracketed) k = bracketed[1];
  // A trailing note in parentheses, unless the parentheses are the whole header.
  k = k.replace(/(.)\([^()]*\)$/u, "$1");
  return k;
}

/** The role of one header cell, with any fiscal years it names; null when it is not one we know. */
export function matchHeader(text: string): HeaderMatch | null;
export function matchHeader(text: string, columns: ColumnTable): HeaderMatch<string> | null;
export function matchHeader(
  text: string,
  columns: ColumnTable = COLUMNS
): HeaderMatch<string> | null {
  const k = headerKey(text);
  if (k === "") return null;
  for (const column of columns) {
    for (const p of column.patterns) {
      const m = p.exec(k);
      if (!m) continue;
      const g = m.groups ?? {};
      const res: HeaderMatch<string> = { role: column.role };
      const y = yearOf(g.year, g.reiwa);
      const y2 = yearOf(g.year2, g.reiwa2);
      if (y !== undefined) res.year = y;
      if (y2 !== undefined) res.year2 = y2;
      return res;
    }
  }
  return null;
}

/**
 * Markers inside the combined cell, half- or full-width, with stray spaces (PDF text):
 * `<成果・進捗状況>` and `<2024 年度年次計画>` (also ＜…＞, 〈…〉, 《…》, 【…】).
 */
const OPEN = "[<＜〈《【\\[［]";
const CLOSE = "[>＞〉》】\\]］]";
const sp = (word: string) => [...word].join("\\s*");
export const RESULTS_MARKER = new RegExp(
  `${OPEN}\\s*(?:${sp("取組の")}\\s*)?${sp("成果")}\\s*[・･、,]?\\s*${sp("進捗状況")}\\s*${CLOSE}`,
  "u"
);
export const NEXT_PLAN_MARKER = new RegExp(
  `${OPEN}\\s*(?:(?<year>[0-9０-９]{4})\\s*${sp("年度")}|(?:${sp("次年度")}|${sp("翌年度")}))?\\s*(?:の\\s*)?${sp("年次計画")}\\s*${CLOSE}`,
  "u"
);

/** The usual spelling of each marker: found by position alone (no match object for every cell). */
const RESULTS_LITERAL = "<成果・進捗状況>";
const NEXT_PLAN_TAIL = "年度年次計画>";

/** Length of the usual next-plan marker "<2024 年度年次計画>" (space optional) at i, or 0. */
function usualNextPlanMarker(text: string, i: number): number {
  if (text.charCodeAt(i) !== 0x3c) return 0; // <
  for (let k = 1; k <= 4; k++) {
    const c = text.charCodeAt(i + k);
    if (c < 0x30 || c > 0x39) return 0;
  }
  let j = i + 5;
  if (text.charCodeAt(j) === 0x20) j++;
  return text.startsWith(NEXT_PLAN_TAIL, j) ? j + NEXT_PLAN_TAIL.length - i : 0;
}

/** The closing brackets of CLOSE, as code units (all in the BMP). */
const CLOSE_CODES = new Set(Array.from(">＞〉》】]］", (c) => c.charCodeAt(0)));

/** True when a closing bracket follows position p after optional white space (as `\s*${CLOSE}` matched there). */
function closesAfter(text: string, p: number): boolean {
  let k = p;
  while (k < text.length && isJsSpace(text.charCodeAt(k))) k++;
  return CLOSE_CODES.has(text.charCodeAt(k));
}

/**
 * Where NEXT_PLAN_MARKER first matches when that is the usual marker (the first "年度年次計画>"),
 * found with indexOf instead of the regexp scanning the whole cell; -1 when unsure (then search).
 * Every match ends in 画, white space and a closing bracket, and holds no "<" between its opening
 * bracket and that 画; so a match starting before the usual marker has a 画 before it followed by
 * a closing bracket, and without one no earlier match exists ("計画に" in the results is no such 画).
 */
function usualNextPlanIndex(text: string): number {
  const j = text.indexOf(NEXT_PLAN_TAIL);
  if (j < 5) return -1;
  let i = j - 5;
  if (usualNextPlanMarker(text, i) === 0) {
    i = j - 6;
    if (i < 0 || usualNextPlanMarker(text, i) === 0) return -1;
  }
  for (let p = text.indexOf("画"); p >= 0 && p < i; p = text.indexOf("画", p + 1))
    if (closesAfter(text, p + 1)) return -1;
  return i;
}

/** text.slice(start, end).trim(), cutting one string instead of two. */
function trimmedSlice(text: string, start: number, end: number): string {
  while (start < end && isJsSpace(text.charCodeAt(start))) start++;
  while (end > start && isJsSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/** Split the combined cell at its markers; text before the first marker counts as results. */
export function splitCombinedCell(text: string): {
  results: string;
  nextPlan: string;
  nextYear?: number;
  markers: number;
} {
  // Where each marker is and how long (search() finds the same first match as exec(); the usual
  // spellings are measured without exec(), which the regular expressions match exactly as written).
  // A cell starting with the usual results marker (nearly every cell) needs no search for it: no
  // match can start before 0, and the regexp matches the literal exactly as written.
  const rIndex = text.startsWith(RESULTS_LITERAL) ? 0 : text.search(RESULTS_MARKER);
  let rEnd = -1;
  if (rIndex >= 0)
    rEnd =
      rIndex +
      (text.startsWith(RESULTS_LITERAL, rIndex)
        ? RESULTS_LITERAL.length
        : RESULTS_MARKER.exec(text)![0].length);
  const usualN = usualNextPlanIndex(text);
  const nIndex = usualN >= 0 ? usualN : text.search(NEXT_PLAN_MARKER);
  let nEnd = -1;
  let y: string | undefined;
  let yearOfUsual: number | undefined;
  if (nIndex >= 0) {
    const usual = usualNextPlanMarker(text, nIndex);
    if (usual > 0) {
      nEnd = nIndex + usual;
      // Four ASCII digits (usualNextPlanMarker checked them): the year without cutting a string.
      yearOfUsual = 0;
      for (let k = nIndex + 1; k <= nIndex + 4; k++)
        yearOfUsual = yearOfUsual * 10 + text.charCodeAt(k) - 0x30;
    } else {
      const n = NEXT_PLAN_MARKER.exec(text)!;
      nEnd = nIndex + n[0].length;
      y = n.groups?.year;
    }
  }
  let results: string;
  let nextPlan = "";
  let nextYear: number | undefined;
  // Parts are cut once, already trimmed (slice-then-trim made a second string of nearly every part).
  if (nIndex >= 0) {
    if (yearOfUsual !== undefined) nextYear = yearOfUsual;
    else if (y) nextYear = Number(nfkc(y));
    if (rIndex > nIndex) {
      // A results marker after the next-plan marker (PDF reading order): text after it is results.
      nextPlan = trimmedSlice(text, nEnd, rIndex);
      results = (text.slice(0, nIndex) + text.slice(rEnd)).trim();
    } else {
      nextPlan = trimmedSlice(text, nEnd, text.length);
      // Text printed before the results marker is kept in results (never dropped); nearly every
      // cell opens with the marker, so the usual case still cuts one slice.
      results =
        rIndex > 0
          ? (text.slice(0, rIndex) + text.slice(rEnd, nIndex)).trim()
          : rIndex === 0
            ? trimmedSlice(text, rEnd, nIndex)
            : trimmedSlice(text, 0, nIndex);
    }
  } else {
    results = rIndex >= 0 ? (text.slice(0, rIndex) + text.slice(rEnd)).trim() : text.trim();
  }
  return {
    results,
    nextPlan,
    nextYear,
    markers: (rIndex >= 0 ? 1 : 0) + (nIndex >= 0 ? 1 : 0),
  };
}
