/**
 * Excel's side of the real Excel client library in the page. The test serves
 * `@microsoft/office-js/dist/excel-web-16.00.js` from node_modules as a plain <script> before this
 * one; this script then plays Excel for it: the strict simulator answers every request the library
 * sends to `OSF.DDA.RichApi.executeRichApiRequestAsync` (richApiHost.ts), and the small `Office`
 * surface the pane reads without the host handshake (onReady, HostType, context) says "inside
 * Excel". The pane's own code is untouched: its `Excel.run` is the library's.
 * The workbook it starts with is pageWorkbook.ts's, as the fake bundle's (fakeOffice.ts): an
 * error at 入力!E3.
 * `window.__sim` is the simulator, `window.__richApi` what crossed the seam.
 */
import { setExcelClient } from "../../../support/excelSimulator";
import { installRichApiSeam, libraryClient, type LibraryExcel, type LibraryOsf, type SeamState } from "../../../support/realOfficeJs/seam";
import { startPageWorkbook, type PageWorkbookWindow } from "./pageWorkbook";

interface Library {
  Excel?: LibraryExcel;
  OfficeExtension?: { Utility?: Record<string, unknown> };
  OSF?: Partial<LibraryOsf>;
  Office?: Record<string, unknown>;
}

interface SeamLog {
  /** One entry per request the library sent: UTF-8 bytes of its body and its action count. */
  requests: { bytes: number; actions: number; flags: number }[];
  /** The library's Excel.run, as it was right after its <script> ran. */
  libraryRun: unknown;
}

interface PageWindow extends Library, PageWorkbookWindow {
  __richApi?: SeamLog;
}

const w = window as unknown as PageWindow & Record<string, unknown>;
const lib: Library = { Excel: w.Excel, OfficeExtension: w.OfficeExtension, OSF: w.OSF, Office: w.Office };
if (!lib.Excel || !lib.OSF?.DDA?.RichApi || !lib.OfficeExtension)
  throw new Error("excel-web-16.00.js must be loaded before the simulator host");
const libExcel = lib.Excel;
// Each Excel.run settles after its clean-up request, as in the Node loader (realOfficeJs).
if (lib.OfficeExtension.Utility) lib.OfficeExtension.Utility._synchronousCleanup = true;

const log: SeamLog = { requests: [], libraryRun: libExcel.run };
w.__richApi = log;
const encoder = new TextEncoder();

const state: SeamState = { current: null, officeContext: null };
installRichApiSeam(lib.OSF as LibraryOsf, state, {
  // A real transport answers later, never inside the call.
  later: (deliver) => void setTimeout(deliver, 0),
  onRequest(body, flags) {
    const parsed = JSON.parse(body) as { Actions?: unknown[] };
    log.requests.push({ bytes: encoder.encode(body).length, actions: parsed.Actions?.length ?? 0, flags });
  },
});

// The Office surface the pane reads before it calls Excel: onReady (no handshake here) and HostType.
const office = (w.Office ??= {}) as Record<string, unknown>;
office.HostType ??= { Excel: "Excel" };
office.onReady = (cb?: (info: unknown) => void) => {
  const info = { host: "Excel", platform: "OfficeOnline" };
  cb?.(info);
  return Promise.resolve(info);
};
if (!Object.getOwnPropertyDescriptor(office, "context"))
  Object.defineProperty(office, "context", { get: () => state.officeContext ?? undefined, configurable: true });

setExcelClient(libraryClient(state, () => libExcel, () => office));
startPageWorkbook(w);
