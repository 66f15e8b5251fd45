/**
 * Page layout from pdf.js text runs: runs grouped into lines, the table's column boundaries
 * found from the header row (項番 | 担当府省庁 | plan | results and next plan), and each line cut
 * into its columns.
 */
import { squash } from "../../domain/text";
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

/** Runs joined left to right: a space where the gap is wider than a third of the font size. */
export function joinRuns(runs: readonly TextRun[]): string {
  let out = "";
  let end: number | null = null;
  for (const r of runs) {
    if (end !== null && r.x - end > r.size / 3 && !out.endsWith(" ") && !r.str.startsWith(" "))
      out += " ";
    out += r.str;
    end = r.x + r.width;
  }
  return out.trim();
}

export const lineText = (l: PdfLine) => joinRuns(l.runs);

/** x of the left edges of columns 2, 3 and 4 (owners, plan, results): a run starting there or to the right belongs to that column. */
export type ColumnBounds = [number, number, number];

interface HeaderCentres {
  centres: [number, number, number, number];
}

/** The header row's four column centres, from the runs "項番", "担当府省庁", "…年次計画", "取組の成果…". */
export function findHeader(lines: readonly PdfLine[]): HeaderCentres | null {
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i].runs.find((r) => squash(r.str).startsWith("項番"));
    const owner = lines[i].runs.find((r) => squash(r.str).includes("担当府省庁"));
    if (!first || !owner) continue;
    // The header cell may wrap: look at this line and the next few.
    const near = lines.slice(i, i + 5).flatMap((l) => l.runs);
    const result = near.find((r) => squash(r.str).includes("取組の成果"));
    if (!result) continue;
    const mid = (r: TextRun) => r.x + r.width / 2;
    const planRuns = near.filter(
      (r) => r.x > owner.x + owner.width && mid(r) < result.x && /年度|年次計画/u.test(r.str)
    );
    if (planRuns.length === 0) continue;
    const plan = planRuns.reduce((a, r) => a + mid(r), 0) / planRuns.length;
    return { centres: [mid(first), mid(owner), plan, mid(result)] };
  }
  return null;
}

/**
 * Column boundaries: each column's text lines start at its left edge, so between two header
 * centres the most frequent start of a run is the next column's edge.
 */
export function columnBounds(
  header: HeaderCentres,
  lines: readonly PdfLine[]
): ColumnBounds | null {
  const starts = new Map<number, number>();
  for (const l of lines) {
    for (const r of l.runs) {
      const k = Math.round(r.x);
      starts.set(k, (starts.get(k) ?? 0) + 1);
    }
  }
  const edge = (lo: number, hi: number): number | null => {
    let best: [number, number] | null = null;
    for (const [x, n] of starts)
      if (x > lo && x <= hi && (!best || n > best[1] || (n === best[1] && x < best[0])))
        best = [x, n];
    return best ? best[0] - 1.5 : null;
  };
  const c = header.centres;
  const b1 = edge(c[0], c[1]);
  const b2 = edge(c[1], c[2]);
  const b3 = edge(c[2], c[3]);
  return b1 !== null && b2 !== null && b3 !== null ? [b1, b2, b3] : null;
}

/** A line's text in each of the four columns ("" where empty). */
export function splitColumns(line: PdfLine, b: ColumnBounds): [string, string, string, string] {
  const parts: TextRun[][] = [[], [], [], []];
  for (const r of line.runs) parts[r.x < b[0] ? 0 : r.x < b[1] ? 1 : r.x < b[2] ? 2 : 3].push(r);
  return [joinRuns(parts[0]), joinRuns(parts[1]), joinRuns(parts[2]), joinRuns(parts[3])];
}

/** A line that starts in the 項番 column and runs past the owner column: heading, strategy box, title. */
export function isWideLine(line: PdfLine, b: ColumnBounds): boolean {
  const first = line.runs[0];
  if (!first || first.x >= b[0]) return false;
  const end = Math.max(...line.runs.filter((r) => r.x < b[1]).map((r) => r.x + r.width));
  return end > b[1] || line.runs.every((r) => r.x < b[0]);
}
