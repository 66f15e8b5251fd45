/**
 * What the pane asks of the domain: import, validate, plan. The real engine (realEngine.ts) is
 * loaded with dynamic imports on first use, so none of the importers, exceljs or the renderers
 * is in the pane's first JavaScript; component tests pass a fake one.
 */
import type { Lang, PlanTable, Problem } from "../../domain/model";
import type { ImportResult } from "../../domain/importResult";
import type { MinistryOrder } from "../../domain/ministries";
import type { WorkbookPlan } from "../../workbook/plan";

export interface GridSource {
  file: string;
  sheet?: string;
}

export interface PlanEngine {
  importFile(name: string, bytes: Uint8Array): Promise<ImportResult>;
  /** Pasted text (tab-separated, copied from a workbook) or report text. */
  importText(name: string, text: string): Promise<ImportResult>;
  /** A worksheet's used range. */
  importGrid(grid: unknown[][], source: GridSource): Promise<ImportResult>;
  /** The built-in sample: a real report page, read by the report-text importer. */
  importSample(): Promise<{ name: string; result: ImportResult }>;
  /** Merge, finalize and validate every source. */
  buildTable(results: ImportResult[]): Promise<PlanTable>;
  /** The workbook plan; ministries in 建制順 unless `order` says count order. */
  buildPlan(table: PlanTable, lang: Lang, order?: MinistryOrder): Promise<WorkbookPlan>;
  problemMessage(p: Problem, lang: Lang): string;
}

export type LoadEngine = () => Promise<PlanEngine>;
