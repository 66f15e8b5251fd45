/**
 * Page geometry from pdf.js text runs: runs grouped into lines, the table header found with the
 * table reader's own header rules (`coreRoles`), column edges taken from the drawn borders or,
 * without borders, from where the columns' text starts, and a line cut at those edges.
 */
import { coreRoles } from "../table/readTable";
import { isWide } from "../reportText/textUtil";
import type { DrawnRules } from "./drawnRules";
import type { TextRun } from "./textItems";

export interface PdfLine {
  /** Baseline (PDF points, y upwards). */
  y: number;
  runs: TextRun[];
  /** 1-based, top to bottom on its page. */
  index: number;
}

/** Runs on (nearly) the same baseline make a line; lines come top to bottom, runs left to right. */
export function groupLines(runs: readonly TextRun[]): PdfLine[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfLine[] = [];
  for (const r of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - r.y) <= 0.5 * r.size) last.runs.push(r);
    else lines.push({ y: r.y, runs: [r], index: 0 });
  }
  lines.forEach((l, i) => {
    l.runs.sort((a, b) => a.x - b.x);
    l.index = i + 1;
  });
  return lines;
}

/**
 * Runs joined left to right: a space where the gap is a fifth of the font size or more (a space
 * before a full-width bracket, whose glyph has its own blank half, leaves a gap of only a quarter;
 * runs cut inside a word touch).
 */
export function joinRuns(runs: readonly TextRun[]): string {
  let out = "";
  let end: number | null = null;
  for (const r of runs) {
    if (end !== null && r.x - end >= r.size / 5 && !out.endsWith(" ") && !r.str.startsWith(" "))
      out += " ";
    out += r.str;
    end = r.x + r.width;
  }
  return out.trim();
}

export const lineText = (l: PdfLine) => joinRuns(l.runs);

const end = (r: TextRun) => r.x + r.width;

/** A header cell as printed: its text (lines joined by "\n") and horizontal extent. */
export interface HeaderColumn {
  x0: number;
  x1: number;
  text: string;
}

/** A header found on a page: its first and last line (indices into the page's lines) and columns, left to right. */
export interface HeaderBand {
  first: number;
  last: number;
  columns: HeaderColumn[];
  /** Core columns the table reader recognises in it. */
  score: number;
}

/** A line's runs in pieces separated by a drawn border or a gap wider than half a character (a cell's text stays one piece). */
function chunks(line: PdfLine, rules: DrawnRules): HeaderColumn[] {
  const out: HeaderColumn[] = [];
  for (const r of line.runs) {
    const last = out[out.length - 1];
    const border = last && drawnBetween(rules, last.x1 - 0.5, r.x + 0.5, line.y + 0.3 * r.size);
    if (last && !border && r.x - last.x1 <= 0.5 * r.size) {
      last.text = joinRuns([{ ...r, str: last.text, x: last.x0, width: last.x1 - last.x0 }, r]);
      last.x1 = Math.max(last.x1, end(r));
    } else out.push({ x0: r.x, x1: end(r), text: r.str.trim() });
  }
  return out;
}

/** The pieces of several lines grouped into columns by horizontal overlap (a wrapped header cell is one column). */
function columnsOf(lines: readonly PdfLine[], rules: DrawnRules): HeaderColumn[] {
  const pieces = lines.flatMap((l, i) => chunks(l, rules).map((c) => ({ ...c, order: i })));
  pieces.sort((a, b) => a.x0 - b.x0);
  const groups: { x0: number; x1: number; parts: typeof pieces }[] = [];
  for (const p of pieces) {
    const g = groups[groups.length - 1];
    if (g && p.x0 < g.x1 - 0.5) {
      g.x1 = Math.max(g.x1, p.x1);
      g.parts.push(p);
    } else groups.push({ x0: p.x0, x1: p.x1, parts: [p] });
  }
  return groups.map((g) => ({
    x0: g.x0,
    x1: g.x1,
    text: [...g.parts]
      .sort((a, b) => a.order - b.order || a.x0 - b.x0)
      .map((p) => p.text)
      .join("\n"),
  }));
}

/** Lines a header cell may wrap over. */
const HEADER_LINES = 4;

function bestWindow(lines: readonly PdfLine[], rules: DrawnRules, i: number): HeaderBand | null {
  let best: HeaderBand | null = null;
  for (let n = 1; n <= HEADER_LINES && i + n <= lines.length; n++) {
    const window = lines.slice(i, i + n);
    const last = window[window.length - 1];
    // A header's lines are close together: a gap of three lines ends it.
    if (n > 1 && window[n - 2].y - last.y > 3 * last.runs[0].size) break;
    const columns = columnsOf(window, rules);
    const score = coreRoles(columns.map((c) => c.text)).size;
    if (!best || score > best.score) best = { first: i, last: i + n - 1, columns, score };
  }
  return best && best.score >= 2 ? best : null;
}

/**
 * Every header on a page: a few consecutive lines whose columns name at least two core columns
 * by the table reader's rules; of overlapping candidates the one naming the most wins.
 */
export function findHeaders(lines: readonly PdfLine[], rules: DrawnRules): HeaderBand[] {
  const found: HeaderBand[] = [];
  const memo = new Map<number, HeaderBand | null>();
  const at = (i: number) => {
    if (!memo.has(i)) memo.set(i, bestWindow(lines, rules, i));
    return memo.get(i) ?? null;
  };
  for (let i = 0; i < lines.length; i++) {
    const here = at(i);
    if (!here) continue;
    // A title line above the header can only spoil it: a start lower down that names more wins.
    if ([1, 2].some((k) => (at(i + k)?.score ?? 0) > here.score)) continue;
    found.push(here);
    i = here.last;
  }
  return found;
}

/** A vertical border strictly between x0 and x1 at height y. */
function drawnBetween(rules: DrawnRules, x0: number, x1: number, y: number): boolean {
  return rules.vertical.some((v) => v.at > x0 && v.at < x1 && v.a - 1 <= y && v.b + 1 >= y);
}

/** A vertical border near x at height y on the page. */
export function drawnAt(rules: DrawnRules, x: number, y: number, tolerance = 2): boolean {
  return rules.vertical.some(
    (v) => Math.abs(v.at - x) <= tolerance && v.a - 1 <= y && v.b + 1 >= y
  );
}

/**
 * x of the left edge of each column after the first. Drawn borders between two header cells
 * give it; without them, the most frequent start of a run between the two header texts (each
 * column's lines start at its left edge); failing that, the middle of the gap.
 */
export function columnEdges(
  header: HeaderBand,
  headerY: number,
  rules: DrawnRules,
  bodyRuns: readonly TextRun[]
): number[] {
  const cols = header.columns;
  const edges: number[] = [];
  for (let k = 0; k + 1 < cols.length; k++) {
    const lo = cols[k].x1 - 1;
    const hi = cols[k + 1].x0 + 1;
    const mid = (cols[k].x1 + cols[k + 1].x0) / 2;
    const drawn = rules.vertical
      .filter((v) => v.at > lo && v.at < hi && v.a - 2 <= headerY && v.b + 2 >= headerY)
      .sort((a, b) => Math.abs(a.at - mid) - Math.abs(b.at - mid))[0];
    if (drawn) {
      edges.push(drawn.at);
      continue;
    }
    const starts = new Map<number, number>();
    for (const r of bodyRuns) {
      if (r.x <= lo || r.x > hi) continue;
      const x = Math.round(r.x);
      starts.set(x, (starts.get(x) ?? 0) + 1);
    }
    let best: [number, number] | null = null;
    for (const [x, n] of starts)
      if (!best || n > best[1] || (n === best[1] && x < best[0])) best = [x, n];
    edges.push(best ? best[0] - 1 : mid);
  }
  return edges;
}

/** The column a position falls in. */
export function columnAt(edges: readonly number[], x: number): number {
  let c = 0;
  while (c < edges.length && x >= edges[c] - 0.5) c++;
  return c;
}

/** Width of a character in ems as printed: wide (CJK, full-width) 1, narrow 0.5. */
const charWeight = (ch: string) => (isWide(ch) ? 1 : 0.5);

/**
 * A run cut at x: characters are placed by their share of the run's width (wide characters
 * count twice a narrow one), and the cut falls at the character boundary nearest x. Null when
 * one side would be empty.
 */
export function splitRunAt(r: TextRun, x: number): [TextRun, TextRun] | null {
  const chars = [...r.str];
  const total = chars.reduce((s, c) => s + charWeight(c), 0);
  if (total === 0) return null;
  let best = -1;
  let bestDist = Infinity;
  let acc = 0;
  for (let i = 0; i <= chars.length; i++) {
    const pos = r.x + (acc / total) * r.width;
    if (Math.abs(pos - x) < bestDist) {
      bestDist = Math.abs(pos - x);
      best = i;
    }
    if (i < chars.length) acc += charWeight(chars[i]);
  }
  if (best <= 0 || best >= chars.length) return null;
  const leftWeight = chars.slice(0, best).reduce((s, c) => s + charWeight(c), 0);
  const w = (leftWeight / total) * r.width;
  return [
    { ...r, str: chars.slice(0, best).join(""), width: w },
    { ...r, str: chars.slice(best).join(""), x: r.x + w, width: r.width - w },
  ];
}

/** How far past a column edge a run may reach and still count as inside its column (an overhang). */
export const overhang = (r: TextRun) => 0.35 * r.size;
export const runEnd = end;
