/**
 * Import the report's appendix table (別添2) from text extracted from its PDF: one page or many,
 * one file or several concatenated. Rows come back as drafts with a confidence, and every layout
 * guess as a located "ambiguous-layout" warning (page and line), never as silent loss.
 */
import { qualifiedId } from "../../domain/labels";
import type { FiscalYears, MeasureDraft, Problem } from "../../domain/model";
import type { ImportResult } from "../../domain/importResult";
import { countMeasure, emptyLedger, record, type Ledger, type LedgerPlace } from "../../domain/ledger";
import { classifyPages } from "./classify";
import { measureWidths } from "./columns";
import { splitPages, type Page } from "./pages";
import { assignLabels } from "./labels";
import { layoutProblem, type LayoutReason } from "./problems";
import { RowBuilder, type LabelEvent, type Row } from "./rows";
import { isReposted } from "../../domain/reposted";
import { joinCellLines } from "./textUtil";

export function importReportText(text: string, file: string): ImportResult {
  const problems: Problem[] = [];
  const split = splitPages(text);
  const events = classifyPages(split.pages);
  const builder = new RowBuilder(
    measureWidths(events.flatMap((e) => (e.kind === "content" ? [e.text] : [])))
  );
  const chapters = new Map(split.pages.map((p) => [p.index, p.chapter]));
  // The ledger: where each source line went (the strongest place when a line feeds several events).
  const placeOf = new Map<number, { place: LedgerPlace; what: string }>();
  const rank: Record<LedgerPlace, number> = {
    measure: 4,
    extra: 4,
    heading: 3,
    furniture: 2,
    problem: 1,
  };
  const place = (line: number, p: LedgerPlace, what: string) => {
    const had = placeOf.get(line);
    if (!had || rank[p] > rank[had.place]) placeOf.set(line, { place: p, what });
  };
  for (const l of split.placed) place(l.line, l.place, l.what);
  for (const e of events) {
    if (e.kind === "page") builder.startPage(e.page, chapters.get(e.page) ?? null);
    else {
      builder.event(e);
      if (e.kind === "consumed") place(e.at.line, e.place, e.what);
      else if (e.kind === "section" || e.kind === "subsection" || e.kind === "circled")
        place(e.at.line, "heading", e.kind);
      // Every label becomes a measure (assigned to a row, or kept as an empty measure); content always lands in a row.
      else if (e.kind === "label" || e.kind === "content") place(e.at.line, "measure", e.kind);
    }
  }
  for (const line of builder.ownerLines) place(line, "measure", "owner");
  const strayLines = new Set(builder.strays.map((x) => x.at.line));
  for (const e of events)
    if ((e.kind === "reposted" || e.kind === "owner") && !strayLines.has(e.at.line))
      place(e.at.line, "measure", e.kind);
  const ledgerOf = (problemsOut: Problem[], unplaced: "unplaced-text" | "no-table-found") =>
    buildLedger(text, split.pages, placeOf, file, problemsOut, unplaced);

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
    // Nothing is a measure: every line not placed as furniture or heading is under the file's error.
    for (const [line, p] of placeOf) if (p.place === "measure") placeOf.delete(line);
    return { drafts: [], problems, fiscalYears, ledger: ledgerOf(problems, "no-table-found") };
  }

  // Labels go to the rows of their page, in order (labels.ts).
  const { unsure, orphanLabels } = assignLabels(builder, file, problems);

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
        isReposted({ itemNumber: label?.label ?? "", texts: [plan, results, nextPlan] }),
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
  const ledger = ledgerOf(problems, drafts.length === 0 ? "no-table-found" : "unplaced-text");
  return { drafts, problems, fiscalYears, ledger };
}

/**
 * Every non-blank line of the text in its place. A line no reader placed becomes an
 * "unplaced-text" warning with its page, line and text (or, when the file has no table at all,
 * falls under the file's no-table-found error): never dropped.
 */
function buildLedger(
  text: string,
  pages: readonly Page[],
  placeOf: ReadonlyMap<number, { place: LedgerPlace; what: string }>,
  file: string,
  problems: Problem[],
  unplaced: "unplaced-text" | "no-table-found"
): Ledger {
  const ledger = emptyLedger();
  const pageOf = new Map<number, number>();
  for (const p of pages) {
    pageOf.set(p.firstLine, p.index);
    for (const l of p.body) pageOf.set(l.line, p.index);
  }
  let page: number | undefined;
  text.split(/\r\n|\r|\n/u).forEach((raw, i) => {
    const line = i + 1;
    page = pageOf.get(line) ?? page;
    const t = raw.replace(/\f/gu, "");
    if (t.trim() === "") return;
    const p = placeOf.get(line);
    if (p?.place === "measure") return countMeasure(ledger);
    const at = { text: t, line, ...(page !== undefined ? { page } : {}) };
    if (p && p.place !== "problem") return record(ledger, { place: p.place, what: p.what, ...at });
    record(ledger, { place: "problem", what: unplaced, ...at });
    if (unplaced === "unplaced-text")
      // Text before the first page (a web page around a copied page) is outside the table: info; inside a page: a warning.
      problems.push({
        code: "unplaced-text",
        severity: p?.what === "preamble" ? "info" : "warning",
        file,
        ...(page !== undefined ? { page } : {}),
        line,
        params: { text: t.trim().slice(0, 200) },
      });
  });
  return ledger;
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
