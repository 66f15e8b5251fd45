/**
 * The pane's import worker is stopped when a call passes the time budget (a hostile file keeping
 * it busy), the file gets its over-budget problem, and the next call is served by a new worker:
 * the pane stays usable. Workers are stand-ins that answer, or never answer, as told.
 */
import { problemMessage } from "../../src/domain/messages";
import type { ImportResult } from "../../src/domain/importResult";
import { WorkerOverBudget, createWorkerOps } from "../../src/taskpane/worker/workerClient";
import type { WorkerRequest } from "../../src/taskpane/worker/protocol";

/** A worker that answers each request in turn, and hangs from a file named "爆弾…" on (one thread: what waits behind it waits for ever). */
class StandInWorker {
  static made: StandInWorker[] = [];
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { preventDefault(): void; message: string }) => void) | null = null;
  terminated = false;
  busy = false;
  constructor() {
    StandInWorker.made.push(this);
  }
  postMessage(req: WorkerRequest): void {
    if (req.op === "file" && req.name.startsWith("爆弾")) this.busy = true;
    if (this.busy) return;
    const result: ImportResult = { drafts: [], problems: [], fiscalYears: null };
    setTimeout(() => this.onmessage?.({ data: { id: req.id, ok: true, result } }), 1);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const make = () =>
  createWorkerOps("import-worker.js", {
    timeLimitMs: 50,
    create: () => new StandInWorker() as unknown as Worker,
  });

beforeEach(() => {
  StandInWorker.made = [];
});

describe("the import worker under the time budget", () => {
  it("a file that keeps the worker busy: the worker is terminated and the file gets a plain problem", async () => {
    const ops = make();
    if (!ops) throw new Error("no worker ops");
    const r = await ops.file("爆弾.xlsx", new Uint8Array([0x50, 0x4b, 3, 4]));
    expect(StandInWorker.made[0].terminated).toBe(true);
    expect(r.drafts).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: "unreadable-file",
        file: "爆弾.xlsx",
        params: expect.objectContaining({ reason: "over-budget", budget: "maxMillis", limit: 60 }),
      }),
    ]);
    expect(problemMessage(r.problems[0], "ja")).toMatch(
      /読み込みにかかる時間が上限の 60 秒を超えています/u
    );
  });

  it("the pane stays usable: the next file is read by a new worker", async () => {
    const ops = make();
    if (!ops) throw new Error("no worker ops");
    await ops.file("爆弾.xlsx", new Uint8Array(4));
    const next = await ops.file("総務省.csv", new TextEncoder().encode("項番,担当府省庁\r\n"));
    expect(next.problems).toEqual([]);
    expect(StandInWorker.made).toHaveLength(2);
    expect(StandInWorker.made[1].terminated).toBe(false);
  });

  it("other work stopped by the budget is an error of its own kind, not retried on the main thread", async () => {
    const ops = make();
    if (!ops) throw new Error("no worker ops");
    const busy = ops.file("爆弾.csv", new Uint8Array(4));
    // Work waiting behind the busy file is stopped with it.
    const waiting = ops.build([]);
    await expect(waiting).rejects.toBeInstanceOf(WorkerOverBudget);
    expect((await busy).problems[0].params).toMatchObject({ reason: "over-budget" });
  });
});
