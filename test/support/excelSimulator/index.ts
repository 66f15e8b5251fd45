/**
 * A strict in-memory Excel for tests: the subset of the Excel JavaScript API that src/excel uses,
 * with the documented semantics (each rule cites its page where it is implemented):
 * - operations queue on proxies and take effect at `context.sync()`, in order (context.ts);
 * - reading a property that was not loaded and synced throws PropertyNotLoaded (proxyBase.ts);
 * - `values`/`numberFormat` must match the range's shape; null entries leave cells unchanged;
 *   strings starting with = + - become formulas unless the cell is text-formatted (rangeProxies.ts);
 * - sheet-name rules (InvalidArgument) and ItemAlreadyExists; getItemOrNullObject/isNullObject;
 *   tables, charts, data validation, conditional formats, custom properties (workbookProxies.ts);
 * - the 5 MB request/response limit on the serialised request (sizing.ts), every sync recorded;
 * - fault injection (GeneralException, payload error, lost connection, a sync that never returns).
 *
 * Pure TypeScript with no Node APIs: it also backs a fake `Excel` global in a browser test.
 */
import { SimContext, type Fault, type SimHost, type SyncRecord } from "./context";
import { simError } from "./errors";
import { SimWorkbook } from "./model";
import { SimWorkbookProxy } from "./workbookProxies";

export { SimWorkbook, SimSheet, checkSheetName } from "./model";
export type { SimCell } from "./model";
export { SimOfficeError } from "./errors";
export type { Fault, SyncRecord } from "./context";
export { PAYLOAD_LIMIT_BYTES, utf8Length } from "./sizing";
export { executeRichApiRequest, OFFICE_ERROR, type RichApiAnswer } from "./richApiHost";
export type { SimHost } from "./context";
export { selection } from "./workbookProxies";

/**
 * The real Excel client library, when a test has loaded it (test/support/realOfficeJs): Excel.run
 * goes through it, and this simulator answers its requests (richApiHost.ts). Without one (the
 * pane's browser bundle), the simulator's own proxies stand in for the library.
 */
export interface ExcelClient {
  run<T>(host: SimHost, options: unknown, batch: unknown): Promise<T>;
  /** Office.context for this simulator (requirement sets, display language, diagnostics). */
  officeGlobal(host: SimHost, context: Record<string, unknown>): Record<string, unknown>;
  excelGlobal(): Record<string, unknown>;
  /** Makes this simulator the one the library's requests go to (for code that calls Excel.run itself). */
  activate(host: SimHost): void;
}

let client: ExcelClient | null = null;

/** Installs (or removes, with null) the real client library for every simulator made afterwards. */
export function setExcelClient(c: ExcelClient | null): void {
  client = c;
}

export function excelClient(): ExcelClient | null {
  return client;
}

export interface SimulatorOptions {
  /** Sheet names the workbook starts with (default ["Sheet1"]). */
  sheets?: string[];
  /** The highest ExcelApi requirement set the simulated Excel supports (default "1.17"). */
  excelApi?: string;
  faults?: Fault[];
  displayLanguage?: string;
  /** Keep each request's action labels (SyncRecord.actionLabels), to aim faults at an action. */
  recordActions?: boolean;
}

export interface SimRequestContext {
  workbook: SimWorkbookProxy;
  application: SimWorkbookProxy["application"];
  sync(): Promise<void>;
  trackedObjects: { add(o: unknown): void; remove(o: unknown): void };
}

export interface ExcelSimulator {
  workbook: SimWorkbook;
  syncs: SyncRecord[];
  /** Through the real client library: its clean-up request at the end of each Excel.run. */
  cleanupRequests: SyncRecord[];
  faults: Fault[];
  readonly unsyncedActions: number;
  /** The connection comes back and injected faults end (a lost connection is sticky until then). */
  reconnect(): void;
  /** Excel.run(batch) / Excel.run(options, batch). */
  run<T>(a: unknown, b?: unknown): Promise<T>;
  isSetSupported(name: string, version?: string): boolean;
  /** A stand-in for the `Excel` global (only what src/excel uses). */
  excelGlobal(): Record<string, unknown>;
  /** A stand-in for the `Office` global. */
  officeGlobal(): Record<string, unknown>;
  /** Sets globalThis.Excel and globalThis.Office; returns a function that restores them. */
  install(target?: Record<string, unknown>): () => void;
}

function makeContext(host: SimHost, delayForCellEdit: boolean): SimRequestContext {
  const ctx = new SimContext(host, delayForCellEdit);
  const workbook = new SimWorkbookProxy(ctx, ctx.rootPath, () => host.workbook);
  return {
    workbook,
    application: workbook.application,
    sync: () => ctx.sync(),
    trackedObjects: { add: () => undefined, remove: () => undefined },
    get pending() {
      return ctx.pendingCount();
    },
  } as SimRequestContext & { pending: number };
}

export function createExcelSimulator(options: SimulatorOptions = {}): ExcelSimulator {
  const host: SimHost = {
    workbook: new SimWorkbook(options.sheets ?? ["Sheet1"]),
    syncs: [],
    faults: options.faults ?? [],
    connectionLost: false,
    unsyncedActions: 0,
    recordActions: options.recordActions ?? false,
  };
  const excelApi = String(options.excelApi ?? "1.17");
  const viaLibrary = client;
  /** Requirement set versions compare as major.minor integers: 1.12 is above 1.7. */
  const versionKey = (v: string) => {
    const [major, minor] = v.split(".").map((x) => Number(x));
    return major * 1000 + (minor || 0);
  };

  const sim: ExcelSimulator = {
    get workbook() {
      return host.workbook;
    },
    set workbook(w: SimWorkbook) {
      host.workbook = w;
    },
    get syncs() {
      return host.syncs;
    },
    get cleanupRequests() {
      return host.cleanupRequests ?? [];
    },
    get faults() {
      return host.faults;
    },
    set faults(f: Fault[]) {
      host.faults = f;
    },
    get unsyncedActions() {
      return host.unsyncedActions;
    },
    reconnect() {
      host.connectionLost = false;
      host.faults = [];
    },
    /** https://learn.microsoft.com/javascript/api/excel#excel-excel-run-function(1): the batch must return a promise. */
    async run<T>(a: unknown, b?: unknown): Promise<T> {
      if (viaLibrary) return viaLibrary.run<T>(host, typeof a === "function" ? {} : a, b ?? a);
      const batch = (typeof a === "function" ? a : b) as (ctx: SimRequestContext) => Promise<T>;
      const opts = (typeof a === "function" ? {} : (a ?? {})) as { delayForCellEdit?: boolean };
      if (typeof batch !== "function")
        throw simError("InvalidArgument", "Excel.run needs a batch function.");
      const ctx = makeContext(host, opts.delayForCellEdit === true) as SimRequestContext & {
        pending: number;
      };
      const result = batch(ctx);
      if (!result || typeof (result as Promise<T>).then !== "function")
        throw simError(
          "InvalidArgument",
          "The batch function passed to Excel.run must return a promise (RunMustReturnPromise)."
        );
      try {
        return await result;
      } finally {
        // Queued actions that were never synced are lost: record them so tests can see it.
        host.unsyncedActions += ctx.pending;
      }
    },
    isSetSupported(name: string, version?: string): boolean {
      if (name !== "ExcelApi") return false;
      return versionKey(version ?? "1.1") <= versionKey(excelApi);
    },
    excelGlobal() {
      if (viaLibrary) return viaLibrary.excelGlobal();
      return {
        run: (a: unknown, b?: unknown) => sim.run(a, b),
        ErrorCodes: {
          generalException: "GeneralException",
          invalidArgument: "InvalidArgument",
          itemAlreadyExists: "ItemAlreadyExists",
          itemNotFound: "ItemNotFound",
          invalidOperation: "InvalidOperation",
          invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
        },
      };
    },
    officeGlobal() {
      const context = {
        displayLanguage: options.displayLanguage ?? "ja-JP",
        requirements: { isSetSupported: (n: string, v?: string) => sim.isSetSupported(n, v) },
        diagnostics: { host: "Excel", platform: "OfficeOnline", version: "16.0.simulated" },
      };
      if (viaLibrary) return viaLibrary.officeGlobal(host, context);
      return {
        context,
        onReady: () => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }),
        HostType: { Excel: "Excel" },
      };
    },
    install(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>) {
      const before = { Excel: target.Excel, Office: target.Office };
      if (viaLibrary) {
        // The library's own globals stay; Office.context now answers for this simulator.
        sim.officeGlobal();
        viaLibrary.activate(host);
        target.Excel = viaLibrary.excelGlobal();
        return () => {
          target.Excel = before.Excel;
        };
      }
      target.Excel = sim.excelGlobal();
      target.Office = sim.officeGlobal();
      return () => {
        target.Excel = before.Excel;
        target.Office = before.Office;
      };
    },
  };
  return sim;
}
