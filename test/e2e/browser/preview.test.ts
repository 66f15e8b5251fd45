/**
 * The browser preview as a new user meets it (no Excel): import a Shift_JIS CSV and an .xlsx,
 * see a located error for a broken row, generate, download the workbook and check it with an
 * independent reader. axe-core on every step; no request may leave localhost.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import Encoding from "encoding-japanese";
import * as XLSX from "@e965/xlsx";
import { unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { axeViolations, launch, screenshot, serve, watchErrors, watchNetwork } from "./support/harness";
import { FIXTURES } from "./support/paths";
import { buildTemplatePlan } from "../../../src/workbook/templatePlan";
import { renderXlsx } from "../../../src/xlsx/renderXlsx";

function sjis(text: string): Buffer {
  return Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: "SJIS", from: "UNICODE" }) as number[]);
}

/** A ministry's table in Shift_JIS: row 3 has no 担当府省庁 (an error), row 4 a misspelt one (a warning). */
const BROKEN_CSV = sjis(
  [
    "項番,担当府省庁,2023年度年次計画,成果・進捗状況,2024年度年次計画",
    "(ア),総務省,・普及啓発を実施する。,・計画に基づき、普及啓発を実施した。,・引き続き、普及啓発を実施する。",
    "(イ),,・演習を実施する。,・計画に基づき、演習を実施した。,・演習を拡充する。",
    "(ウ),デジタル省,・基盤を整備する。,・計画に基づき、整備した。,・引き続き、整備する。",
  ].join("\r\n") + "\r\n",
);

describe("browser preview (file workbook)", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;
  let page: Page;
  let offHost: string[];
  let errors: string[];
  /** Paths the page asked for: the import worker must be among them once files are imported. */
  const requested: string[] = [];

  beforeAll(async () => {
    server = await serve();
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 420, height: 900 }, acceptDownloads: true, locale: "ja-JP" });
    page = await context.newPage();
    offHost = watchNetwork(page, server.origin);
    errors = watchErrors(page);
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${server.origin}/taskpane.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => {
    expect(offHost).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("the preview starts without Excel, in Japanese, with no accessibility violations", async () => {
    await page.getByRole("heading", { name: "施策一覧ツール" }).waitFor();
    await page.getByText("プレビュー (Excel なし)").waitFor();
    expect(await page.getByRole("tab").allInnerTexts()).toEqual(["1. 取り込み", "2. 検証", "3. 前年度と比較", "4. 集計"]);
    await screenshot(page, "1-import-empty");
    expect(await axeViolations(page)).toEqual([]);
  });

  test("a Shift_JIS CSV, the report's .xlsx and a broken CSV import together in the import worker, each keeping its source", async () => {
    await page.getByTestId("file-input").setInputFiles([
      { name: "cs2024-combined-sjis.csv", mimeType: "text/csv", buffer: fs.readFileSync(path.join(FIXTURES, "tables", "cs2024-combined-sjis.csv")) },
      { name: "cs2024-combined.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: fs.readFileSync(path.join(FIXTURES, "tables", "cs2024-combined.xlsx")) },
      { name: "総務省_施策表.csv", mimeType: "text/csv", buffer: BROKEN_CSV },
    ]);
    const sources = page.getByRole("list", { name: "取り込んだデータ" });
    await sources.getByText("総務省_施策表.csv").waitFor({ timeout: 60000 });
    const items = await sources.getByRole("listitem").allInnerTexts();
    expect(items).toHaveLength(3);
    expect(items[0]).toMatch(/cs2024-combined-sjis\.csv\n\d+ 件の施策/);
    expect(items[1]).toMatch(/cs2024-combined\.xlsx\n\d+ 件の施策/);
    expect(items[2]).toMatch(/総務省_施策表\.csv\n3 件の施策/);
    // Parsed off the pane's main thread.
    expect(requested).toContain("/import-worker.js");
    await screenshot(page, "2-import-sources");
    expect(await axeViolations(page)).toEqual([]);
  });

  test("validation locates the broken row: file, row and column, in plain Japanese", async () => {
    await page.getByRole("button", { name: "次へ: 検証" }).click();
    const errorsGroup = page.getByTestId("problems-error");
    await errorsGroup.waitFor({ timeout: 60000 });
    const located = errorsGroup.getByRole("button").filter({ hasText: "総務省_施策表.csv 3 行目" });
    await expect(located.innerText()).resolves.toMatch(/必須のセル「担当府省庁」が空欄です。[\s\S]*総務省_施策表\.csv 3 行目 「担当府省庁」列/);
    const warning = page.getByTestId("problems-warning").getByRole("button").filter({ hasText: "総務省_施策表.csv 4 行目" });
    await expect(warning.innerText()).resolves.toMatch(/「デジタル省」は府省庁名として登録されていません。「デジタル庁」の誤りではありませんか。/);
    // A file's cell cannot be selected in a workbook: the pane says so and what to do.
    await located.click();
    await page.getByText("総務省_施策表.csv はブックの中にないため、セルを選択できません。").waitFor();
    await screenshot(page, "3-validate");
    expect(await axeViolations(page)).toEqual([]);
  });

  test("generate shows a summary, and the downloaded .xlsx holds the sheets and native charts", async () => {
    await page.getByRole("button", { name: "次へ: 集計" }).click();
    await page.getByRole("button", { name: "集計シートを作成" }).click();
    const summary = page.getByTestId("generate-summary");
    await summary.waitFor({ timeout: 120000 });
    await expect(summary.innerText()).resolves.toMatch(/集計シートを \d+ 枚作成しました/);
    const total = Number(await summary.getByTestId("status-total").innerText());
    expect(total).toBeGreaterThan(3);
    // The dashboard's numbers are shown as HTML in the preview.
    await page.getByTestId("sheet-preview").waitFor();
    await screenshot(page, "4-generate-done");
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "ブックをダウンロード (.xlsx)" }).click()]);
    expect(download.suggestedFilename()).toBe("施策一覧_集計.xlsx");
    const file = await download.path();
    const bytes = fs.readFileSync(file!);
    const wb = XLSX.read(bytes, { type: "buffer" });
    expect(wb.SheetNames).toEqual(expect.arrayContaining(["施策一覧", "検証結果", "ダッシュボード", "総務省"]));
    const measures = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets["施策一覧"], { header: 1 });
    const text = measures.flat().map(String);
    // Rows of every source are there, the broken CSV's included.
    for (const source of ["総務省_施策表.csv 3行目", "cs2024-combined-sjis.csv", "cs2024-combined.xlsx"]) {
      expect(text.some((c) => c.startsWith(source))).toBe(true);
    }
    expect(measures.length - 1).toBeGreaterThanOrEqual(total);
    const report = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets["検証結果"], { header: 1 }).flat().map(String);
    expect(report.some((c) => c.includes("担当府省庁") )).toBe(true);
    // Native charts: DrawingML chart parts in the package.
    const parts = Object.keys(unzipSync(new Uint8Array(bytes)));
    expect(parts.filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).length).toBeGreaterThan(0);
  });

  test("the preview switches to English", async () => {
    await page.getByLabel("表示言語").selectOption("en");
    await page.getByRole("tab", { name: /Generate/ }).waitFor();
    expect(await page.getByRole("tab").allInnerTexts()).toEqual([expect.stringMatching(/^1\. Import/), expect.stringMatching(/^2\. Validate/), expect.stringMatching(/^3\. Compare/), expect.stringMatching(/^4\. Generate/)]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await page.getByRole("tab", { name: /Validate/ }).click();
    await page.getByText(/Read \d+ measures from 3 sources\./).waitFor();
    await screenshot(page, "5-validate-english");
    expect(await axeViolations(page)).toEqual([]);
    // The choice is remembered in this browser: switch back so the next pages open in Japanese.
    await page.getByLabel("Display language").selectOption("ja");
  });
});

describe("browser preview with the template workbook", () => {
  test("the template's input sheet is the current sheet; a problem there selects its cell", async () => {
    const server = await serve();
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: "ja-JP" });
      const offHost = watchNetwork(page, server.origin);
      const errors = watchErrors(page);
      // The template as `plan-tables template` makes it, with two rows typed in (one without owner).
      const plan = buildTemplatePlan("ja");
      const input = plan.sheets.find((s) => s.kind === "input")!;
      input.blocks.push({
        row: 1,
        column: 0,
        values: [
          ["2 国民が安全で安心して暮らせるデジタル社会の実現", "2.1 国民・社会を守るためのサイバーセキュリティ環境の提供", "(1) 安全・安心なサイバー空間の利用環境の構築", "(ア)", "警察庁", "・捜査能力を強化する。", "・計画に基づき、強化した。", "・引き続き、強化する。", null, null],
          [null, null, null, "(イ)", null, "・広報を行う。", "・計画に基づき、広報を行った。", "・引き続き、広報を行う。", null, null],
        ],
      });
      const bytes = Buffer.from(await renderXlsx(plan));
      await page.goto(`${server.origin}/taskpane.html`);
      await page.getByTestId("workbook-input").setInputFiles({ name: "施策表テンプレート.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bytes });
      await page.getByText("開いているブック: 施策表テンプレート.xlsx").waitFor({ timeout: 60000 });
      await page.getByRole("button", { name: "現在のシートを取り込む" }).click();
      await page.getByRole("list", { name: "取り込んだデータ" }).getByText(`現在のシート (${input.name})`).waitFor({ timeout: 60000 });
      await page.getByRole("button", { name: "次へ: 検証" }).click();
      const problem = page.getByTestId("problems-error").getByRole("button").filter({ hasText: "担当府省庁" });
      await expect(problem.innerText()).resolves.toContain("3 行目");
      await problem.click();
      await page.getByRole("tabpanel").getByText(`選択しました: ${input.name}!E3`).waitFor();
      await screenshot(page, "6-template-validate");
      expect(await axeViolations(page)).toEqual([]);
      expect(offHost).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe("browser preview from the keyboard", () => {
  test("Tab reaches every action of the import step, with a visible focus indicator, and Enter runs it", async () => {
    const server = await serve();
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: "ja-JP" });
      const errors = watchErrors(page);
      await page.goto(`${server.origin}/taskpane.html`);
      await page.getByRole("heading", { name: "施策一覧ツール" }).waitFor();
      const reached: string[] = [];
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press("Tab");
        reached.push(await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return el ? (el.getAttribute("aria-label") ?? el.innerText ?? el.tagName).trim() : "";
        }));
      }
      for (const name of ["1. 取り込み", "ブック (.xlsx) を開く", "現在のシートを取り込む", "ファイルを選ぶ", "貼り付けた表を取り込む", "サンプルを取り込む"]) {
        expect(reached).toContain(name);
      }
      // Keyboard focus must be visible: reach the button by Tab, then read its focus style.
      // The step's own button (the shortcut at the top of the pane is the other one).
      await page.getByRole("button", { name: "サンプルを取り込む" }).last().focus();
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Tab");
      const outline = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const after = getComputedStyle(el, "::after");
        const own = getComputedStyle(el);
        return { text: el.innerText, after: after.borderTopWidth + " " + after.borderTopStyle, outline: own.outlineStyle + " " + own.outlineWidth };
      });
      expect(outline.text).toBe("サンプルを取り込む");
      // Fluent's focus indicator: a solid outline (Chromium's own default would read "auto").
      expect(`${outline.outline} | ${outline.after}`).toMatch(/^solid [1-9]\d*px|\| [1-9]\d*px solid$/);
      await page.keyboard.press("Enter");
      await page.getByRole("list", { name: "取り込んだデータ" }).getByText("cs2024-appendix2-page18.txt").waitFor({ timeout: 60000 });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe("browser preview: a table without a required column", () => {
  test("nothing is generated; the pane names the column and shows the header it found", async () => {
    const server = await serve();
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: "ja-JP" });
      const offHost = watchNetwork(page, server.origin);
      const errors = watchErrors(page);
      await page.goto(`${server.origin}/taskpane.html`);
      const file = path.join(FIXTURES, "tables", "missing-owner-column-sjis.csv");
      await page.getByTestId("file-input").setInputFiles({ name: "missing-owner-column-sjis.csv", mimeType: "text/csv", buffer: fs.readFileSync(file) });
      await page.getByRole("list", { name: "取り込んだデータ" }).getByText("missing-owner-column-sjis.csv").waitFor({ timeout: 60000 });
      await page.getByRole("button", { name: "次へ: 検証" }).click();
      const alert = page.getByRole("alert").filter({ hasText: "必須の列が見つからない" });
      await alert.waitFor({ timeout: 60000 });
      expect(await alert.innerText()).toMatch(/missing-owner-column-sjis\.csv に必須の列「担当府省庁」がありません。/);
      expect(await alert.getByTestId("header-found").innerText()).toMatch(/^見つかった見出し: 項番 \| /);
      await screenshot(page, "8-missing-column");
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole("tab", { name: /集計/ }).click();
      expect(await page.getByRole("button", { name: "集計シートを作成" }).isDisabled()).toBe(true);
      expect(offHost).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe("browser preview with the report's PDF", () => {
  test("a PDF of the report imports in the browser: pdf.js runs inside the import worker", async () => {
    const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, "pdf", "report-sample.expected.json"), "utf8")) as { rows: { label: string; ministries: string[] }[] };
    const server = await serve();
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: "ja-JP" });
      const offHost = watchNetwork(page, server.origin);
      const errors = watchErrors(page);
      await page.goto(`${server.origin}/taskpane.html`);
      await page.getByTestId("file-input").setInputFiles({ name: "report-sample.pdf", mimeType: "application/pdf", buffer: fs.readFileSync(path.join(FIXTURES, "pdf", "report-sample.pdf")) });
      const item = page.getByRole("list", { name: "取り込んだデータ" }).getByRole("listitem");
      await item.waitFor({ timeout: 90000 });
      expect(await item.innerText()).toMatch(new RegExp(`report-sample\\.pdf\\n${expected.rows.length} 件の施策`));
      await page.getByRole("button", { name: "次へ: 検証" }).click();
      await page.getByText(`1 件のデータから ${expected.rows.length} 件の施策を読み取りました。`).waitFor({ timeout: 60000 });
      await screenshot(page, "7-pdf-validate");
      expect(offHost).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
