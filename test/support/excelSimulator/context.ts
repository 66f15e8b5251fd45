/**
 * The request context: operations are queued on proxies and take effect only at `sync()`, in the
 * order they were queued; properties can be read only after they were loaded and synced.
 * Docs: https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model
 * ("queue up multiple actions … and run them as a batch of commands with a single call to sync()";
 * "load … You must call context.sync() before reading the properties").
 */
import { SimOfficeError, simError } from "./errors";
import type { SimWorkbook } from "./model";
import { PAYLOAD_LIMIT_BYTES, utf8Length } from "./sizing";

export interface PathNode {
  id: number;
  parentId: number | null;
  name: string;
  args: unknown[];
  parent: PathNode | null;
}

export interface QueuedAction {
  name: string;
  path: PathNode;
  /** Arguments as office.js would serialise them (proxies become object path ids). */
  args: unknown[];
  run: () => void;
}

/** A fault injected at a given sync (1-based, counted over the whole simulator). */
export type Fault =
  | { kind: "GeneralException" | "InvalidArgument"; atSync: number; afterActions?: number }
  | { kind: "RequestPayloadSizeLimitExceeded"; atSync: number }
  /** The connection drops at this sync and stays down: every later sync fails too. */
  | { kind: "ConnectionLost"; atSync: number }
  /** The sync never returns (seen on the web with large files: office-js #4805). */
  | { kind: "Hang"; atSync: number }
  /** Through the real client library only: the library's own clean-up request (its
   * `_RemoveReference`s at the end of every Excel.run) fails, every time it is sent. */
  | { kind: "CleanupRequestFails" };

export interface SyncRecord {
  index: number;
  requestBytes: number;
  responseBytes: number;
  actions: number;
  suspendedCalculation: boolean;
  suspendedScreenUpdating: boolean;
  error: string | null;
  /** Through the real client library, with `recordActions`: each action as the host received it
   * ("new Worksheets.Add" for an instantiation, else the action's name: "Values", "_KeepReference"). */
  actionLabels?: string[];
}

export interface SimHost {
  workbook: SimWorkbook;
  syncs: SyncRecord[];
  faults: Fault[];
  connectionLost: boolean;
  /** Actions queued but never synced when an Excel.run batch returned. */
  unsyncedActions: number;
  /** Through the real client library: its clean-up requests, not counted as syncs. */
  cleanupRequests?: SyncRecord[];
  /** Through the real client library: set once the batch has returned (a request after that is
   * the library's final sync of what the batch left unsynced). */
  batchReturned?: boolean;
  recordActions?: boolean;
}

export class SimContext {
  private queue: QueuedAction[] = [];
  private nextPathId = 1;
  private staged: (() => void)[] = [];
  private nullables: { setNull: (v: boolean) => void; isNull: () => boolean }[] = [];
  private suspendCalc = false;
  private suspendScreen = false;
  private responseBytes = 0;
  readonly rootPath: PathNode;

  constructor(
    readonly host: SimHost,
    readonly delayForCellEdit: boolean
  ) {
    this.rootPath = this.path(null, "Workbook", []);
  }

  path(parent: PathNode | null, name: string, args: unknown[]): PathNode {
    return { id: this.nextPathId++, parentId: parent ? parent.id : null, name, args, parent };
  }

  enqueue(action: QueuedAction): void {
    this.queue.push(action);
  }

  pendingCount(): number {
    return this.queue.length;
  }

  /** A loaded value becomes readable only once its sync has completed. */
  stage(commit: () => void, responseValue: unknown): void {
    this.responseBytes += utf8Length(JSON.stringify(responseValue ?? null));
    this.staged.push(commit);
  }

  registerNullable(n: { setNull: (v: boolean) => void; isNull: () => boolean }): void {
    this.nullables.push(n);
  }

  markSuspendCalculation(): void {
    this.suspendCalc = true;
  }

  markSuspendScreenUpdating(): void {
    this.suspendScreen = true;
  }

  /** The serialised request: the actions and every object path they use, as office.js sends them. */
  private requestSize(batch: QueuedAction[]): number {
    const paths = new Map<number, PathNode>();
    let bytes = 2;
    let id = 1;
    for (const a of batch) {
      bytes +=
        utf8Length(
          JSON.stringify({
            Id: id++,
            ActionType: 1,
            Name: a.name,
            ObjectPathId: a.path.id,
            ArgumentInfo: { Arguments: a.args },
          })
        ) + 1;
      for (let p: PathNode | null = a.path; p && !paths.has(p.id); p = p.parent) paths.set(p.id, p);
    }
    for (const p of paths.values()) {
      // office.js also sends an action instantiating each object path it uses.
      bytes +=
        utf8Length(JSON.stringify({ Id: id++, ActionType: 1, Name: "", ObjectPathId: p.id })) + 1;
      bytes +=
        utf8Length(
          JSON.stringify({
            Id: p.id,
            ObjectPathType: 1,
            Name: p.name,
            ParentObjectPathId: p.parentId,
            ArgumentInfo: { Arguments: p.args },
          })
        ) + 1;
    }
    return bytes + 40;
  }

  /**
   * Runs what is queued now, in order, and makes loaded values readable: the host side of the
   * real client library (richApiHost.ts) executes each action of a request this way, one by one.
   * Throws the first SimOfficeError; what ran before it stays applied.
   */
  runNow(): void {
    const batch = this.queue;
    const nullables = this.nullables;
    this.queue = [];
    this.nullables = [];
    this.staged = [];
    for (const action of batch) {
      try {
        action.run();
      } catch (e) {
        if (e instanceof SimOfficeError && !e.debugInfo.errorLocation)
          e.debugInfo.errorLocation = action.name;
        throw e;
      }
    }
    for (const commit of this.staged) commit();
    this.staged = [];
    for (const n of nullables) n.setNull(n.isNull());
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    const nullables = this.nullables;
    const suspendedCalculation = this.suspendCalc;
    const suspendedScreenUpdating = this.suspendScreen;
    this.queue = [];
    this.nullables = [];
    this.staged = [];
    this.suspendCalc = false;
    this.suspendScreen = false;
    this.responseBytes = 0;
    // Nothing is applied or readable before the promise settles.
    await Promise.resolve();

    const host = this.host;
    const record: SyncRecord = {
      index: host.syncs.length + 1,
      requestBytes: this.requestSize(batch),
      responseBytes: 0,
      actions: batch.length,
      suspendedCalculation,
      suspendedScreenUpdating,
      error: null,
    };
    host.syncs.push(record);
    const fail = (e: SimOfficeError): never => {
      record.error = e.code;
      throw e;
    };

    const fault = host.faults.find((f) => "atSync" in f && f.atSync === record.index);
    if (host.connectionLost || fault?.kind === "ConnectionLost") {
      host.connectionLost = true;
      fail(simError("ConnectionFailure", "The connection to Excel was lost."));
    }
    if (fault?.kind === "Hang") {
      record.error = "Hang";
      return new Promise<void>(() => undefined);
    }
    if (this.host.workbook.cellEditMode && !this.delayForCellEdit) {
      fail(simError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode."));
    }
    if (
      fault?.kind === "RequestPayloadSizeLimitExceeded" ||
      record.requestBytes > PAYLOAD_LIMIT_BYTES
    ) {
      fail(
        simError(
          "RequestPayloadSizeLimitExceeded",
          `The request payload size has exceeded the limit (${record.requestBytes} bytes).`
        )
      );
    }
    const stopAt =
      fault && (fault.kind === "GeneralException" || fault.kind === "InvalidArgument")
        ? Math.min(fault.afterActions ?? Math.floor(batch.length / 2), batch.length)
        : -1;
    // Actions run in order; one that fails stops the batch, and the ones before it stay applied:
    // there is no transaction or rollback (https://github.com/OfficeDev/office-js/issues/1608).
    for (let i = 0; i < batch.length; i++) {
      if (i === stopAt && fault)
        fail(
          simError(
            fault.kind as "GeneralException",
            `Injected ${fault.kind} at sync ${record.index}.`
          )
        );
      try {
        batch[i].run();
      } catch (e) {
        if (e instanceof SimOfficeError) {
          e.debugInfo.errorLocation = batch[i].name;
          fail(e);
        }
        throw e;
      }
    }
    if (stopAt === batch.length && fault)
      fail(simError(fault.kind as "GeneralException", `Injected ${fault.kind}.`));
    record.responseBytes = this.responseBytes;
    if (this.responseBytes > PAYLOAD_LIMIT_BYTES) {
      fail(
        simError(
          "ResponsePayloadSizeLimitExceeded",
          `The response payload size has exceeded the limit.`
        )
      );
    }
    for (const commit of this.staged) commit();
    for (const n of nullables) n.setNull(n.isNull());
  }
}
