/** Talks to import-worker.js. Returns null where a worker cannot start (the caller falls back). */
import { BudgetExceeded, DEFAULT_BUDGETS, overBudgetProblem } from "../../importers/budgets";
import { failedImport, type ImportResult } from "../../domain/importResult";
import type { ImportOps } from "./importOps";
import type { WorkerRequest, WorkerResponse } from "./protocol";

type Pending = {
  resolve(v: unknown): void;
  reject(e: Error): void;
  timer: ReturnType<typeof setTimeout>;
  progress?(p: unknown): void;
};
type Request = WorkerRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, "id">
    : never
  : never;

function abortError(): DOMException {
  return new DOMException("The work was cancelled", "AbortError");
}

/** The worker itself failed (script missing, crashed): the work may be retried on the main thread. */
export class WorkerFailure extends Error {}

/**
 * A call ran past the time budget: the worker was stopped (a hostile file can keep it busy where
 * the importers' own checks cannot reach, inside pdf.js or a parser) and a new one serves the next
 * call. Not retried on the main thread, which would freeze the pane instead.
 */
export class WorkerOverBudget extends Error {
  constructor(readonly limitMs: number) {
    super(`the import worker took over ${limitMs} ms and was stopped`);
  }
}

export interface WorkerOptions {
  /** Milliseconds a call may take before the worker is stopped: the time budget, plus a margin for the work around one file. */
  timeLimitMs?: number;
  /** For tests: how a worker is made. */
  create?: (url: string) => Worker;
}

export function createWorkerOps(url: string, options: WorkerOptions = {}): ImportOps | null {
  const create = options.create ?? ((u: string) => new Worker(u));
  if (!options.create && typeof Worker === "undefined") return null;
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_BUDGETS.maxMillis + 15_000;
  let worker: Worker | null = null;
  const pending = new Map<number, Pending>();
  let nextId = 1;

  const failAll = (error: Error) => {
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    pending.clear();
  };
  const start = (): Worker => {
    const w = create(url);
    w.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      if ("progress" in e.data) {
        // Progress shows the worker is alive and moving: the time budget starts again.
        clearTimeout(p.timer);
        p.timer = setTimeout(stop, timeLimitMs);
        return p.progress?.(e.data.progress);
      }
      pending.delete(e.data.id);
      clearTimeout(p.timer);
      if (e.data.ok) p.resolve(e.data.result);
      else p.reject(new Error(e.data.error));
    };
    w.onerror = (e) => {
      e.preventDefault();
      failAll(new WorkerFailure(e.message || "import worker failed"));
    };
    return w;
  };
  try {
    worker = start();
  } catch {
    return null;
  }
  /** Stops the worker and everything it was doing; the next call starts a new one. */
  const stop = () => {
    worker?.terminate();
    worker = null;
    failAll(new WorkerOverBudget(timeLimitMs));
  };

  const call = <T>(
    req: Request,
    transfer: Transferable[] = [],
    progress?: (p: never) => void,
    signal?: AbortSignal
  ): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      let w: Worker;
      try {
        w = worker ??= start();
      } catch (e) {
        reject(new WorkerFailure(e instanceof Error ? e.message : String(e)));
        return;
      }
      const id = nextId++;
      // Cancelled: the caller hears at once, and the worker stops the work at its next check
      // (its late answer finds no one waiting).
      signal?.addEventListener(
        "abort",
        () => {
          const p = pending.get(id);
          if (!p) return;
          pending.delete(id);
          clearTimeout(p.timer);
          worker?.postMessage({ id: nextId++, op: "cancel", target: id } satisfies WorkerRequest);
          p.reject(abortError());
        },
        { once: true }
      );
      const timer = setTimeout(stop, timeLimitMs);
      pending.set(id, {
        resolve: resolve as (v: unknown) => void,
        reject,
        timer,
        progress: progress as Pending["progress"],
      });
      w.postMessage({ ...req, id } as WorkerRequest, transfer);
    });

  /** A file over the time budget is a problem of that file: the import goes on with the others. */
  const fileCall = async (
    name: string,
    req: Request,
    transfer: Transferable[]
  ): Promise<ImportResult> => {
    try {
      return await call<ImportResult>(req, transfer);
    } catch (e) {
      if (!(e instanceof WorkerOverBudget)) throw e;
      return failedImport(
        overBudgetProblem(name, new BudgetExceeded("maxMillis", DEFAULT_BUDGETS.maxMillis))
      );
    }
  };

  return {
    // A copy is transferred: the caller may still hold the original buffer.
    file: (name, bytes) => {
      const copy = bytes.slice();
      return fileCall(name, { op: "file", name, bytes: copy }, [copy.buffer]);
    },
    text: (name, text) => fileCall(name, { op: "text", name, text }, []),
    report: (name, text) => fileCall(name, { op: "report", name, text }, []),
    grid: (grid, source) => call({ op: "grid", grid, source }),
    build: (results) => call({ op: "build", results }),
    plan: (table, lang, order) => call({ op: "plan", table, lang, order }),
    // The base is copied (the pane keeps the opened workbook); progress comes back as messages.
    render: (plan, base, onProgress, signal) => {
      const copy = base?.slice();
      return call(
        { op: "render", plan, base: copy },
        copy ? [copy.buffer] : [],
        onProgress,
        signal
      );
    },
    workbook: (bytes) => {
      const copy = bytes.slice();
      return call({ op: "workbook", bytes: copy }, [copy.buffer]);
    },
  };
}
