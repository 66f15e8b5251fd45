/**
 * A PDF's pages as the cell grid a spreadsheet would give: the header row (found with the table
 * reader's rules), each line cut at the column edges into its cells, rows told apart by the drawn
 * borders or, without borders, where the 項番 column starts a new label or a marker starts the
 * results cell. A row whose first part ends a page continues on the next one when the next part
 * has no label. Text outside the table's cells (titles, headings, boxes) becomes a one-cell row,
 * as a merged cell does. Page furniture (running title, page numbers, the header printed again)
 * is taken out and listed, so nothing is lost unseen.
 */
import { matchHeader } from "../../domain/headers";
import { parseHeading } from "../../domain/headings";
import type { Problem } from "../../domain/model";
import { squash } from "../../domain/text";
import {
  APPENDIX,
  FOOTER,
  LABEL,
  OUR_APPENDIX,
  PAGE_NUMBER,
  RESULTS_MARKER,
  STRATEGY_SOURCE,
} from "../reportText/rules";
import { joinCellLines } from "../reportText/textUtil";
import { TITLE_YEARS } from "../table/readTable";
import type { DrawnRules } from "./drawnRules";
import {
  columnAt,
  columnEdges,
  drawnAt,
  findHeaders,
  groupLines,
  joinRuns,
  lineText,
  overhang,
  runEnd,
  splitRunAt,
  type HeaderBand,
  type PdfLine,
} from "./layout";
import type { PdfPageText, TextRun } from "./textItems";

export type FurnitureKind =
  "running-title" | "page-number" | "repeated-header" | "strategy-box" | "other-appendix";

/** A line that is not table content, and why. */
export interface FurnitureLine {
  kind: FurnitureKind;
  page: number;
  line: number;
  text: string;
  /** Set when several files are read as one. */
  file?: string;
}

export interface PdfGrid {
  /** Null when no page has a header the table reader knows. */
  grid: string[][] | null;
  /** Page and line where each grid row starts. */
  at: { page: number; line: number }[];
  problems: Problem[];
  furniture: FurnitureLine[];
  /** Pages read (other appendices excluded). */
  pagesRead: number[];
}

interface Row {
  /** "repeat": where the header was printed again (not a grid row). */
  kind: "header" | "repeat" | "block" | "data";
  /** Lines of text per column. */
  cells: string[][];
  page: number;
  line: number;
  /** Data rows: the band between two drawn borders the row lies in. */
  band?: string;
  /** Data rows: started at the top of a page, after a row of the previous page. */
  after?: Row;
  /** Blocks: where the last line was (to tell a border between two lines). */
  lastY?: number;
  col?: number;
}

/** Top and bottom share of the page where running titles and page numbers stand. */
const MARGIN = 0.15;

function layoutProblem(
  file: string,
  reason: string,
  at: { page: number; line: number },
  params: Record<string, string | number> = {},
  severity: Problem["severity"] = "warning"
): Problem {
  return {
    code: "ambiguous-layout",
    severity,
    file,
    page: at.page,
    line: at.line,
    params: { reason, ...params },
  };
}

/** Horizontal borders that cross the table's columns (a border between two rows), highest first. */
function rowBorders(rules: DrawnRules, edges: readonly number[]): number[] {
  const xs = edges.map((e) => e + 3);
  return rules.horizontal
    .filter((h) => xs.some((x) => h.a <= x && h.b >= x))
    .map((h) => h.at)
    .sort((a, b) => b - a);
}

export function buildPdfGrid(pages: readonly PdfPageText[], file: string): PdfGrid {
  const problems: Problem[] = [];
  const furniture: FurnitureLine[] = [];
  const lines = pages.map((p) => groupLines(p.runs));

  // Pages of other appendices (別添3, 別添4), and pages after them until 別添2 comes back, are not this table.
  let current: number | null = null;
  const ours = lines.map((ls) => {
    for (const l of ls.slice(0, 4)) {
      const a = APPENDIX.exec(lineText(l).normalize("NFKC"));
      if (a) {
        current = Number(a[1]);
        break;
      }
    }
    return current === null || current === OUR_APPENDIX;
  });
  pages.forEach((p, i) => {
    if (ours[i]) return;
    for (const l of lines[i])
      furniture.push({ kind: "other-appendix", page: p.page, line: l.index, text: lineText(l) });
  });
  const skipped = ours.filter((o) => !o).length;
  if (skipped > 0)
    problems.push({
      code: "ambiguous-layout",
      severity: "info",
      file,
      params: { reason: "other-appendix-skipped", pages: skipped },
    });
  const pagesRead = pages.filter((_, i) => ours[i]).map((p) => p.page);

  const headers = lines.map((ls, i) => (ours[i] ? findHeaders(ls, pages[i].rules) : []));
  const firstPage = headers.findIndex((h) => h.length > 0);
  if (firstPage < 0) return { grid: null, at: [], problems, furniture, pagesRead };
  const header: HeaderBand = headers[firstPage][0];
  const headerLines = lines[firstPage].slice(header.first, header.last + 1);
  const headerY =
    (headerLines[0].y + headerLines[headerLines.length - 1].y) / 2 +
    0.3 * headerLines[0].runs[0].size;
  const bodyRuns = lines.flatMap((ls, i) => (ours[i] ? ls.flatMap((l) => l.runs) : []));
  const edges = columnEdges(header, headerY, pages[firstPage].rules, bodyRuns);
  const width = header.columns.length;
  const headerTexts = header.columns.map((c) => c.text);
  const ownersColumn = headerTexts.findIndex((t) => matchHeader(t)?.role === "owners");

  // Running titles and page numbers: in the page's top or bottom margin, the same line on several
  // pages, or a page number alone. The first page's title above the header stays: it names the years.
  const margin = (p: PdfPageText, l: PdfLine) =>
    l.y > p.height * (1 - MARGIN) || l.y < p.height * MARGIN;
  const seen = new Map<string, number>();
  const keyOf = (l: PdfLine) => `${squash(lineText(l))}@${Math.round(l.y / 3)}`;
  lines.forEach((ls, i) => {
    if (!ours[i]) return;
    for (const k of new Set(ls.filter((l) => margin(pages[i], l)).map(keyOf)))
      seen.set(k, (seen.get(k) ?? 0) + 1);
  });
  const isRuled = (rules: DrawnRules) =>
    rules.vertical.some((v) => edges.some((e) => Math.abs(v.at - e) <= 2));
  // A line inside the table's cells is content, however often it repeats: inside drawn column
  // borders, or (without borders) within one column right of the first.
  const inCell = (i: number, l: PdfLine): boolean => {
    const rules = pages[i].rules;
    if (isRuled(rules)) return edges.some((e) => drawnAt(rules, e, l.y + 0.3 * l.runs[0].size));
    const first = columnAt(edges, l.runs[0].x);
    return first > 0 && l.runs.every((r) => columnAt(edges, runEnd(r) - overhang(r)) === first);
  };
  const furnitureKind = (i: number, l: PdfLine): FurnitureKind | null => {
    if (!margin(pages[i], l)) return null;
    const k = squash(lineText(l));
    if ((FOOTER.test(k) || PAGE_NUMBER.test(k)) && !(isRuled(pages[i].rules) && inCell(i, l)))
      return "page-number";
    const aboveHeader = i === firstPage && l.index - 1 < header.first;
    if ((seen.get(keyOf(l)) ?? 0) > 1 && !aboveHeader && !inCell(i, l)) return "running-title";
    return null;
  };

  const rows: Row[] = [];
  let cur: Row | null = null;
  let block: Row | null = null;
  let lastData: Row | null = null;
  const newData = (page: number, line: number, band?: string): Row => {
    const row: Row = {
      kind: "data",
      cells: Array.from({ length: width }, () => []),
      page,
      line,
      band,
    };
    if (lastData && lastData.page !== page && cur === lastData) row.after = lastData;
    rows.push(row);
    lastData = row;
    return row;
  };

  pages.forEach((p, i) => {
    if (!ours[i]) return;
    const page = p.page;
    const rules = p.rules;
    const ruled = isRuled(rules);
    const borders = rowBorders(rules, edges);
    let j = 0;
    for (; j < lines[i].length; j++) {
      const line = lines[i][j];
      const at = { page, line: line.index };
      const band = headers[i].find((h) => h.first === j);
      if (band) {
        if (i === firstPage && band === header) {
          rows.push({ kind: "header", cells: headerTexts.map((t) => [t]), ...at });
          cur = null;
          lastData = null;
        } else {
          for (const l of lines[i].slice(band.first, band.last + 1))
            furniture.push({ kind: "repeated-header", page, line: l.index, text: lineText(l) });
          rows.push({ kind: "repeat", cells: [], ...at });
        }
        block = null;
        j = band.last;
        continue;
      }
      const fk = furnitureKind(i, line);
      if (fk) {
        furniture.push({ kind: fk, page, line: line.index, text: lineText(line) });
        continue;
      }
      const size = line.runs[0].size;
      const yMid = line.y + 0.3 * size;
      const drawn = edges.map((e) => drawnAt(rules, e, yMid));
      const parts: TextRun[][] = Array.from({ length: width }, () => []);
      let wide = ruled && !drawn.some(Boolean);
      const splits: { run: string; column: number }[] = [];
      if (!ruled) {
        // Without borders: a line from the 項番 column running past the owners column is a heading
        // or a note across the table, as is a heading alone in the first column.
        const first = line.runs[0];
        const far = Math.max(
          ...line.runs.filter((r) => columnAt(edges, r.x) === 0).map(runEnd),
          -Infinity
        );
        const text = lineText(line).normalize("NFKC");
        if (columnAt(edges, first.x) === 0 && edges.length > 1 && far > edges[1]) wide = true;
        if (
          line.runs.every((r) => columnAt(edges, r.x) === 0) &&
          !LABEL.test(text) &&
          parseHeading(text)
        )
          wide = true;
      }
      if (!wide) {
        for (const run of line.runs) {
          let c = columnAt(edges, run.x);
          let r = run;
          while (c < width - 1 && runEnd(r) > edges[c] + overhang(r)) {
            // Across an edge with no border at this height: a merged cell, read as one.
            if (ruled && !drawn[c]) {
              wide = true;
              break;
            }
            const cut = splitRunAt(r, edges[c]);
            if (!cut) break;
            splits.push({ run: run.str, column: c + 1 });
            parts[c].push(cut[0]);
            r = cut[1];
            c++;
          }
          if (wide) break;
          parts[c].push(r);
        }
      }
      if (wide) {
        const text = lineText(line);
        const col = ruled && drawn.some(Boolean) ? columnAt(edges, line.runs[0].x) : 0;
        const between =
          block !== null &&
          block.page === page &&
          borders.some((y) => y < block!.lastY! && y > line.y + 0.8 * size);
        // A whole title (both years read) is a line of its own: a note under it is not more title.
        const titled =
          block !== null && TITLE_YEARS.test(squash(block.cells[block.col ?? 0].join("")));
        if (
          block &&
          !between &&
          !titled &&
          block.col === col &&
          !parseHeading(text.normalize("NFKC"))
        ) {
          block.cells[col].push(text);
          block.lastY = line.y;
        } else {
          block = {
            kind: "block",
            cells: Array.from({ length: width }, () => []),
            ...at,
            lastY: line.y,
            col,
          };
          block.cells[col].push(text);
          rows.push(block);
        }
        cur = null;
        continue;
      }
      block = null;
      for (const s of splits)
        problems.push(
          layoutProblem(
            file,
            ruled ? "pdf-run-split" : "pdf-run-split-guess",
            at,
            { text: s.run, column: headerTexts[s.column] },
            ruled ? "info" : "warning"
          )
        );
      const cells = parts.map((ps) => joinRuns(ps));
      const label = LABEL.test(cells[0].normalize("NFKC"));
      if (ruled && borders.length > 0) {
        // Rows between drawn borders: the nearest border above the line's top names its row (a
        // second label inside one band, where a border is missing, still starts a row).
        const above = borders.filter((y) => y > line.y + 0.8 * size).pop();
        const band = `${page}:${above ?? "top"}`;
        if (!cur || cur.band !== band || (label && cur.cells[0].length > 0))
          cur = newData(page, line.index, band);
      } else {
        const marker = cells.some(
          (t, k) =>
            k > 0 &&
            squash(t).startsWith("<") &&
            RESULTS_MARKER.test(squash(t)) &&
            cur !== null &&
            cur.cells[k].length > 0
        );
        if (!cur || (label && cur.cells[0].length > 0) || marker) cur = newData(page, line.index);
      }
      cells.forEach((t, k) => {
        if (t !== "") cur!.cells[k].push(t);
      });
    }
  });

  // A row's part at the top of a page without a label is the rest of the row the previous page ended with.
  const kept: Row[] = [];
  for (const row of rows) {
    if (row.kind === "data" && row.cells[0].length === 0) {
      if (row.after) {
        const target = row.after;
        row.cells.forEach((ls, k) => target.cells[k].push(...ls));
        continue;
      }
      problems.push(layoutProblem(file, "row-without-label", row));
    }
    kept.push(row);
  }
  // Table text above the header (a page that starts inside the table) is read under it.
  const h = kept.findIndex((r) => r.kind === "header");
  const firstData = kept.findIndex((r) => r.kind === "data");
  if (firstData >= 0 && firstData < h) kept.splice(firstData, 0, ...kept.splice(h, 1));

  const grid: string[][] = [];
  const at: { page: number; line: number }[] = [];
  const blockText = (row: Row) => row.cells[row.col ?? 0].join("\n");
  const isHeading = (row: Row) =>
    row.kind === "block" && parseHeading(blockText(row).normalize("NFKC")) !== null;
  let afterHeading = false;
  kept.forEach((row, n) => {
    if (row.kind === "repeat") return;
    if (row.kind === "block" && !isHeading(row)) {
      // The strategy box quoted between a heading and its table (its source line, or any text
      // there that is no heading): not a measure, not a heading.
      const next = kept.slice(n + 1).find((r) => r.kind !== "block");
      const boxed =
        afterHeading && (next === undefined || next.kind === "header" || next.kind === "repeat");
      if (boxed || STRATEGY_SOURCE.test(squash(row.cells[row.col ?? 0][0] ?? ""))) {
        blockText(row)
          .split("\n")
          .forEach((t, k) =>
            furniture.push({ kind: "strategy-box", page: row.page, line: row.line + k, text: t })
          );
        return;
      }
    }
    if (row.kind === "block") afterHeading ||= isHeading(row);
    else afterHeading = false;
    grid.push(
      row.cells.map((ls, k) =>
        row.kind === "data" && k !== ownersColumn ? joinCellLines(ls) : ls.join("\n")
      )
    );
    at.push({ page: row.page, line: row.line });
  });
  return { grid, at, problems, furniture, pagesRead };
}
