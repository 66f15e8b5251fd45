/**
 * Excel's side of the real Excel client library in the page. The test serves
 * `@microsoft/office-js/dist/excel-web-16.00.js` from node_modules as a plain <script> before this
 * one; this script then plays Excel for it: the strict simulator answers every request the library
 * sends to `OSF.DDA.RichApi.executeRichApiRequestAsync` (richApiHost.ts), and the small `Office`
 * surface the pane reads without the host handshake (onReady, HostType, context) says "inside
 * Excel". The pane's own code is untouched: its `Excel.run` is the library's.
 * The workbook starts like the fake bundle's (fakeOffice.ts): the template's input sheet with three
 * measures, one with its 担当府省庁 cell empty (an error at 入力!E3).
 * `window.__sim` is the simulator, `window.__richApi` what crossed the seam.
 */
import {
  createExcelSimulator,
  executeRichApiRequest,
  selection,
  setExcelClient,
  type ExcelClient,
  type SimHost,
} from "../../../support/excelSimulator";

type Callback = (result: unknown) => void;

interface Library {
  Excel?: { run(...args: unknown[]): Promise<unknown> } & Record<string, unknown>;
  OfficeExtension?: { Utility?: Record<string, unknown> };
  OSF?: {
    DDA?: { RichApi?: { executeRichApiRequestAsync?: unknown } };
    _OfficeAppFactory?: { getContext?: () => unknown; getHostInfo?: () => unknown };
  };
  Office?: Record<string, unknown>;
}

interface SeamLog {
  /** One entry per request the library sent: UTF-8 bytes of its body and its action count. */
  requests: { bytes: number; actions: number; flags: number }[];
  /** The library's Excel.run, as it was right after its <script> ran. */
  libraryRun: unknown;
}

interface PageWindow extends Library {
  __sim?: unknown;
  __richApi?: SeamLog;
  __selection?: () => { sheet: string; row: number; column: number } | null;
  __displayLanguage?: string;
}

const w = window as unknown as PageWindow & Record<string, unknown>;
const lib: Library = { Excel: w.Excel, OfficeExtension: w.OfficeExtension, OSF: w.OSF, Office: w.Office };
if (!lib.Excel || !lib.OSF?.DDA?.RichApi || !lib.OfficeExtension)
  throw new Error("excel-web-16.00.js must be loaded before the simulator host");
const libExcel = lib.Excel;
const richApi = lib.OSF.DDA.RichApi;
// Each Excel.run settles after its clean-up request, as in the Node loader (realOfficeJs).
if (lib.OfficeExtension.Utility) lib.OfficeExtension.Utility._synchronousCleanup = true;

const log: SeamLog = { requests: [], libraryRun: libExcel.run };
w.__richApi = log;
const encoder = new TextEncoder();

let current: SimHost | null = null;
let officeContext: Record<string, unknown> | null = null;

richApi.executeRichApiRequestAsync = (safeArray: unknown[], callback: Callback) => {
  const host = current;
  if (!host) throw new Error("office.js sent a request while no simulator was running");
  const body = String(safeArray[4]);
  const flags = typeof safeArray[6] === "number" ? safeArray[6] : 0;
  const parsed = JSON.parse(body) as { Actions?: unknown[] };
  log.requests.push({ bytes: encoder.encode(body).length, actions: parsed.Actions?.length ?? 0, flags });
  const { answer } = executeRichApiRequest(host, body, flags);
  if (answer.kind === "never") return;
  const result =
    answer.kind === "response"
      ? { status: "succeeded", value: { data: [200, [], answer.body] } }
      : { status: "failed", error: { code: answer.code, message: answer.message } };
  // A real transport answers later, never inside the call.
  setTimeout(() => callback(result), 0);
};

// Office.context is the library's getter over this factory; without the host handshake there is
// none, so this one answers for the simulated Excel (language, requirement sets, diagnostics).
const factory = (lib.OSF._OfficeAppFactory ??= {});
factory.getContext = () => officeContext ?? undefined;
factory.getHostInfo ??= () => ({ hostType: "excel", hostPlatform: "web", hostSpecificFileVersion: "16.00" });

const client: ExcelClient = {
  run<T>(host: SimHost, options: unknown, batch: unknown): Promise<T> {
    current = host;
    host.batchReturned = false;
    const body = batch as (ctx: unknown) => unknown;
    return libExcel.run(options ?? {}, (ctx: unknown) => {
      const result = body(ctx);
      if (!result || typeof (result as Promise<unknown>).then !== "function") return result;
      return (result as Promise<unknown>).then((value) => {
        host.batchReturned = true;
        return value;
      });
    }) as Promise<T>;
  },
  officeGlobal(_host: SimHost, context: Record<string, unknown>) {
    officeContext = context;
    return office;
  },
  excelGlobal: () => libExcel,
  activate(host: SimHost) {
    current = host;
  },
};

// The Office surface the pane reads before it calls Excel: onReady (no handshake here) and HostType.
const office = (w.Office ??= {}) as Record<string, unknown>;
office.HostType ??= { Excel: "Excel" };
office.onReady = (cb?: (info: unknown) => void) => {
  const info = { host: "Excel", platform: "OfficeOnline" };
  cb?.(info);
  return Promise.resolve(info);
};
if (!Object.getOwnPropertyDescriptor(office, "context"))
  Object.defineProperty(office, "context", { get: () => officeContext ?? undefined, configurable: true });

setExcelClient(client);
const sim = createExcelSimulator({ sheets: ["入力"], displayLanguage: w.__displayLanguage ?? "ja-JP" });
const rows: string[][] = [
  ["章", "節", "項", "項番", "担当府省庁", "2023年度年次計画", "成果・進捗状況", "2024年度年次計画", "進捗区分", "備考"],
  ["2 国民が安全で安心して暮らせるデジタル社会の実現", "2.1 国民・社会を守るためのサイバーセキュリティ環境の提供", "(1) 安全・安心なサイバー空間の利用環境の構築", "(ア)", "総務省", "・普及啓発を実施する。", "・計画に基づき、普及啓発を実施した。", "・引き続き、普及啓発を実施する。", "", ""],
  ["", "", "", "(イ)", "", "・演習を実施する。", "・計画に基づき、演習を実施した。", "・演習を拡充する。", "", ""],
  ["", "", "", "(ウ)", "経産省", "・ガイドラインを策定する。", "・計画に基づき、策定した。", "・2023年度で終了。", "", ""],
];
const sheet = sim.workbook.sheets[0];
rows.forEach((r, y) => r.forEach((v, x) => { if (v !== "") sheet.cellForWrite(y, x).value = v; }));
sim.install(w);
w.__sim = sim;
w.__selection = () => {
  const rect = selection.get(sim.workbook);
  return rect ? { sheet: sim.workbook.activeSheet().name, row: rect.row + 1, column: rect.column + 1 } : null;
};
