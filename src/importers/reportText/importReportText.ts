/**
 * Import the report's appendix table (別添2) from text extracted from its PDF: one page or many,
 * one file or several concatenated. Rows come back as drafts with a confidence, and every layout
 * guess as a located "ambiguous-layout" warning (page and line), never as silent loss.
 */
import { qualifiedId } from "../../domain/labels";
import type { FiscalYears, MeasureDraft, Problem } from "../../domain/model";
import type { ImportResult } from "../../domain/importResult";
import { classifyPages } from "./classify";
import { measureWidths } from "./columns";
import { splitPages, type PageSplit } from "./pages";
import { assignLabels } from "./labels";
import { layoutProblem, type LayoutReason } from "./problems";
import { RowBuilder, type LabelEvent, type Row } from "./rows";
import { isReposted } from "../../domain/reposted";
import { buildLedger, feedRows } from "./textLedger";
import { joinCellLines } from "./textUtil";

export function importReportText(text: string, file: string): ImportResult {
  const split = splitPages(text);
  const events = classifyPages(split.pages);
  const builder = new RowBuilder(
    measureWidths(events.flatMap((e) => (e.kind === "content" ? [e.text] : [])))
  );
  const placeOf = feedRows(split, events, builder);
  const ledgerOf = (problemsOut: Problem[], unplaced: "unplaced-text" | "no-table-found") =>
    buildLedger(text, split.pages, placeOf, file, problemsOut, unplaced);

  builder.mergeFalseStarts();

  const { fiscalYears, problems } = editionYears(split, file);
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
    drafts.push(
      rowDraft(
        row,
        { last: k === rowsOut.length - 1, fiscalYears, unsure: unsure.has(row), file },
        problems
      )
    );
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
 * A row as a draft: its label's owners and 再掲 mark, its cells joined as wrapped text, and a
 * confidence lowered, with a located warning, for each guess (column guesses, a row without its
 * next-year plan, without a label or a whole owner, a marker of another year).
 */
export function rowDraft(
  row: Row,
  ctx: { last: boolean; fiscalYears: FiscalYears | null; unsure: boolean; file: string },
  problems: Problem[]
): MeasureDraft {
  const { file } = ctx;
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
  const warn = (reason: LayoutReason, params: Record<string, string | number> = {}, where = at) => {
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
    warn("truncated-row", { last: ctx.last ? 1 : 0 });
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
  if (ctx.unsure) confidence = Math.min(confidence, 0.5);
  for (const m of row.markerYears) {
    if (ctx.fiscalYears && m.year !== ctx.fiscalYears.next)
      warn("marker-year", { found: m.year, expected: ctx.fiscalYears.next }, m);
  }
  draft.confidence = Math.round(Math.max(0.1, confidence) * 100) / 100;
  return draft;
}

/** The edition's fiscal years, from the first page title: an info without one, a warning for a page of another edition. */
export function editionYears(
  split: PageSplit,
  file: string
): { fiscalYears: FiscalYears | null; problems: Problem[] } {
  const problems: Problem[] = [];
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
  return { fiscalYears, problems };
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
