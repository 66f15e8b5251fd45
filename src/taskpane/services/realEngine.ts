/**
 * The engine the pane uses: the importers, validation and planning run in the import worker
 * (main-thread fallback where a worker cannot start); messages come from the domain's table.
 * Loaded by dynamic import from index.tsx, so none of it is in the first bundle.
 */
import type { Lang, Problem } from "../../domain/model";
import { problemMessage } from "../../domain/messages";
import type { ImportOps } from "../worker/importOps";
import { WorkerFailure, createWorkerOps } from "../worker/workerClient";
import type { PlanEngine } from "./engine";

export const SAMPLE_FILE = "cs2024-appendix2-page18.txt";

/** Worker first; if the worker itself fails, the same call again on the main thread. */
function withFallback(primary: ImportOps | null): ImportOps {
  let inline: Promise<ImportOps> | null = null;
  const local = () => (inline ??= import("../worker/importOps").then((m) => m.importOps));
  let useLocal = primary === null;
  const wrap =
    <K extends keyof ImportOps>(k: K) =>
    async (...args: Parameters<ImportOps[K]>): Promise<Awaited<ReturnType<ImportOps[K]>>> => {
      if (!useLocal && primary) {
        try {
          return await (primary[k] as (...a: unknown[]) => Promise<Awaited<ReturnType<ImportOps[K]>>>)(...args);
        } catch (e) {
          if (!(e instanceof WorkerFailure)) throw e;
          useLocal = true;
        }
      }
      const ops = await local();
      return (ops[k] as (...a: unknown[]) => Promise<Awaited<ReturnType<ImportOps[K]>>>)(...args);
    };
  return {
    file: wrap("file"),
    text: wrap("text"),
    report: wrap("report"),
    grid: wrap("grid"),
    build: wrap("build"),
    plan: wrap("plan"),
  };
}

export async function loadRealEngine(): Promise<PlanEngine> {
  const workerUrl = new URL("import-worker.js", document.baseURI).href;
  const ops = withFallback(createWorkerOps(workerUrl));
  return {
    importFile: (name, bytes) => ops.file(name, bytes),
    importText: (name, text) => ops.text(name, text),
    importGrid: (grid, source) => ops.grid(grid, source),
    async importSample() {
      const res = await fetch(new URL(`sample/${SAMPLE_FILE}`, document.baseURI).href);
      if (!res.ok) throw new Error(`sample: HTTP ${res.status}`);
      return { name: SAMPLE_FILE, result: await ops.report(SAMPLE_FILE, await res.text()) };
    },
    buildTable: (results) => ops.build(results),
    buildPlan: (table, lang) => ops.plan(table, lang),
    problemMessage: (p: Problem, lang: Lang) => problemMessage(p, lang),
  };
}
