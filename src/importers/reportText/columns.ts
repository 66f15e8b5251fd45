/**
 * Column de-interleaving. PDF text puts the plan column (left, ~23 full-width characters a line)
 * and the results/next-plan column (right, ~29) on the same lines or on alternate lines. For a
 * line without a marker this decides: both columns (a mixed line, split at the column gap), the
 * left column, the right column, or the left column of a new row. Each choice has a cost made of
 * small, named clues (width, sentence ends, bullets, sub-block headers, how a wrapped word joins);
 * the cheapest wins, and a narrow margin is reported as a guess.
 */
import {
  LEFT_LINE,
  SQUASHED_NEXT_PLAN_MARKER,
  REPOSTED_BROKEN_HEAD,
  REPOSTED_BROKEN_TAIL,
  SQUASHED_RESULTS_MARKER,
  WIDTHS,
  type Widths,
} from "./rules";
import {
  displayWidth,
  endsSentence,
  findInLine,
  isBracketHeader,
  isKanji,
  isWide,
  startsParagraph,
} from "./textUtil";

export type Column = "left" | "right";

export interface ColumnState {
  /** False when the column cannot take text now (right column before its first marker). */
  available: boolean;
  /** Last line of the column (since the last marker for the right column); null when none. */
  last: string | null;
}

export interface LayoutState {
  left: ColumnState;
  right: ColumnState;
  /** Right-column lines since the last left-column line. */
  rightSinceLeft: number;
  /** Column of the previous single-column line. */
  lastSingle: Column | null;
  /** The current row has a next-year plan, so a new left-column paragraph may start the next row. */
  canStartRow: boolean;
  /** Column widths of this text's layout (see measureWidths). */
  widths?: Widths;
}

export type Choice = "left" | "right" | "newRow";

const isOpen = (c: ColumnState) => c.last !== null && !endsSentence(c.last);
const needsContent = (c: ColumnState, isRight: boolean) =>
  c.last === null ? isRight && c.available : isBracketHeader(c.last);
const lastChar = (s: string) => [...s].pop();
const firstChar = (s: string) => [...s][0];

function columnCost(line: string, col: Column, st: LayoutState): number {
  const c = col === "left" ? st.left : st.right;
  if (!c.available) return Infinity;
  const other = col === "left" ? st.right : st.left;
  const w = displayWidth(line);
  const bullet = startsParagraph(line);
  let cost = 0;
  const W = st.widths ?? WIDTHS;
  if (col === "left" && w > W.leftMax) cost += 10;
  if (col === "right" && w > W.rightMax) cost += 2;
  if (
    c.last !== null &&
    REPOSTED_BROKEN_HEAD.test(c.last.trim()) &&
    REPOSTED_BROKEN_TAIL.test(line)
  )
    cost -= 5;
  if (isOpen(c)) {
    // A sentence cut at the line end continues on the next line of its column, never with a bullet.
    if (bullet) cost += 4;
    // "…機関" + "た。" does not read; "…追加し" + "た。" does.
    if (isKanji(lastChar(c.last ?? "")) && /^た/u.test(line)) cost += 2;
  } else {
    if (/^[。、]/u.test(line)) cost += 3;
    if (needsContent(c, col === "right")) {
      // Right after a marker any paragraph may start; right after "[内閣官房]" its text, not another header.
      if (isBracketHeader(line) && c.last !== null) cost += c.last.trim() === line.trim() ? 5 : 3;
      else cost += bullet ? -1 : 1;
    } else cost += bullet ? 0 : 1.5;
  }
  // A line cut before its end is as wide as its column.
  if (!endsSentence(line)) {
    if (col === "right" && w < W.rightFull) cost += 2;
    if (col === "left" && w < W.leftFull - 3) cost += 0.5;
  }
  // Column blocks: the plan cell is done once the right column has gone on alone.
  if (col === "left" && !isOpen(c) && !needsContent(c, false) && st.rightSinceLeft >= 2) cost += 3;
  if (isOpen(c) && isOpen(other) && st.lastSingle === col) cost += 0.3;
  // Both columns at a sentence end: a new bullet goes on the list of the column just written.
  if (bullet && !isOpen(c) && !isOpen(other) && st.lastSingle === col) cost -= 0.3;
  return cost;
}

function newRowCost(line: string, st: LayoutState): number {
  if (!st.canStartRow) return Infinity;
  let cost = 0.5;
  if (startsParagraph(line)) cost += 2;
  if (isOpen(st.right)) cost += 3;
  if (isOpen(st.left)) cost += 3;
  if (displayWidth(line) > (st.widths ?? WIDTHS).leftMax) cost += 10;
  return cost;
}

/** The cheapest place for a single-column line, and how much cheaper it was than the next best. */
export function chooseColumn(line: string, st: LayoutState): { choice: Choice; margin: number } {
  const options: [Choice, number][] = [
    ["newRow", newRowCost(line, st)],
    ["left", columnCost(line, "left", st)],
    ["right", columnCost(line, "right", st)],
  ];
  // Stable sort: on a tie the earlier option (new row, then left) wins.
  const sorted = [...options].sort((a, b) => a[1] - b[1]);
  const [best, second] = sorted;
  if (best[1] === Infinity) return { choice: "left", margin: 0 };
  return { choice: best[0], margin: second[1] - best[1] };
}

/**
 * A mixed line "left text  right text": the split at the column gap, or null. A gap between two
 * Japanese characters, or before a bullet, is strong; a gap next to ASCII ("2023 年度") is only
 * taken when the whole line is too wide for one column.
 */
export function splitMixed(line: string, st: LayoutState): { left: string; right: string } | null {
  if (!st.right.available) return null;
  const W = st.widths ?? WIDTHS;
  const total = displayWidth(line);
  let best: { left: string; right: string; score: number } | null = null;
  for (const m of line.matchAll(/[\s\u3000]+/gu)) {
    const i = m.index ?? 0;
    const left = line.slice(0, i).trim();
    const right = line.slice(i + m[0].length).trim();
    if (left === "" || right === "") continue;
    const wl = displayWidth(left);
    const wr = displayWidth(right);
    if (wl > W.leftMax || wr > W.rightMax || wl < 4) continue;
    if (!endsSentence(left) && wl < W.leftFull) continue;
    if (isOpen(st.left) && startsParagraph(left)) continue;
    const strong = (isWide(lastChar(left)) && isWide(firstChar(right))) || startsParagraph(right);
    if (!strong && total <= W.rightMax) continue;
    const score = (strong ? 0 : 1) + Math.abs(wl - (W.leftFull + W.leftMax) / 2) * 0.1;
    if (!best || score < best.score) best = { left, right, score };
  }
  return best ? { left: best.left, right: best.right } : null;
}

/**
 * The layout's left column width, measured on lines that end with a marker ("…の <成果・進捗状況>"):
 * the text before the marker is a full left-column line unless it ends a sentence. The report's
 * widths are kept when it measures like the report, and scaled otherwise.
 */
export function measureWidths(lines: readonly string[]): Widths {
  const full: number[] = [];
  for (const line of lines) {
    const m = findInLine(line, SQUASHED_RESULTS_MARKER) ?? findInLine(line, SQUASHED_NEXT_PLAN_MARKER);
    const before = m ? line.slice(0, m.start).trim() : "";
    if (before !== "" && !endsSentence(before)) full.push(displayWidth(before));
  }
  if (full.length === 0) return WIDTHS;
  full.sort((a, b) => a - b);
  const median = full[Math.floor(full.length / 2)];
  if (Math.abs(median - LEFT_LINE) <= 2) return WIDTHS;
  const k = Math.min(3, Math.max(0.5, median / LEFT_LINE));
  return {
    leftFull: WIDTHS.leftFull * k,
    leftMax: WIDTHS.leftMax * k,
    rightFull: WIDTHS.rightFull * k,
    rightMax: WIDTHS.rightMax * k,
  };
}
