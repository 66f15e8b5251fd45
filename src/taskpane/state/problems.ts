/** Pure helpers over problems for the validation step: grouping, blocking, places. */
import { blocksRun } from "../../domain/messages";
import type { Problem, Severity } from "../../domain/model";
import type { PaneStrings } from "../strings";
import { columnLetter } from "../../workbook/geometry";

export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

/** Nothing may be generated: the problem catalogue's rule (src/domain/messages.ts), the CLI's build asks it too. */
export function isBlocking(p: Problem): boolean {
  return blocksRun(p);
}

export function groupBySeverity(problems: readonly Problem[]): Record<Severity, Problem[]> {
  const groups: Record<Severity, Problem[]> = { error: [], warning: [], info: [] };
  for (const p of problems) groups[p.severity].push(p);
  return groups;
}

/** Problems by severity, then by kind (code) in order of first appearance: 24,000 findings become a few groups. */
export function groupByKind(problems: readonly Problem[]): Record<Severity, { code: string; problems: Problem[] }[]> {
  const groups: Record<Severity, { code: string; problems: Problem[] }[]> = { error: [], warning: [], info: [] };
  const byKey = new Map<string, { code: string; problems: Problem[] }>();
  for (const p of problems) {
    const key = `${p.severity}:${p.code}`;
    let kind = byKey.get(key);
    if (!kind) {
      kind = { code: p.code, problems: [] };
      byKey.set(key, kind);
      groups[p.severity].push(kind);
    }
    kind.problems.push(p);
  }
  return groups;
}

/** The missing column's name and the header row as found, from a missing-label problem. */
export function missingColumnDetails(p: Problem): { column: string; found: string | null } {
  const params = p.params ?? {};
  const column = String(params.column ?? params.missing ?? p.column ?? "");
  const foundRaw = params.found ?? params.header ?? params.headers;
  const found = foundRaw === undefined || foundRaw === "" ? null : String(foundRaw);
  return { column, found };
}

/** Where a problem is, in words: "総務省.csv / Sheet1 12 行目「担当府省庁」列". */
export function problemPlace(p: Problem, t: PaneStrings): string {
  // "現在のシート (入力)" already names its sheet; "総務省.xlsx" does not.
  const parts: string[] = [
    p.sheet && !p.file.includes(`(${p.sheet})`) ? `${p.file} / ${p.sheet}` : p.file,
  ];
  if (p.page !== undefined) parts.push(t.validate.location.page(p.page, p.line));
  else if (p.row !== undefined) parts.push(t.validate.location.row(p.row));
  if (p.column) parts.push(t.validate.location.column(p.column));
  return parts.join(" ");
}

/** A1 column letters for a 1-based column index (problems count columns from 1). */
export function columnLetters(index: number): string {
  return columnLetter(index - 1);
}
