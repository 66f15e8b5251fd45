/**
 * One line of a table page cut into its cells at the column edges, or found to be a wide line
 * (a heading, a note or a merged cell across the table) that is read as one piece.
 */
import { parseHeading } from "../../domain/headings";
import { startsWithLabel } from "../reportText/lineRules";
import type { DrawnRules } from "./drawnRules";
import { columnAt, drawnAt, lineText, overhang, runEnd, splitRunAt, type PdfLine } from "./layout";
import type { TextRun } from "./textItems";

export type CutLine =
  /** Across the table: read as one piece, in column `col`. */
  | { kind: "wide"; col: number }
  /** Runs per column; `splits`: runs cut at an edge (the run's text and the column it ran into). */
  | { kind: "cells"; parts: TextRun[][]; splits: { run: string; column: number }[] };

/**
 * Without borders, a line from the 項番 column running past the owners column is a heading or a
 * note across the table, as is a heading alone in the first column.
 */
function wideWithoutBorders(line: PdfLine, edges: readonly number[]): boolean {
  const first = line.runs[0];
  const far = Math.max(
    ...line.runs.filter((r) => columnAt(edges, r.x) === 0).map(runEnd),
    -Infinity
  );
  if (columnAt(edges, first.x) === 0 && edges.length > 1 && far > edges[1]) return true;
  const text = lineText(line).normalize("NFKC");
  return (
    line.runs.every((r) => columnAt(edges, r.x) === 0) &&
    !startsWithLabel(text) &&
    parseHeading(text) !== null
  );
}

/**
 * The line's runs placed in columns; a run across an edge is cut there. On a ruled page, a line
 * where no column border is drawn, or a run across an edge with no border at its height, is wide
 * (a merged cell).
 */
export function cutLine(
  line: PdfLine,
  edges: readonly number[],
  rules: DrawnRules,
  ruled: boolean
): CutLine {
  const width = edges.length + 1;
  const yMid = line.y + 0.3 * line.runs[0].size;
  const drawn = edges.map((e) => drawnAt(rules, e, yMid));
  const wideAt = (): CutLine => ({
    kind: "wide",
    col: ruled && drawn.some(Boolean) ? columnAt(edges, line.runs[0].x) : 0,
  });
  if (ruled ? !drawn.some(Boolean) : wideWithoutBorders(line, edges)) return wideAt();
  const parts: TextRun[][] = Array.from({ length: width }, () => []);
  const splits: { run: string; column: number }[] = [];
  for (const run of line.runs) {
    let c = columnAt(edges, run.x);
    let r = run;
    while (c < width - 1 && runEnd(r) > edges[c] + overhang(r)) {
      // Across an edge with no border at this height: a merged cell, read as one.
      if (ruled && !drawn[c]) return wideAt();
      const cut = splitRunAt(r, edges[c]);
      if (!cut) break;
      splits.push({ run: run.str, column: c + 1 });
      parts[c].push(cut[0]);
      r = cut[1];
      c++;
    }
    parts[c].push(r);
  }
  return { kind: "cells", parts, splits };
}
