/**
 * Excel's side of the real Excel JavaScript client library (@microsoft/office-js): the function the
 * library calls to send a request, `OSF.DDA.RichApi.executeRichApiRequestAsync(safeArray, callback)`.
 * It parses the serialised request (object paths by id; actions Instantiate / Query / Method /
 * SetProperty), executes each action in order against the simulator's model through its proxies
 * (so every documented rule of the simulator applies), and answers in the library's response
 * format, stopping at the failing action as Excel does. Sizes are the real request body's bytes.
 *
 * Response shapes follow the library's own parser (see /work/shared/notes/real-officejs-client.md):
 * `{"Results":[{"ActionId":n,"Value":…}]}`, PascalCase keys, `_Items` for collections, `null` for a
 * null object, `"Error":{Code,Message,Location,ActionIndex}`; transport failures (a request over
 * 5 MB, a lost connection) come back as a failed callback with an Office error number.
 *
 * Pure TypeScript with no Node APIs, like the rest of the simulator.
 */
import { SimContext, type SimHost, type SyncRecord } from "./context";
import { SimOfficeError, simError } from "./errors";
import { SimCollection, SimProxy } from "./proxyBase";
import { SimRange } from "./rangeProxies";
import { PAYLOAD_LIMIT_BYTES, utf8Length } from "./sizing";
import { SimTableProxy, SimWorkbookProxy, SimWorksheet } from "./workbookProxies";
import type { SimSheet, SimTable } from "./model";

interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: number[];
}

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

export interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

export interface RichApiRequest {
  AutoKeepReference?: boolean;
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

/** What the host does with a request: answer it, fail the transport, or never answer. */
export type RichApiAnswer =
  | { kind: "response"; body: string }
  | { kind: "failed"; code: number; message: string }
  | { kind: "never" };

/** Office's error numbers the library maps to codes (RichApiMessageUtility.OfficeJsErrorCode_*). */
export const OFFICE_ERROR = {
  requestPayloadSizeLimitExceeded: 5103,
  responsePayloadSizeLimitExceeded: 5104,
  /** An error number the library does not know: it reports GeneralException with the message. */
  connectionLost: 5001,
} as const;

const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4 } as const;
const PATH = { root: 1, method: 3, property: 4, indexer: 5, reference: 6, nullObject: 7 } as const;

const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** References the library keeps on ranges (`_KeepReference`), by reference id, per simulator. */
const references = new WeakMap<
  SimHost,
  { next: number; byId: Map<string, SimRange>; ofRange: WeakMap<SimRange, string> }
>();

function referenceTable(host: SimHost) {
  let t = references.get(host);
  if (!t) {
    t = { next: 1, byId: new Map(), ofRange: new WeakMap() };
    references.set(host, t);
  }
  return t;
}

/** A request the library sends after every Excel.run: only `_RemoveReference`s on the workbook. */
export function isCleanupRequest(request: RichApiRequest): boolean {
  return (
    request.Actions.some((a) => a.Name === "_RemoveReference") &&
    request.Actions.every(
      (a) => a.ActionType === ACTION.instantiate || a.Name === "_RemoveReference"
    )
  );
}

function hasSetter(obj: object, prop: string): boolean {
  for (let o: object | null = obj; o; o = Object.getPrototypeOf(o) as object | null) {
    const d = Object.getOwnPropertyDescriptor(o, prop);
    if (d) return typeof d.set === "function";
  }
  return false;
}

class NotSimulated extends Error {}

/** Executes one request's actions, in order, against the host's workbook. */
class RequestExecution {
  private readonly ctx: SimContext;
  private readonly root: SimWorkbookProxy;
  private readonly objects = new Map<number, unknown>();
  readonly results: { ActionId: number; Value: unknown }[] = [];
  suspendedCalculation = false;
  suspendedScreenUpdating = false;

  constructor(
    private readonly host: SimHost,
    private readonly request: RichApiRequest,
    delayForCellEdit: boolean
  ) {
    this.ctx = new SimContext(host, delayForCellEdit);
    this.root = new SimWorkbookProxy(this.ctx, this.ctx.rootPath, () => host.workbook);
  }

  private args(info: ArgumentInfo | undefined): unknown[] {
    const args = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds ?? [];
    // An argument that is an object is sent as its object path's id (ReferencedObjectPathIds).
    return args.map((a, i) => (refs[i] ? this.resolve(refs[i]) : a));
  }

  private call(target: unknown, name: string, args: unknown[]): unknown {
    const fn = (target as Record<string, unknown> | null)?.[name];
    if (typeof fn !== "function")
      throw new NotSimulated(`${name}() on ${describe(target)} is not simulated`);
    const result = (fn as (...a: unknown[]) => unknown).apply(target, args);
    this.ctx.runNow();
    return result;
  }

  resolve(id: number): unknown {
    if (this.objects.has(id)) return this.objects.get(id);
    const path = this.request.ObjectPaths[String(id)];
    if (!path) throw simError("InvalidObjectPath", `Object path ${id} is not in the request.`);
    const parent = () => {
      if (path.ParentObjectPathId === undefined)
        throw simError("InvalidObjectPath", `Object path ${id} has no parent.`);
      return this.resolve(path.ParentObjectPathId);
    };
    let obj: unknown;
    switch (path.ObjectPathType) {
      case PATH.root:
        obj = this.root;
        break;
      case PATH.property: {
        const p = parent() as Record<string, unknown>;
        const name = camel(path.Name);
        if (!(name in p)) throw new NotSimulated(`${path.Name} of ${describe(p)} is not simulated`);
        obj = p[name];
        break;
      }
      case PATH.method:
        obj = this.call(parent(), camel(path.Name), this.args(path.ArgumentInfo));
        break;
      case PATH.indexer:
        // collection[key]: a sheet by name or id, a border by its index, a table by name or id.
        obj = this.call(parent(), "getItem", this.args(path.ArgumentInfo));
        break;
      case PATH.reference: {
        const range = referenceTable(this.host).byId.get(path.Name);
        if (!range) throw simError("InvalidReference", `No reference ${path.Name}.`);
        obj = range;
        break;
      }
      case PATH.nullObject:
        obj = null;
        break;
      default:
        throw new NotSimulated(`object path type ${path.ObjectPathType} is not simulated`);
    }
    this.objects.set(id, obj);
    return obj;
  }

  /** What an Instantiate answers: null for a null object, the identity the library keeps. */
  private instantiate(obj: unknown): unknown {
    if (!(obj instanceof SimProxy)) return obj === null ? null : {};
    const model = obj.resolveForHost() as unknown;
    if (model === null) return null;
    if (obj instanceof SimRange) {
      const refs = referenceTable(this.host);
      let id = refs.ofRange.get(obj);
      if (id === undefined) {
        id = `ref:${refs.next++}`;
        refs.ofRange.set(obj, id);
        refs.byId.set(id, obj);
      }
      return { _ReferenceId: id };
    }
    return identity(obj, model);
  }

  private query(obj: unknown, select: string[] | undefined): unknown {
    if (!(obj instanceof SimProxy)) throw new NotSimulated(`loading ${describe(obj)}`);
    const props = (select ?? []).map((s) => s.replace(/^items\//, ""));
    if (obj instanceof SimCollection) {
      obj.load(props);
      this.ctx.runNow();
      const items = (obj as SimCollection<unknown, SimProxy<unknown>, unknown>).items;
      return {
        _Items: items.map((item) => ({
          ...identity(item, item.resolveForHost()),
          ...pascalKeys(item.toJSON()),
        })),
      };
    }
    if (obj.resolveForHost() === null) return null;
    obj.load(props);
    this.ctx.runNow();
    return { ...identity(obj, obj.resolveForHost()), ...pascalKeys(obj.toJSON()) };
  }

  run(action: ActionInfo): void {
    const obj = this.resolve(action.ObjectPathId);
    switch (action.ActionType) {
      case ACTION.instantiate:
        this.results.push({ ActionId: action.Id, Value: this.instantiate(obj) });
        return;
      case ACTION.query:
        this.results.push({
          ActionId: action.Id,
          Value: this.query(obj, action.QueryInfo?.Select),
        });
        return;
      case ACTION.setProperty: {
        const name = camel(action.Name);
        if (obj === null || typeof obj !== "object" || !hasSetter(obj, name))
          throw new NotSimulated(`setting ${action.Name} on ${describe(obj)} is not simulated`);
        (obj as Record<string, unknown>)[name] = this.args(action.ArgumentInfo)[0];
        this.ctx.runNow();
        return;
      }
      case ACTION.method:
        this.method(obj, action);
        return;
      default:
        throw new NotSimulated(`action type ${action.ActionType}`);
    }
  }

  private method(obj: unknown, action: ActionInfo): void {
    const args = this.args(action.ArgumentInfo);
    switch (action.Name) {
      case "_KeepReference":
        return; // every range already has its reference (instantiate)
      case "_RemoveReference":
        referenceTable(this.host).byId.delete(String(args[0]));
        return;
      case "_ValidateArraySize": {
        // The library asks before it sends a big array in row pieces: Excel's grid limits apply.
        const [rows, columns] = args as number[];
        if (!(rows > 0 && columns > 0 && rows <= 1048576 && columns <= 16384))
          throw simError("InvalidArgument", `Invalid array size ${rows} × ${columns}.`);
        return;
      }
      case "SuspendApiCalculationUntilNextSync":
        this.suspendedCalculation = true;
        break;
      case "SuspendScreenUpdatingUntilNextSync":
        this.suspendedScreenUpdating = true;
        break;
    }
    this.call(obj, camel(action.Name), args);
  }
}

function identity(obj: unknown, model: unknown): Record<string, unknown> {
  if (model === null) return {};
  if (obj instanceof SimWorksheet) return { Id: (model as SimSheet).id };
  if (obj instanceof SimTableProxy) return { Id: String((model as SimTable).id) };
  return {};
}

function pascalKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [pascal(k), v]));
}

function describe(o: unknown): string {
  if (o === null || o === undefined) return String(o);
  return (o as object).constructor?.name ?? typeof o;
}

/** One request through the host: the answer, and the record of it. */
export function executeRichApiRequest(
  host: SimHost,
  body: string,
  flags: number
): { answer: RichApiAnswer; record: SyncRecord; cleanup: boolean } {
  const request = JSON.parse(body) as RichApiRequest;
  const cleanup = isCleanupRequest(request);
  const record: SyncRecord = {
    index: cleanup ? -1 : host.syncs.length + 1,
    requestBytes: utf8Length(body),
    responseBytes: 0,
    actions: request.Actions.length,
    suspendedCalculation: false,
    suspendedScreenUpdating: false,
    error: null,
  };
  if (host.recordActions)
    record.actionLabels = request.Actions.map((a) => {
      if (a.ActionType !== ACTION.instantiate) return a.Name;
      const path = request.ObjectPaths[String(a.ObjectPathId)];
      const parent = request.ObjectPaths[String(path?.ParentObjectPathId)];
      return `new ${parent?.Name ?? ""}.${path?.Name ?? ""}`;
    });
  if (cleanup) (host.cleanupRequests ??= []).push(record);
  else host.syncs.push(record);
  // The library syncs what a batch left queued once it returns: those actions were never synced by the code.
  if (!cleanup && host.batchReturned) host.unsyncedActions += request.Actions.length;
  const fail = (code: number, error: string, message: string): RichApiAnswer => {
    record.error = error;
    return { kind: "failed", code, message };
  };

  const fault = cleanup
    ? host.faults.find((f) => f.kind === "CleanupRequestFails")
    : host.faults.find((f) => "atSync" in f && f.atSync === record.index);
  if (host.connectionLost || fault?.kind === "ConnectionLost") {
    host.connectionLost = true;
    return {
      answer: fail(
        OFFICE_ERROR.connectionLost,
        "ConnectionLost",
        "The connection to Excel was lost."
      ),
      record,
      cleanup,
    };
  }
  if (fault?.kind === "CleanupRequestFails")
    return {
      answer: fail(
        OFFICE_ERROR.connectionLost,
        "CleanupRequestFails",
        "The clean-up request failed."
      ),
      record,
      cleanup,
    };
  if (fault?.kind === "Hang") {
    record.error = "Hang";
    return { answer: { kind: "never" }, record, cleanup };
  }
  // Excel on the web refuses a request body over 5 MB before running any of it.
  if (
    fault?.kind === "RequestPayloadSizeLimitExceeded" ||
    record.requestBytes > PAYLOAD_LIMIT_BYTES
  )
    return {
      answer: fail(
        OFFICE_ERROR.requestPayloadSizeLimitExceeded,
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${record.requestBytes} bytes).`
      ),
      record,
      cleanup,
    };

  const delayForCellEdit = (flags & 64) !== 0;
  const execution = new RequestExecution(host, request, delayForCellEdit);
  const stopAt =
    fault && (fault.kind === "GeneralException" || fault.kind === "InvalidArgument")
      ? Math.min(
          fault.afterActions ?? Math.floor(request.Actions.length / 2),
          request.Actions.length
        )
      : -1;
  let error: { Code: string; Message: string; Location: string; ActionIndex: number } | null = null;
  const writes = request.Actions.some(
    (a) =>
      a.ActionType === ACTION.setProperty ||
      (a.ActionType === ACTION.method && !a.Name.startsWith("_"))
  );
  if (host.workbook.cellEditMode && !delayForCellEdit && writes)
    error = {
      Code: "InvalidOperationInCellEditMode",
      Message: "Excel is in cell-editing mode.",
      Location: "",
      ActionIndex: 0,
    };
  for (let i = 0; !error && i < request.Actions.length; i++) {
    const action = request.Actions[i];
    if (i === stopAt && fault) {
      error = {
        Code: fault.kind,
        Message: `Injected ${fault.kind} at sync ${record.index}, action ${i}.`,
        Location: action.Name,
        ActionIndex: i,
      };
      break;
    }
    try {
      execution.run(action);
    } catch (e) {
      const known = e instanceof SimOfficeError;
      error = {
        Code: known ? e.code : "SimulatorNotImplemented",
        Message: e instanceof Error ? e.message : String(e),
        Location: (known && e.debugInfo.errorLocation) || action.Name,
        ActionIndex: i,
      };
    }
  }
  if (!error && stopAt === request.Actions.length && fault)
    error = {
      Code: fault.kind,
      Message: `Injected ${fault.kind} at sync ${record.index}, after the last action.`,
      Location: "",
      ActionIndex: request.Actions.length - 1,
    };
  record.suspendedCalculation = execution.suspendedCalculation;
  record.suspendedScreenUpdating = execution.suspendedScreenUpdating;
  const response: Record<string, unknown> = { Results: execution.results };
  if (error) {
    record.error = error.Code;
    response.Error = { ...error, HttpStatusCode: 400 };
  }
  const text = JSON.stringify(response);
  record.responseBytes = utf8Length(text);
  if (record.responseBytes > PAYLOAD_LIMIT_BYTES)
    return {
      answer: fail(
        OFFICE_ERROR.responsePayloadSizeLimitExceeded,
        "ResponsePayloadSizeLimitExceeded",
        "The response payload size has exceeded the limit."
      ),
      record,
      cleanup,
    };
  return { answer: { kind: "response", body: text }, record, cleanup };
}
