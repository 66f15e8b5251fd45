/**
 * The pane inside "Excel" through the REAL Excel client library: the page loads
 * @microsoft/office-js's excel-web-16.00.js from node_modules as a plain <script> (served at test
 * time, never copied), and the strict simulator answers its serialised requests at
 * `OSF.DDA.RichApi.executeRichApiRequestAsync` (support/realOfficeHost.ts). The whole flow: open →
 * import the current sheet → validate → click a problem (the cell is selected) → generate → edit →
 * regenerate, with results read back from the simulator and screenshots.
 */
import * as fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { axeViolations, launch, screenshot, serve, watchErrors, watchNetwork } from "./support/harness";
import { EXCEL_WEB_LIBRARY, REAL_OFFICE_HOST_FILE } from "./support/paths";

interface PageSim {
  workbook: {
    sheets: { name: string; id: string; tables: { name: string }[]; charts: unknown[]; snapshot(): unknown }[];
    activeSheetId: string;
    addSheet(name: string): { cellForWrite(r: number, c: number): { value: unknown } };
    sheet(n: string): {
      cell(r: number, c: number): { value: unknown } | undefined;
      cellForWrite(r: number, c: number): { value: unknown };
      snapshot(): unknown;
    };
  };
  syncs: unknown[];
  cleanupRequests: unknown[];
}
type PageWindow = {
  __sim: PageSim;
  __richApi: { requests: { bytes: number; actions: number }[]; libraryRun: unknown };
  __selection: () => unknown;
  Excel: { run: unknown; RequestContext?: unknown };
  OfficeExtension?: { ClientRequestContext?: unknown };
};

async function simState(page: Page) {
  return page.evaluate(() => {
    const wb = (window as unknown as PageWindow).__sim.workbook;
    return {
      sheets: wb.sheets.map((s) => s.name),
      active: wb.sheets.find((s) => s.id === wb.activeSheetId)?.name ?? "",
      tables: wb.sheets.flatMap((s) => s.tables.map((t) => `${s.name}:${t.name}`)),
      charts: wb.sheets.reduce((n, s) => n + s.charts.length, 0),
    };
  });
}

/** Every non-blank cell text of a sheet, for "the sheet says …" assertions. */
async function sheetTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const snap = (window as unknown as PageWindow).__sim.workbook.sheet(n).snapshot() as { cells: Record<string, { value: unknown }> };
    return Object.values(snap.cells).map((c) => String(c.value)).filter((v) => v !== "");
  }, name);
}

async function userSheets(page: Page): Promise<unknown> {
  return page.evaluate(() => {
    const wb = (window as unknown as PageWindow).__sim.workbook;
    return { input: wb.sheet("入力").snapshot(), memo: wb.sheet("メモ").snapshot() };
  });
}

async function seam(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as PageWindow;
    return {
      requests: w.__richApi.requests.length,
      bytes: w.__richApi.requests.reduce((n, r) => n + r.bytes, 0),
      largest: Math.max(0, ...w.__richApi.requests.map((r) => r.bytes)),
      syncs: w.__sim.syncs.length,
      cleanups: w.__sim.cleanupRequests.length,
      runIsLibrarys: w.Excel.run === w.__richApi.libraryRun,
      libraryTypes: typeof w.Excel.RequestContext === "function" && typeof w.OfficeExtension?.ClientRequestContext === "function",
    };
  });
}

async function openPane(browser: Browser, origin: string, displayLanguage = "ja-JP") {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
  const page = await context.newPage();
  const offHost = watchNetwork(page, origin);
  const errors = watchErrors(page);
  await page.addInitScript((lang) => {
    (window as unknown as { __displayLanguage: string }).__displayLanguage = lang;
  }, displayLanguage);
  // office.js becomes two plain same-origin scripts: the real library, then Excel's side of it.
  const library = fs.readFileSync(EXCEL_WEB_LIBRARY, "utf8");
  const host = fs.readFileSync(REAL_OFFICE_HOST_FILE, "utf8");
  await page.route("**/office.js", (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/javascript",
      body: `document.write('<script src="office-js/excel-web-16.00.js"></scr' + 'ipt><script src="office-js/real-office-host.js"></scr' + 'ipt>');`,
    }),
  );
  await page.route("**/office-js/excel-web-16.00.js", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: library }));
  await page.route("**/office-js/real-office-host.js", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: host }));
  await page.goto(`${origin}/taskpane.html`);
  return { page, offHost, errors };
}

describe("the pane through the real Excel client library (excel-web-16.00.js) over the strict simulator", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    server = await serve();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("open → import the current sheet → validate → select a problem's cell → generate → edit → regenerate", async () => {
    const { page, offHost, errors } = await openPane(browser, server.origin);
    await page.getByRole("heading", { name: "施策一覧ツール" }).waitFor();
    await page.getByText("Excel", { exact: true }).waitFor();
    // Inside Excel: no workbook picker.
    expect(await page.getByRole("button", { name: "ブック (.xlsx) を開く" }).count()).toBe(0);
    // A sheet of the user's own, which the add-in must never touch.
    await page.evaluate(() => {
      const memo = (window as unknown as PageWindow).__sim.workbook.addSheet("メモ");
      memo.cellForWrite(0, 0).value = "提出期限: 6月末";
      memo.cellForWrite(1, 1).value = "=SUM(1,2)";
    });
    await screenshot(page, "real-office-1-open");

    await page.getByRole("button", { name: "現在のシートを取り込む" }).click();
    const sources = page.getByRole("list", { name: "取り込んだデータ" });
    await sources.getByText("現在のシート (入力)").waitFor({ timeout: 60000 });
    expect(await sources.innerText()).toContain("3 件の施策");
    const afterImport = await seam(page);
    // The sheet was read by the library's serialised requests, answered at the seam.
    expect(afterImport.runIsLibrarys).toBe(true);
    expect(afterImport.libraryTypes).toBe(true);
    expect(afterImport.requests).toBeGreaterThan(0);
    // Every request the library sent is a sync or its clean-up at the end of an Excel.run.
    expect(afterImport.syncs + afterImport.cleanups).toBe(afterImport.requests);
    expect(afterImport.cleanups).toBeGreaterThan(0);
    await screenshot(page, "real-office-2-import");

    await page.getByRole("button", { name: "次へ: 検証" }).click();
    const problem = page.getByTestId("problems-error").getByRole("button").filter({ hasText: "担当府省庁" });
    await expect(problem.innerText()).resolves.toMatch(/必須のセル「担当府省庁」が空欄です。[\s\S]*現在のシート \(入力\) 3 行目 「担当府省庁」列/);
    await problem.click();
    // In the step (the live region says the same words for screen readers).
    await page.getByRole("tabpanel").getByText("選択しました: 入力!E3").waitFor();
    expect(await page.evaluate(() => (window as unknown as PageWindow).__selection())).toEqual({ sheet: "入力", row: 3, column: 5 });
    await screenshot(page, "real-office-3-validate");
    expect(await axeViolations(page)).toEqual([]);

    // The user fills the cell in Excel and validates again: the sheet is read anew.
    await page.evaluate(() => {
      (window as unknown as PageWindow).__sim.workbook.sheet("入力").cellForWrite(2, 4).value = "総務省";
    });
    await page.getByRole("button", { name: "再検証" }).click();
    await page.getByRole("tabpanel").getByText(/再検証しました: エラー 0 件/).waitFor();
    const before = await userSheets(page);

    await page.getByRole("button", { name: "次へ: 集計" }).click();
    await page.getByRole("button", { name: "集計シートを作成" }).click();
    const summary = page.getByTestId("generate-summary");
    await summary.waitFor({ timeout: 120000 });
    expect(await summary.getByTestId("status-count-continuing").innerText()).toBe("1");
    expect(await summary.getByTestId("status-count-expanded").innerText()).toBe("1");
    expect(await summary.getByTestId("status-count-ended").innerText()).toBe("1");
    const first = await simState(page);
    expect(first.sheets).toEqual(expect.arrayContaining(["入力", "メモ", "施策一覧", "検証結果", "ダッシュボード", "総務省", "経済産業省"]));
    expect(first.tables.some((t) => t.startsWith("施策一覧:"))).toBe(true);
    expect(first.charts).toBeGreaterThan(0);
    expect(await sheetTexts(page, "施策一覧")).toEqual(expect.arrayContaining(["・演習を拡充する。", "総務省", "経済産業省"]));
    expect(await userSheets(page)).toEqual(before);
    const afterGenerate = await seam(page);
    expect(afterGenerate.requests).toBeGreaterThan(afterImport.requests);
    expect(afterGenerate.syncs + afterGenerate.cleanups).toBe(afterGenerate.requests);
    await screenshot(page, "real-office-4-generate");
    expect(await axeViolations(page)).toEqual([]);

    // Edit: the user goes back to the input sheet (generating left the dashboard active; 再検証
    // reads the active sheet), rewrites (イ)'s next-year plan, validates, and regenerates.
    await page.evaluate(() => {
      const wb = (window as unknown as PageWindow).__sim.workbook;
      wb.activeSheetId = wb.sheets.find((s) => s.name === "入力")?.id ?? "";
      wb.sheet("入力").cellForWrite(2, 7).value = "・演習を全府省庁に拡大する。";
    });
    await page.getByRole("tab", { name: /検証/ }).click();
    await page.getByRole("button", { name: "再検証" }).click();
    await page.getByRole("tabpanel").getByText(/再検証しました: エラー 0 件/).waitFor();
    const edited = await userSheets(page);
    await page.getByRole("tab", { name: /集計/ }).click();
    // New data since the last run: the pane offers 作成 again; the add-in still finds and replaces its sheets.
    await page.getByRole("button", { name: /^集計シートを(作成|作り直す)$/ }).click();
    await page.getByRole("tabpanel").getByText(`以前に作成した ${first.sheets.length - 2} 枚のシートを置き換えました。`, { exact: false }).waitFor({ timeout: 120000 });
    const second = await simState(page);
    // Only generated sheets were replaced: the same set, the user's sheets exactly as they were.
    expect([...second.sheets].sort()).toEqual([...first.sheets].sort());
    expect(await userSheets(page)).toEqual(edited);
    const listed = await sheetTexts(page, "施策一覧");
    expect(listed).toContain("・演習を全府省庁に拡大する。");
    expect(listed).not.toContain("・演習を拡充する。");
    const afterRegenerate = await seam(page);
    expect(afterRegenerate.requests).toBeGreaterThan(afterGenerate.requests);
    await screenshot(page, "real-office-5-regenerate");
    expect(await axeViolations(page)).toEqual([]);

    console.log(`real library seam: ${JSON.stringify({ afterImport, afterGenerate, afterRegenerate })}`);
    expect(offHost).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("when Excel answers a write with an error, the library's OfficeExtension.Error reaches the pane as plain words and no half-made sheet stays", async () => {
    const { page, offHost, errors } = await openPane(browser, server.origin);
    await page.getByRole("button", { name: "現在のシートを取り込む" }).click();
    await page.getByRole("list", { name: "取り込んだデータ" }).getByText("現在のシート (入力)").waitFor({ timeout: 60000 });
    const input = await page.evaluate(() => (window as unknown as PageWindow).__sim.workbook.sheet("入力").snapshot());
    // The third sync from now (the first write, after the two reading syncs) gets an error response.
    await page.evaluate(() => {
      const sim = (window as unknown as PageWindow).__sim as PageSim & { faults: unknown[] };
      sim.faults = [{ kind: "GeneralException", atSync: sim.syncs.length + 3 }];
    });
    await page.getByRole("tab", { name: /集計/ }).click();
    await page.getByRole("button", { name: "集計シートを作成" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "集計シートを作成できませんでした" });
    await alert.waitFor({ timeout: 60000 });
    expect(await alert.innerText()).toContain("Excel 内部でエラーが発生しました。");
    expect((await simState(page)).sheets).toEqual(["入力"]);
    expect(await page.evaluate(() => (window as unknown as PageWindow).__sim.workbook.sheet("入力").snapshot())).toEqual(input);
    expect((await seam(page)).runIsLibrarys).toBe(true);
    await screenshot(page, "real-office-6-failure");
    expect(await axeViolations(page)).toEqual([]);
    expect(offHost).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("with Office in English (Office.context.displayLanguage through the library's getter) the pane and the sheets are in English", async () => {
    const { page, offHost, errors } = await openPane(browser, server.origin, "en-US");
    await page.getByRole("heading", { name: "Plan Tables" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    // The language came through the library's own Office.context getter (over OSF._OfficeAppFactory).
    const getter = await page.evaluate(() => String(Object.getOwnPropertyDescriptor((window as unknown as { Office: object }).Office, "context")?.get));
    expect(getter).toContain("_OfficeAppFactory.getContext");
    await page.getByRole("button", { name: "Import the current sheet" }).click();
    await page.getByRole("list", { name: "Imported data" }).getByText("Current sheet (入力)").waitFor({ timeout: 60000 });
    await page.getByRole("tab", { name: /Generate/ }).click();
    await page.getByRole("button", { name: "Generate summary sheets" }).click();
    await page.getByRole("tabpanel").getByText(/Created \d+ summary sheets/).waitFor({ timeout: 120000 });
    const state = await simState(page);
    expect(state.sheets).toContain("入力");
    expect(state.sheets.filter((s) => /^[\x20-\x7e]+$/.test(s)).length).toBeGreaterThanOrEqual(3);
    expect((await seam(page)).runIsLibrarys).toBe(true);
    await screenshot(page, "real-office-7-english");
    expect(offHost).toEqual([]);
    expect(errors).toEqual([]);
  });
});
