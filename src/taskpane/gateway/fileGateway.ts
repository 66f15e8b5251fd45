/**
 * The browser preview's workbook: a template .xlsx the user opened (read with the importers'
 * exceljs reader), generation rendered to a real .xlsx by the same renderer as the CLI, the
 * generated sheets kept for the HTML preview and the download. No Office.js anywhere.
 */
import type { Lang } from "../../domain/model";
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

const WORDS: Record<Lang, { noWorkbook: string; noSheet: string; unreadable: (name: string) => string; plan: string; render: string; file: string }> = {
  ja: {
    noWorkbook: "開いているブックがありません。先に「ブック (.xlsx) を開く」でテンプレートを開いてください。",
    noSheet: "ブックにシートがありません。",
    unreadable: (name) => `${name} を Excel ブックとして読めませんでした。.xlsx 形式で保存し直してから開いてください。`,
    plan: "シートを準備",
    render: "ブックを作成",
    file: "施策一覧_集計.xlsx",
  },
  en: {
    noWorkbook: 'No workbook is open. Open the template first with "Open workbook (.xlsx)".',
    noSheet: "The workbook has no sheets.",
    unreadable: (name) => `${name} could not be read as an Excel workbook. Save it as .xlsx and open it again.`,
    plan: "Preparing sheets",
    render: "Writing the workbook",
    file: "plan-tables-summary.xlsx",
  },
};

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
        throw new UserFacingError(WORDS[uiLang()].unreadable(name));
      }
    },

    async readCurrentSheet(): Promise<SheetValues> {
      const w = WORDS[uiLang()];
      if (!workbook) throw new UserFacingError(w.noWorkbook);
      const sheet = workbook.sheets.find((s) => s.name === workbook!.active) ?? workbook.sheets[0];
      if (!sheet) throw new UserFacingError(w.noSheet);
      return { sheetName: sheet.name, values: sheet.values };
    },

    async selectCell(target) {
      if (!workbook || !workbook.sheets.some((s) => s.name === target.sheet)) return false;
      selection = target;
      workbook.active = target.sheet;
      return true;
    },

    async applyPlan(plan: WorkbookPlan, onProgress?: (p: GenerateProgress) => void): Promise<GenerateOutcome> {
      const w = WORDS[plan.lang];
      onProgress?.({ step: w.plan, done: 0, total: 2 });
      // Let the progress bar paint before the renderer takes the thread.
      await new Promise((r) => setTimeout(r, 0));
      onProgress?.({ step: w.render, done: 1, total: 2 });
      const bytes = await deps.renderXlsx(plan);
      // Regenerating replaces only what this tool made: the previous output, never the template.
      const replaced = generated.map((s) => s.name);
      generated = plan.sheets.filter((s) => s.generated);
      output = { name: w.file, bytes };
      onProgress?.({ step: w.render, done: 2, total: 2 });
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
