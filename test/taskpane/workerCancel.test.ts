/**
 * Cancelling the preview's render in the import worker: the caller hears an AbortError at once,
 * the worker is told to stop that render (it checks between sheets and pieces of XML), and its
 * late answer is dropped. The worker is a stand-in that reports progress and waits.
 */
import { createWorkerOps } from "../../src/taskpane/worker/workerClient";
import type { WorkerRequest } from "../../src/taskpane/worker/protocol";
import type { WorkbookPlan } from "../../src/workbook/plan";
import type { RenderProgress } from "../../src/xlsx/renderXlsx";

class RenderingWorker {
  static made: RenderingWorker[] = [];
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { preventDefault(): void; message: string }) => void) | null = null;
  received: WorkerRequest[] = [];
  terminated = false;
  constructor() {
    RenderingWorker.made.push(this);
  }
  postMessage(req: WorkerRequest): void {
    this.received.push(req);
    if (req.op === "render") {
      const progress: RenderProgress = { phase: "sheet", done: 0, total: 3, sheet: "施策一覧" };
      setTimeout(() => this.onmessage?.({ data: { id: req.id, progress } }), 1);
    }
  }
  /** The render's answer, late (after a cancel it is an error the client no longer waits for). */
  answer(id: number): void {
    this.onmessage?.({ data: { id, ok: false, error: "The writing was cancelled" } });
  }
  terminate(): void {
    this.terminated = true;
  }
}

const plan: WorkbookPlan = { lang: "ja", sheets: [] };

beforeEach(() => {
  RenderingWorker.made = [];
});

describe("cancelling a render in the import worker", () => {
  it("rejects with an AbortError at once and tells the worker to stop that render", async () => {
    const ops = createWorkerOps("import-worker.js", {
      create: () => new RenderingWorker() as unknown as Worker,
    });
    if (!ops) throw new Error("no worker ops");
    const controller = new AbortController();
    const seen: RenderProgress[] = [];
    const rendering = ops.render(
      plan,
      undefined,
      (p) => {
        seen.push(p);
        controller.abort();
      },
      controller.signal
    );
    await expect(rendering).rejects.toMatchObject({ name: "AbortError" });
    expect(seen).toEqual([{ phase: "sheet", done: 0, total: 3, sheet: "施策一覧" }]);
    const worker = RenderingWorker.made[0];
    const render = worker.received.find((r) => r.op === "render")!;
    expect(worker.received.filter((r) => r.op === "cancel")).toEqual([
      expect.objectContaining({ op: "cancel", target: render.id }),
    ]);
    // The worker is kept (the next import uses it) and its late answer is dropped.
    expect(worker.terminated).toBe(false);
    worker.answer(render.id);
  });

  it("an already cancelled render is not sent at all", async () => {
    const ops = createWorkerOps("import-worker.js", {
      create: () => new RenderingWorker() as unknown as Worker,
    });
    if (!ops) throw new Error("no worker ops");
    const controller = new AbortController();
    controller.abort();
    await expect(ops.render(plan, undefined, undefined, controller.signal)).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(RenderingWorker.made[0].received).toEqual([]);
  });
});
