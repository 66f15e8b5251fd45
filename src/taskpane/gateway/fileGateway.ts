/**
 * The browser preview's workbook: a template .xlsx the user opened (read with the importers'
 * exceljs reader), generation rendered to a real .xlsx by the same renderer as the CLI, the
 * generated sheets kept for the HTML preview and the download. No Office.js anywhere.
 */
import type { Lang } from "../../domain/model";
import { PANE_STRINGS } from "../strings";
import type { SheetPlan, WorkbookPlan } from "../../workbook/plan";
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
  renderXlsx(plan: WorkbookPlan): Promise<Uint8Array>;
}

/** Reading and rendering run in the import worker (main thread where a worker cannot start). */
export const defaultFileGatewayDeps: FileGatewayDeps = {
  async readWorkbook(bytes) {
    const { sharedOps } = await import("../worker/sharedOps");
    return sharedOps().workbook(bytes);
  },
  async renderXlsx(plan) {
    const { sharedOps } = await import("../worker/sharedOps");
    return sharedOps().render(plan);
  },
};

export function createFileGateway(uiLang: () => Lang, deps: FileGatewayDeps = defaultFileGatewayDeps): FileWorkbookGateway {
  let workbook: { name: string; sheets: OpenedSheet[]; active: string | null } | null = null;
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
        workbook = { name, ...read };
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

    async applyPlan(plan: WorkbookPlan, onProgress?: (p: GenerateProgress) => void): Promise<GenerateOutcome> {
      const w = PANE_STRINGS[plan.lang].workbook;
      onProgress?.({ step: w.stepPlan, done: 0, total: 2 });
      // Let the progress bar paint before the renderer takes the thread.
      await new Promise((r) => setTimeout(r, 0));
      onProgress?.({ step: w.stepRender, done: 1, total: 2 });
      const bytes = await deps.renderXlsx(plan);
      // Regenerating replaces only what this tool made: the previous output, never the template.
      const replaced = generated.map((s) => s.name);
      generated = plan.sheets.filter((s) => s.generated);
      output = { name: w.downloadName, bytes };
      onProgress?.({ step: w.stepRender, done: 2, total: 2 });
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
