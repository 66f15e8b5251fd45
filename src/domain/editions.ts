/**
 * Files of several editions of the report, told apart by their fiscal years: the CLI's
 * `compare --before/--after` and `build --previous`, and the pane's 前年度と比較 step, split and
 * choose with these. Within one edition, a file of another pair is the pipeline's other-edition
 * problem; here it is simply its own edition.
 */
import type { ImportResult } from "./importResult";
import type { FiscalYears } from "./model";

const key = (fy: FiscalYears) => `${fy.plan}-${fy.next}`;

/**
 * The results grouped by pair of fiscal years, in the order first seen. A result without years
 * (a file that could not be read, a table without year headers) goes with the edition of the file
 * before it (the first edition's, when it comes first); all in one group when none has years.
 */
export function groupByEdition(results: readonly ImportResult[]): ImportResult[][] {
  const groups = new Map<string, ImportResult[]>();
  let current: string | null = null;
  const orphans: ImportResult[] = [];
  for (const r of results) {
    if (r.fiscalYears) current = key(r.fiscalYears);
    if (current === null) {
      orphans.push(r);
      continue;
    }
    const g = groups.get(current) ?? [];
    if (orphans.length > 0) g.push(...orphans.splice(0));
    g.push(r);
    groups.set(current, g);
  }
  return groups.size === 0 ? [orphans] : [...groups.values()];
}

/** Editions newest first (by the year their plan reports; one without years last). */
export function newestFirst<T extends { fiscalYears: FiscalYears | null }>(
  editions: readonly T[]
): T[] {
  return [...editions].sort((a, b) => (b.fiscalYears?.plan ?? 0) - (a.fiscalYears?.plan ?? 0));
}

/** The newest edition older than `current` (by the year its plan reports), and the older ones still. */
export function previousEditions<T extends { fiscalYears: FiscalYears | null }>(
  editions: readonly T[],
  current: FiscalYears | null
): { previous: T | null; older: T[] } {
  const older = editions.filter(
    (e) => !current || !e.fiscalYears || e.fiscalYears.plan < current.plan
  );
  return { previous: older[0] ?? null, older: older.slice(1) };
}
