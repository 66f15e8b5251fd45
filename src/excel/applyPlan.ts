/**
 * Applies a WorkbookPlan inside Excel: one Excel.run, two reading syncs, then as many writing
 * syncs as the payload needs (chunks under 4 MB) — never one per sheet or per ministry.
 * Order inside the run: previous generation set aside (renamed), sheets added and tagged, values
 * (text-safe), tables over the filled ranges, formats, validation, conditional formats, links,
 * charts, panes, print, the first sheet activated, then the previous generation deleted.
 * On failure, what this run created is deleted, the previous generation gets its names back and
 * user sheets are left as they were.
 */
import { packOps } from "./batching/packer";
import { CHUNK_LIMIT_BYTES, chunkOverhead } from "./batching/payload";
import { DEFAULT_SYNC_TIMEOUT_MS, syncWithTimeout } from "./batching/syncWithTimeout";
import { cleanupRun, type RunFootprint } from "./cleanup";
import { ExcelApplyError, officeErrorCode, toExcelApplyError, type CleanupOutcome } from "./errors";
import { globalExcelHost, type ExcelHost } from "./host";
import { readExistingSheets } from "./inventory";
import { assignSheetNames, assignTableNames, temporaryNames } from "./naming";
import {
  chartOps,
  conditionalFormatOps,
  finishOps,
  formatOps,
  freezeAndPrintOps,
  linkOps,
  tableOps,
  validationOps,
} from "./ops/decorations";
import type { ApplyEnv, Op } from "./ops/env";
import { addSheetOps, deleteOldOps, renameOldOps, renameOldTableOps } from "./ops/structure";
import { valueOps } from "./ops/values";
import { checkPlanForExcel } from "./planCheck";
import { checkExcelRequirements } from "./requirements";
import { newRunId } from "./tags";
import type { WorkbookPlan } from "../workbook/plan";

export interface ApplyProgress {
  step: "reading" | "writing" | "cleaning";
  done: number;
  total: number;
}

export interface ApplyOptions {
  onProgress?: (p: ApplyProgress) => void;
  /** Defaults to the `Excel`/`Office` globals; tests pass the simulator. */
  host?: ExcelHost;
  syncTimeoutMs?: number;
  /** Estimated bytes per request (default 4 MB). */
  chunkLimitBytes?: number;
}

export interface ApplyResult {
  /** Plan key → the sheet's final name (a suffix when a user's sheet held the wanted name). */
  sheets: Record<string, string>;
  /** context.sync() round trips, reading included. */
  syncs: number;
  /** Names the previous generation's sheets had; they were replaced (deleted). */
  replaced: string[];
  /** Estimated serialised bytes sent, in total and in the largest request. */
  requestBytes: number;
  maxRequestBytes: number;
  /** The estimate of each writing request, in order (each one sync after the two reading ones). */
  chunkBytes: number[];
}

export interface Renamed {
  name: string;
  temporary: string;
}

export function planOperations(
  plan: WorkbookPlan,
  names: Map<string, string>,
  tableNames: Map<string, string>,
  old: { sheets: readonly Renamed[]; tables: readonly Renamed[] },
  runId: string
): Op[] {
  const ops: Op[] = [...renameOldOps(old.sheets), ...renameOldTableOps(old.tables)];
  for (const s of plan.sheets) ops.push(...addSheetOps(s, names.get(s.key) as string, runId));
  for (const s of plan.sheets) for (const b of s.blocks) ops.push(...valueOps(s.key, b));
  for (const s of plan.sheets) ops.push(...tableOps(s.key, s.tables, tableNames));
  for (const s of plan.sheets) ops.push(...formatOps(s.key, s.formats));
  const sheetName = (key: string) => names.get(key) as string;
  for (const s of plan.sheets) ops.push(...validationOps(s.key, s.validations, sheetName));
  for (const s of plan.sheets) ops.push(...conditionalFormatOps(s.key, s.conditionalFormats));
  for (const s of plan.sheets) ops.push(...linkOps(s.key, s.links, sheetName));
  for (const s of plan.sheets) ops.push(...chartOps(s.key, s.charts));
  for (const s of plan.sheets) ops.push(...freezeAndPrintOps(s));
  ops.push(...finishOps(plan.sheets));
  ops.push(...deleteOldOps(old.sheets));
  return ops;
}

/** A refused chunk's operations in two or more requests of half its size, or null when it cannot shrink. */
function splitChunk<C extends { ops: Op[]; bytes: number }>(chunk: C, overhead: number) {
  const half = Math.floor((chunk.bytes - overhead) / 2) + overhead;
  if (half <= overhead) return null;
  try {
    const parts = packOps(chunk.ops, half, overhead);
    return parts.length > 1 ? parts : null;
  } catch {
    return null; // one operation bigger than half: it cannot be split further
  }
}

export async function applyWorkbookPlan(
  plan: WorkbookPlan,
  options: ApplyOptions = {}
): Promise<ApplyResult> {
  const host = options.host ?? globalExcelHost();
  const timeoutMs = options.syncTimeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS;
  const limit = options.chunkLimitBytes ?? CHUNK_LIMIT_BYTES;
  const progress = options.onProgress ?? (() => undefined);
  checkExcelRequirements(host);
  checkPlanForExcel(plan);
  const runId = newRunId();
  // What a failed run must undo, known once writing starts.
  const state: { footprint: RunFootprint | null } = { footprint: null };

  try {
    return await host.run({ delayForCellEdit: true }, async (context) => {
      let syncs = 0;
      const sync = async () => {
        syncs++;
        await syncWithTimeout(context, timeoutMs);
      };

      progress({ step: "reading", done: 0, total: 2 });
      const existing = await readExistingSheets(context, sync);
      progress({ step: "reading", done: 2, total: 2 });

      // A plan with generated sheets replaces the whole previous generation (stale ministries
      // included); a plan without any (the input template) leaves it alone, names included.
      const replacing = plan.sheets.some((s) => s.generated);
      const kept = replacing ? existing : existing.map((s) => ({ ...s, generatedKey: null }));
      const names = assignSheetNames(plan.sheets, kept);
      const tableNames = assignTableNames(plan.sheets, kept);
      const generated = replacing ? existing.filter((s) => s.generatedKey !== null) : [];
      const temps = temporaryNames(generated.length, runId, [
        ...existing.map((s) => s.name),
        ...names.values(),
      ]);
      const oldTableNames = generated.flatMap((s) => s.tableNames);
      const tableTemps = temporaryNames(
        oldTableNames.length,
        runId,
        [...existing.flatMap((s) => s.tableNames), ...tableNames.values()],
        "PT旧表"
      );
      const old = {
        sheets: generated.map((s, i) => ({ name: s.name, temporary: temps[i] })),
        tables: oldTableNames.map((name, i) => ({ name, temporary: tableTemps[i] })),
      };
      const overhead = chunkOverhead(plan.sheets.length + old.sheets.length);
      const chunks = packOps(planOperations(plan, names, tableNames, old, runId), limit, overhead);

      const proxies = new Map<string, Excel.Worksheet>();
      const env: ApplyEnv = {
        context,
        sheet: (key) => {
          const ws = proxies.get(key);
          if (!ws) throw new Error(`sheet ${key} used before it was added`);
          return ws;
        },
        sheetName: (key) => names.get(key) as string,
        registerSheet: (key, ws) => void proxies.set(key, ws),
      };
      state.footprint = {
        runId,
        namesBefore: existing.map((s) => s.name),
        plannedNames: [...names.values()],
        old,
      };

      const pending = [...chunks];
      const sent: typeof chunks = [];
      let total = chunks.length;
      while (pending.length > 0) {
        const chunk = pending.shift() as (typeof chunks)[number];
        // Each suspension lasts until the next sync: one call per chunk.
        context.workbook.application.suspendApiCalculationUntilNextSync();
        context.workbook.application.suspendScreenUpdatingUntilNextSync();
        for (const op of chunk.ops) op.apply(env);
        try {
          await sync();
        } catch (e) {
          // Excel refuses a request over its limit before running any of it: the same operations
          // go again in two smaller requests (the estimate was wrong; nothing of it was applied).
          const halves =
            officeErrorCode(e) === "RequestPayloadSizeLimitExceeded"
              ? splitChunk(chunk, overhead)
              : null;
          if (!halves) throw e;
          pending.unshift(...halves);
          total += halves.length - 1;
          continue;
        }
        sent.push(chunk);
        progress({ step: "writing", done: sent.length, total });
      }

      const bytes = sent.map((c) => c.bytes);
      return {
        sheets: Object.fromEntries(names),
        syncs,
        replaced: old.sheets.map((o) => o.name),
        requestBytes: bytes.reduce((a, b) => a + b, 0),
        maxRequestBytes: Math.max(0, ...bytes),
        chunkBytes: bytes,
      };
    });
  } catch (e) {
    if (e instanceof ExcelApplyError && e.code !== "Timeout") throw e;
    let cleanup: CleanupOutcome = "nothing-created";
    const footprint = state.footprint;
    if (footprint) {
      // A fresh context: the failed one may still hold queued operations that must never run.
      progress({ step: "cleaning", done: 0, total: 1 });
      cleanup = await host
        .run({ delayForCellEdit: true }, (context) =>
          cleanupRun(context, () => syncWithTimeout(context, timeoutMs), footprint)
        )
        .catch((): CleanupOutcome => "failed");
      progress({ step: "cleaning", done: 1, total: 1 });
    }
    throw toExcelApplyError(e, cleanup);
  }
}
