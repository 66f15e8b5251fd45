/**
 * The counts the dashboard and the ministry sheets show. Rules (as in the report): a reposted
 * measure (再掲) is listed but not counted; a measure with several owners counts once for each.
 */
import { STATUSES, type Measure, type PlanTable, type Status } from "../domain/model";

export type StatusCounts = Record<Status, number>;

export interface MinistryCount {
  name: string;
  status: StatusCounts;
  total: number;
  /** Counted measures this ministry shares with at least one other owner. */
  shared: number;
}

export interface WorkbookCounts {
  measures: number;
  status: StatusCounts;
  ministries: MinistryCount[];
  chapters: { chapter: string; measures: number }[];
  errors: number;
  warnings: number;
}

export function zeroStatus(): StatusCounts {
  return { continuing: 0, expanded: 0, new: 0, ended: 0, unreported: 0 };
}

export function chapterLabel(m: Measure): string {
  if (!m.chapter) return "";
  return [m.chapter.number, m.chapter.title].filter((s) => s !== "").join(" ");
}

/**
 * Ministries in the order of `order` (the formal list), then names not in it in order of
 * first appearance: the report's order, never alphabetical.
 */
export function orderMinistries(names: Iterable<string>, order: readonly string[]): string[] {
  const index = new Map(order.map((n, i) => [n, i]));
  const seen = [...new Set(names)];
  const known = seen.filter((n) => index.has(n)).sort((a, b) => index.get(a)! - index.get(b)!);
  const unknown = seen.filter((n) => !index.has(n));
  return [...known, ...unknown];
}

export function countTable(table: PlanTable, ministryOrder: readonly string[]): WorkbookCounts {
  const counted = table.measures.filter((m) => !m.reposted);
  const status = zeroStatus();
  const byMinistry = new Map<string, MinistryCount>();
  const byChapter = new Map<string, number>();
  for (const m of counted) {
    status[m.status]++;
    const owners = [...new Set(m.owners)];
    for (const o of owners) {
      let c = byMinistry.get(o);
      if (!c) byMinistry.set(o, (c = { name: o, status: zeroStatus(), total: 0, shared: 0 }));
      c.status[m.status]++;
      c.total++;
      if (owners.length > 1) c.shared++;
    }
    const ch = chapterLabel(m);
    byChapter.set(ch, (byChapter.get(ch) ?? 0) + 1);
  }
  // Reposted-only owners still get a row (and a sheet), with zero counts.
  for (const m of table.measures)
    for (const o of m.owners)
      if (!byMinistry.has(o)) byMinistry.set(o, { name: o, status: zeroStatus(), total: 0, shared: 0 });
  const ministries = orderMinistries(byMinistry.keys(), ministryOrder).map((n) => byMinistry.get(n)!);
  return {
    measures: counted.length,
    status,
    ministries,
    chapters: [...byChapter].map(([chapter, measures]) => ({ chapter, measures })),
    errors: table.problems.filter((p) => p.severity === "error").length,
    warnings: table.problems.filter((p) => p.severity === "warning").length,
  };
}

export { STATUSES };
