/**
 * A PDF's pages as the cell grid a spreadsheet would give, in named stages: the pages of the
 * table (appendixPages.ts) → its header and column edges (tableHeader.ts) → per line: header
 * bands, page furniture (furniture.ts), the line cut into cells or found wide (cutLine.ts) →
 * rows (gridRows.ts: told apart by drawn borders or, without borders, where the 項番 column
 * starts a new label or a marker starts the results cell) → a row's rest at the next page's top
 * joined to it → the header first → the grid (a wide line is a one-cell row, as a merged cell
 * is; the quoted strategy box is furniture). Page furniture (running title, page numbers, the
 * header printed again) is taken out and listed, so nothing is lost unseen.
 */
import type { Problem } from "../../domain/model";
import { appendixPages } from "./appendixPages";
import { cutLine } from "./cutLine";
import { isRuled, marginFurniture, type FurnitureLine } from "./furniture";
import { GridRows, headerFirst, joinContinuedRows, rowBorders, toGrid } from "./gridRows";
import { groupLines, lineText } from "./layout";
import { tableHeader } from "./tableHeader";
import type { PdfPageText } from "./textItems";

export type { FurnitureKind, FurnitureLine } from "./furniture";

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

export function buildPdfGrid(pages: readonly PdfPageText[], file: string): PdfGrid {
  const lines = pages.map((p) => groupLines(p.runs));
  const { ours, furniture, problems, pagesRead } = appendixPages(pages, lines, file);
  const table = tableHeader(pages, lines, ours);
  if (!table) return { grid: null, at: [], problems, furniture, pagesRead };
  const { bands, edges, texts } = table;
  const furnitureKind = marginFurniture(pages, lines, ours, edges, {
    page: table.page,
    first: table.header.first,
  });

  const rows = new GridRows(texts.length);
  pages.forEach((p, i) => {
    if (!ours[i]) return;
    const page = p.page;
    const ruled = isRuled(p.rules, edges);
    const borders = rowBorders(p.rules, edges);
    for (let j = 0; j < lines[i].length; j++) {
      const line = lines[i][j];
      const at = { page, line: line.index };
      const band = bands[i].find((h) => h.first === j);
      if (band) {
        if (i === table.page && band === table.header) rows.header(texts, at);
        else {
          for (const l of lines[i].slice(band.first, band.last + 1))
            furniture.push({ kind: "repeated-header", page, line: l.index, text: lineText(l) });
          rows.repeatedHeader(at);
        }
        j = band.last;
        continue;
      }
      const fk = furnitureKind(i, line);
      if (fk) {
        furniture.push({ kind: fk, page, line: line.index, text: lineText(line) });
        continue;
      }
      const cut = cutLine(line, edges, p.rules, ruled);
      if (cut.kind === "wide") {
        rows.wide(line, cut.col, at, borders);
        continue;
      }
      for (const s of cut.splits)
        problems.push(
          layoutProblem(
            file,
            ruled ? "pdf-run-split" : "pdf-run-split-guess",
            at,
            { text: s.run, column: texts[s.column] },
            ruled ? "info" : "warning"
          )
        );
      rows.cells(cut, line, at, ruled, borders);
    }
  });

  const joined = joinContinuedRows(rows.rows, (reason, at) =>
    problems.push(layoutProblem(file, reason, at))
  );
  const { grid, at } = toGrid(headerFirst(joined), table.ownersColumn, furniture);
  return { grid, at, problems, furniture, pagesRead };
}
