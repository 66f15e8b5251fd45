/** Messages between the pane and the import worker (structured-clone friendly). */
import type { Lang, PlanTable } from "../../domain/model";
import type { MinistryOrder } from "../../domain/ministries";
import type { WorkbookPlan } from "../../workbook/plan";
import type { RenderProgress } from "../../xlsx/renderXlsx";
import type { ImportResult } from "../../domain/importResult";
import type { GridSource } from "../services/engine";

export type WorkerRequest =
  | { id: number; op: "file"; name: string; bytes: Uint8Array }
  | { id: number; op: "text"; name: string; text: string }
  | { id: number; op: "grid"; grid: unknown[][]; source: GridSource }
  | { id: number; op: "report"; name: string; text: string }
  | { id: number; op: "build"; results: ImportResult[] }
  | { id: number; op: "plan"; table: PlanTable; lang: Lang; order?: MinistryOrder }
  | { id: number; op: "render"; plan: WorkbookPlan; base?: Uint8Array }
  | { id: number; op: "workbook"; bytes: Uint8Array }
  /** Stops the render `target` at its next sheet or piece of XML; no answer of its own. */
  | { id: number; op: "cancel"; target: number };

export type WorkerResponse =
  | { id: number; progress: RenderProgress }
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string };
