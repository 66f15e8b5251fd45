/**
 * The pane's actions over its one state (paneState.ts): components render from the state and
 * call these; only this hook talks to the gateway and the engine. Every change is a reducer
 * action, so what the pane shows is a function of one value.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import type { Lang, PlanTable, Problem } from "../../domain/model";
import type { MinistryOrder } from "../../domain/ministries";
import type { WorkbookPlan } from "../../workbook/plan";
import type { WorkbookGateway } from "../gateway/WorkbookGateway";
import type { LoadEngine, PlanEngine } from "../services/engine";
import type { PaneStrings } from "../strings";
import { countStatuses } from "./derive";
import { describeError } from "./describeError";
import { initialPaneState, paneReducer, type ImportError, type NewSource, type PaneState } from "./paneState";
import { isBlocking } from "./problems";
import { readFileBytes } from "./readFileBytes";

export { countStatuses };
export type { Source, SourceKind, Generation, Notice, PaneState } from "./paneState";
export type PlanTablesState = PaneState;

export interface PlanTablesActions {
  importFiles(files: readonly File[]): Promise<void>;
  importCurrentSheet(): Promise<void>;
  importPasted(text: string): Promise<boolean>;
  importSample(): Promise<void>;
  removeSource(id: number): void;
  clearSources(): void;
  revalidate(): Promise<void>;
  selectProblem(p: Problem): Promise<void>;
  generate(order?: MinistryOrder): Promise<void>;
  cancelGeneration(): void;
  showSheet(key: string): Promise<void>;
  dismissNotice(): void;
}

export function hasBlockingProblem(table: PlanTable | null): boolean {
  return !!table && table.problems.some(isBlocking);
}

/** `extendPlan` adds to the plan before it is applied (the 前年度と比較 step's sheets); keep it stable across renders. */
export function usePlanTables(
  gateway: WorkbookGateway,
  loadEngine: LoadEngine,
  lang: Lang,
  t: PaneStrings,
  extendPlan?: (plan: WorkbookPlan, table: PlanTable) => WorkbookPlan
): [PaneState, PlanTablesActions] {
  const [state, dispatch] = useReducer(paneReducer, initialPaneState);
  // Actions read the latest state and words when they run, not the ones of the render that made them.
  const latest = useRef({ state, t, lang });
  latest.current = { state, t, lang };
  const enginePromise = useRef<Promise<PlanEngine> | null>(null);
  const generationRun = useRef<{ run: number; cancelled: boolean; controller: AbortController } | null>(null);

  const getEngine = useCallback(async (): Promise<PlanEngine> => {
    if (!enginePromise.current) {
      enginePromise.current = loadEngine().then((engine) => {
        dispatch({ type: "engine-loaded", engine });
        return engine;
      });
      enginePromise.current.catch(() => {
        enginePromise.current = null; // allow a retry after a failed chunk load
      });
    }
    return enginePromise.current;
  }, [loadEngine]);

  // Build and validate the table for each version of the sources; an older build's result is ignored by the reducer.
  useEffect(() => {
    const { version, sources } = latest.current.state;
    if (sources.length === 0) return;
    void (async () => {
      try {
        const engine = await getEngine();
        dispatch({ type: "table-built", version, table: await engine.buildTable(sources.map((s) => s.result)) });
      } catch (err) {
        dispatch({ type: "table-failed", version, message: describeError(err, latest.current.t) });
      }
    })();
  }, [state.version, getEngine]);

  const plain = useCallback((err: unknown) => describeError(err, latest.current.t), []);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      dispatch({ type: "busy", busy: { kind: "files", names: files.map((f) => f.name) } });
      try {
        const engine = await getEngine();
        const added: NewSource[] = [];
        const errors: ImportError[] = [];
        // One after another: a 50,000-row file is parsed in the worker while the pane stays live.
        for (const file of files) {
          try {
            const result = await engine.importFile(file.name, await readFileBytes(file));
            added.push({ name: file.name, kind: "file", result });
          } catch (err) {
            errors.push({ name: file.name, message: latest.current.t.import.failed(file.name, plain(err)) });
          }
        }
        dispatch({ type: "sources-added", sources: added, errors });
      } catch (err) {
        dispatch({ type: "import-failed", errors: [{ message: plain(err) }] });
      } finally {
        dispatch({ type: "idle" });
      }
    },
    [getEngine, plain],
  );

  /**
   * A sheet read as a source: the active one (取り込み), or, to validate again, the sheet imported
   * before, by its name: after generation the active sheet is one of ours (ダッシュボード), not the
   * input. A sheet no longer there (renamed, deleted) falls back to the active one.
   */
  const readSheetSource = useCallback(
    async (imported?: string): Promise<NewSource> => {
      const named = imported && gateway.readSheet ? await gateway.readSheet(imported) : null;
      const { sheetName, values } = named ? { sheetName: imported!, values: named } : await gateway.readCurrentSheet();
      const engine = await getEngine();
      const name = latest.current.t.import.currentSheetName(sheetName);
      return { name, kind: "sheet", sheet: sheetName, result: await engine.importGrid(values, { file: name, sheet: sheetName }) };
    },
    [gateway, getEngine],
  );

  const importCurrentSheet = useCallback(async () => {
    dispatch({ type: "busy", busy: { kind: "sheet" } });
    try {
      dispatch({ type: "sheet-reread", source: await readSheetSource() });
    } catch (err) {
      dispatch({ type: "import-failed", errors: [{ message: plain(err) }] });
    } finally {
      dispatch({ type: "idle" });
    }
  }, [readSheetSource, plain]);

  const importPasted = useCallback(
    async (text: string): Promise<boolean> => {
      const words = latest.current.t.import;
      if (!text.trim()) {
        dispatch({ type: "import-failed", errors: [{ message: words.pasteEmpty }] });
        return false;
      }
      const name = words.pastedName(latest.current.state.pastes + 1);
      dispatch({ type: "busy", busy: { kind: "paste", name } });
      try {
        const engine = await getEngine();
        dispatch({ type: "sources-added", sources: [{ name, kind: "paste", result: await engine.importText(name, text) }], errors: [] });
        return true;
      } catch (err) {
        dispatch({ type: "import-failed", errors: [{ name, message: words.failed(name, plain(err)) }] });
        return false;
      } finally {
        dispatch({ type: "idle" });
      }
    },
    [getEngine, plain],
  );

  const importSample = useCallback(async () => {
    dispatch({ type: "busy", busy: { kind: "sample" } });
    try {
      const engine = await getEngine();
      const { name, result } = await engine.importSample();
      dispatch({ type: "sources-added", sources: [{ name, kind: "sample", result }], errors: [] });
    } catch (err) {
      dispatch({ type: "import-failed", errors: [{ message: plain(err) }] });
    } finally {
      dispatch({ type: "idle" });
    }
  }, [getEngine, plain]);

  const removeSource = useCallback((id: number) => dispatch({ type: "source-removed", id }), []);
  const clearSources = useCallback(() => dispatch({ type: "sources-cleared" }), []);

  const revalidate = useCallback(async () => {
    dispatch({ type: "busy", busy: { kind: "revalidate" } });
    try {
      // Sheets may have been fixed by hand: read them again. Files and pastes do not change.
      const sheet = latest.current.state.sources.find((s) => s.kind === "sheet");
      dispatch({ type: "revalidate", reread: sheet ? await readSheetSource(sheet.sheet) : undefined });
    } catch (err) {
      dispatch({ type: "notice", notice: { kind: "error", message: plain(err) } });
    } finally {
      dispatch({ type: "idle" });
    }
  }, [readSheetSource, plain]);

  const selectProblem = useCallback(
    async (p: Problem) => {
      const source = latest.current.state.sources.find((s) => s.kind === "sheet" && s.name === p.file);
      if (!source || !p.sheet || p.row === undefined) {
        dispatch({ type: "notice", notice: { kind: "not-in-workbook", file: p.file } });
        return;
      }
      try {
        const ok = await gateway.selectCell({ sheet: p.sheet, row: p.row, column: p.columnIndex });
        dispatch({
          type: "notice",
          notice: ok ? { kind: "selected", sheet: p.sheet, row: p.row, column: p.columnIndex } : { kind: "not-in-workbook", file: p.file },
        });
      } catch (err) {
        dispatch({ type: "notice", notice: { kind: "error", message: plain(err) } });
      }
    },
    [gateway, plain],
  );

  const generate = useCallback(
    async (order?: MinistryOrder) => {
      const { state: now, lang: planLang } = latest.current;
      const table = now.builtVersion === now.version ? now.table : null;
      if (!table || now.sources.some((s) => s.result.problems.some(isBlocking)) || table.measures.length === 0) return;
      const current = { run: (generationRun.current?.run ?? 0) + 1, cancelled: false, controller: new AbortController() };
      generationRun.current = current;
      const { run } = current;
      dispatch({ type: "generation-started", run });
      try {
        const engine = await getEngine();
        const built = await engine.buildPlan(table, planLang, order);
        const plan = extendPlan ? extendPlan(built, table) : built;
        if (current.cancelled) {
          dispatch({ type: "generation-cancelled", run });
          return;
        }
        // Inside Excel, cancelling is honoured up to here: the workbook is written in one run,
        // which either completes or is undone, so a half-written workbook is never left. The file
        // workbook (the preview) stops writing on the signal and keeps its last download.
        const outcome = await gateway.applyPlan(
          plan,
          (progress) => dispatch({ type: "generation-progress", run, step: { kind: "writing", progress } }),
          current.controller.signal,
        );
        const { counts, total } = countStatuses(table);
        dispatch({ type: "generation-done", run, outcome, statusCounts: counts, total });
      } catch (err) {
        if (current.cancelled && isAbortError(err)) dispatch({ type: "generation-cancelled", run });
        else dispatch({ type: "generation-failed", run, message: plain(err) });
      }
    },
    [getEngine, gateway, plain, extendPlan],
  );

  const cancelGeneration = useCallback(() => {
    if (generationRun.current) {
      generationRun.current.cancelled = true;
      generationRun.current.controller.abort();
    }
    dispatch({ type: "generation-cancel" });
  }, []);

  const showSheet = useCallback(
    async (key: string) => {
      try {
        await gateway.showSheet(key);
      } catch (err) {
        dispatch({ type: "notice", notice: { kind: "error", message: plain(err) } });
      }
    },
    [gateway, plain],
  );

  const dismissNotice = useCallback(() => dispatch({ type: "notice-dismissed" }), []);

  const actions = useMemo(
    () => ({ importFiles, importCurrentSheet, importPasted, importSample, removeSource, clearSources, revalidate, selectProblem, generate, cancelGeneration, showSheet, dismissNotice }),
    [importFiles, importCurrentSheet, importPasted, importSample, removeSource, clearSources, revalidate, selectProblem, generate, cancelGeneration, showSheet, dismissNotice],
  );
  return [state, actions];
}

function isAbortError(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { name?: unknown }).name === "AbortError";
}
