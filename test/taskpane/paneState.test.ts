/**
 * The pane's reducer and what is derived from it, tested directly: every action, and the
 * stale-state findings of issue 15 (a revalidation banner outliving new sources, an import
 * count that ignores validation).
 */
import type { PlanTable, Problem } from "../../src/domain/model";
import { PANE_STRINGS } from "../../src/taskpane/strings";
import { announcement, busyLabel, currentTable, generateBlock, isValidating, noticeView, sourceProblemCount } from "../../src/taskpane/state/derive";
import { initialPaneState, paneReducer, type NewSource, type PaneAction, type PaneState } from "../../src/taskpane/state/paneState";
import { MISSING_OWNER, METI_XLSX, SOUMU_CSV, fakeEngine, result, draft } from "./support/fakes";

const ja = PANE_STRINGS.ja;
const en = PANE_STRINGS.en;

function run(...actions: PaneAction[]): PaneState {
  return actions.reduce(paneReducer, initialPaneState);
}

const soumu: NewSource = { name: "総務省.csv", kind: "file", result: SOUMU_CSV };
const meti: NewSource = { name: "経産省.xlsx", kind: "file", result: METI_XLSX };
const rejected: NewSource = { name: "文科省.csv", kind: "file", result: MISSING_OWNER };
const sheet = (owner: string): NewSource => ({
  name: "現在のシート (入力)",
  kind: "sheet",
  sheet: "入力",
  result: result([draft("(ア)", owner, "・引き続き実施する。", "現在のシート (入力)", 2, "入力")]),
});

/** The table the engine would build: the sources' problems plus what validation adds. */
async function built(state: PaneState, extra: Problem[] = []): Promise<PaneAction> {
  const table: PlanTable = await fakeEngine().buildTable(state.sources.map((s) => s.result));
  return { type: "table-built", version: state.version, table: { ...table, problems: [...table.problems, ...extra] } };
}

const warning = (file: string, row: number): Problem => ({ code: "group-ministry", severity: "warning", file, row, column: "担当府省庁" });

describe("pane reducer", () => {
  test("engine-loaded keeps the engine for problem messages", () => {
    const engine = fakeEngine();
    expect(run({ type: "engine-loaded", engine }).engine).toBe(engine);
  });

  test("busy and idle: typed busy states, worded only when shown; starting an import clears the last import's errors", () => {
    const failed = run({ type: "import-failed", errors: [{ message: "読めません" }] });
    const busy = paneReducer(failed, { type: "busy", busy: { kind: "files", names: ["総務省.csv", "経産省.xlsx"] } });
    expect(busy.importErrors).toEqual([]);
    expect(busyLabel(busy.busy!, ja)).toBe("読み込み中: 総務省.csv, 経産省.xlsx");
    expect(busyLabel({ kind: "revalidate" }, en)).toBe("Reading Validate again");
    expect(paneReducer(busy, { type: "idle" }).busy).toBeNull();
    // Revalidating keeps the import errors: they are about the import, not about validation.
    expect(paneReducer(failed, { type: "busy", busy: { kind: "revalidate" } }).importErrors).toHaveLength(1);
  });

  test("sources-added numbers sources, counts pastes, bumps the version and records errors of files that failed", () => {
    const s = run({ type: "sources-added", sources: [soumu, meti], errors: [{ name: "壊れた.csv", message: "壊れた.csv を読み込めませんでした" }] });
    expect(s.sources.map((x) => [x.id, x.name])).toEqual([
      [1, "総務省.csv"],
      [2, "経産省.xlsx"],
    ]);
    expect(s.version).toBe(1);
    expect(s.importErrors).toHaveLength(1);
    expect(s.completed).toEqual({ action: "import", seq: 1 });
    const pasted = paneReducer(s, { type: "sources-added", sources: [{ name: "貼り付け", kind: "paste", result: METI_XLSX }], errors: [] });
    expect(pasted.pastes).toBe(1);
    expect(pasted.sources[2].id).toBe(3);
  });

  test("sources-added with nothing added (every file failed) does not rebuild the table", () => {
    const s = run({ type: "sources-added", sources: [soumu], errors: [] });
    const after = paneReducer(s, { type: "sources-added", sources: [], errors: [{ message: "x" }] });
    expect(after.version).toBe(s.version);
    expect(after.sources).toBe(s.sources);
  });

  test("import-failed records the errors and completes the import (focus and announcement follow)", () => {
    const s = run({ type: "import-failed", errors: [{ message: "貼り付け欄が空です。" }] });
    expect(s.importErrors).toEqual([{ message: "貼り付け欄が空です。" }]);
    expect(announcement(s, ja)).toBe("貼り付け欄が空です。");
  });

  test("source-removed and sources-cleared: the table goes with the last source", async () => {
    let s = run({ type: "sources-added", sources: [soumu, meti], errors: [] });
    s = paneReducer(s, await built(s));
    const removed = paneReducer(s, { type: "source-removed", id: 1 });
    expect(removed.sources.map((x) => x.name)).toEqual(["経産省.xlsx"]);
    expect(currentTable(removed)).toBeNull(); // the table of two sources no longer describes one
    expect(isValidating(removed)).toBe(true);
    const cleared = paneReducer(s, { type: "sources-cleared" });
    expect(cleared.sources).toEqual([]);
    expect(cleared.table).toBeNull();
    expect(isValidating(cleared)).toBe(false);
  });

  test("sheet-reread replaces the earlier read of the same sheet in place, keeping its id", () => {
    let s = run({ type: "sources-added", sources: [soumu], errors: [] }, { type: "sheet-reread", source: sheet("総務庁") });
    expect(s.sources.map((x) => x.name)).toEqual(["総務省.csv", "現在のシート (入力)"]);
    const id = s.sources[1].id;
    s = paneReducer(s, { type: "sheet-reread", source: sheet("総務省") });
    expect(s.sources).toHaveLength(2);
    expect(s.sources[1].id).toBe(id);
    expect(s.sources[1].result.drafts[0].ownersText).toBe("総務省");
  });

  test("revalidate bumps the version (the same sources are validated again) and says so once the new table is built", async () => {
    let s = run({ type: "sources-added", sources: [soumu], errors: [] });
    s = paneReducer(s, await built(s));
    s = paneReducer(s, { type: "revalidate" });
    expect(isValidating(s)).toBe(true);
    expect(noticeView(s.notice, s, ja)).toBeNull(); // nothing said before the table is built
    s = paneReducer(s, await built(s));
    expect(noticeView(s.notice, s, ja)).toEqual({ intent: "warning", text: "再検証しました: エラー 1 件・警告 0 件" });
    expect(announcement(s, ja)).toBe("再検証しました: エラー 1 件・警告 0 件");
  });

  test("revalidate with a re-read sheet replaces the sheet source", async () => {
    let s = run({ type: "sheet-reread", source: sheet("総務庁") });
    s = paneReducer(s, { type: "revalidate", reread: sheet("総務省") });
    expect(s.sources).toHaveLength(1);
    expect(s.sources[0].result.drafts[0].ownersText).toBe("総務省");
    expect(s.notice).toEqual({ kind: "revalidated", version: s.version });
  });

  test("finding 1: the revalidation banner disappears when sources change, instead of describing the old table", async () => {
    // Sample → 検証 → 再検証 → 取り込み, add a file → 検証
    let s = run({ type: "sources-added", sources: [{ name: "sample.txt", kind: "sample", result: METI_XLSX }], errors: [] });
    s = paneReducer(s, await built(s, [warning("sample.txt", 3)]));
    s = paneReducer(s, { type: "revalidate" });
    s = paneReducer(s, await built(s, [warning("sample.txt", 3)]));
    expect(noticeView(s.notice, s, ja)?.text).toBe("再検証しました: エラー 0 件・警告 1 件");
    s = paneReducer(s, { type: "sources-added", sources: [soumu], errors: [] });
    s = paneReducer(s, await built(s, [warning("sample.txt", 3), warning("総務省.csv", 2)]));
    expect(noticeView(s.notice, s, ja)).toBeNull();
  });

  test("finding 1: a source's finding count follows validation, and drops after the fix", async () => {
    let s = run({ type: "sheet-reread", source: sheet("総務庁") });
    const src = () => s.sources[0];
    expect(sourceProblemCount(s, src())).toBe(0); // the import itself found nothing
    s = paneReducer(s, await built(s, [warning("現在のシート (入力)", 2), warning("現在のシート (入力)", 2)]));
    expect(sourceProblemCount(s, src())).toBe(2); // validation found two
    s = paneReducer(s, { type: "revalidate", reread: sheet("総務省") });
    s = paneReducer(s, await built(s));
    expect(sourceProblemCount(s, src())).toBe(0);
  });

  test("table-built and table-failed for an older version are ignored (a newer build is on its way)", async () => {
    let s = run({ type: "sources-added", sources: [soumu], errors: [] });
    const old = await built(s);
    s = paneReducer(s, { type: "sources-added", sources: [meti], errors: [] });
    expect(paneReducer(s, old)).toBe(s);
    expect(paneReducer(s, { type: "table-failed", version: 1, message: "x" })).toBe(s);
    const failed = paneReducer(s, { type: "table-failed", version: s.version, message: "予期しないエラー" });
    expect(failed.buildError).toEqual({ version: s.version, message: "予期しないエラー" });
    expect(isValidating(failed)).toBe(false);
  });

  test("notice and notice-dismissed: a selection is worded with its cell, in the language shown", () => {
    const s = run({ type: "notice", notice: { kind: "selected", sheet: "入力", row: 4, column: 5 } });
    expect(noticeView(s.notice, s, ja)?.text).toBe("選択しました: 入力!E4");
    expect(noticeView(s.notice, s, en)?.text).toBe("Selected: 入力!E4");
    expect(s.completed?.action).toBe("select");
    expect(noticeView({ kind: "not-in-workbook", file: "総務省.csv" }, s, ja)?.intent).toBe("info");
    expect(paneReducer(s, { type: "notice-dismissed" }).notice).toBeNull();
  });

  test("generation: started → progress → done, with the run's counts; a stale run's messages are ignored", () => {
    let s = run({ type: "generation-started", run: 1 });
    expect(s.generation).toEqual({ phase: "running", run: 1, step: { kind: "planning" }, cancelling: false });
    const progress = { kind: "writing" as const, progress: { step: "シートを書き込み", done: 2, total: 5 } };
    s = paneReducer(s, { type: "generation-progress", run: 1, step: progress });
    expect(s.generation).toMatchObject({ phase: "running", step: progress });
    expect(paneReducer(s, { type: "generation-progress", run: 0, step: { kind: "planning" } })).toBe(s);
    const outcome = { sheets: [{ key: "dashboard", name: "ダッシュボード", kind: "dashboard" as const }], replaced: [] };
    const counts = { continuing: 1, expanded: 0, new: 0, ended: 0, unreported: 0 };
    s = paneReducer(s, { type: "generation-done", run: 1, outcome, statusCounts: counts, total: 1 });
    expect(s.generation).toMatchObject({ phase: "done", total: 1 });
    expect(announcement(s, ja)).toBe("集計シートを 1 枚作成しました");
    expect(paneReducer(s, { type: "generation-done", run: 1, outcome, statusCounts: counts, total: 1 })).toBe(s);
  });

  test("generation-cancel marks the run cancelling; generation-cancelled ends it and is announced", () => {
    let s = run({ type: "generation-started", run: 1 }, { type: "generation-cancel" });
    expect(s.generation).toMatchObject({ phase: "running", cancelling: true });
    s = paneReducer(s, { type: "generation-cancelled", run: 1 });
    expect(s.generation).toEqual({ phase: "cancelled", run: 1 });
    expect(announcement(s, ja)).toBe("作成を取り消しました。ブックは変更していません。");
    expect(paneReducer(initialPaneState, { type: "generation-cancel" })).toBe(initialPaneState);
  });

  test("generation-failed keeps the plain words", () => {
    const s = run({ type: "generation-started", run: 2 }, { type: "generation-failed", run: 2, message: "Excel の応答がありません。" });
    expect(s.generation).toEqual({ phase: "failed", run: 2, message: "Excel の応答がありません。" });
    expect(announcement(s, ja)).toBe("集計シートを作成できませんでした: Excel の応答がありません。");
  });

  test("new sources make an earlier generation's summary go away (it described other data)", () => {
    const outcome = { sheets: [], replaced: [] };
    let s = run({ type: "generation-started", run: 1 }, { type: "generation-done", run: 1, outcome, statusCounts: { continuing: 0, expanded: 0, new: 0, ended: 0, unreported: 0 }, total: 0 });
    s = paneReducer(s, { type: "sources-added", sources: [soumu], errors: [] });
    expect(s.generation).toEqual({ phase: "idle" });
  });

  test("finding 3: a rejected source blocks generation until it is removed with ✕", async () => {
    let s = run({ type: "sources-added", sources: [soumu, rejected], errors: [] });
    expect(generateBlock(s)).toBe("rejected");
    s = paneReducer(s, await built(s));
    expect(generateBlock(s)).toBe("rejected");
    s = paneReducer(s, { type: "source-removed", id: 2 });
    expect(generateBlock(s)).toBe("building");
    s = paneReducer(s, await built(s));
    expect(generateBlock(s)).toBeNull();
    expect(generateBlock(initialPaneState)).toBe("empty");
  });

  test("the import announcement counts sources, measures and findings", async () => {
    let s = run({ type: "sources-added", sources: [soumu, meti], errors: [] });
    expect(announcement(s, ja)).toBe("取り込みました: 2 件のデータ・3 件の施策・指摘 1 件");
    s = paneReducer(s, await built(s, [warning("経産省.xlsx", 2)]));
    expect(announcement(s, en)).toBe("Imported: 2 sources, 3 measures, 2 findings");
  });
});
