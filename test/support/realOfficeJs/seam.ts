/**
 * Where the real Excel client library meets the simulator, in Node (index.ts) and in the page
 * (test/e2e/browser/support/realOfficeHost.ts) alike: every request the library sends to
 * `OSF.DDA.RichApi.executeRichApiRequestAsync` is answered by the simulator whose Excel.run is
 * running, and the library's `Office.context` is the simulated Excel's. No Node module here: the
 * page bundles this file.
 */
import { executeRichApiRequest, type ExcelClient, type SimHost } from "../excelSimulator";

type Callback = (result: unknown) => void;

/** The library's `Excel` as far as the seam uses it. */
export type LibraryExcel = { run(...args: unknown[]): Promise<unknown> } & Record<string, unknown>;

/** The library's `OSF` as far as the seam uses it. */
export interface LibraryOsf {
  DDA: { RichApi: { executeRichApiRequestAsync: unknown } };
  _OfficeAppFactory?: { getContext?: () => unknown; getHostInfo?: () => unknown };
}

/** Which simulator answers now, and the Office.context it gives: set by the client, read by the seam. */
export interface SeamState {
  current: SimHost | null;
  officeContext: Record<string, unknown> | null;
}

export interface SeamOptions {
  /** Delivers an answer later, never inside the call, as a real transport does. */
  later(deliver: () => void): void;
  /** Sees each request's body and flags before the simulator answers it. */
  onRequest?(body: string, flags: number): void;
}

/** Routes the library's requests to `state.current`; its Office.context to `state.officeContext`. */
export function installRichApiSeam(osf: LibraryOsf, state: SeamState, options: SeamOptions): void {
  osf.DDA.RichApi.executeRichApiRequestAsync = (safeArray: unknown[], callback: Callback) => {
    const host = state.current;
    if (!host) throw new Error("office.js sent a request while no simulator was running");
    const body = String(safeArray[4]);
    const flags = typeof safeArray[6] === "number" ? safeArray[6] : 0;
    options.onRequest?.(body, flags);
    const { answer } = executeRichApiRequest(host, body, flags);
    if (answer.kind === "never") return;
    const result =
      answer.kind === "response"
        ? { status: "succeeded", value: { data: [200, [], answer.body] } }
        : { status: "failed", error: { code: answer.code, message: answer.message } };
    options.later(() => callback(result));
  };
  // Office.context is the library's getter over this factory: requirement sets, language and
  // diagnostics of the simulated Excel (an older Excel answers false for the sets it lacks).
  // Loaded without the Office host handshake, the library has no factory: give it one that only
  // answers these two questions.
  const factory = (osf._OfficeAppFactory ??= {});
  factory.getContext = () => state.officeContext ?? undefined;
  factory.getHostInfo ??= () => ({
    hostType: "excel",
    hostPlatform: "web",
    hostSpecificFileVersion: "16.00",
  });
}

/**
 * An Excel client whose Excel.run is the library's: `excel()` gives the library's Excel (loading
 * it on first use, in Node), `office()` the Office global the code under test reads.
 */
export function libraryClient(
  state: SeamState,
  excel: () => LibraryExcel,
  office: () => Record<string, unknown>
): ExcelClient {
  return {
    run<T>(host: SimHost, options: unknown, batch: unknown): Promise<T> {
      const library = excel();
      state.current = host;
      host.batchReturned = false;
      const body = batch as (ctx: unknown) => unknown;
      return library.run(options ?? {}, (ctx: unknown) => {
        const result = body(ctx);
        // A batch that returns no promise is the library's to refuse (RunMustReturnPromise).
        if (!result || typeof (result as Promise<unknown>).then !== "function") return result;
        return (result as Promise<unknown>).then((value) => {
          host.batchReturned = true;
          return value;
        });
      }) as Promise<T>;
    },
    officeGlobal(_host: SimHost, context: Record<string, unknown>) {
      const o = office();
      state.officeContext = context;
      return o;
    },
    excelGlobal: () => excel(),
    activate(host: SimHost) {
      excel();
      state.current = host;
    },
  };
}
