/**
 * Several import results → one plan table: finalise every draft, validate everything, keep
 * every problem (import problems first, each source in order, then by row).
 */
import type { ImportResult } from "./importResult";
import { finalizeMeasures } from "./finalize";
import type { FiscalYears, Measure, PlanTable, Problem, SourceRef } from "./model";
import { validatePlanTable } from "./validate";

const sourceKey = (s: { file: string; sheet?: string }) => `${s.file}\u0000${s.sheet ?? ""}`;

export function buildPlanTable(all: ImportResult[]): PlanTable {
  // Editions never mix: a file of another pair of fiscal years is a problem, its rows are left out.
  const fiscalYears = pickFiscalYears(all);
  const { results, otherEditions } = separateEditions(all, fiscalYears);
  const columns = new Map<string, NonNullable<ImportResult["columns"]>>();
  const fileOrder = new Map<string, number>();
  let measures: Measure[] = [];
  for (const r of results) {
    // Rows of one table share file and sheet: the key is built once per run of equal sources, not per row.
    let last: SourceRef | null = null;
    for (let i = 0; i < r.drafts.length; i++) {
      const d = r.drafts[i];
      if (!r.columns || (last && last.file === d.source.file && last.sheet === d.source.sheet))
        continue;
      last = d.source;
      if (!columns.has(sourceKey(d.source))) columns.set(sourceKey(d.source), r.columns);
    }
    // The first table's array is taken as it is and later ones pushed one by one: flatMap, and pushing
    // into an empty array that grows, copied 100,000 measures again (measured at 100,000 rows).
    const finalized = finalizeMeasures(r.drafts);
    if (measures.length === 0) measures = finalized;
    else for (let i = 0; i < finalized.length; i++) measures.push(finalized[i]);
  }
  const imported = [...results.flatMap((r) => r.problems), ...otherEditions];
  // Files in the order they were given: a result's problems and rows name its file.
  const seeFile = (file: string) => {
    if (!fileOrder.has(file)) fileOrder.set(file, fileOrder.size);
  };
  for (const r of all) {
    for (const p of r.problems) seeFile(p.file);
    // Rows of one table name one file: looked up once per run of equal names, not per row.
    let lastFile: string | undefined;
    for (let i = 0; i < r.drafts.length; i++) {
      const file = r.drafts[i].source.file;
      if (file !== lastFile) seeFile(file);
      lastFile = file;
    }
  }
  let lastSource: SourceRef | null = null;
  let lastColumns: NonNullable<ImportResult["columns"]> | undefined;
  const columnsFor = (s: SourceRef) => {
    if (!lastSource || lastSource.file !== s.file || lastSource.sheet !== s.sheet) {
      lastSource = s;
      lastColumns = columns.get(sourceKey(s));
    }
    return lastColumns;
  };
  const validation = validatePlanTable(measures, { columnsFor });
  const problems = sortProblems([...imported, ...validation], fileOrder);
  const table: PlanTable = { measures, problems, fiscalYears };
  const extra = [...new Set(results.flatMap((r) => r.extraColumns ?? []))];
  if (extra.length > 0) table.extraColumns = extra;
  return table;
}

/** 「2023年度/2024年度」, "FY2023/FY2024": a pair of fiscal years as the messages name it. */
function pairName(fy: FiscalYears, lang: "ja" | "en"): string {
  return lang === "ja" ? `${fy.plan}年度/${fy.next}年度` : `FY${fy.plan}/FY${fy.next}`;
}

/** Results of the chosen edition (or of no known years), and a problem for each file of another. */
function separateEditions(
  all: ImportResult[],
  chosen: FiscalYears | null
): { results: ImportResult[]; otherEditions: Problem[] } {
  if (!chosen) return { results: all, otherEditions: [] };
  const results: ImportResult[] = [];
  const otherEditions: Problem[] = [];
  for (const r of all) {
    const fy = r.fiscalYears;
    if (!fy || (fy.plan === chosen.plan && fy.next === chosen.next)) {
      results.push(r);
      continue;
    }
    const files = [...new Set(r.drafts.map((d) => d.source.file))];
    const file = files[0] ?? r.problems[0]?.file ?? "";
    otherEditions.push({
      code: "other-edition",
      severity: "error",
      file,
      params: {
        found: pairName(fy, "ja"),
        expected: pairName(chosen, "ja"),
        foundEn: pairName(fy, "en"),
        expectedEn: pairName(chosen, "en"),
        rows: r.drafts.length,
      },
    });
    // The file's own problems still stand (they are about the file, not about this edition's table).
    results.push({ ...r, drafts: [], extraColumns: undefined });
  }
  return { results, otherEditions };
}

/** The fiscal years most sources agree on (the first source wins a tie). */
function pickFiscalYears(results: ImportResult[]): FiscalYears | null {
  const votes = new Map<string, { fy: FiscalYears; n: number }>();
  for (const r of results) {
    if (!r.fiscalYears) continue;
    const k = `${r.fiscalYears.plan}-${r.fiscalYears.next}`;
    const v = votes.get(k) ?? { fy: r.fiscalYears, n: 0 };
    v.n++;
    votes.set(k, v);
  }
  let best: { fy: FiscalYears; n: number } | null = null;
  for (const v of votes.values()) if (!best || v.n > best.n) best = v;
  return best ? { ...best.fy } : null;
}

/** Stable: by source file (in the order given), then row/line; file-level problems (no row) first. */
function sortProblems(problems: Problem[], fileOrder: Map<string, number>): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => {
      const fa = fileOrder.get(a.p.file) ?? 0;
      const fb = fileOrder.get(b.p.file) ?? 0;
      if (fa !== fb) return fa - fb;
      const ra = a.p.row ?? a.p.line ?? 0;
      const rb = b.p.row ?? b.p.line ?? 0;
      return ra !== rb ? ra - rb : a.i - b.i;
    })
    .map((x) => x.p);
}
