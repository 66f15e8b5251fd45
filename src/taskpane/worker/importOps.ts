/**
 * The import, validation and planning work, the same in the worker and (as a fallback where a
 * worker cannot start) on the main thread. Only ever loaded by dynamic import or in the worker.
 */
import type { Lang, PlanTable } from "../../domain/model";
import type { MinistryOrder } from "../../domain/ministries";
import { buildPlanTable } from "../../domain/pipeline";
import { importFile, importGrid, importText } from "../../importers";
import type { ImportResult } from "../../domain/importResult";
import { importReportText } from "../../importers/reportText";
import { buildWorkbookPlan } from "../../workbook/buildWorkbookPlan";
import type { WorkbookPlan } from "../../workbook/plan";
import { renderXlsx, type RenderProgress } from "../../xlsx/renderXlsx";
import type { GridSource } from "../services/engine";
import { readWorkbookGrids } from "./readWorkbookGrids";

export interface ImportOps {
  file(name: string, bytes: Uint8Array): Promise<ImportResult>;
  text(name: string, text: string): Promise<ImportResult>;
  report(name: string, text: string): Promise<ImportResult>;
  grid(grid: unknown[][], source: GridSource): Promise<ImportResult>;
  build(results: ImportResult[]): Promise<PlanTable>;
  plan(table: PlanTable, lang: Lang, order?: MinistryOrder): Promise<WorkbookPlan>;
  /** The .xlsx of a plan (the CLI's renderer), added to `base` when given; stops when `signal` aborts. */
  render(
    plan: WorkbookPlan,
    base?: Uint8Array,
    onProgress?: (p: RenderProgress) => void,
    signal?: AbortSignal
  ): Promise<Uint8Array>;
  /** Every sheet of an .xlsx as text grids, and the active one (the preview's opened workbook). */
  workbook(
    bytes: Uint8Array
  ): Promise<{ sheets: { name: string; values: string[][] }[]; active: string | null }>;
}

export const importOps: ImportOps = {
  file: (name, bytes) => importFile(name, bytes),
  text: (name, text) => importText(name, text),
  report: async (name, text) => importReportText(text, name),
  grid: async (grid, source) => importGrid(grid, source),
  build: async (results) => buildPlanTable(results),
  plan: async (table, lang, order) => buildWorkbookPlan(table, { lang, order }),
  render: (plan, base, onProgress, signal) => renderXlsx(plan, { base, onProgress, signal }),
  workbook: (bytes) => readWorkbookGrids(bytes),
};
