/**
 * Stage 2 of readPlanTable: which column holds which role. Old (「（旧）」) and duplicate columns,
 * two 年次計画 columns told apart by year, and, once the required columns are there, the extra
 * columns no role uses (carried under their headers, never dropped).
 */
import { COLUMNS, type ColumnTable } from "../../domain/columns";
import { matchHeader, type HeaderMatch } from "../../domain/headers";
import type { ColumnInfo } from "../../domain/importResult";
import type { Problem } from "../../domain/model";
import { isWhiteSpaceOnly, squash } from "../../domain/text";

/** A recognised column: as reported (header, 1-based index) and its 0-based grid column. */
export interface MappedColumn extends ColumnInfo {
  c: number;
  year?: number;
  year2?: number;
}

/** Role → its column (roles of the column table; absent when the table has none). */
export type ColumnMap = Partial<Record<string, MappedColumn>>;

/** Where the header is, for problems: the file (and sheet), its row and the grid's first column. */
export interface HeaderPlace {
  base: { file: string; sheet?: string };
  headerRowNo: number;
  firstColumn: number;
}

/** A problem about a column not used as its role: told later under which extra column its values are kept. */
export interface UnusedColumn {
  p: Problem;
  c: number;
}

export interface ColumnMapping {
  cols: ColumnMap;
  problems: Problem[];
  unused: UnusedColumn[];
}

/** An extra column: its grid column and the name its values are carried under. */
export interface ExtraColumn {
  c: number;
  name: string;
}

/** 「（旧）」「旧」「前回」「修正前」「変更前」: a header marking a column kept from an earlier draft. */
const OLD_MARK =
  /^(?:旧|前回|修正前|変更前|前年度版)|[(\[【](?:旧|前回|修正前|変更前|前年度版|old)[)\]】]|(?:修正前|変更前)$/iu;

const OLD_MARK_G = new RegExp(OLD_MARK.source, "giu");

export function isOldHeader(text: string): boolean {
  return OLD_MARK.test(squash(text));
}

/**
 * The role of every header cell. `header` holds the header texts on one line, as wide as the
 * widest row; `rows` the grid, whose data starts below row `h`.
 */
export function mapColumns(
  header: readonly string[],
  rows: readonly string[][],
  h: number,
  at: HeaderPlace,
  columns: ColumnTable = COLUMNS
): ColumnMapping {
  const { base, headerRowNo, firstColumn } = at;
  const problems: Problem[] = [];
  const unused: UnusedColumn[] = [];
  const cols: ColumnMap = {};
  const planCandidates: { c: number; year?: number }[] = [];
  const seenText = new Map<string, number>();
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
    if (usedC !== undefined)
      p.params = {
        used: header[usedC],
        usedIndex: firstColumn + usedC,
        ...(old ? { old: 1 } : {}),
      };
    problems.push(p);
    unused.push({ p, c });
  };
  const olds: { c: number; m: HeaderMatch<string> }[] = [];
  for (let c = 0; c < header.length; c++) {
    const text = header[c];
    const key = squash(text);
    if (key === "") {
      const hasData = rows.slice(h + 1).some((r) => (r[c] ?? "").trim() !== "");
      if (hasData) {
        const p: Problem = {
          code: "blank-label",
          severity: "warning",
          ...base,
          row: headerRowNo,
          columnIndex: firstColumn + c,
        };
        problems.push(p);
        unused.push({ p, c });
      }
      continue;
    }
    const old = isOldHeader(text);
    const m =
      matchHeader(text, columns) ??
      (old ? matchHeader(squash(text).replace(OLD_MARK_G, ""), columns) : null);
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
      const twin =
        planCandidates.find((p) => p.year === m.year) ??
        (planCandidates.length >= planSlots
          ? planCandidates[planCandidates.length - 1]
          : undefined);
      if (twin) duplicate(c, twin.c, true);
      else planCandidates.push({ c, year: m.year });
      continue;
    }
    const had = cols[m.role];
    if (had) duplicate(c, had.c, true);
    else
      cols[m.role] = { header: header[c], index: firstColumn + c, c, year: m.year, year2: m.year2 };
  }
  // Two 年次計画 columns: the earlier year (or the first, without years) is the year's plan.
  const plans = [...planCandidates];
  if (plans.length >= 2 && plans.every((p) => p.year !== undefined))
    plans.sort((a, b) => a.year! - b.year!);
  const take = (role: string, p: { c: number; year?: number } | undefined) => {
    if (!p) return;
    const had = cols[role];
    if (had) return duplicate(p.c, had.c);
    cols[role] = { header: header[p.c], index: firstColumn + p.c, c: p.c, year: p.year };
  };
  // A lone 年次計画 column whose year is the results' year + 1 ("2023年度成果・進捗状況", "2024年度年次計画") is the next year's.
  const resultsYear = cols.results?.year ?? cols.combined?.year;
  if (
    plans.length === 1 &&
    !cols.nextPlan &&
    resultsYear !== undefined &&
    plans[0].year === resultsYear + 1
  ) {
    take("nextPlan", plans[0]);
  } else {
    take("plan", plans[0]);
    if (plans[1]) take("nextPlan", plans[1]);
  }
  for (const extra of plans.slice(2))
    duplicate(extra.c, plans.find((p) => p.year === extra.year && p !== extra)?.c ?? plans[1].c);
  // Separate results and next-plan columns make a combined column redundant.
  if (cols.combined && cols.results && cols.nextPlan) {
    // Not a guess: the separate columns are used, the combined one is carried as an extra column.
    const p: Problem = {
      code: "duplicate-label",
      severity: "warning",
      ...base,
      row: headerRowNo,
      column: header[cols.combined.c],
      columnIndex: cols.combined.index,
    };
    problems.push(p);
    unused.push({ p, c: cols.combined.c });
    delete cols.combined;
  }
  return { cols, problems, unused };
}

/**
 * Every column no role uses, carried under its header as written (a blank header with data is
 * named by its place); the problems about unused columns learn the name their values are kept under.
 */
export function carryExtraColumns(
  header: readonly string[],
  rows: readonly string[][],
  h: number,
  mapping: ColumnMapping,
  firstColumn: number
): ExtraColumn[] {
  const { cols, unused } = mapping;
  const used = new Set<number>();
  for (const info of Object.values(cols)) if (info) used.add(info.c);
  // A 施策一覧 sheet written by the add-in, read back: its 判定根拠 and 出典 columns are the
  // measure's own status rule and source, derived again on import, not columns to carry.
  const keys = header.map((x) => squash(x).toLowerCase());
  if (keys.includes("判定根拠") || keys.includes("statusrule"))
    keys.forEach((k, c) => {
      if (["判定根拠", "statusrule", "出典", "source"].includes(k)) used.add(c);
    });
  const extraCols: ExtraColumn[] = [];
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
  for (const { p, c } of unused) {
    const x = extraCols.find((e) => e.c === c);
    if (x) p.params = { ...p.params, extra: x.name };
  }
  return extraCols;
}

/** The recognised columns as an import result reports them: header text and 1-based index. */
export function publicColumns(cols: ColumnMap): Partial<Record<string, ColumnInfo>> {
  const out: Partial<Record<string, ColumnInfo>> = {};
  for (const [role, info] of Object.entries(cols))
    if (info) out[role] = { header: info.header, index: info.index };
  return out;
}
