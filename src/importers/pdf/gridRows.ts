/**
 * Rows of the PDF grid, from the lines of the pages read: the header row, header bands printed
 * again, blocks (wide lines across the table: titles, headings, boxes, as a merged cell gives
 * them) and data rows, told apart by the drawn borders or, without borders, where the 項番
 * column starts a new label or a marker starts the results cell. Then the rows' finishing
 * stages: a row's rest at the next page's top joins it, the header goes first, and the grid.
 */
import { parseHeading } from "../../domain/headings";
import { squash } from "../../domain/text";
import { hasResultsMarker, isStrategySource, startsWithLabel } from "../reportText/lineRules";
import { joinCellLines } from "../reportText/textUtil";
import { TITLE_YEARS } from "../reportText/rules";
import type { DrawnRules } from "./drawnRules";
import type { FurnitureLine } from "./furniture";
import type { CutLine } from "./cutLine";
import { joinRuns, lineText, type PdfLine } from "./layout";

export interface GridRow {
  /** "repeat": where the header was printed again (not a grid row). */
  kind: "header" | "repeat" | "block" | "data";
  /** Lines of text per column. */
  cells: string[][];
  page: number;
  line: number;
  /** Data rows: the band between two drawn borders the row lies in. */
  band?: string;
  /** Data rows: started at the top of a page, after a row of the previous page. */
  after?: GridRow;
  /** Blocks: where the last line was (to tell a border between two lines). */
  lastY?: number;
  col?: number;
}

/** Horizontal borders that cross the table's columns (a border between two rows), highest first. */
export function rowBorders(rules: DrawnRules, edges: readonly number[]): number[] {
  const xs = edges.map((e) => e + 3);
  return rules.horizontal
    .filter((h) => xs.some((x) => h.a <= x && h.b >= x))
    .map((h) => h.at)
    .sort((a, b) => b - a);
}

/** The rows so far, and the row, block and data row that the next line may go on. */
export class GridRows {
  readonly rows: GridRow[] = [];
  private cur: GridRow | null = null;
  private block: GridRow | null = null;
  private lastData: GridRow | null = null;

  /** `width`: the table's column count. */
  constructor(private readonly width: number) {}

  /** The table's header (its cells as the header band reads them): rows before it end. */
  header(texts: readonly string[], at: { page: number; line: number }): void {
    this.rows.push({ kind: "header", cells: texts.map((t) => [t]), ...at });
    this.cur = null;
    this.lastData = null;
    this.block = null;
  }

  /** The header printed again on a later page: no grid row, but a block ends there. */
  repeatedHeader(at: { page: number; line: number }): void {
    this.rows.push({ kind: "repeat", cells: [], ...at });
    this.block = null;
  }

  /**
   * A wide line: more of the block above (same column, no border between, not a heading, the
   * block not a whole title), or a new block. `borders`: the page's row borders.
   */
  wide(
    line: PdfLine,
    col: number,
    at: { page: number; line: number },
    borders: readonly number[]
  ): void {
    const text = lineText(line);
    const size = line.runs[0].size;
    const block = this.block;
    const between =
      block !== null &&
      block.page === at.page &&
      borders.some((y) => y < block.lastY! && y > line.y + 0.8 * size);
    // A whole title (both years read) is a line of its own: a note under it is not more title.
    const titled = block !== null && TITLE_YEARS.test(squash(block.cells[block.col ?? 0].join("")));
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
      const row: GridRow = {
        kind: "block",
        cells: Array.from({ length: this.width }, () => []),
        ...at,
        lastY: line.y,
        col,
      };
      row.cells[col].push(text);
      this.rows.push(row);
      this.block = row;
    }
    this.cur = null;
  }

  /**
   * A line cut into cells: on the current data row, or a new one. Ruled with row borders: a new
   * border band, or a second label in one band (a border missing), starts a row; without: a new
   * label, or a results marker in a column that already has text.
   */
  cells(
    cut: Extract<CutLine, { kind: "cells" }>,
    line: PdfLine,
    at: { page: number; line: number },
    ruled: boolean,
    borders: readonly number[]
  ): void {
    this.block = null;
    const cells = cut.parts.map((ps) => joinRuns(ps));
    const label = startsWithLabel(cells[0]);
    const cur = this.cur;
    if (ruled && borders.length > 0) {
      // The nearest border above the line's top names its row.
      const above = borders.filter((y) => y > line.y + 0.8 * line.runs[0].size).pop();
      const band = `${at.page}:${above ?? "top"}`;
      if (!cur || cur.band !== band || (label && cur.cells[0].length > 0)) this.newData(at, band);
    } else {
      const marker = cells.some(
        (t, k) =>
          k > 0 &&
          squash(t).startsWith("<") &&
          hasResultsMarker(t) &&
          cur !== null &&
          cur.cells[k].length > 0
      );
      if (!cur || (label && cur.cells[0].length > 0) || marker) this.newData(at);
    }
    cells.forEach((t, k) => {
      if (t !== "") this.cur!.cells[k].push(t);
    });
  }

  private newData(at: { page: number; line: number }, band?: string): void {
    const row: GridRow = {
      kind: "data",
      cells: Array.from({ length: this.width }, () => []),
      ...at,
      band,
    };
    if (this.lastData && this.lastData.page !== at.page && this.cur === this.lastData)
      row.after = this.lastData;
    this.rows.push(row);
    this.lastData = row;
    this.cur = row;
  }
}

/**
 * A data row's part at the top of a page without a label is the rest of the row the previous
 * page ended with: joined to it. Other rows without a label stay, with a warning.
 */
export function joinContinuedRows(
  rows: readonly GridRow[],
  warn: (reason: string, at: { page: number; line: number }) => void
): GridRow[] {
  const kept: GridRow[] = [];
  for (const row of rows) {
    if (row.kind === "data" && row.cells[0].length === 0) {
      if (row.after) {
        const target = row.after;
        row.cells.forEach((ls, k) => target.cells[k].push(...ls));
        continue;
      }
      warn("row-without-label", row);
    }
    kept.push(row);
  }
  return kept;
}

/** Table text above the header (a page that starts inside the table) is read under it: the header moves before the first data row. */
export function headerFirst(rows: GridRow[]): GridRow[] {
  const out = [...rows];
  const h = out.findIndex((r) => r.kind === "header");
  const firstData = out.findIndex((r) => r.kind === "data");
  if (firstData >= 0 && firstData < h) out.splice(firstData, 0, ...out.splice(h, 1));
  return out;
}

/**
 * The grid: one row per header, block and data row (a data cell's lines joined as wrapped text,
 * the owners column's kept one per line). The strategy box quoted between a heading and its
 * table (its source line, or any text there that is no heading) is furniture, not a row.
 */
export function toGrid(
  rows: readonly GridRow[],
  ownersColumn: number,
  furniture: FurnitureLine[]
): { grid: string[][]; at: { page: number; line: number }[] } {
  const grid: string[][] = [];
  const at: { page: number; line: number }[] = [];
  const blockText = (row: GridRow) => row.cells[row.col ?? 0].join("\n");
  const isHeading = (row: GridRow) =>
    row.kind === "block" && parseHeading(blockText(row).normalize("NFKC")) !== null;
  // Kind of the first row after each that is not a block (found from the end: one pass).
  const nextNonBlock: (GridRow["kind"] | undefined)[] = [];
  for (let n = rows.length - 1, k: GridRow["kind"] | undefined; n >= 0; n--) {
    nextNonBlock[n] = k;
    if (rows[n].kind !== "block") k = rows[n].kind;
  }
  let afterHeading = false;
  rows.forEach((row, n) => {
    if (row.kind === "repeat") return;
    if (row.kind === "block" && !isHeading(row)) {
      const next = nextNonBlock[n];
      const boxed = afterHeading && (next === undefined || next === "header" || next === "repeat");
      if (boxed || isStrategySource(row.cells[row.col ?? 0][0] ?? "")) {
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
  return { grid, at };
}
