/**
 * The counts the dashboard and the ministry sheets show, taken from the domain's `summarize`
 * so the workbook and `plan-tables summarize` always agree: a reposted measure (再掲) is listed
 * but not counted; a measure with several owners counts once for each.
 */
import { NO_OWNER, countedMeasures, countedOwners, summarize, type StatusCounts } from "../domain/aggregate";
import type { Lang, PlanTable } from "../domain/model";
import { sortByMinistry, type MinistryOrder } from "../domain/ministries";

export type { StatusCounts };

export interface MinistryCount {
  name: string;
  status: StatusCounts;
  total: number;
  /** Counted measures this ministry shares with at least one other owner. */
  shared: number;
}

export interface WorkbookCounts {
  /** Counted measures (再掲 left out). */
  measures: number;
  status: StatusCounts;
  /** In 建制順 (or most measures first), as `summarize`; owners of reposted measures only are listed with zeros. */
  ministries: MinistryCount[];
  chapters: { chapter: string; measures: number }[];
  errors: number;
  warnings: number;
}

export function zeroStatus(): StatusCounts {
  return { continuing: 0, expanded: 0, new: 0, ended: 0, unreported: 0 };
}

export function countTable(table: PlanTable, lang: Lang, order: MinistryOrder = "government"): WorkbookCounts {
  const summary = summarize(table, lang, order);
  const counted = countedMeasures(table.measures);
  const shared = new Map<string, number>();
  for (const m of counted) {
    const owners = new Set(countedOwners(m, lang));
    if (owners.size > 1) for (const o of owners) shared.set(o, (shared.get(o) ?? 0) + 1);
  }
  const ministries: MinistryCount[] = summary.ministries.map((m) => ({
    name: m.name,
    status: m.status,
    total: m.measures,
    shared: shared.get(m.name) ?? 0,
  }));
  const listed = new Set(ministries.map((m) => m.name));
  for (const m of table.measures)
    for (const o of countedOwners(m, lang))
      if (!listed.has(o)) {
        listed.add(o);
        ministries.push({ name: o, status: zeroStatus(), total: 0, shared: 0 });
      }
  return {
    measures: counted.length,
    status: summary.status,
    // The no-owner row last, after the ministries in 建制順 (or by count): it is not a ministry.
    ministries: [
      ...sortByMinistry(ministries.filter((m) => m.name !== NO_OWNER[lang]), order, (m) => m.total),
      ...ministries.filter((m) => m.name === NO_OWNER[lang]),
    ],
    chapters: summary.chapters.map((c) => ({
      chapter: [c.chapter, c.title].filter((s) => s !== "").join(" "),
      measures: c.measures,
    })),
    errors: table.problems.filter((p) => p.severity === "error").length,
    warnings: table.problems.filter((p) => p.severity === "warning").length,
  };
}
