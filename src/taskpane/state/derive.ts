/**
 * Everything the pane shows that follows from its state: counts, reasons and messages. Computed
 * on every render from the current state, never stored, so none of it can go stale.
 */
import { countByStatus } from "../../domain/aggregate";
import type { PlanTable, Problem, Status } from "../../domain/model";
import { STATUSES } from "../../domain/model";
import type { PaneStrings } from "../strings";
import type { Busy, Notice, PaneState, Source } from "./paneState";
import { columnLetters, isBlocking } from "./problems";

/** Measures per status, counting a reposted (再掲) measure once: at its home section. */
export function countStatuses(table: PlanTable): { counts: Record<Status, number>; total: number } {
  // The domain's count ((再掲) left out), as summarize and the dashboard count.
  const counts = countByStatus(table.measures);
  return { counts, total: STATUSES.reduce((n, s) => n + counts[s], 0) };
}

/** The table for the sources as they are now; null while it is being built (or there are none). */
export function currentTable(state: PaneState): PlanTable | null {
  return state.builtVersion === state.version ? state.table : null;
}

export function isValidating(state: PaneState): boolean {
  return state.sources.length > 0 && state.builtVersion !== state.version && state.buildError?.version !== state.version;
}

export function severityCounts(problems: readonly Problem[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const p of problems) {
    if (p.severity === "error") errors++;
    else if (p.severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** A source whose required column is missing (or that is not a table at all): nothing of it is imported. */
export function isRejected(source: Source): boolean {
  return source.result.problems.some(isBlocking);
}

/** The source's findings: the validated table's when it is current (validation adds some), else the import's. */
export function sourceProblemCount(state: PaneState, source: Source): number {
  const table = currentTable(state);
  if (!table) return source.result.problems.length;
  let n = 0;
  for (const p of table.problems) if (p.file === source.name) n++;
  return n;
}

export type GenerateBlock = "building" | "rejected" | "empty" | null;

/** Why generation cannot start now, or null when it can. */
export function generateBlock(state: PaneState): GenerateBlock {
  if (state.sources.some(isRejected)) return "rejected";
  if (state.sources.length > 0 && !currentTable(state) && isValidating(state)) return "building";
  const table = currentTable(state);
  if (!table || table.measures.length === 0) return "empty";
  return null;
}

export function busyLabel(busy: Busy, t: PaneStrings): string {
  switch (busy.kind) {
    case "files":
      return t.import.reading(busy.names.join(", "));
    case "sheet":
      return t.import.reading(t.import.sheetHeading);
    case "paste":
      return t.import.reading(busy.name);
    case "sample":
      return t.import.reading(t.import.sampleHeading);
    case "revalidate":
      return t.import.reading(t.validate.revalidate);
  }
}

export interface NoticeView {
  intent: "success" | "warning" | "error" | "info";
  text: string;
}

/** A notice in words, or null when it no longer describes the state (a revalidation overtaken by new sources). */
export function noticeView(notice: Notice | null, state: PaneState, t: PaneStrings): NoticeView | null {
  if (!notice) return null;
  switch (notice.kind) {
    case "revalidated": {
      const table = currentTable(state);
      if (notice.version !== state.version || !table) return null;
      const { errors, warnings } = severityCounts(table.problems);
      return { intent: errors ? "warning" : "success", text: t.validate.revalidated(errors, warnings) };
    }
    case "selected":
      return { intent: "success", text: t.validate.selected(`${notice.sheet}!${notice.column ? columnLetters(notice.column) : "A"}${notice.row}`) };
    case "not-in-workbook":
      return { intent: "info", text: t.validate.notInWorkbook(notice.file) };
    case "error":
      return { intent: "error", text: notice.message };
  }
}

/** What a screen reader hears when an action finishes: the latest completed action's result, in words. */
export function announcement(state: PaneState, t: PaneStrings): string {
  const done = state.completed;
  if (!done) return "";
  switch (done.action) {
    case "import": {
      if (state.importErrors.length > 0) return state.importErrors.map((e) => e.message).join(" ");
      let measures = 0;
      let problems = 0;
      for (const s of state.sources) {
        measures += s.result.drafts.length;
        problems += sourceProblemCount(state, s);
      }
      return t.import.imported(state.sources.length, measures, problems);
    }
    case "revalidate":
      return noticeView(state.notice, state, t)?.text ?? "";
    case "select":
      return noticeView(state.notice, state, t)?.text ?? "";
    case "generate": {
      const g = state.generation;
      if (g.phase === "done") return t.generate.done(g.outcome.sheets.length);
      if (g.phase === "cancelled") return t.generate.cancelled;
      if (g.phase === "failed") return `${t.generate.failedTitle}: ${g.message}`;
      return "";
    }
  }
}
