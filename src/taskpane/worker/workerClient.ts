/** Talks to import-worker.js. Returns null where a worker cannot start (the caller falls back). */
import type { ImportOps } from "./importOps";
import type { WorkerRequest, WorkerResponse } from "./protocol";

type Pending = { resolve(v: unknown): void; reject(e: Error): void };
type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

/** The worker itself failed (script missing, crashed): the work may be retried on the main thread. */
export class WorkerFailure extends Error {}

export function createWorkerOps(url: string): ImportOps | null {
  if (typeof Worker === "undefined") return null;
  let worker: Worker;
  try {
    worker = new Worker(url);
  } catch {
    return null;
  }
  let nextId = 1;
  const pending = new Map<number, Pending>();
  worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if (e.data.ok) p.resolve(e.data.result);
    else p.reject(new Error(e.data.error));
  };
  worker.onerror = (e) => {
    e.preventDefault();
    for (const p of pending.values()) p.reject(new WorkerFailure(e.message || "import worker failed"));
    pending.clear();
  };
  const call = <T>(req: Request, transfer: Transferable[] = []): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...req, id } as WorkerRequest, transfer);
    });
  return {
    // A copy is transferred: the caller may still hold the original buffer.
    file: (name, bytes) => {
      const copy = bytes.slice();
      return call({ op: "file", name, bytes: copy }, [copy.buffer]);
    },
    text: (name, text) => call({ op: "text", name, text }),
    report: (name, text) => call({ op: "report", name, text }),
    grid: (grid, source) => call({ op: "grid", grid, source }),
    build: (results) => call({ op: "build", results }),
    plan: (table, lang, order) => call({ op: "plan", table, lang, order }),
    render: (plan) => call({ op: "render", plan }),
    workbook: (bytes) => {
      const copy = bytes.slice();
      return call({ op: "workbook", bytes: copy }, [copy.buffer]);
    },
  };
}
