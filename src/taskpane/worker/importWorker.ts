/**
 * The import worker: parses files, validates merged tables and builds the workbook plan off the
 * pane's main thread, so the pane stays responsive with 50,000 rows. Built as its own entry
 * (import-worker.js).
 */
import type { WorkerRequest, WorkerResponse } from "./protocol";
import { configurePdfForBrowser } from "./configurePdf";
import { importOps } from "./importOps";

configurePdfForBrowser();

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

/** Renders under way, by request id: a cancel message aborts one. */
const renders = new Map<number, AbortController>();

async function handle(req: Exclude<WorkerRequest, { op: "cancel" }>) {
  switch (req.op) {
    case "file":
      return importOps.file(req.name, req.bytes);
    case "text":
      return importOps.text(req.name, req.text);
    case "report":
      return importOps.report(req.name, req.text);
    case "grid":
      return importOps.grid(req.grid, req.source);
    case "build":
      return importOps.build(req.results);
    case "plan":
      return importOps.plan(req.table, req.lang, req.order);
    case "render": {
      const controller = new AbortController();
      renders.set(req.id, controller);
      try {
        return await importOps.render(
          req.plan,
          req.base,
          (progress) => scope.postMessage({ id: req.id, progress }),
          controller.signal
        );
      } finally {
        renders.delete(req.id);
      }
    }
    case "workbook":
      return importOps.workbook(req.bytes);
  }
}

scope.onmessage = async (e) => {
  const req = e.data;
  if (req.op === "cancel") {
    renders.get(req.target)?.abort();
    return;
  }
  try {
    const result = await handle(req);
    // A rendered workbook goes back without a copy.
    const transfer = result instanceof Uint8Array ? [result.buffer] : [];
    scope.postMessage({ id: req.id, ok: true, result }, transfer);
  } catch (err) {
    scope.postMessage({
      id: req.id,
      ok: false,
      error: err instanceof Error ? err.message : String(err),
    });
  }
};
