/**
 * Import the report's appendix table (別添2) from the PDF itself. pdf.js gives text runs with
 * positions; the column edges found from the header row put every line's pieces in their cells,
 * so the plan and results columns never interleave. A row starts where its right cell starts
 * (at its marker), and its label is found inside it wherever the label sits; text above the first
 * row of a page continues the row of the previous page (or file). Pages of other appendices
 * (別添3, 別添4) are skipped. When no header row is found the page text goes to the report-text
 * importer instead.
 */
import { BudgetExceeded, DEFAULT_BUDGETS, overBudgetProblem, type ImportBudgets } from "../budgets";
import { qualifiedId } from "../../domain/labels";
import type { HeadingRef, MeasureDraft, Problem } from "../../domain/model";
import { squash } from "../../domain/text";
import type { ImportResult } from "../importResult";
import { importReportText } from "../reportText";
import {
  CIRCLED,
  LABEL,
  NEXT_PLAN_MARKER,
  OUR_APPENDIX,
  REPOSTED,
  RESULTS_MARKER,
  SECTION,
  STRATEGY_SOURCE,
  SUBSECTION,
  TABLE_HEADER_PIECES,
  TABLE_HEADER_START,
} from "../reportText/rules";
import { joinCellLines } from "../reportText/textUtil";
import { columnBounds, findHeader, groupLines, isWideLine, lineText, splitColumns } from "./layout";
import { readPage } from "./pages";
import { moveTrailingLabels, splitDoubleLabels, splitRight, type PdfRow } from "./rows";
import { readPdfText, type PdfPageText } from "./textItems";

export { configurePdfjs } from "./pdfjs";

const problem = (
  file: string,
  reason: string,
  at: { page?: number; line?: number },
  params: Record<string, string | number> = {},
  severity: Problem["severity"] = "warning"
): Problem => ({
  code: "ambiguous-layout",
  severity,
  file,
  ...(at.page !== undefined ? { page: at.page } : {}),
  ...(at.line !== undefined ? { line: at.line } : {}),
  params: { reason, ...params },
});

export async function importReportPdf(bytes: Uint8Array, file: string, budgets: ImportBudgets = DEFAULT_BUDGETS): Promise<ImportResult> {
  return importReportPdfs([{ file, bytes }], budgets);
}

/**
 * Several PDFs given together (pages 18-19 in one file, 20-21 in another) are one report: their
 * pages are read in order, so a row running over from one file to the next is whole.
 */
export async function importReportPdfs(
  parts: readonly { file: string; bytes: Uint8Array }[],
  budgets: ImportBudgets = DEFAULT_BUDGETS
): Promise<ImportResult> {
  const pages: (PdfPageText & { file: string })[] = [];
  const problems: Problem[] = [];
  for (const part of parts) {
    let read: PdfPageText[];
    try {
      read = await readPdfText(part.bytes, budgets);
    } catch (e) {
      if (e instanceof BudgetExceeded) {
        problems.push(overBudgetProblem(part.file, e));
        continue;
      }
      problems.push({
        code: "unreadable-file",
        severity: "error",
        file: part.file,
        params: { reason: "pdf", detail: e instanceof Error ? e.message : String(e) },
      });
      continue;
    }
    if (read.every((p) => p.runs.length === 0)) {
      problems.push({
        code: "no-table-found",
        severity: "error",
        file: part.file,
        params: { reason: "no-text-layer", pages: read.length },
      });
      continue;
    }
    pages.push(...read.map((p) => ({ ...p, file: part.file })));
  }
  if (pages.length === 0) return { drafts: [], problems, fiscalYears: null };
  const result = importPages(pages, problems);
  // Internally pages are numbered across all files; users count them per file.
  const where = <T extends { file: string; page?: number }>(x: T): T => {
    const pg = x.page !== undefined ? pages[x.page - 1] : undefined;
    return pg ? { ...x, file: pg.file, page: pg.page } : x;
  };
  return {
    ...result,
    drafts: result.drafts.map((d) => ({ ...d, source: where(d.source) })),
    problems: result.problems.map((p) => (problems.includes(p) ? p : where(p))),
  };
}

function importPages(
  pages: (PdfPageText & { file: string })[],
  fileProblems: Problem[]
): ImportResult {
  const file = pages[0].file;
  const infos = pages.map(readPage);
  // Pages of other appendices, and pages after them until 別添2 comes back, are not this table.
  let current: number | null = null;
  const ours = infos.map((info) => {
    if (info.appendix !== null) current = info.appendix;
    return current === null || current === OUR_APPENDIX;
  });
  const problems: Problem[] = [...fileProblems];
  const skipped = ours.filter((o) => !o).length;
  if (skipped > 0)
    problems.push(problem(file, "other-appendix-skipped", {}, { pages: skipped }, "info"));

  const ourLines = infos.flatMap((info, i) => (ours[i] ? info.body : []));
  const header = findHeader(ourLines);
  const bounds = header ? columnBounds(header, ourLines) : null;
  if (!bounds) {
    // No table header to measure columns from: read the page text as report text.
    const text = infos
      .map((info, i) =>
        ours[i] ? pages[i].runs.length && groupLines(pages[i].runs).map(lineText).join("\n") : ""
      )
      .join("\f");
    const r = importReportText(text, file);
    r.problems.unshift(
      ...fileProblems,
      problem(file, "pdf-columns-not-found", { page: 1 }, {}, "info")
    );
    return r;
  }

  const fiscalYears = infos.find((i) => i.years)?.years ?? null;
  const rows: PdfRow[] = [];
  let cur: PdfRow | null = null;
  let chapter: HeadingRef | null = null;
  let section: HeadingRef | null = null;
  let subsection: HeadingRef | null = null;
  const newRow = (page: number, line: number): PdfRow => {
    const row: PdfRow = {
      labels: [],
      owners: [],
      left: [],
      right: [],
      page,
      line,
      chapter,
      section,
      subsection,
    };
    rows.push(row);
    return row;
  };

  let inBox = false;
  infos.forEach((info, i) => {
    if (!ours[i]) return;
    const page = i + 1;
    if (info.chapter && info.chapter.number !== chapter?.number) {
      chapter = info.chapter;
      section = null;
      subsection = null;
    }
    const body = info.body;
    for (let j = 0; j < body.length; j++) {
      const line = body[j];
      const cols = splitColumns(line, bounds);
      const whole = lineText(line).normalize("NFKC");
      const label = LABEL.exec(cols[0].normalize("NFKC"));
      // From a heading or the strategy box's source line to the table header, nothing is a row,
      // even box text indented into the table's columns (a label would end this, never lost).
      if (label || TABLE_HEADER_START.test(squash(cols[0]))) inBox = false;
      if (!label && isWideLine(line, bounds)) {
        // Headings and the strategy box: not rows; what follows is a new row.
        cur = null;
        const sec = SECTION.exec(whole);
        const sub = SUBSECTION.exec(whole);
        if (sec || sub || STRATEGY_SOURCE.test(squash(whole))) inBox = true;
        if (sec) {
          let title = sec[2]?.trim() ?? "";
          const next = body[j + 1];
          if (
            title === "" &&
            next &&
            isWideLine(next, bounds) &&
            !CIRCLED.test(lineText(next)) &&
            !lineText(next).startsWith("・") &&
            !/^サイバーセキュリティ戦略/u.test(lineText(next))
          ) {
            title = lineText(next).normalize("NFKC");
            j++;
          }
          section = { number: sec[1], title };
          subsection = null;
        } else if (sub) subsection = { number: `(${sub[1]})`, title: sub[2].trim() };
        continue;
      }
      if (inBox) continue;
      if (
        TABLE_HEADER_START.test(squash(cols[0])) ||
        cols.every((c) => c === "" || TABLE_HEADER_PIECES.some((p) => p.test(squash(c))))
      ) {
        cur = null;
        continue;
      }
      // A row starts where its right cell starts: at <成果・進捗状況>, or at the next-year marker
      // when the row has one already. Labels are then found inside the row, wherever they sit.
      const right = squash(cols[3]);
      const startsResults = right.startsWith("<") && RESULTS_MARKER.test(right);
      const nextHead =
        right.startsWith("<") &&
        (NEXT_PLAN_MARKER.test(right) ||
          (/^<\d{4}$/u.test(right) &&
            /^年度年次計画>/u.test(squash(splitColumns(body[j + 1] ?? line, bounds)[3]))));
      if (cur && (startsResults || nextHead)) {
        const r = cur.right.map((l) => squash(l.text));
        const hasNext = r.some((t) => NEXT_PLAN_MARKER.test(t) || /^<\d{4}$/u.test(t));
        if ((startsResults && r.length > 0) || (nextHead && hasNext))
          cur = newRow(page, line.index);
      }
      if (!cur) cur = newRow(page, line.index);
      const at = { page, line: line.index };
      if (label) cur.labels.push({ label: `(${label[1]})`, ...at });
      // "(ア)(再掲)": the mark belongs to the label cell, not to the owners.
      const labelRest = label ? label[2].replace(/^\(\s*再\s*掲\s*\)\s*/u, "") : "";
      if (label && labelRest !== label[2]) cur.reposted = true;
      if (labelRest.trim() !== "") cur.owners.push({ text: labelRest.trim(), ...at });
      if (cols[1] !== "") cur.owners.push({ text: cols[1], ...at });
      if (cols[2] !== "") cur.left.push({ text: cols[2], ...at });
      if (cols[3] !== "") cur.right.push({ text: cols[3], ...at });
    }
  });
  moveTrailingLabels(rows);
  const split = splitDoubleLabels(rows);
  for (const r of split.warned)
    problems.push(
      problem(file, "label-count", { page: r.page, line: r.line }, { labels: 2, rows: 1 })
    );
  rows.splice(0, rows.length, ...split.rows);

  const drafts: MeasureDraft[] = [];
  for (const row of rows) {
    const right = splitRight(row.right);
    const plan = joinCellLines(row.left.map((l) => l.text));
    const label = row.labels[0];
    const draft: MeasureDraft = {
      label: label?.label ?? "",
      chapter: row.chapter,
      section: row.section,
      subsection: row.subsection,
      ownersText: row.owners.map((o) => o.text).join("\n"),
      plan,
      results: right.results,
      nextPlan: right.nextPlan,
      reposted:
        right.reposted ||
        row.reposted === true ||
        [plan, right.results, right.nextPlan].some((t) => squash(t).includes(REPOSTED)),
      source: { file, page: label?.page ?? row.page, line: label?.line ?? row.line },
    };
    let confidence = row.unsure ? 0.5 : 1;
    const at = { page: row.page, line: row.line };
    const warn = (
      reason: string,
      params: Record<string, string | number> = {},
      where: { page?: number; line?: number } = at
    ) => {
      const p = problem(file, reason, where, params);
      if (draft.label !== "") p.measureId = qualifiedId(draft);
      problems.push(p);
    };
    if (!label) {
      confidence = 0.3;
      warn("row-without-label");
    }
    if (row.owners.length === 0) {
      confidence -= 0.2;
      warn("owner-incomplete", { value: "" });
    }
    if (draft.nextPlan === "") {
      confidence -= 0.3;
      warn("truncated-row", { last: row === rows[rows.length - 1] ? 1 : 0 });
    }
    for (const y of right.years)
      if (fiscalYears && Number(y.text) !== fiscalYears.next)
        warn("marker-year", { found: y.text, expected: fiscalYears.next }, y);
    draft.confidence = Math.round(Math.max(0.1, confidence) * 100) / 100;
    drafts.push(draft);
  }
  if (drafts.length === 0)
    problems.push({
      code: "no-table-found",
      severity: "error",
      file,
      params: { reason: "no-report-rows" },
    });
  return { drafts, problems, fiscalYears };
}
