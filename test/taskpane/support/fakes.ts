/**
 * Test doubles for the pane: a gateway that records calls, and an engine with realistic
 * Japanese results, so component tests exercise the pane without Excel or the importers.
 */
import type { Lang, Measure, MeasureDraft, PlanTable, Problem, Status } from "../../../src/domain/model";
import type { ImportResult } from "../../../src/domain/importResult";
import type { CellTarget, GenerateOutcome, GenerateProgress, WorkbookGateway } from "../../../src/taskpane/gateway/WorkbookGateway";
import type { PlanEngine } from "../../../src/taskpane/services/engine";
import type { SheetKind, WorkbookPlan } from "../../../src/workbook/plan";
import { emptySheet } from "../../../src/workbook/sheetPlan";

export function draft(label: string, owners: string, nextPlan: string, file: string, row: number, sheet?: string): MeasureDraft {
  return {
    label,
    chapter: { number: "2", title: "国民が安全で安心して暮らせるデジタル社会の実現" },
    section: { number: "2.1", title: "国民・社会を守るためのサイバーセキュリティの確保" },
    subsection: { number: "(1)", title: "安全・安心なサイバー空間の利用環境の構築" },
    ownersText: owners,
    plan: "・サイバーセキュリティに関する普及啓発を実施する。",
    results: "・計画に基づき、普及啓発を実施した。",
    nextPlan,
    reposted: false,
    source: { file, sheet, row },
  };
}

export function result(drafts: MeasureDraft[], problems: Problem[] = []): ImportResult {
  return { drafts, problems, fiscalYears: { plan: 2023, next: 2024 } };
}

/** 総務省.csv: two good rows and one with an unknown ministry (row 3). */
export const SOUMU_CSV = result(
  [
    draft("(ア)", "総務省", "・引き続き、普及啓発を実施する。", "総務省.csv", 2),
    draft("(イ)", "総務庁", "・取組を拡充する。", "総務省.csv", 3),
  ],
  [
    {
      code: "unknown-ministry",
      severity: "error",
      file: "総務省.csv",
      row: 3,
      column: "担当府省庁",
      columnIndex: 2,
      params: { value: "総務庁", suggestion: "総務省" },
    },
  ],
);

/** 経産省.xlsx: one row, no problems. */
export const METI_XLSX = result([draft("(ウ)", "経産省", "・2023年度で終了。", "経産省.xlsx", 2, "Sheet1")]);

/** A table whose owner column is headed 府省庁名 (not recognised): blocking. */
export const MISSING_OWNER = result([], [
  {
    code: "missing-label",
    severity: "error",
    file: "文科省.csv",
    row: 1,
    column: "担当府省庁",
    params: { column: "担当府省庁", found: "項番 | 府省庁名 | 2023年度年次計画 | 取組の成果" },
  },
]);

function classify(nextPlan: string): Status {
  if (/終了/.test(nextPlan)) return "ended";
  if (/拡充/.test(nextPlan)) return "expanded";
  return "continuing";
}

function finalize(d: MeasureDraft): Measure {
  return {
    id: `2.1(1)${d.label}`,
    label: d.label,
    chapter: d.chapter,
    section: d.section,
    subsection: d.subsection,
    owners: [d.ownersText],
    ownersText: d.ownersText,
    plan: d.plan,
    results: d.results,
    nextPlan: d.nextPlan,
    reposted: d.reposted,
    status: classify(d.nextPlan),
    statusRule: "test",
    source: d.source,
    confidence: 1,
  };
}

export interface FakeEngineOptions {
  files?: Record<string, ImportResult | Error>;
  grid?: (grid: unknown[][], source: { file: string; sheet?: string }) => ImportResult;
}

export function fakeEngine(opts: FakeEngineOptions = {}): PlanEngine & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async importFile(name) {
      calls.push(`file:${name}`);
      const r = opts.files?.[name];
      if (r instanceof Error) throw r;
      if (!r) return result([], [{ code: "unreadable-file", severity: "error", file: name }]);
      return r;
    },
    async importText(name, text) {
      calls.push(`text:${name}`);
      const rows = text.trim().split("\n").slice(1);
      return result(rows.map((line, i) => {
        const [label, owners, , next] = line.split("\t");
        return draft(label, owners, next ?? "", name, i + 2);
      }));
    },
    async importGrid(grid, source) {
      calls.push(`grid:${source.sheet}`);
      if (opts.grid) return opts.grid(grid, source);
      return result(grid.slice(1).map((row, i) => draft(String(row[0]), String(row[1]), String(row[3] ?? ""), source.file, i + 2, source.sheet)));
    },
    async importSample() {
      calls.push("sample");
      return { name: "cs2024-appendix2-page18.txt", result: result([draft("(ア)", "経済産業省", "・引き続き実施する。", "cs2024-appendix2-page18.txt", 1)]) };
    },
    async buildTable(results): Promise<PlanTable> {
      calls.push(`build:${results.length}`);
      return {
        measures: results.flatMap((r) => r.drafts.map(finalize)),
        problems: results.flatMap((r) => r.problems),
        fiscalYears: results.find((r) => r.fiscalYears)?.fiscalYears ?? null,
      };
    },
    async buildPlan(table, lang): Promise<WorkbookPlan> {
      calls.push(`plan:${lang}:${table.measures.length}`);
      const sheet = (key: string, kind: SheetKind, name: string) => {
        const s = emptySheet(key, kind, name);
        s.blocks.push({ row: 0, column: 0, values: [["項番", "担当府省庁"], ...table.measures.map((m) => [m.id, m.owners.join("、")])] });
        return s;
      };
      return { lang, sheets: [sheet("measures", "measures", "施策一覧"), sheet("report", "report", "検証結果"), sheet("dashboard", "dashboard", "ダッシュボード")] };
    },
    problemMessage(p: Problem, lang: Lang) {
      if (p.code === "unknown-ministry") return lang === "en" ? `Unknown ministry "${p.params?.value}"` : `府省庁名「${p.params?.value}」が一覧にありません (候補: ${p.params?.suggestion})`;
      return `${p.code}`;
    },
  };
}

export interface FakeGateway extends WorkbookGateway {
  selected: CellTarget[];
  shown: string[];
  sheet: { sheetName: string; values: unknown[][] } | Error;
  applyImpl?: (plan: WorkbookPlan, onProgress?: (p: GenerateProgress) => void) => Promise<GenerateOutcome>;
}

export function fakeGateway(): FakeGateway {
  const g: FakeGateway = {
    kind: "office",
    selected: [],
    shown: [],
    sheet: {
      sheetName: "入力",
      values: [
        ["項番", "担当府省庁", "2023年度年次計画", "2024年度年次計画"],
        ["(ア)", "デジタル庁", "・計画する。", "・引き続き実施する。"],
      ],
    },
    async readCurrentSheet() {
      if (g.sheet instanceof Error) throw g.sheet;
      return g.sheet;
    },
    async selectCell(target) {
      g.selected.push(target);
      return true;
    },
    async applyPlan(plan, onProgress) {
      if (g.applyImpl) return g.applyImpl(plan, onProgress);
      onProgress?.({ step: "施策一覧", done: 1, total: plan.sheets.length });
      return { sheets: plan.sheets.map((s) => ({ key: s.key, name: s.name, kind: s.kind })), replaced: [] };
    },
    async showSheet(key) {
      g.shown.push(key);
    },
  };
  return g;
}
