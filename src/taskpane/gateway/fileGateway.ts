/**
 * The browser preview's workbook: a template .xlsx the user opened, generation rendered by the
 * same renderer as the CLI into that workbook's own package (its sheets and parts kept byte for
 * byte, ours added), the generated sheets kept for the HTML preview and the download, named
 * after the opened file ("BOOK.plan-tables.xlsx", .xlsm kept). No Office.js anywhere.
 */
import type { Lang } from "../../domain/model";
import { PANE_STRINGS } from "../strings";
import type { SheetPlan, WorkbookPlan } from "../../workbook/plan";
import type { RenderProgress } from "../../xlsx/renderXlsx";
import {
  UserFacingError,
  type CellTarget,
  type FileWorkbookGateway,
  type GenerateOutcome,
  type GenerateProgress,
  type SheetValues,
} from "./WorkbookGateway";

export interface OpenedSheet {
  name: string;
  values: string[][];
}

export interface FileGatewayDeps {
  /** Reads every sheet of an .xlsx and which one is active. */
  readWorkbook(bytes: Uint8Array): Promise<{ sheets: OpenedSheet[]; active: string | null }>;
  /**
   * The plan's sheets added to `base` (the opened workbook), or a new workbook without one;
   * rejects with an AbortError soon after `signal` aborts.
   */
  renderXlsx(
    plan: WorkbookPlan,
    base?: Uint8Array,
    onProgress?: (p: RenderProgress) => void,
    signal?: AbortSignal
  ): Promise<Uint8Array>;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException("The generation was cancelled", "AbortError");
}

/** "テンプレート.xlsx" → "テンプレート.plan-tables.xlsx": the download never takes the opened file's name. */
export function downloadNameFor(opened: string): string {
  const m = /\.(xlsx|xlsm)$/i.exec(opened);
  return m ? `${opened.slice(0, m.index)}.plan-tables${m[0]}` : `${opened}.plan-tables.xlsx`;
}

/** Reading and rendering run in the import worker (main thread where a worker cannot start). */
export const defaultFileGatewayDeps: FileGatewayDeps = {
  async readWorkbook(bytes) {
    const { sharedOps } = await import("../worker/sharedOps");
    return sharedOps().workbook(bytes);
  },
  async renderXlsx(plan, base, onProgress, signal) {
    const { sharedOps } = await import("../worker/sharedOps");
    return sharedOps().render(plan, base, onProgress, signal);
  },
};

export function createFileGateway(uiLang: () => Lang, deps: FileGatewayDeps = defaultFileGatewayDeps): FileWorkbookGateway {
  let workbook: {
    name: string;
    bytes: Uint8Array;
    sheets: OpenedSheet[];
    active: string | null;
  } | null = null;
  let generated: SheetPlan[] = [];
  let output: { name: string; bytes: Uint8Array } | null = null;
  let selection: CellTarget | null = null;
  const listeners = new Set<(key: string) => void>();

  return {
    kind: "file",
    workbookName: () => workbook?.name ?? null,

    async openWorkbook(name, bytes) {
      try {
        const read = await deps.readWorkbook(bytes);
        workbook = { name, bytes, ...read };
      } catch {
        throw new UserFacingError(PANE_STRINGS[uiLang()].workbook.unreadable(name));
      }
    },

    async readCurrentSheet(): Promise<SheetValues> {
      const t = PANE_STRINGS[uiLang()];
      if (!workbook) throw new UserFacingError(t.errors.noWorkbook);
      const sheet = workbook.sheets.find((s) => s.name === workbook!.active) ?? workbook.sheets[0];
      if (!sheet) throw new UserFacingError(t.workbook.noSheet);
      return { sheetName: sheet.name, values: sheet.values };
    },

    async readSheet(name) {
      return workbook?.sheets.find((s) => s.name === name)?.values ?? null;
    },

    async selectCell(target) {
      if (!workbook || !workbook.sheets.some((s) => s.name === target.sheet)) return false;
      selection = target;
      workbook.active = target.sheet;
      return true;
    },

    async applyPlan(plan: WorkbookPlan, onProgress?: (p: GenerateProgress) => void, signal?: AbortSignal): Promise<GenerateOutcome> {
      const w = PANE_STRINGS[plan.lang].workbook;
      // Steps: planning, each sheet written, compressing.
      const total = plan.sheets.length + 2;
      onProgress?.({ step: w.stepPlan, done: 0, total });
      // Let the progress bar paint before the renderer takes the thread.
      await new Promise((r) => setTimeout(r, 0));
      throwIfAborted(signal);
      // Cancelled, the render rejects and nothing below runs: the last download stays as it was.
      const bytes = await deps.renderXlsx(
        plan,
        workbook?.bytes,
        (p) =>
          onProgress?.(
            p.phase === "sheet"
              ? { step: `${w.stepRender}: ${p.sheet ?? ""}`, done: 1 + p.done, total }
              : { step: w.stepCompress, done: total - 1, total }
          ),
        signal
      );
      throwIfAborted(signal);
      // Regenerating replaces only what this tool made: the previous output, never the template.
      const replaced = generated.map((s) => s.name);
      generated = plan.sheets.filter((s) => s.generated);
      output = { name: workbook ? downloadNameFor(workbook.name) : w.downloadName, bytes };
      onProgress?.({ step: w.stepRender, done: total, total });
      return { sheets: generated.map((s) => ({ key: s.key, name: s.name, kind: s.kind })), replaced };
    },

    async showSheet(key) {
      for (const l of listeners) l(key);
    },

    generatedSheets: () => generated,
    download: () => output,
    onShowSheet(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** For tests and the preview: the last cell "selected" in the opened workbook. */
    get selection() {
      return selection;
    },
  } as FileWorkbookGateway & { readonly selection: CellTarget | null };
}
