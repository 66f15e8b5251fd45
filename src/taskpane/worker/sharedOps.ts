/**
 * The one import worker of the page, shared by the engine and the file workbook. Work runs in
 * the worker; if the worker itself fails (script missing, crashed), the same call runs again
 * on the main thread, loaded then by dynamic import.
 */
import type { ImportOps } from "./importOps";
import { WorkerFailure, createWorkerOps } from "./workerClient";

function withFallback(primary: ImportOps | null): ImportOps {
  let inline: Promise<ImportOps> | null = null;
  const local = () =>
    (inline ??= Promise.all([import("./importOps"), import("./configurePdf")]).then(([ops, pdf]) => {
      if (typeof document !== "undefined") pdf.configurePdfForBrowser();
      return ops.importOps;
    }));
  let useLocal = primary === null;
  type Fn = (...a: unknown[]) => Promise<unknown>;
  const wrap = <K extends keyof ImportOps>(k: K): ImportOps[K] =>
    (async (...args: unknown[]) => {
      if (!useLocal && primary) {
        try {
          return await (primary[k] as unknown as Fn)(...args);
        } catch (e) {
          if (!(e instanceof WorkerFailure)) throw e;
          useLocal = true;
        }
      }
      return ((await local())[k] as unknown as Fn)(...args);
    }) as unknown as ImportOps[K];
  return {
    file: wrap("file"),
    text: wrap("text"),
    report: wrap("report"),
    grid: wrap("grid"),
    build: wrap("build"),
    plan: wrap("plan"),
    render: wrap("render"),
    workbook: wrap("workbook"),
  };
}

let shared: ImportOps | null = null;

export function sharedOps(): ImportOps {
  const canStart = typeof Worker !== "undefined" && typeof document !== "undefined";
  shared ??= withFallback(canStart ? createWorkerOps(new URL("import-worker.js", document.baseURI).href) : null);
  return shared;
}
