/**
 * The self-check (動作確認): run once in the user's own Excel, it checks there what the tests can
 * only assume from the documentation, and gives a report to copy and send. It builds a small sample
 * into temporary sheets (never tagged as generated, so no generation is replaced), reads back what
 * it wrote, tries the Excel-side rules the add-in relies on, times the sample's generation, and
 * deletes everything it made — also when a step fails. The user's sheets are never touched.
 */
import { applyWorkbookPlan } from "./applyPlan";
import { DEFAULT_SYNC_TIMEOUT_MS, syncWithTimeout } from "./batching/syncWithTimeout";
import { officeErrorCode } from "./errors";
import { globalExcelHost, type ExcelHost } from "./host";
import { RUN_TAG } from "./tags";
import type { Lang } from "../workbook/plan";
import type { CellValue, SheetPlan, WorkbookPlan } from "../workbook/plan";
import { emptySheet } from "../workbook/sheetPlan";

export type SelfCheckId =
  | "generate"
  | "readBack"
  | "textStaysText"
  | "table"
  | "tags"
  | "hyperlink"
  | "charts"
  | "sheetName31"
  | "sheetName32Refused"
  | "largeRequest"
  | "cleanup";

export interface SelfCheckItem {
  id: SelfCheckId;
  ok: boolean;
  /** What was seen, in a few words (values as Excel gave them back). */
  detail: string;
  /** Office.js error code when a step failed with one. */
  code: string | null;
}

export interface SelfCheckReport {
  diagnostics: { host?: string; platform?: string; version?: string } | null;
  /** ExcelApi requirement sets this Excel supports (1.1 … 1.20). */
  excelApi: string[];
  items: SelfCheckItem[];
  /** Milliseconds the sample's generation took in this Excel. */
  generationMs: number | null;
}

export interface SelfCheckOptions {
  host?: ExcelHost;
  /** Office.context (diagnostics); defaults to the Office global. */
  officeContext?: { diagnostics?: { host?: unknown; platform?: unknown; version?: unknown } };
  now?: () => number;
  syncTimeoutMs?: number;
  /** Bytes of the near-limit request (default 3,600,000: close to the 4,000,000 chunk limit). */
  largeRequestBytes?: number;
}

/** Text that must stay text in a Text-formatted cell (the add-in's rule for imported text). */
export const FORMULA_LIKE_SAMPLES = ["=1+1", "+81-3-1234-5678", "-1", "@x", "\tタブで始まる"];

const EXCEL_API_VERSIONS = Array.from({ length: 20 }, (_, i) => `1.${i + 1}`);

/** The sample: a table with formula-looking text, a chart over a second sheet, a link between them. */
export function selfCheckPlan(suffix: string): WorkbookPlan {
  const table = emptySheet("selfcheck:table", "measures", `PT動作確認_${suffix}`);
  const rows: CellValue[][] = [
    ["項番", "担当府省庁", "内容"],
    ...FORMULA_LIKE_SAMPLES.map((text, i): CellValue[] => [`(${i + 1})`, "総務省", text]),
    ["(6)", "経済産業省", "通常の文章です。"],
  ];
  table.generated = false;
  table.blocks.push({ row: 0, column: 0, values: rows });
  table.tables.push({
    name: `PT動作確認表_${suffix}`,
    range: { row: 0, column: 0, rowCount: rows.length, columnCount: 3 },
    style: "TableStyleMedium2",
  });
  const chart: SheetPlan = emptySheet("selfcheck:chart", "dashboard", `PT動作確認図_${suffix}`);
  chart.generated = false;
  chart.blocks.push({
    row: 0,
    column: 0,
    values: [
      ["府省庁", "施策数"],
      ["総務省", 5],
      ["経済産業省", 1],
      ["一覧へ", ""],
    ],
  });
  chart.charts.push({
    type: "barStacked",
    title: "動作確認",
    dataSheetKey: chart.key,
    dataRange: { row: 0, column: 0, rowCount: 3, columnCount: 2 },
    seriesBy: "columns",
    categories: ["総務省", "経済産業省"],
    series: [{ name: "施策数", values: [5, 1] }],
    from: { row: 0, column: 3 },
    to: { row: 12, column: 9 },
    legend: "bottom",
  });
  chart.links.push({
    at: { row: 3, column: 0 },
    target: { sheetKey: table.key, cell: { row: 1, column: 0 } },
  });
  return { lang: "ja", sheets: [table, chart] };
}

function failure(id: SelfCheckId, e: unknown): SelfCheckItem {
  return {
    id,
    ok: false,
    detail: e instanceof Error ? e.message : String(e),
    code: officeErrorCode(e),
  };
}

export async function runSelfCheck(options: SelfCheckOptions = {}): Promise<SelfCheckReport> {
  const host = options.host ?? globalExcelHost();
  const now = options.now ?? (() => Date.now());
  const timeoutMs = options.syncTimeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS;
  const office =
    options.officeContext ??
    (globalThis as unknown as { Office?: { context?: SelfCheckOptions["officeContext"] } }).Office
      ?.context;
  const d = office?.diagnostics;
  const report: SelfCheckReport = {
    diagnostics: d
      ? { host: String(d.host), platform: String(d.platform), version: String(d.version) }
      : null,
    excelApi: EXCEL_API_VERSIONS.filter((v) => {
      try {
        return host.isSetSupported("ExcelApi", v);
      } catch {
        return false;
      }
    }),
    items: [],
    generationMs: null,
  };
  const suffix = Math.floor(now() % 1e6).toString(36);
  const plan = selfCheckPlan(suffix);
  const made = new Set<string>();
  const run = <T>(body: (context: Excel.RequestContext, sync: () => Promise<void>) => Promise<T>) =>
    host.run({ delayForCellEdit: true }, (context) =>
      body(context, () => syncWithTimeout(context, timeoutMs))
    );
  const check = async (id: SelfCheckId, body: () => Promise<{ ok: boolean; detail: string }>) => {
    try {
      report.items.push({ id, code: null, ...(await body()) });
    } catch (e) {
      report.items.push(failure(id, e));
    }
  };

  try {
    let names: Record<string, string> = {};
    await check("generate", async () => {
      const t0 = now();
      const result = await applyWorkbookPlan(plan, { host, syncTimeoutMs: timeoutMs });
      report.generationMs = Math.round(now() - t0);
      names = result.sheets;
      for (const n of Object.values(names)) made.add(n);
      return { ok: true, detail: `${result.syncs} syncs, ${report.generationMs} ms` };
    });
    if (report.items[0].ok) await readBack(plan, names);
    await sheetNames();
    await largeRequest();
  } finally {
    await check("cleanup", async () => {
      await run(async (context, sync) => {
        const sheets = [...made].map((n) => context.workbook.worksheets.getItemOrNullObject(n));
        await sync();
        for (const ws of sheets) if (!ws.isNullObject) ws.delete();
        await sync();
      });
      return { ok: true, detail: `${made.size} sheets deleted` };
    });
  }
  return report;

  async function readBack(p: WorkbookPlan, names: Record<string, string>): Promise<void> {
    const [tablePlan, chartPlan] = p.sheets;
    const values = tablePlan.blocks[0].values;
    const seen = await run(async (context, sync) => {
      const ws = context.workbook.worksheets.getItem(names[tablePlan.key]);
      const range = ws
        .getRangeByIndexes(0, 0, values.length, 3)
        .load("values,formulas,numberFormat");
      const tables = ws.tables.load("items/name");
      const tag = ws.customProperties.getItemOrNullObject(RUN_TAG).load("value");
      const chartSheet = context.workbook.worksheets.getItem(names[chartPlan.key]);
      const charts = chartSheet.charts.load("items/chartType");
      const link = chartSheet.getRangeByIndexes(3, 0, 1, 1).load("hyperlink");
      await sync();
      return {
        values: range.values,
        formulas: range.formulas,
        tables: tables.items.map((t) => t.name),
        tagged: !tag.isNullObject,
        charts: charts.items.map((c) => String(c.chartType)),
        link: link.hyperlink?.documentReference ?? "",
      };
    });
    const same = values.every((row, r) => row.every((v, c) => seen.values[r][c] === v));
    await check("readBack", async () => ({
      ok: same,
      detail: same ? `${values.length} rows` : JSON.stringify(seen.values),
    }));
    await check("textStaysText", async () => {
      const rows = FORMULA_LIKE_SAMPLES.map((text, i) => ({
        text,
        value: seen.values[i + 1][2],
        formula: seen.formulas[i + 1][2],
      }));
      const bad = rows.filter((r) => r.value !== r.text || r.formula !== r.text);
      return {
        ok: bad.length === 0,
        detail:
          bad.length === 0
            ? FORMULA_LIKE_SAMPLES.map((t) => JSON.stringify(t)).join(" ")
            : JSON.stringify(bad),
      };
    });
    await check("table", async () => ({
      ok: seen.tables.length === 1,
      detail: seen.tables.join(", "),
    }));
    await check("tags", async () => ({ ok: seen.tagged, detail: RUN_TAG }));
    await check("charts", async () => ({
      ok: seen.charts.length === 1 && seen.charts[0] === "BarStacked",
      detail: seen.charts.join(", "),
    }));
    await check("hyperlink", async () => {
      const ok = seen.link.includes(names[tablePlan.key]) && seen.link.endsWith("!A2");
      return { ok, detail: seen.link };
    });
  }

  async function sheetNames(): Promise<void> {
    const base = `PT${suffix}`;
    const name31 = base + "確".repeat(31 - base.length);
    const name32 = name31 + "認";
    await check("sheetName31", async () => {
      await run(async (context, sync) => {
        context.workbook.worksheets.add(name31);
        made.add(name31);
        await sync();
      });
      return { ok: true, detail: `${Array.from(name31).length} characters` };
    });
    await check("sheetName32Refused", async () => {
      try {
        await run(async (context, sync) => {
          context.workbook.worksheets.add(name32);
          made.add(name32);
          await sync();
        });
      } catch (e) {
        return {
          ok: officeErrorCode(e) === "InvalidArgument",
          detail: `refused: ${officeErrorCode(e) ?? "?"}`,
        };
      }
      return { ok: false, detail: "a 32-character name was accepted" };
    });
  }

  async function largeRequest(): Promise<void> {
    const target = options.largeRequestBytes ?? 3_600_000;
    // Japanese text (3 bytes a character in the request): 10 columns of 60 characters a row.
    const cell = "大量書込確認".repeat(10);
    const rowBytes = 10 * (cell.length * 3 + 3);
    const rows = Math.max(1, Math.floor(target / rowBytes));
    const name = `PT動作確認大_${suffix}`;
    await check("largeRequest", async () => {
      await run(async (context, sync) => {
        const ws = context.workbook.worksheets.add(name);
        made.add(name);
        ws.getRangeByIndexes(0, 0, rows, 10).values = Array.from({ length: rows }, () =>
          Array<string>(10).fill(cell)
        );
        await sync();
      });
      return {
        ok: true,
        detail: `${rows} rows, about ${Math.round((rows * rowBytes) / 1e5) / 10} MB`,
      };
    });
  }
}

const LABELS: Record<SelfCheckId, Record<Lang, string>> = {
  generate: { ja: "見本の生成", en: "Generating a sample" },
  readBack: { ja: "書き込んだ値の読み戻し", en: "Reading back the values" },
  textStaysText: { ja: "数式に見える文字列が文字列のまま", en: "Formula-looking text stays text" },
  table: { ja: "テーブルの作成", en: "Table created" },
  tags: { ja: "シートの印（カスタム プロパティ）", en: "Sheet tags (custom properties)" },
  hyperlink: { ja: "別シートのセルへのリンク", en: "Link to a cell of another sheet" },
  charts: { ja: "グラフ（積み上げ横棒）", en: "Chart (stacked bar)" },
  sheetName31: { ja: "31 文字のシート名を受け付ける", en: "A 31-character sheet name is accepted" },
  sheetName32Refused: {
    ja: "32 文字のシート名を拒否する",
    en: "A 32-character sheet name is refused",
  },
  largeRequest: { ja: "上限近くの大きな書き込み", en: "A write close to the request limit" },
  cleanup: { ja: "確認用シートの削除", en: "Check sheets deleted" },
};

/** The report as text the user can copy and send. */
export function formatSelfCheckReport(r: SelfCheckReport, lang: Lang): string {
  const ja = lang === "ja";
  const d = r.diagnostics;
  const lines = [
    ja ? "Plan Tables 動作確認" : "Plan Tables self-check",
    `${ja ? "Excel" : "Excel"}: ${d ? `${d.host} / ${d.platform} / ${d.version}` : "?"}`,
    `ExcelApi: ${r.excelApi.length > 0 ? r.excelApi[r.excelApi.length - 1] : "-"} (${r.excelApi.join(", ")})`,
    `${ja ? "見本の生成時間" : "Sample generation"}: ${r.generationMs ?? "-"} ms`,
    ...r.items.map(
      (i) =>
        `${i.ok ? "OK " : "NG "} ${LABELS[i.id][lang]}: ${i.detail}${i.code ? ` [${i.code}]` : ""}`
    ),
  ];
  return lines.join("\n");
}
