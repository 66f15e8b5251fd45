/**
 * Labels to rows. Labels come out of place (grouped at a page top, after the results, inside the
 * table header), so rows are found by their text and the labels of a page go to the rows of that
 * page in order. A page short of labels pairs with the next page when that one has as many too
 * many (a label printed on the other side of a page break); and a page with one label more than
 * its rows had its first text taken for the previous page's row, which is undone.
 */
import type { Problem } from "../../domain/model";
import { layoutProblem } from "./problems";
import type { LabelEvent, PageRows, Row, RowBuilder } from "./rows";

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

/**
 * A row that ran over a page break and whose label was printed late (after its results, on the
 * next page): the page it started on is short of a label, the page it ended on has one too many.
 * That label goes back to the row's own page, so pages further on are not misread.
 */
function returnLateLabels(builder: RowBuilder): void {
  for (const pr of builder.pages) {
    const c = pr.continued;
    if (!c || c.label || pr.labels.length <= pr.started.length) continue;
    const home = builder.pages.find((p) => p.started.includes(c));
    if (!home || home === pr || home.labels.length >= home.started.length) continue;
    if (home.started[home.started.length - 1] !== c) continue;
    const late = pr.labels.shift();
    if (late) home.labels.push(late);
  }
}

export interface LabelAssignment {
  /** Rows of a page whose labels did not match in number: their label is a guess. */
  unsure: Set<Row>;
  /** Labels left without a row, each with the row it came after. */
  orphanLabels: { label: LabelEvent; after: Row | null }[];
}

/** Give every row its label (row.label); label-count problems go to `problems`. */
export function assignLabels(
  builder: RowBuilder,
  file: string,
  problems: Problem[]
): LabelAssignment {
  const unsure = new Set<Row>();
  const orphanLabels: { label: LabelEvent; after: Row | null }[] = [];
  // As many labels as rows in the whole text: they go in reading order, whatever page each was
  // printed on (a label printed late, after a page break that cut its row).
  const allLabels = builder.pages.flatMap((p) => p.labels);
  if (allLabels.length === builder.rows.length) {
    builder.rows.forEach((r, i) => (r.label = allLabels[i]));
    return { unsure, orphanLabels };
  }
  returnLateLabels(builder);
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

  return { unsure, orphanLabels };
}
