/**
 * The pane's state and actions: sources imported, the merged and validated table, and the
 * generation run. Components render from this; only this hook talks to the gateway and engine.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Lang, PlanTable, Problem, Status } from "../../domain/model";
import { countByStatus } from "../../domain/aggregate";
import type { WorkbookPlan } from "../../workbook/plan";
import { STATUSES } from "../../domain/model";
import type { ImportResult } from "../../domain/importResult";
import type { GenerateOutcome, GenerateProgress, WorkbookGateway } from "../gateway/WorkbookGateway";
import type { LoadEngine, PlanEngine } from "../services/engine";
import type { PaneStrings } from "../strings";
import { describeError } from "./describeError";
import { columnLetters, isBlocking } from "./problems";
import { readFileBytes } from "./readFileBytes";

export type SourceKind = "sheet" | "file" | "paste" | "sample";

export interface Source {
  id: number;
  name: string;
  kind: SourceKind;
  /** For sheet sources: the worksheet read (re-read by "validate again"). */
  sheet?: string;
  result: ImportResult;
}

export type Generation =
  | { phase: "idle" }
  | { phase: "running"; progress: GenerateProgress | null }
  | { phase: "done"; outcome: GenerateOutcome; statusCounts: Record<Status, number>; total: number }
  | { phase: "failed"; message: string };

export interface Notice {
  intent: "success" | "warning" | "error" | "info";
  text: string;
}

export interface PlanTablesState {
  sources: Source[];
  /** What is being read right now, for the busy indicator; null when idle. */
  busy: string | null;
  /** Plain-language failures of the last import actions. */
  importErrors: string[];
  table: PlanTable | null;
  validating: boolean;
  generation: Generation;
  notice: Notice | null;
  engine: PlanEngine | null;
}

export interface PlanTablesActions {
  importFiles(files: readonly File[]): Promise<void>;
  importCurrentSheet(): Promise<void>;
  importPasted(text: string): Promise<void>;
  importSample(): Promise<void>;
  removeSource(id: number): void;
  clearSources(): void;
  revalidate(): Promise<void>;
  selectProblem(p: Problem): Promise<void>;
  generate(): Promise<void>;
  showSheet(key: string): Promise<void>;
  dismissNotice(): void;
}

export function hasBlockingProblem(table: PlanTable | null): boolean {
  return !!table && table.problems.some(isBlocking);
}

/** `extendPlan` adds to the plan before it is applied (the 前年度と比較 step's sheets); keep it stable across renders. */
export function usePlanTables(gateway: WorkbookGateway, loadEngine: LoadEngine, lang: Lang, t: PaneStrings, extendPlan?: (plan: WorkbookPlan, table: PlanTable) => WorkbookPlan): [PlanTablesState, PlanTablesActions] {
  const [sources, setSources] = useState<Source[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [importErrors, setImportErrors] = useState<string[]>([]);
  const [table, setTable] = useState<PlanTable | null>(null);
  const [validating, setValidating] = useState(false);
  const [generation, setGeneration] = useState<Generation>({ phase: "idle" });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [engine, setEngine] = useState<PlanEngine | null>(null);
  const nextId = useRef(1);
  const pasteCount = useRef(0);
  const enginePromise = useRef<Promise<PlanEngine> | null>(null);
  const tRef = useRef(t);
  tRef.current = t;

  const getEngine = useCallback(async (): Promise<PlanEngine> => {
    if (!enginePromise.current) {
      enginePromise.current = loadEngine().then((e) => {
        setEngine(e);
        return e;
      });
      enginePromise.current.catch(() => {
        enginePromise.current = null; // allow a retry after a failed chunk load
      });
    }
    return enginePromise.current;
  }, [loadEngine]);

  const addSources = useCallback((added: Omit<Source, "id">[], replaceSheet = false) => {
    setSources((prev) => {
      const kept = replaceSheet ? prev.filter((s) => !added.some((a) => a.kind === "sheet" && s.kind === "sheet" && s.sheet === a.sheet)) : prev;
      return [...kept, ...added.map((a) => ({ ...a, id: nextId.current++ }))];
    });
  }, []);

  // Merge and validate whenever the sources change.
  const buildSeq = useRef(0);
  useEffect(() => {
    const seq = ++buildSeq.current;
    if (sources.length === 0) {
      setTable(null);
      setValidating(false);
      return;
    }
    setValidating(true);
    void (async () => {
      try {
        const e = await getEngine();
        const built = await e.buildTable(sources.map((s) => s.result));
        if (seq === buildSeq.current) setTable(built);
      } catch (err) {
        if (seq === buildSeq.current) setImportErrors((prev) => [...prev, describeError(err, tRef.current)]);
      } finally {
        if (seq === buildSeq.current) setValidating(false);
      }
    })();
  }, [sources, getEngine]);

  const run = useCallback(async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    try {
      await work();
    } finally {
      setBusy(null);
    }
  }, []);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      setImportErrors([]);
      await run(files.map((f) => f.name).join(", "), async () => {
        const e = await getEngine().catch((err) => {
          setImportErrors([describeError(err, tRef.current)]);
          return null;
        });
        if (!e) return;
        const added: Omit<Source, "id">[] = [];
        const errors: string[] = [];
        // One after another: a 50,000-row file is parsed in the worker while the pane stays live.
        for (const file of files) {
          try {
            const bytes = await readFileBytes(file);
            const result = await e.importFile(file.name, bytes);
            added.push({ name: file.name, kind: "file", result });
          } catch (err) {
            errors.push(tRef.current.import.failed(file.name, describeError(err, tRef.current)));
          }
        }
        if (added.length) addSources(added);
        setImportErrors(errors);
      });
    },
    [run, getEngine, addSources],
  );

  const readSheetSource = useCallback(async (): Promise<Omit<Source, "id">> => {
    const { sheetName, values } = await gateway.readCurrentSheet();
    const e = await getEngine();
    const name = tRef.current.import.currentSheetName(sheetName);
    const result = await e.importGrid(values, { file: name, sheet: sheetName });
    return { name, kind: "sheet", sheet: sheetName, result };
  }, [gateway, getEngine]);

  const importCurrentSheet = useCallback(async () => {
    setImportErrors([]);
    await run(t.import.sheetHeading, async () => {
      try {
        addSources([await readSheetSource()], true);
      } catch (err) {
        setImportErrors([describeError(err, tRef.current)]);
      }
    });
  }, [run, readSheetSource, addSources, t]);

  const importPasted = useCallback(
    async (text: string) => {
      setImportErrors([]);
      if (!text.trim()) {
        setImportErrors([tRef.current.import.pasteEmpty]);
        return;
      }
      const name = tRef.current.import.pastedName(++pasteCount.current);
      await run(name, async () => {
        try {
          const e = await getEngine();
          addSources([{ name, kind: "paste", result: await e.importText(name, text) }]);
        } catch (err) {
          setImportErrors([tRef.current.import.failed(name, describeError(err, tRef.current))]);
        }
      });
    },
    [run, getEngine, addSources],
  );

  const importSample = useCallback(async () => {
    setImportErrors([]);
    await run(t.import.sampleHeading, async () => {
      try {
        const e = await getEngine();
        const { name, result } = await e.importSample();
        addSources([{ name, kind: "sample", result }]);
      } catch (err) {
        setImportErrors([describeError(err, tRef.current)]);
      }
    });
  }, [run, getEngine, addSources, t]);

  const removeSource = useCallback((id: number) => setSources((prev) => prev.filter((s) => s.id !== id)), []);
  const clearSources = useCallback(() => {
    setSources([]);
    setImportErrors([]);
  }, []);

  const revalidate = useCallback(async () => {
    setNotice(null);
    await run(t.validate.revalidate, async () => {
      try {
        // Sheets may have been fixed by hand: read them again. Files and pastes do not change.
        if (sources.some((s) => s.kind === "sheet")) {
          addSources([await readSheetSource()], true);
        } else {
          setSources((prev) => [...prev]); // re-run validation over the same sources
        }
      } catch (err) {
        setNotice({ intent: "error", text: describeError(err, tRef.current) });
      }
    });
  }, [run, sources, addSources, readSheetSource, t]);

  // After a revalidation, say what it found (once the table is rebuilt).
  const announceNext = useRef(false);
  useEffect(() => {
    if (busy === t.validate.revalidate) announceNext.current = true;
  }, [busy, t]);
  useEffect(() => {
    if (!validating && table && announceNext.current) {
      announceNext.current = false;
      const errors = table.problems.filter((p) => p.severity === "error").length;
      const warnings = table.problems.filter((p) => p.severity === "warning").length;
      setNotice({ intent: errors ? "warning" : "success", text: tRef.current.validate.revalidated(errors, warnings) });
    }
  }, [validating, table]);

  const selectProblem = useCallback(
    async (p: Problem) => {
      const source = sources.find((s) => s.kind === "sheet" && s.name === p.file);
      if (!source || !p.sheet || p.row === undefined) {
        setNotice({ intent: "info", text: tRef.current.validate.notInWorkbook(p.file) });
        return;
      }
      try {
        const ok = await gateway.selectCell({ sheet: p.sheet, row: p.row, column: p.columnIndex });
        const cell = `${p.sheet}!${p.columnIndex ? columnLetters(p.columnIndex) : "A"}${p.row}`;
        setNotice(ok ? { intent: "success", text: tRef.current.validate.selected(cell) } : { intent: "info", text: tRef.current.validate.notInWorkbook(p.file) });
      } catch (err) {
        setNotice({ intent: "error", text: describeError(err, tRef.current) });
      }
    },
    [sources, gateway],
  );

  const generate = useCallback(async () => {
    if (!table || hasBlockingProblem(table) || table.measures.length === 0) return;
    setGeneration({ phase: "running", progress: null });
    try {
      const e = await getEngine();
      const built = await e.buildPlan(table, lang);
      const plan = extendPlan ? extendPlan(built, table) : built;
      const outcome = await gateway.applyPlan(plan, (progress) => setGeneration({ phase: "running", progress }));
      const counts = countByStatus(table.measures);
      const total = STATUSES.reduce((n, s) => n + counts[s], 0);
      setGeneration({ phase: "done", outcome, statusCounts: counts, total });
    } catch (err) {
      setGeneration({ phase: "failed", message: describeError(err, tRef.current) });
    }
  }, [table, getEngine, gateway, lang, extendPlan]);

  const showSheet = useCallback(
    async (key: string) => {
      try {
        await gateway.showSheet(key);
      } catch (err) {
        setNotice({ intent: "error", text: describeError(err, tRef.current) });
      }
    },
    [gateway],
  );

  const dismissNotice = useCallback(() => setNotice(null), []);

  return [
    { sources, busy, importErrors, table, validating, generation, notice, engine },
    { importFiles, importCurrentSheet, importPasted, importSample, removeSource, clearSources, revalidate, selectProblem, generate, showSheet, dismissNotice },
  ];
}
