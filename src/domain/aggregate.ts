/**
 * Counts for the summary, the dashboard and `plan-tables summarize --json`:
 * status totals, ministry × status (a measure with several owners counts once for each),
 * chapter × status. `(再掲)` measures are in `measures` (rows imported) but in no count.
 */
import type { FiscalYears, Lang, Measure, PlanTable, Severity, Status } from "./model";
import { STATUSES } from "./model";
import { problemMessage } from "./messages";
import { sortByMinistry, type MinistryOrder } from "./ministries";

export type StatusCounts = Record<Status, number>;

export interface SummaryIssue {
  code: string;
  severity: Severity;
  file: string;
  row: number | null;
  column: string | null;
  message: string;
}

export interface Summary {
  fiscalYears: FiscalYears | null;
  /** Rows imported, (再掲) included. */
  measures: number;
  /** (再掲) left out. */
  status: StatusCounts;
  /** In 建制順 (government order), or by measures (descending) then 建制順 when asked for count order. */
  ministries: { name: string; measures: number; status: StatusCounts }[];
  issues: SummaryIssue[];
  /** In order of first appearance. `chapter` is the heading number ("2"), "" when unknown; `title` its text. */
  chapters: { chapter: string; title: string; measures: number; status: StatusCounts }[];
}

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/** Measures that count: everything but (再掲). */
export function countedMeasures(measures: readonly Measure[]): Measure[] {
  return measures.filter((m) => !m.reposted);
}

export function countByMinistry(measures: readonly Measure[], order: MinistryOrder = "government"): Summary["ministries"] {
  const byName = new Map<string, { name: string; measures: number; status: StatusCounts }>();
  for (let k = 0; k < measures.length; k++) {
    const m = measures[k];
    if (m.reposted) continue;
    for (let i = 0; i < m.owners.length; i++) {
      const name = m.owners[i];
      // Once per measure even if a name were listed twice (no Set per measure: this runs for every row).
      if (m.owners.indexOf(name) < i) continue;
      let row = byName.get(name);
      if (row === undefined) byName.set(name, (row = { name, measures: 0, status: emptyCounts() }));
      row.measures++;
      row.status[m.status]++;
    }
  }
  return sortByMinistry([...byName.values()], order, (row) => row.measures);
}

export function countByChapter(measures: readonly Measure[]): Summary["chapters"] {
  const byChapter = new Map<string, Summary["chapters"][number]>();
  for (let i = 0; i < measures.length; i++) {
    const m = measures[i];
    if (m.reposted) continue;
    const key = m.chapter?.number ?? "";
    let row = byChapter.get(key);
    if (row === undefined)
      byChapter.set(key, (row = { chapter: key, title: m.chapter?.title ?? "", measures: 0, status: emptyCounts() }));
    if (row.title === "" && m.chapter?.title) row.title = m.chapter.title;
    row.measures++;
    row.status[m.status]++;
  }
  return [...byChapter.values()];
}

export function summarize(table: PlanTable, lang: Lang = "ja", order: MinistryOrder = "government"): Summary {
  const status = emptyCounts();
  for (let i = 0; i < table.measures.length; i++) if (!table.measures[i].reposted) status[table.measures[i].status]++;
  return {
    fiscalYears: table.fiscalYears,
    measures: table.measures.length,
    status,
    ministries: countByMinistry(table.measures, order),
    issues: table.problems.map((p) => ({
      code: p.code,
      severity: p.severity,
      file: p.file,
      row: p.row ?? p.line ?? null,
      column: p.column ?? null,
      message: problemMessage(p, lang),
    })),
    chapters: countByChapter(table.measures),
  };
}
