/**
 * Import the report's appendix table (別添2) from text extracted from its PDF: one page or many,
 * one file or several concatenated. Rows come back as drafts with a confidence, and every layout
 * guess as a located "ambiguous-layout" warning (page and line), never as silent loss.
 */
import { qualifiedId } from "../../domain/labels";
import type { FiscalYears, MeasureDraft, Problem } from "../../domain/model";
import { squash } from "../../domain/text";
import type { ImportResult } from "../importResult";
import { classifyPages } from "./classify";
import { measureWidths } from "./columns";
import { splitPages } from "./pages";
import { RowBuilder, type LabelEvent, type PageRows, type Row } from "./rows";
import { REPOSTED } from "./rules";
import { joinCellLines } from "./textUtil";

export { looksLikeReportText } from "./sniff";

/** Why a layout warning was raised: the `reason` param of an "ambiguous-layout" problem. */
export type LayoutReason =
  | "column-guess"
  | "label-count"
  | "row-without-label"
  | "label-without-text"
  | "truncated-row"
  | "owner-incomplete"
  | "marker-year"
  | "edition-years-differ"
  | "other-appendix-skipped"
  | "no-page-title";

function layoutProblem(
  file: string,
  reason: LayoutReason,
  at: { page?: number; line?: number },
  params: Record<string, string | number> = {},
  severity: Problem["severity"] = "warning"
): Problem {
  const p: Problem = { code: "ambiguous-layout", severity, file, params: { reason, ...params } };
  if (at.page !== undefined) p.page = at.page;
  if (at.line !== undefined) p.line = at.line;
  return p;
}

/** When a page has one label more than the rows it started, the text carried over from the previous page was a row of its own. */
function splitFalseContinuation(builder: RowBuilder, pr: PageRows): void {
  const c = pr.continued;
  if (!c || pr.labels.length !== pr.started.length + 1) return;
  const mine = <T extends { page: number }>(xs: T[]) => xs.filter((x) => x.page === pr.page);
  const left = mine(c.left);
  const results = mine(c.results);
  const nextPlan = mine(c.nextPlan);
  const firstLine = [...left, ...results, ...nextPlan].sort((a, b) => a.at.line - b.at.line)[0];
  if (!firstLine) return;
  const row: Row = {
    ...c,
    page: pr.page,
    first: firstLine.at,
    left,
    results,
    nextPlan,
    repostedOn: c.repostedOn.filter((p) => p === pr.page),
    guesses: c.guesses.filter((g) => g.page === pr.page),
    continuedOn: [],
    markerYears: c.markerYears.filter((m) => m.page === pr.page),
  };
  c.left = c.left.filter((x) => x.page !== pr.page);
  c.results = c.results.filter((x) => x.page !== pr.page);
  c.nextPlan = c.nextPlan.filter((x) => x.page !== pr.page);
  c.continuedOn = c.continuedOn.filter((p) => p !== pr.page);
  c.repostedOn = c.repostedOn.filter((p) => p !== pr.page);
  c.guesses = c.guesses.filter((g) => g.page !== pr.page);
  c.markerYears = c.markerYears.filter((m) => m.page !== pr.page);
  const at = pr.started.length ? builder.rows.indexOf(pr.started[0]) : builder.rows.length;
  builder.rows.splice(at, 0, row);
  pr.started.unshift(row);
  pr.continued = null;
}

export function importReportText(text: string, file: string): ImportResult {
  const problems: Problem[] = [];
  const split = splitPages(text);
  const events = classifyPages(split.pages);
  const builder = new RowBuilder(
    measureWidths(events.flatMap((e) => (e.kind === "content" ? [e.text] : [])))
  );
  const chapters = new Map(split.pages.map((p) => [p.index, p.chapter]));
  for (const e of events) {
    if (e.kind === "page") builder.startPage(e.page, chapters.get(e.page) ?? null);
    else builder.event(e);
  }

  builder.mergeFalseStarts();

  const yearsSeen = split.pages.map((p) => p.years).filter((y): y is FiscalYears => y !== null);
  const fiscalYears = yearsSeen[0] ?? null;
  if (!fiscalYears)
    problems.push(layoutProblem(file, "no-page-title", { page: 1, line: 1 }, {}, "info"));
  for (const p of split.pages) {
    if (
      p.years &&
      fiscalYears &&
      (p.years.plan !== fiscalYears.plan || p.years.next !== fiscalYears.next)
    ) {
      problems.push(
        layoutProblem(
          file,
          "edition-years-differ",
          { page: p.index, line: p.firstLine },
          {
            found: `${p.years.plan}/${p.years.next}`,
            expected: `${fiscalYears.plan}/${fiscalYears.next}`,
          }
        )
      );
    }
  }
  if (split.otherAppendixLines > 0)
    problems.push(
      layoutProblem(file, "other-appendix-skipped", {}, { lines: split.otherAppendixLines }, "info")
    );

  // Without a single label or cell marker the text is not the table (a strategy box alone, prose).
  if (
    builder.pages.every((p) => p.labels.length === 0) &&
    builder.rows.every((r) => r.phase === "none")
  ) {
    problems.push({
      code: "no-table-found",
      severity: "error",
      file,
      params: { reason: "no-report-rows" },
    });
    return { drafts: [], problems, fiscalYears };
  }

  // Labels go to the rows of their page, in order; a page short of labels may pair with the next
  // page when that one has as many labels too many (a label printed on the other side of a page break).
  const unsure = new Set<Row>();
  const orphanLabels: { label: LabelEvent; after: Row | null }[] = [];
  let prevDiff = 0;
  const groups: PageRows[][] = [];
  for (const pr of builder.pages) {
    if (prevDiff >= 0) splitFalseContinuation(builder, pr);
    const diff = pr.labels.length - pr.started.length;
    const last = groups[groups.length - 1];
    if (last && last.length === 1 && prevDiff !== 0 && prevDiff + diff === 0) last.push(pr);
    else groups.push([pr]);
    prevDiff = diff;
  }
  for (const g of groups) {
    const labels = g.flatMap((p) => p.labels);
    const started = g.flatMap((p) => p.started);
    const n = Math.min(labels.length, started.length);
    for (let i = 0; i < n; i++) started[i].label = labels[i];
    if (labels.length !== started.length) {
      const where = labels[n]?.at ?? started[n]?.first;
      const page = labels[n]?.page ?? started[n]?.page ?? g[0].page;
      problems.push(
        layoutProblem(
          file,
          "label-count",
          { page, line: where?.line },
          { labels: labels.length, rows: started.length }
        )
      );
      started.forEach((r) => unsure.add(r));
      for (const l of labels.slice(n))
        orphanLabels.push({ label: l, after: started[started.length - 1] ?? null });
    }
  }

  const drafts: MeasureDraft[] = [];
  const rowsOut = builder.rows.filter(
    (r) => r.left.length + r.results.length + r.nextPlan.length > 0 || r.phase !== "none"
  );
  rowsOut.forEach((row, k) => {
    const label = row.label;
    const owners = label
      ? [...label.owners, ...(label.partialOwner ? [label.partialOwner] : [])]
      : [];
    const plan = joinCellLines(row.left.map((l) => l.text));
    const results = joinCellLines(row.results.map((l) => l.text));
    const nextPlan = joinCellLines(row.nextPlan.map((l) => l.text));
    const first =
      label && label.page === row.page && label.at.line < row.first.line ? label.at : row.first;
    const draft: MeasureDraft = {
      label: label?.label ?? "",
      chapter: row.chapter,
      section: row.section,
      subsection: row.subsection,
      ownersText: owners.join("\n"),
      plan,
      results,
      nextPlan,
      reposted:
        row.repostedOn.length > 0 ||
        label?.reposted === true ||
        [plan, results, nextPlan].some((t) => squash(t).includes(REPOSTED)),
      source: { file, page: row.page, line: first.line },
    };
    const id = qualifiedId(draft);
    const at = { page: row.page, line: first.line };
    const warn = (
      reason: LayoutReason,
      params: Record<string, string | number> = {},
      where = at
    ) => {
      const p = layoutProblem(file, reason, where, params);
      if (draft.label !== "") p.measureId = id;
      problems.push(p);
    };

    let confidence = 1;
    if (row.guesses.length > 0) {
      confidence -= Math.min(0.3, 0.05 * row.guesses.length);
      if (row.guesses.some((g) => g.line !== undefined))
        warn("column-guess", { lines: row.guesses.map((g) => g.line).join(", ") }, row.guesses[0]);
    }
    if (row.phase !== "nextPlan" || nextPlan === "") {
      confidence -= 0.3;
      warn("truncated-row", { last: k === rowsOut.length - 1 ? 1 : 0 });
    }
    if (row.continuedOn.length > 0) confidence -= 0.05;
    if (!label) {
      confidence = Math.min(confidence, 0.3);
      warn("row-without-label");
    } else if (owners.length === 0 || label.partialOwner) {
      confidence -= 0.2;
      warn(
        "owner-incomplete",
        { value: label.partialOwner ?? "" },
        { page: label.page, line: label.at.line }
      );
    }
    if (unsure.has(row)) confidence = Math.min(confidence, 0.5);
    for (const m of row.markerYears) {
      if (fiscalYears && m.year !== fiscalYears.next)
        warn("marker-year", { found: m.year, expected: fiscalYears.next }, m);
    }
    draft.confidence = Math.round(Math.max(0.1, confidence) * 100) / 100;
    drafts.push(draft);
    for (const o of orphanLabels.filter((x) => x.after === row))
      drafts.push(orphanDraft(o.label, row, file, problems));
  });
  for (const o of orphanLabels.filter((x) => x.after === null))
    drafts.push(orphanDraft(o.label, null, file, problems));

  if (drafts.length === 0)
    problems.push({
      code: "no-table-found",
      severity: "error",
      file,
      params: { reason: "no-report-rows" },
    });
  return { drafts, problems, fiscalYears };
}

/** A label whose text was not found: kept as an empty measure, with a warning, rather than dropped. */
function orphanDraft(
  label: LabelEvent,
  near: Row | null,
  file: string,
  problems: Problem[]
): MeasureDraft {
  const draft: MeasureDraft = {
    label: label.label,
    chapter: near?.chapter ?? null,
    section: near?.section ?? null,
    subsection: near?.subsection ?? null,
    ownersText: [...label.owners, ...(label.partialOwner ? [label.partialOwner] : [])].join("\n"),
    plan: "",
    results: "",
    nextPlan: "",
    reposted: label.reposted === true,
    source: { file, page: label.page, line: label.at.line },
    confidence: 0.1,
  };
  problems.push({
    ...layoutProblem(file, "label-without-text", { page: label.page, line: label.at.line }),
    measureId: qualifiedId(draft),
  });
  return draft;
}

/**
 * Several report texts given together (pages copied into separate files) are one report: the
 * texts are read as one, so a row running over from one file to the next is whole; every row and
 * problem is then located in its own file (page and line counted per file).
 */
export function importReportTexts(parts: readonly { file: string; text: string }[]): ImportResult {
  if (parts.length === 1) return importReportText(parts[0].text, parts[0].file);
  const lineCounts = parts.map((p) => p.text.split(/\r\n|\r|\n/u).length);
  // Each part starts after a form feed line: a page break the page splitter honours.
  const offsets: number[] = [];
  let total = 0;
  for (const n of lineCounts) {
    offsets.push(total);
    total += n + 1;
  }
  const joined = parts.map((p) => p.text).join("\n\f\n");
  const result = importReportText(joined, parts[0].file);
  const partOfLine = (line: number) => {
    let k = 0;
    while (k + 1 < parts.length && line > offsets[k + 1]) k++;
    return k;
  };
  // The first line of every page, to count pages within each part.
  const pageStarts = splitPages(joined).pages.map((p) => p.firstLine);
  const firstPageOf = parts.map((_, k) => pageStarts.findIndex((l) => partOfLine(l) === k) + 1);
  const where = <T extends { file: string; page?: number; line?: number }>(x: T): T => {
    const k =
      x.line !== undefined
        ? partOfLine(x.line)
        : x.page !== undefined
          ? partOfLine(pageStarts[x.page - 1] ?? 1)
          : 0;
    const out: T = { ...x, file: parts[k].file };
    if (x.line !== undefined) out.line = x.line - offsets[k];
    if (x.page !== undefined && firstPageOf[k] > 0) out.page = x.page - firstPageOf[k] + 1;
    return out;
  };
  return {
    ...result,
    drafts: result.drafts.map((d) => ({ ...d, source: where(d.source) })),
    problems: result.problems.map(where),
  };
}
