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

/** The row of measures whose 担当府省庁 is blank: counted in every ministry table, never dropped from the totals. */
export const NO_OWNER: Record<Lang, string> = { ja: "(担当未記入)", en: "(no ministry given)" };

/** The owners a measure is counted under: its owners, or the no-owner row. */
export function countedOwners(m: Measure, lang: Lang): readonly string[] {
  return m.owners.length > 0 ? m.owners : [NO_OWNER[lang]];
}

export function countByMinistry(
  measures: readonly Measure[],
  lang: Lang = "ja",
  order: MinistryOrder = "government"
): Summary["ministries"] {
  const byName = new Map<string, { name: string; measures: number; status: StatusCounts }>();
  const noOwner = [NO_OWNER[lang]];
  for (let k = 0; k < measures.length; k++) {
    const m = measures[k];
    if (m.reposted) continue;
    const owners = m.owners.length > 0 ? m.owners : noOwner;
    for (let i = 0; i < owners.length; i++) {
      const name = owners[i];
      // Once per measure even if a name were listed twice (no Set per measure: this runs for every row).
      if (owners.indexOf(name) < i) continue;
      let row = byName.get(name);
      if (row === undefined) byName.set(name, (row = { name, measures: 0, status: emptyCounts() }));
      row.measures++;
      row.status[m.status]++;
    }
  }
  // The no-owner row last: it is not a ministry, only what the totals need to add up.
  const rows = [...byName.values()];
  const noOwnerRow = rows.filter((r) => r.name === noOwner[0]);
  return [...sortByMinistry(rows.filter((r) => r.name !== noOwner[0]), order, (row) => row.measures), ...noOwnerRow];
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

/** Measures per status, (再掲) left out: each measure counts once, at its home section. */
export function countByStatus(measures: readonly Measure[]): StatusCounts {
  const status = emptyCounts();
  for (let i = 0; i < measures.length; i++) if (!measures[i].reposted) status[measures[i].status]++;
  return status;
}

export function summarize(table: PlanTable, lang: Lang = "ja", order: MinistryOrder = "government"): Summary {
  const status = countByStatus(table.measures);
  return {
    fiscalYears: table.fiscalYears,
    measures: table.measures.length,
    status,
    ministries: countByMinistry(table.measures, lang, order),
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
