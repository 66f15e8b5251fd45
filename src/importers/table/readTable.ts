/**
 * readPlanTable: a cell grid (CSV rows, an .xlsx sheet, a worksheet's used range) → drafts.
 *
 * Finds the header row (even below title rows), maps columns by HEADER_RULES, splits the
 * combined results/next-plan column at its markers, follows heading rows and 章/節/項 columns,
 * and reports table-level problems (missing/duplicate/blank labels, blank rows, formula-like
 * and over-long cells). Measure-level checks are in validate.ts.
 */
import { EXCEL_CELL_LIMIT } from "../../domain/cellLimit";
import type { ColumnInfo, ImportResult } from "../../domain/importResult";
import { countMeasure, emptyLedger, record, type Ledger } from "../../domain/ledger";
import type { FiscalYears, HeadingRef, MeasureDraft, Problem } from "../../domain/model";
import { type ColumnRole, ROLE_NAMES, matchHeader, splitCombinedCell } from "../../domain/headers";
import { parseHeading, parseHeadingCell } from "../../domain/headings";
import { isWellFormedLabel, normalizeLabel } from "../../domain/labels";
import { isReposted } from "../../domain/reposted";
import { firstNonSpaceCode, isWhiteSpaceOnly, squash } from "../../domain/text";

export interface TableSource {
  file: string;
  sheet?: string;
  /** 1-based row of grid[0] in the file or sheet (a used range may start lower). Default 1. */
  firstRow?: number;
  /** 1-based column of grid[r][0]. Default 1. */
  firstColumn?: number;
}

/** Excel's limit for one cell. */
export const MAX_CELL_LENGTH = EXCEL_CELL_LIMIT;
/** How far down the header row is looked for. */
const HEADER_SEARCH_ROWS = 50;
/** Roles that make a row look like a header (optional columns do not count). */
const CORE_ROLES: readonly ColumnRole[] = ["label", "owners", "plan", "combined", "results", "nextPlan"];
/** First characters (after white space) a spreadsheet takes for a formula. */
const FORMULA_START = new Set(["=", "+", "-", "@"].map((c) => c.charCodeAt(0)));
/** Title rows such as "別添2 2023 年度の…実施状況及び 2024 年度年次計画". */
export const TITLE_YEARS = /(\d{4})年度.*?(\d{4})年度(?:の)?年次計画/u;
/** "別添2" alone above the table: the appendix's name, page furniture. */
const APPENDIX_ALONE = /^別添\d{1,2}$/u;

/** Every non-blank cell of rows [from, to) as a problem-place entry of the ledger (a table refused whole). */
function ledgerRefused(ledger: Ledger, rows: readonly string[][], from: number, to: number, firstRow: number, firstColumn: number, what: string): void {
  for (let r = from; r < to; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c] as string | undefined;
      if (v !== undefined && !isWhiteSpaceOnly(v)) record(ledger, { place: "problem", what, text: v, row: firstRow + r, columnIndex: firstColumn + c });
    }
  }
}

function allStrings(grid: readonly (readonly unknown[])[]): boolean {
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    // A hole counts as not a string: map() below keeps it a hole, so the rows read the same.
    for (let c = 0; c < row.length; c++) if (typeof row[c] !== "string") return false;
  }
  return true;
}

function cellText(row: readonly string[] | undefined, c: number | undefined): string {
  if (!row || c === undefined) return "";
  return row[c] ?? "";
}

/** The core columns a row's cells name: two or more make the row a header. */
export function coreRoles(cells: readonly string[]): Set<ColumnRole> {
  const roles = new Set<ColumnRole>();
  for (const cell of cells) {
    const m = matchHeader(cell);
    if (m && CORE_ROLES.includes(m.role)) roles.add(m.role);
  }
  return roles;
}

/**
 * One header made of two rows, column by column: "2023 年度" over "年次計画" reads as
 * "2023 年度年次計画"; a lower cell that is a header by itself wins over a merged upper one
 * ("…取組の成果、進捗状況及び 2024 年度年次計画" over "成果・進捗状況" | "2024年度年次計画").
 */
function mergeHeaderRows(upper: readonly string[], lower: readonly string[]): string[] {
  const width = Math.max(upper.length, lower.length);
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    const u = (upper[c] ?? "").trim();
    const l = (lower[c] ?? "").trim();
    const joined = `${u}\n${l}`;
    if (u !== "" && l !== "" && squash(u) !== squash(l) && matchHeader(joined)) out.push(joined);
    else if (matchHeader(l)) out.push(l);
    else if (matchHeader(u)) out.push(u);
    else out.push(l !== "" ? l : u);
  }
  return out;
}

interface HeaderFound {
  /** First and last grid row of the header (equal for a one-row header). */
  top: number;
  bottom: number;
  cells: string[];
}

/**
 * The header: the row among the first ones that names the most core columns (at least two), or
 * two rows read together when that names strictly more columns than either alone.
 */
function findHeader(grid: string[][]): HeaderFound | null {
  let best = -1;
  let bestScore = 1;
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  const scores: number[] = [];
  for (let r = 0; r < limit; r++) {
    const size = coreRoles(grid[r]).size;
    scores.push(size);
    // Of two equal header rows one above the other (a two-row header with merged cells), the lower names the columns.
    if (size > bestScore || (best >= 0 && size === bestScore && r === best + 1)) {
      best = r;
      bestScore = size;
    }
  }
  let found: HeaderFound | null = best >= 0 ? { top: best, bottom: best, cells: grid[best] } : null;
  for (let r = 0; r + 1 < limit; r++) {
    const cells = mergeHeaderRows(grid[r], grid[r + 1]);
    const size = coreRoles(cells).size;
    if (size > Math.max(scores[r], scores[r + 1]) && size > (found ? coreRoles(found.cells).size : 1)) {
      found = { top: r, bottom: r + 1, cells };
    }
  }
  return found;
}

export function readPlanTable(grid: string[][], source: TableSource): ImportResult {
  const firstRow = source.firstRow ?? 1;
  const firstColumn = source.firstColumn ?? 1;
  const base = { file: source.file, ...(source.sheet !== undefined ? { sheet: source.sheet } : {}) };
  const problems: Problem[] = [];
  // Cells as strings; a grid that holds only strings already (CSV) is used as it is, not copied.
  const rows = allStrings(grid) ? grid : grid.map((r) => r.map((v) => (v == null ? "" : String(v))));

  const ledger = emptyLedger();
  const found = findHeader(rows);
  if (!found) {
    ledgerRefused(ledger, rows, 0, rows.length, firstRow, firstColumn, "no-table-found");
    return { drafts: [], problems: [{ code: "no-table-found", severity: "error", ...base }], fiscalYears: null, ledger };
  }
  // From here on, h is the header's last row: data starts below it, titles stand above found.top.
  const h = found.bottom;
  // Header texts for messages: one line ("2023 年度\n年次計画" → "2023 年度 年次計画").
  const header = found.cells.map((v) => v.replace(/\s*[\r\n]+\s*/gu, " ").trim());
  // Cells right of the last header cell (ragged rows) are checked like those under a blank header, not dropped unseen.
  for (let r = h + 1, width = header.length; r < rows.length; r++) while (rows[r].length > width) header[width++] = "";
  const headerRowNo = firstRow + h;

  // --- map columns --------------------------------------------------------------------------
  const cols: Partial<Record<ColumnRole, ColumnInfo & { c: number; year?: number; year2?: number }>> = {};
  const planCandidates: { c: number; year?: number }[] = [];
  const seenText = new Map<string, number>();
  // Problems about a column that is not used as its role: told later under which extra column its values are kept.
  const unusedColumnProblems: { p: Problem; c: number }[] = [];
  /**
   * A column whose role another column already has: an error naming both (which one is used is a
   * guess), or, when it is marked as old (「（旧）」「前回」「修正前」…), an info that it is not used.
   * Its values are carried as an extra column either way.
   */
  const duplicate = (c: number, usedC: number | undefined, old = false) => {
    const p: Problem = {
      code: "duplicate-label",
      severity: old ? "info" : "error",
      ...base,
      row: headerRowNo,
      column: header[c],
      columnIndex: firstColumn + c,
    };
    if (usedC !== undefined) p.params = { used: header[usedC], usedIndex: firstColumn + usedC, ...(old ? { old: 1 } : {}) };
    problems.push(p);
    unusedColumnProblems.push({ p, c });
  };
  const olds: { c: number; m: NonNullable<ReturnType<typeof matchHeader>> }[] = [];
  for (let c = 0; c < header.length; c++) {
    const text = header[c];
    const key = squash(text);
    if (key === "") {
      const hasData = rows.slice(h + 1).some((r) => (r[c] ?? "").trim() !== "");
      if (hasData) {
        const p: Problem = { code: "blank-label", severity: "warning", ...base, row: headerRowNo, columnIndex: firstColumn + c };
        problems.push(p);
        unusedColumnProblems.push({ p, c });
      }
      continue;
    }
    const old = isOldHeader(text);
    const m = matchHeader(text) ?? (old ? matchHeader(squash(text).replace(OLD_MARK_G, "")) : null);
    if (m && old) {
      // Decided after the other columns: used only when no other column has its role.
      olds.push({ c, m });
      continue;
    }
    const same = seenText.get(key);
    if (same !== undefined) {
      // The same header twice (unless it is the second 年次計画, resolved by year below).
      if (!(m && m.role === "plan")) {
        duplicate(c, same);
        continue;
      }
    }
    seenText.set(key, c);
    if (!m) continue;
    if (m.role === "plan") {
      planCandidates.push({ c, year: m.year });
      continue;
    }
    const had = cols[m.role];
    if (had) {
      duplicate(c, had.c);
      continue;
    }
    cols[m.role] = { header: text, index: firstColumn + c, c, year: m.year, year2: m.year2 };
  }
  // Old columns: ignored (info) when another column has their role, else used as that role.
  const planSlots = 2 - (cols.nextPlan ? 1 : 0);
  for (const { c, m } of olds) {
    if (m.role === "plan") {
      const twin = planCandidates.find((p) => p.year === m.year) ?? (planCandidates.length >= planSlots ? planCandidates[planCandidates.length - 1] : undefined);
      if (twin) duplicate(c, twin.c, true);
      else planCandidates.push({ c, year: m.year });
      continue;
    }
    const had = cols[m.role];
    if (had) duplicate(c, had.c, true);
    else cols[m.role] = { header: header[c], index: firstColumn + c, c, year: m.year, year2: m.year2 };
  }
  // Two 年次計画 columns: the earlier year (or the first, without years) is the year's plan.
  const plans = [...planCandidates];
  if (plans.length >= 2 && plans.every((p) => p.year !== undefined)) plans.sort((a, b) => a.year! - b.year!);
  const take = (role: ColumnRole, p: { c: number; year?: number } | undefined) => {
    if (!p) return;
    const had = cols[role];
    if (had) return duplicate(p.c, had.c);
    cols[role] = { header: header[p.c], index: firstColumn + p.c, c: p.c, year: p.year };
  };
  // A lone 年次計画 column whose year is the results' year + 1 ("2023年度成果・進捗状況", "2024年度年次計画") is the next year's.
  const resultsYear = cols.results?.year ?? cols.combined?.year;
  if (plans.length === 1 && !cols.nextPlan && resultsYear !== undefined && plans[0].year === resultsYear + 1) {
    take("nextPlan", plans[0]);
  } else {
    take("plan", plans[0]);
    if (plans[1]) take("nextPlan", plans[1]);
  }
  for (const extra of plans.slice(2)) duplicate(extra.c, plans.find((p) => p.year === extra.year && p !== extra)?.c ?? plans[1].c);
  // Separate results and next-plan columns make a combined column redundant.
  if (cols.combined && cols.results && cols.nextPlan) {
    // Not a guess: the separate columns are used, the combined one is carried as an extra column.
    const p: Problem = { code: "duplicate-label", severity: "warning", ...base, row: headerRowNo, column: header[cols.combined.c], columnIndex: cols.combined.index };
    problems.push(p);
    unusedColumnProblems.push({ p, c: cols.combined.c });
    delete cols.combined;
  }

  // --- required columns: blocking ---------------------------------------------------------------
  const missing: ColumnRole[] = [];
  for (const role of ["label", "owners", "plan"] as const) if (!cols[role]) missing.push(role);
  if (!cols.combined) {
    if (!cols.results) missing.push(cols.nextPlan ? "results" : "combined");
    if (!cols.nextPlan && cols.results) missing.push("nextPlan");
  }
  // The header rows are the table header: page furniture of the ledger.
  for (let r = found.top; r <= h; r++)
    for (const v of rows[r]) if (v !== undefined && !isWhiteSpaceOnly(v)) record(ledger, { place: "furniture", what: "table-header", text: v, row: firstRow + r });
  if (missing.length > 0) {
    ledgerRefused(ledger, rows, 0, found.top, firstRow, firstColumn, "missing-label");
    ledgerRefused(ledger, rows, h + 1, rows.length, firstRow, firstColumn, "missing-label");
    for (const role of missing) {
      problems.push({
        code: "missing-label",
        severity: "error",
        ...base,
        row: headerRowNo,
        column: ROLE_NAMES[role].ja,
        // `found`: the header row as read, so the user sees which heading was not recognised.
        params: { column: ROLE_NAMES[role].ja, columnEn: ROLE_NAMES[role].en, found: header.filter((h) => h !== "").join(" | ") },
      });
    }
    return { drafts: [], problems, fiscalYears: null, columns: publicColumns(cols), ledger };
  }

  // --- extra columns: every column no role uses, carried under its header as written ----------
  const used = new Set<number>();
  for (const info of Object.values(cols)) if (info) used.add(info.c);
  // A 施策一覧 sheet written by the add-in, read back: its 判定根拠 and 出典 columns are the
  // measure's own status rule and source, derived again on import, not columns to carry.
  const keys = header.map((x) => squash(x).toLowerCase());
  if (keys.includes("判定根拠") || keys.includes("statusrule"))
    keys.forEach((k, c) => {
      if (["判定根拠", "statusrule", "出典", "source"].includes(k)) used.add(c);
    });
  const extraCols: { c: number; name: string }[] = [];
  const extraNames = new Set<string>(Object.values(cols).map((i) => (i ? i.header : "")));
  for (let c = 0; c < header.length; c++) {
    if (used.has(c)) continue;
    const hasData = rows.slice(h + 1).some((r) => r[c] !== undefined && !isWhiteSpaceOnly(r[c]));
    if (header[c] === "" && !hasData) continue;
    let name = header[c] !== "" ? header[c] : `列${firstColumn + c}`;
    // Two columns under one header (a duplicate): the second is named by its place, so neither is lost.
    if (extraNames.has(name)) name = `${name} (${firstColumn + c}列目)`;
    extraNames.add(name);
    extraCols.push({ c, name });
  }
  for (const { p, c } of unusedColumnProblems) {
    const x = extraCols.find((e) => e.c === c);
    if (x) p.params = { ...p.params, extra: x.name };
  }
  if (extraCols.length > 0)
    problems.push({ code: "extra-columns", severity: "info", ...base, row: headerRowNo, params: { columns: extraCols.map((x) => `「${x.name}」`).join("、"), count: extraCols.length } });

  // --- headings above the header (chapter line under the title) and fiscal years -------------
  let chapter: HeadingRef | null = null;
  let section: HeadingRef | null = null;
  let subsection: HeadingRef | null = null;
  let titleYears: FiscalYears | null = null;
  const applyHeading = (text: string): boolean => {
    const p = parseHeading(text);
    if (!p) return false;
    if (p.level === "chapter") {
      chapter = p.heading;
      section = null;
      subsection = null;
    } else if (p.level === "section") {
      section = p.heading;
      subsection = null;
      // "2.1" implies chapter 2 when no chapter line was seen.
      const chap = p.heading.number.split(".")[0];
      if (!chapter || (chapter as HeadingRef).number !== chap) chapter = { number: chap, title: "" };
    } else subsection = p.heading;
    return true;
  };
  for (let r = 0; r < found.top; r++) {
    const row = rows[r];
    const texts = row.filter((v) => v.trim() !== "");
    // The upper row of a header merged over two rows (the lower one names the columns): table header too.
    if (coreRoles(row).size >= 2) {
      for (let c = 0; c < row.length; c++)
        if (row[c] !== undefined && !isWhiteSpaceOnly(row[c])) record(ledger, { place: "furniture", what: "table-header", text: row[c], row: firstRow + r, columnIndex: firstColumn + c });
      continue;
    }
    for (let c = 0; c < row.length; c++) {
      const v = row[c] as string | undefined;
      if (v === undefined || isWhiteSpaceOnly(v)) continue;
      const at = { text: v, row: firstRow + r, columnIndex: firstColumn + c };
      const ty = TITLE_YEARS.exec(squash(v));
      if (ty) {
        titleYears = { plan: Number(ty[1]), next: Number(ty[2]) };
        record(ledger, { place: "furniture", what: "title", ...at });
      } else if (APPENDIX_ALONE.test(squash(v))) record(ledger, { place: "furniture", what: "title", ...at });
      else if (texts.length === 1 && applyHeading(v)) record(ledger, { place: "heading", what: "heading", ...at });
      else {
        // Text above the table that is no title or heading (a sender's name, a date): kept as a problem, never dropped.
        record(ledger, { place: "problem", what: "unplaced-text", ...at });
        problems.push({ code: "unplaced-text", severity: "info", ...base, row: at.row, columnIndex: at.columnIndex, params: { text: v.trim().slice(0, 200) } });
      }
    }
  }

  // --- data rows -----------------------------------------------------------------------------
  const headingColumnLimit = Math.max(...(["label", "chapter", "section", "subsection"] as const).map((r) => cols[r]?.c ?? 0));
  const drafts: MeasureDraft[] = [];
  // A row's source: { file, sheet?, row } like base (built without a spread: this runs once per row).
  const sheet = source.sheet;
  const sourceOf = (row: number): MeasureDraft["source"] => (sheet !== undefined ? { file: source.file, sheet, row } : { file: source.file, row });
  let pendingBlank: number[] = [];
  let markerYear: number | undefined;
  // Column indices as constants for the per-row reads below (cols may have had a role deleted, which
  // makes it slow to read; a lookup per cell was a measurable cost at 100,000 rows).
  const cLabel = cols.label?.c;
  const cOwners = cols.owners?.c;
  const cPlan = cols.plan?.c;
  const cCombined = cols.combined?.c;
  const cResults = cols.results?.c;
  const cNextPlan = cols.nextPlan?.c;
  const cChapter = cols.chapter?.c;
  const cSection = cols.section?.c;
  const cSubsection = cols.subsection?.c;
  const cStatus = cols.status?.c;
  const cNote = cols.note?.c;
  const cReposted = cols.reposted?.c;
  for (let r = h + 1; r < rows.length; r++) {
    const row = rows[r];
    const rowNo = firstRow + r;
    // Non-blank cells: how many, and the first (a blank row has none; a heading row has one).
    let filledCount = 0;
    let firstFilled = -1;
    for (let c = 0; c < row.length; c++) {
      // A hole in a sparse row counts as blank, as every() and filter() skipped it.
      const v = row[c] as string | undefined;
      if (v !== undefined && !isWhiteSpaceOnly(v) && filledCount++ === 0) firstFilled = c;
    }
    if (filledCount === 0) {
      pendingBlank.push(rowNo);
      continue;
    }
    // Blank rows count only between rows with content (trailing empty lines are not a problem).
    for (const b of pendingBlank) problems.push({ code: "blank-row", severity: "info", ...base, row: b });
    pendingBlank = [];

    // Cell checks: formula-like text and cells Excel cannot hold.
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      const formulaLike = FORMULA_START.has(firstNonSpaceCode(v));
      if (!formulaLike && v.length <= MAX_CELL_LENGTH) continue;
      const loc = { ...base, row: rowNo, column: header[c] || undefined, columnIndex: firstColumn + c };
      if (formulaLike) {
        problems.push({ code: "formula-like", severity: "info", ...loc, params: { value: v.trim().slice(0, 40) } });
      }
      if (v.length > MAX_CELL_LENGTH) {
        problems.push({ code: "cell-too-long", severity: "error", ...loc, params: { length: v.length, max: MAX_CELL_LENGTH } });
      }
    }

    // A heading row: one non-empty cell holding "2 …", "2.1 …" or "(1) …", not a 項番.
    // Headings stand at the left (in the 項番 or a heading column), never in a text column or 備考.
    if (
      filledCount === 1 &&
      firstFilled <= headingColumnLimit &&
      !isWellFormedLabel(normalizeLabel(row[firstFilled])) &&
      applyHeading(row[firstFilled])
    ) {
      record(ledger, { place: "heading", what: "heading", text: row[firstFilled], row: rowNo, columnIndex: firstColumn + firstFilled });
      continue;
    }

    // 章/節/項 columns: a blank cell means "as above" (merged cells leave only the top one filled).
    const chapCell = parseHeadingCell("chapter", cellText(row, cChapter));
    const secCell = parseHeadingCell("section", cellText(row, cSection));
    const subCell = parseHeadingCell("subsection", cellText(row, cSubsection));
    if (chapCell) {
      if (!chapter || squash(chapCell.number) !== squash((chapter as HeadingRef).number)) {
        section = null;
        subsection = null;
      }
      chapter = chapCell;
    }
    if (secCell) {
      if (!section || secCell.number !== (section as HeadingRef).number) subsection = null;
      section = secCell;
    }
    if (subCell) subsection = subCell;

    const label = cellText(row, cLabel).trim();
    const plan = cellText(row, cPlan);
    let results: string;
    let nextPlan: string;
    if (cols.combined) {
      const split = splitCombinedCell(cellText(row, cCombined));
      results = split.results;
      nextPlan = split.nextPlan;
      if (split.nextYear !== undefined && markerYear === undefined) markerYear = split.nextYear;
    } else {
      results = cellText(row, cResults);
      nextPlan = cellText(row, cNextPlan);
    }
    const reposted = isReposted({
      itemNumber: label,
      texts: [plan, cellText(row, cCombined), results, nextPlan],
      column: cellText(row, cReposted),
    });
    const draft: MeasureDraft = {
      label,
      chapter,
      section,
      subsection,
      ownersText: cellText(row, cOwners).trim(),
      plan: plan.trim(),
      results: results.trim(),
      nextPlan: nextPlan.trim(),
      reposted,
      source: sourceOf(rowNo),
      confidence: 1,
    };
    const status = cellText(row, cStatus).trim();
    if (cols.status && status !== "") draft.statusOverride = status;
    const note = cellText(row, cNote).trim();
    if (cols.note && note !== "") draft.note = note;
    let extraFilled = 0;
    for (let x = 0; x < extraCols.length; x++) {
      const v = row[extraCols[x].c] as string | undefined;
      if (v === undefined || isWhiteSpaceOnly(v)) continue;
      (draft.extra ??= {})[extraCols[x].name] = v.trim();
      extraFilled++;
    }
    countMeasure(ledger, filledCount - extraFilled);
    ledger.total += extraFilled;
    ledger.counts.extra += extraFilled;
    drafts.push(draft);
  }

  // --- fiscal years: headers first, then the title, then the markers in cells ------------------
  const planYear = cols.plan?.year ?? cols.combined?.year ?? cols.results?.year ?? titleYears?.plan;
  const nextYear = cols.combined?.year2 ?? cols.nextPlan?.year ?? titleYears?.next ?? markerYear;
  let fiscalYears: FiscalYears | null = null;
  if (planYear !== undefined || nextYear !== undefined) {
    fiscalYears = { plan: planYear ?? nextYear! - 1, next: nextYear ?? planYear! + 1 };
  }
  // A header and nothing under it is most often the wrong file (an empty template): say so.
  if (drafts.length === 0) problems.push({ code: "no-rows", severity: "warning", ...base, row: headerRowNo });
  const result: ImportResult = { drafts, problems, fiscalYears, columns: publicColumns(cols), ledger };
  if (extraCols.length > 0) result.extraColumns = extraCols.map((x) => x.name);
  return result;
}

/** 「（旧）」「旧」「前回」「修正前」「変更前」: a header marking a column kept from an earlier draft. */
const OLD_MARK = /^(?:旧|前回|修正前|変更前|前年度版)|[(\[【](?:旧|前回|修正前|変更前|前年度版|old)[)\]】]|(?:修正前|変更前)$/iu;

const OLD_MARK_G = new RegExp(OLD_MARK.source, "giu");

export function isOldHeader(text: string): boolean {
  return OLD_MARK.test(squash(text));
}

function publicColumns(cols: Partial<Record<ColumnRole, ColumnInfo>>): Partial<Record<ColumnRole, ColumnInfo>> {
  const out: Partial<Record<ColumnRole, ColumnInfo>> = {};
  for (const [role, info] of Object.entries(cols) as [ColumnRole, ColumnInfo][]) out[role] = { header: info.header, index: info.index };
  return out;
}
