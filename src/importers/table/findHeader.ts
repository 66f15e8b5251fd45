/**
 * Stage 1 of readPlanTable: find the header row (even below title rows, or two rows read as one).
 */
import { COLUMNS, coreRolesOf, type ColumnTable } from "../../domain/columns";
import { matchHeader } from "../../domain/headers";
import { squash } from "../../domain/text";

/** How far down the header row is looked for. */
export const HEADER_SEARCH_ROWS = 50;

export interface HeaderFound {
  /** First and last grid row of the header (equal for a one-row header). */
  top: number;
  bottom: number;
  cells: string[];
}

/** The core columns a row's cells name: two or more make the row a header. */
export function coreRoles(cells: readonly string[], columns: ColumnTable = COLUMNS): Set<string> {
  const core = coreRolesOf(columns);
  const roles = new Set<string>();
  for (const cell of cells) {
    const m = matchHeader(cell, columns);
    if (m && core.has(m.role)) roles.add(m.role);
  }
  return roles;
}

/**
 * One header made of two rows, column by column: "2023 年度" over "年次計画" reads as
 * "2023 年度年次計画"; a lower cell that is a header by itself wins over a merged upper one
 * ("…取組の成果、進捗状況及び 2024 年度年次計画" over "成果・進捗状況" | "2024年度年次計画").
 */
export function mergeHeaderRows(
  upper: readonly string[],
  lower: readonly string[],
  columns: ColumnTable = COLUMNS
): string[] {
  const width = Math.max(upper.length, lower.length);
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    const u = (upper[c] ?? "").trim();
    const l = (lower[c] ?? "").trim();
    const joined = `${u}\n${l}`;
    if (u !== "" && l !== "" && squash(u) !== squash(l) && matchHeader(joined, columns))
      out.push(joined);
    else if (matchHeader(l, columns)) out.push(l);
    else if (matchHeader(u, columns)) out.push(u);
    else out.push(l !== "" ? l : u);
  }
  return out;
}

/**
 * The header: the row among the first ones that names the most core columns (at least two), or
 * two rows read together when that names strictly more columns than either alone.
 */
export function findHeader(grid: string[][], columns: ColumnTable = COLUMNS): HeaderFound | null {
  let best = -1;
  let bestScore = 1;
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  const scores: number[] = [];
  for (let r = 0; r < limit; r++) {
    const size = coreRoles(grid[r], columns).size;
    scores.push(size);
    // Of two equal header rows one above the other (a two-row header with merged cells), the lower names the columns.
    if (size > bestScore || (best >= 0 && size === bestScore && r === best + 1)) {
      best = r;
      bestScore = size;
    }
  }
  let found: HeaderFound | null = best >= 0 ? { top: best, bottom: best, cells: grid[best] } : null;
  for (let r = 0; r + 1 < limit; r++) {
    const cells = mergeHeaderRows(grid[r], grid[r + 1], columns);
    const size = coreRoles(cells, columns).size;
    if (
      size > Math.max(scores[r], scores[r + 1]) &&
      size > (found ? coreRoles(found.cells, columns).size : 1)
    ) {
      found = { top: r, bottom: r + 1, cells };
    }
  }
  return found;
}
