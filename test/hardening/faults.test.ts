/**
 * Faults at the transport, on every sync of a generation, through the real Excel client library
 * with the strict simulator as Excel: an error response part-way through a request (and at its
 * first action), a request refused for its size (split and sent again), a lost connection (a
 * failed callback, until the connection comes back), a host that never answers (timeout), a
 * failure of our clean-up, and a failing clean-up request of the library itself. Afterwards the
 * user's sheets are exactly as before (cells, tables, formats, widths, heights, hidden rows and
 * columns, frozen panes, page layout), no sheet of the failed run is left half-made (or, when Excel
 * cannot be reached, what is left is tagged and the next run removes it), the previous generation
 * is whole, and the error reads in plain words. Each failure names the fault and where it was.
 *
 * The library retries a failed clean-up request in the background, 5 s apart: fake timers hold
 * those retries, and each fault run ends with the connection back and the retries answered.
 */
import { applyWorkbookPlan } from "../../src/excel/applyPlan";
import { ExcelApplyError } from "../../src/excel/errors";
import type { ExcelHost } from "../../src/excel/host";
import {
  exclusiveGeneration,
  GenerationBusyError,
  isGenerating,
} from "../../src/excel/generationLock";
import { RUN_TAG } from "../../src/excel/tags";
import { createOfficeGateway } from "../../src/taskpane/gateway/officeGateway";
import { GENERATED_SHEET_TAG, type WorkbookPlan } from "../../src/workbook/plan";
import {
  createExcelSimulator,
  type ExcelSimulator,
  type Fault,
  type SimSheet,
} from "../support/excelSimulator";
import { syntheticWorkbookPlan } from "../support/syntheticPlan";

const host = (sim: ExcelSimulator) => sim as unknown as ExcelHost;
const CHUNK = 96 * 1024; // small requests: many writing syncs, so many places to fail
const TIMEOUT_MS = 200;
const USER_SHEETS = ["メモ", "総務省", "集計"];

const prop = (s: SimSheet, key: string) => s.customProps.get(key.toLowerCase())?.value ?? null;
const isGenerated = (s: SimSheet) => prop(s, GENERATED_SHEET_TAG) !== null;
const isTagged = (s: SimSheet) => isGenerated(s) || prop(s, RUN_TAG) !== null;

/** A user's workbook: text, a live formula, a table, a format, widths, heights, hidden rows and
 * columns, frozen panes and a page layout, on sheets named like ours. */
function userWorkbook(): ExcelSimulator {
  const sim = createExcelSimulator({ sheets: USER_SHEETS });
  const s = sim.workbook.sheet("総務省");
  s.cellForWrite(0, 0).value = "総務省 担当者メモ";
  const f = s.cellForWrite(1, 1);
  f.formula = "=SUM(A1:A9)";
  f.value = 0;
  sim.workbook.addTable(s, { row: 3, column: 0, rowCount: 3, columnCount: 2 }, true);
  s.formats.push({
    rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 },
    prop: "font.bold",
    value: true,
  });
  s.columnWidths.set(0, 120);
  s.rowHeights.set(0, 30);
  s.hiddenColumns.add(3);
  s.hiddenRows.add(7);
  s.freeze = { rows: 1, columns: 0 };
  s.pageLayout = { orientation: "Landscape", paperSize: "A4" };
  sim.workbook.sheet("集計").cellForWrite(0, 0).value = "=cmd|' /C calc'!A0";
  return sim;
}

/** Everything a user sees of a sheet, minus the run id (a new one per run, by design). */
function view(s: SimSheet): unknown {
  const snap = s.snapshot() as { customProps: { key: string; value: string }[] };
  return {
    ...snap,
    customProps: snap.customProps.filter((p) => p.key.toLowerCase() !== RUN_TAG.toLowerCase()),
  };
}
const workbookView = (sim: ExcelSimulator) =>
  sim.workbook.sheets.filter((s) => !s.deleted).map((s) => ({ name: s.name, view: view(s) }));
const userView = (sim: ExcelSimulator) => USER_SHEETS.map((n) => view(sim.workbook.sheet(n)));
/** A sheet's contents without its name and its tables' names (a sheet set aside keeps them
 * under temporary names until the next run replaces it). */
const contents = (v: unknown) => {
  const view = v as { tables: { name: string }[] };
  return JSON.stringify({
    ...view,
    name: undefined,
    tables: view.tables.map((t) => ({ ...t, name: undefined })),
  });
};

const counts = {
  generations: 0,
  faultRuns: 0,
  faultsInjected: 0,
  recoveredBySplitting: 0,
  cleanupRemoved: 0,
  cleanupFailed: 0,
  nothingCreated: 0,
  userSheetsChanged: 0,
  halfMadeLeft: 0,
  previousGenerationLost: 0,
  libraryCleanupRetries: 0,
};
afterAll(() => console.log(`hardening/faults: ${JSON.stringify(counts)}`));

let plan: WorkbookPlan;
let plan2: WorkbookPlan;
/** A clean generation: its sheets, and how many syncs it takes. */
let clean: { view: ReturnType<typeof workbookView>; syncs: number };
let cleanRegen: { view: ReturnType<typeof workbookView>; syncs: number };

/** One generation; the fake clock moves on so a sync that never returns times out. */
async function generate(sim: ExcelSimulator, p: WorkbookPlan): Promise<ExcelApplyError | null> {
  counts.generations++;
  const run = applyWorkbookPlan(p, {
    host: host(sim),
    chunkLimitBytes: CHUNK,
    syncTimeoutMs: TIMEOUT_MS,
  }).then(
    () => null,
    (e: unknown) => e
  );
  // Everything else is promise work: the run has reached any hang once the microtasks are done.
  await jest.advanceTimersByTimeAsync(TIMEOUT_MS + 1);
  await jest.advanceTimersByTimeAsync(TIMEOUT_MS + 1);
  const e = await run;
  if (e !== null) expect(e).toBeInstanceOf(ExcelApplyError);
  return e as ExcelApplyError | null;
}

/** The connection comes back; the library's background retries of its clean-up request are answered. */
async function reconnect(sim: ExcelSimulator): Promise<void> {
  const before = sim.cleanupRequests.length;
  sim.reconnect();
  await jest.advanceTimersByTimeAsync(3 * 5000 + 1);
  counts.libraryCleanupRetries += sim.cleanupRequests.length - before;
  expect(jest.getTimerCount()).toBe(0);
}

/** Runs one fault case; a failure says which fault, where. */
async function named(label: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    if (e instanceof Error) e.message = `${label}: ${e.message}`;
    throw e;
  }
}

beforeAll(async () => {
  plan = await syntheticWorkbookPlan({ rows: 300, ministries: 6, formulaLikeEvery: 40 });
  plan2 = await syntheticWorkbookPlan({ rows: 320, ministries: 7, formulaLikeEvery: 40, seed: 7 });
  // After the plans: the import pipeline yields to the event loop with timers of its own.
  jest.useFakeTimers();
  const sim = userWorkbook();
  expect(await generate(sim, plan)).toBeNull();
  clean = { view: workbookView(sim), syncs: sim.syncs.length };
  const before = sim.syncs.length;
  expect(await generate(sim, plan2)).toBeNull();
  cleanRegen = { view: workbookView(sim), syncs: sim.syncs.length - before };
  expect(clean.syncs).toBeGreaterThanOrEqual(5);
}, 120_000);

afterAll(() => {
  jest.useRealTimers();
});

/** The error a pane shows: what happened and what became of the workbook, no codes or stack. */
function expectPlainWords(err: ExcelApplyError): void {
  for (const lang of ["ja", "en"] as const) {
    const text = err.userMessage(lang);
    expect(text.length).toBeGreaterThan(20);
    expect(text).not.toMatch(/Exception|undefined|\bat \w+ \(|Error:/u);
  }
}

type Kind =
  | "ErrorResponse"
  | "ErrorResponseAtFirstAction"
  | "RequestPayloadSizeLimitExceeded"
  | "ConnectionLost"
  | "Timeout"
  | "CleanupFails"
  | "LibraryCleanupRequestFails";
const KINDS: Kind[] = [
  "ErrorResponse",
  "ErrorResponseAtFirstAction",
  "RequestPayloadSizeLimitExceeded",
  "ConnectionLost",
  "Timeout",
  "CleanupFails",
  "LibraryCleanupRequestFails",
];

function faultsFor(kind: Kind, at: number): Fault[] {
  switch (kind) {
    case "ErrorResponse":
      return [{ kind: "GeneralException", atSync: at }];
    case "ErrorResponseAtFirstAction":
      return [{ kind: "GeneralException", atSync: at, afterActions: 0 }];
    case "RequestPayloadSizeLimitExceeded":
      return [{ kind: "RequestPayloadSizeLimitExceeded", atSync: at }];
    case "ConnectionLost":
      return [{ kind: "ConnectionLost", atSync: at }];
    case "Timeout":
      return [{ kind: "Hang", atSync: at }];
    case "CleanupFails":
      // The failure, then the clean-up's own first sync fails too.
      return [
        { kind: "GeneralException", atSync: at },
        { kind: "GeneralException", atSync: at + 1, afterActions: 0 },
      ];
    case "LibraryCleanupRequestFails":
      return [{ kind: "GeneralException", atSync: at }, { kind: "CleanupRequestFails" }];
  }
}

/** After a failure: once the connection is back, retrying gives exactly a clean generation, so
 * every half-made sheet is gone and the earlier generation restored or replaced. */
async function expectRetryHeals(
  sim: ExcelSimulator,
  expected: ReturnType<typeof workbookView>,
  p: WorkbookPlan
): Promise<void> {
  await reconnect(sim);
  const healthy = createExcelSimulator();
  healthy.workbook = sim.workbook;
  expect(await generate(healthy, p)).toBeNull();
  expect(workbookView(healthy)).toEqual(expected);
}

/** A writing request refused for its size is split and sent again: the run completes. */
function recoveredBySplitting(kind: Kind, err: ExcelApplyError | null, at: number): boolean {
  if (kind !== "RequestPayloadSizeLimitExceeded" || err !== null) return false;
  expect(at).toBeGreaterThan(2); // only writing requests are split; a refused read fails the run
  counts.recoveredBySplitting++;
  return true;
}

describe("a fault at every sync of a first generation", () => {
  it.each(KINDS)(
    "%s at each sync in turn: user sheets unchanged, nothing half-made, plain words, retry heals",
    async (kind) => {
      for (let at = 1; at <= clean.syncs; at++)
        await named(`${kind} at sync ${at} of a first generation`, () =>
          firstGenerationFault(kind, at)
        );
    },
    300_000
  );

  async function firstGenerationFault(kind: Kind, at: number): Promise<void> {
    const sim = userWorkbook();
    const before = userView(sim);
    sim.faults = faultsFor(kind, at);
    counts.faultRuns++;
    counts.faultsInjected += sim.faults.length;
    const err = await generate(sim, plan);
    expect(sim.syncs[at - 1].error).not.toBeNull(); // the fault was really hit
    if (recoveredBySplitting(kind, err, at)) {
      await reconnect(sim);
      expect(workbookView(sim)).toEqual(clean.view);
      return;
    }
    expect(err).not.toBeNull();
    const e = err as ExcelApplyError;
    expectPlainWords(e);

    const changed = JSON.stringify(userView(sim)) !== JSON.stringify(before);
    if (changed) counts.userSheetsChanged++;
    expect(userView(sim)).toEqual(before);

    const left = sim.workbook.sheets.filter((s) => !s.deleted && !USER_SHEETS.includes(s.name));
    if (e.cleanup === "removed" || e.cleanup === "nothing-created") {
      if (left.length > 0) counts.halfMadeLeft++;
      expect(left.map((s) => s.name)).toEqual([]);
      counts[e.cleanup === "removed" ? "cleanupRemoved" : "nothingCreated"]++;
    } else {
      // Excel could not be reached to clean up: whatever is left is tagged, so it is never taken
      // for a user's sheet, and the next run removes it (expectRetryHeals).
      counts.cleanupFailed++;
      expect(["ConnectionLost", "CleanupFails"]).toContain(kind);
      expect(left.filter((s) => !isTagged(s)).map((s) => s.name)).toEqual([]);
    }
    await expectRetryHeals(sim, clean.view, plan);
  }
});

describe("a fault at every sync of a regeneration (a previous generation is in the workbook)", () => {
  it.each(KINDS)(
    "%s at each sync of the second run in turn: user sheets as before, previous generation kept whole, retry heals",
    async (kind) => {
      for (let at = 1; at <= cleanRegen.syncs; at++)
        await named(`${kind} at sync ${at} of a regeneration`, () => regenerationFault(kind, at));
    },
    300_000
  );

  async function regenerationFault(kind: Kind, at: number): Promise<void> {
    const sim = userWorkbook();
    expect(await generate(sim, plan)).toBeNull();
    const before = workbookView(sim);
    const offset = sim.syncs.length;
    sim.faults = faultsFor(kind, at).map((f) =>
      "atSync" in f ? { ...f, atSync: f.atSync + offset } : f
    );
    counts.faultRuns++;
    counts.faultsInjected += sim.faults.length;
    const err = await generate(sim, plan2);
    expect(sim.syncs[offset + at - 1].error).not.toBeNull();
    if (recoveredBySplitting(kind, err, at)) {
      await reconnect(sim);
      expect(workbookView(sim)).toEqual(cleanRegen.view);
      return;
    }
    expect(err).toBeInstanceOf(ExcelApplyError);
    const e = err as ExcelApplyError;
    expectPlainWords(e);
    expect(userView(sim)).toEqual(
      before.filter((s) => USER_SHEETS.includes(s.name)).map((s) => s.view)
    );
    const now = workbookView(sim);
    if (e.cleanup !== "failed") {
      // Everything as it was: the user's sheets and the previous generation, names and contents.
      if (now.length < before.length) counts.previousGenerationLost++;
      expect(now).toEqual(before);
    } else {
      counts.cleanupFailed++;
      expect(
        sim.workbook.sheets
          .filter((s) => !s.deleted && !USER_SHEETS.includes(s.name) && !isTagged(s))
          .map((s) => s.name)
      ).toEqual([]);
      // Nothing of the previous generation is lost: each of its sheets is still there, under its
      // name or set aside under a temporary one, with the same contents.
      const present = new Set(now.map((s) => contents(s.view)));
      const lost = before.filter((s) => !present.has(contents(s.view))).map((s) => s.name);
      if (lost.length > 0) counts.previousGenerationLost++;
      expect(lost).toEqual([]);
    }
    await expectRetryHeals(sim, cleanRegen.view, plan2);
  }
});

describe("a fault after every action of a regeneration's first writing sync", () => {
  // That sync sets the previous generation aside and adds the new sheets; a failure between a
  // sheet's `add` and its tags once left a new sheet holding an old one's name, so the old one
  // could not get its name back (found when a tag was added to each sheet).
  it("each position in turn: the previous generation and the user's sheets come back whole", async () => {
    const sim0 = userWorkbook();
    expect(await generate(sim0, plan)).toBeNull();
    const offset = sim0.syncs.length;
    expect(await generate(sim0, plan2)).toBeNull();
    const firstWrite = offset + 3; // two reading syncs, then the first writing one
    const actions = sim0.syncs[firstWrite - 1].actions;
    // Every action of the first 40 (the first sheets' adds and tags), then spread over the rest.
    const positions = [...Array(Math.min(actions, 40)).keys()];
    for (let k = 40; k < actions; k += Math.ceil(actions / 60)) positions.push(k);
    for (const k of positions)
      await named(`an error response at action ${k} of ${actions} of sync ${firstWrite}`, () =>
        faultAt(k)
      );

    async function faultAt(k: number): Promise<void> {
      const sim = userWorkbook();
      expect(await generate(sim, plan)).toBeNull();
      const before = workbookView(sim);
      sim.faults = [{ kind: "GeneralException", atSync: firstWrite, afterActions: k }];
      counts.faultRuns++;
      counts.faultsInjected++;
      const e = (await generate(sim, plan2)) as ExcelApplyError;
      expect(e).toBeInstanceOf(ExcelApplyError);
      expect(e.cleanup).not.toBe("failed");
      const now = workbookView(sim);
      if (now.length < before.length) counts.previousGenerationLost++;
      expect(now).toEqual(before);
    }
  }, 300_000);
});

describe("regeneration is repeatable", () => {
  it("generating twice gives the same sheets, names and contents, and leaves the user's sheets alone", async () => {
    const sim = userWorkbook();
    const user = userView(sim);
    expect(await generate(sim, plan)).toBeNull();
    const first = workbookView(sim);
    expect(await generate(sim, plan)).toBeNull();
    expect(workbookView(sim)).toEqual(first);
    expect(userView(sim)).toEqual(user);
    expect(sim.workbook.sheets.filter((s) => !s.deleted && isGenerated(s))).toHaveLength(
      plan.sheets.length
    );
  });
});

describe("a failed regeneration keeps the previous generation", () => {
  // Fails on any writing sync when the set-aside sheets are deleted before the last one.
  it("a GeneralException in the last writing sync of a regeneration leaves the previous generation in place", async () => {
    const sim = userWorkbook();
    expect(await generate(sim, plan)).toBeNull();
    const before = workbookView(sim);
    sim.faults = [{ kind: "GeneralException", atSync: sim.syncs.length + cleanRegen.syncs }];
    expect(await generate(sim, plan2)).toBeInstanceOf(ExcelApplyError);
    expect(workbookView(sim)).toEqual(before);
  });
});

describe("one generation at a time (src/excel/generationLock.ts)", () => {
  it("without the lock two interleaved runs spoil each other: this is what the lock prevents", async () => {
    const sim = userWorkbook();
    const runs = await Promise.allSettled([generate(sim, plan), generate(sim, plan)]);
    const errors = runs.map((r) => (r.status === "fulfilled" ? r.value : r.reason));
    // At least one fails, and the workbook does not hold one complete generation.
    expect(errors.some((e) => e instanceof ExcelApplyError)).toBe(true);
    expect(workbookView(sim)).not.toEqual(clean.view);
  });

  it("a second generate while one runs is refused at once in plain words; the first completes untouched", async () => {
    const sim = userWorkbook();
    const run = (p: WorkbookPlan) =>
      exclusiveGeneration(() => applyWorkbookPlan(p, { host: host(sim), chunkLimitBytes: CHUNK }));
    const first = run(plan);
    expect(isGenerating()).toBe(true);
    const second = await run(plan2).catch((e: unknown) => e);
    await first;
    expect(second).toBeInstanceOf(GenerationBusyError);
    expect((second as GenerationBusyError).userMessage("ja")).toContain("生成中");
    expect(isGenerating()).toBe(false);
    // The refused one sent nothing: exactly a clean generation's syncs and sheets.
    expect(sim.syncs.length).toBe(clean.syncs);
    expect(workbookView(sim)).toEqual(clean.view);
    // Once done, the next one runs.
    await run(plan2);
    expect(workbookView(sim)).toEqual(cleanRegen.view);
  });

  it("a failed generation releases the lock", async () => {
    const sim = userWorkbook();
    sim.faults = [{ kind: "GeneralException", atSync: 3 }];
    const err = await exclusiveGeneration(() => applyWorkbookPlan(plan, { host: host(sim) })).catch(
      (e: unknown) => e
    );
    expect(err).toBeInstanceOf(ExcelApplyError);
    expect(err).not.toBeInstanceOf(GenerationBusyError);
    expect(isGenerating()).toBe(false);
  });

  it("the pane's Office gateway refuses a double press with the busy message and generates once", async () => {
    const sim = userWorkbook();
    const restore = sim.install();
    try {
      const gateway = createOfficeGateway(() => "en");
      const results = await Promise.allSettled([gateway.applyPlan(plan), gateway.applyPlan(plan)]);
      expect(results[0].status).toBe("fulfilled");
      expect(results[1].status).toBe("rejected");
      const reason = (results[1] as PromiseRejectedResult).reason as Error;
      expect(reason.message).toMatch(/being generated/u);
      expect(sim.workbook.sheets.filter((s) => !s.deleted && isGenerated(s))).toHaveLength(
        plan.sheets.length
      );
      expect(userView(sim)).toEqual(userView(userWorkbook()));
    } finally {
      restore();
    }
  });
});

// Runs last (Jest runs a file's tests in order): the figures README's "Faults" quotes.
it("README figures: 315 runs with 379 faults injected, no user sheet changed, no half-made sheet left, no earlier generation lost", () => {
  expect(counts.faultRuns).toBe(315);
  expect(counts.faultsInjected).toBe(379);
  expect(counts.userSheetsChanged).toBe(0);
  expect(counts.halfMadeLeft).toBe(0);
  expect(counts.previousGenerationLost).toBe(0);
});
