/**
 * The Office.js path through the real pane: office.js is replaced by `Office`/`Excel` globals
 * backed by the strict simulator, so the pane's Office gateway drives the real src/excel code.
 * Import the current sheet, select a located error's cell, fix it and validate again, generate,
 * generate again (only generated sheets replaced), in Japanese and in English.
 */
import * as fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { axeViolations, launch, screenshot, serve, watchErrors, watchNetwork } from "./support/harness";
import { FAKE_OFFICE_FILE } from "./support/paths";

/** Waits until `read` returns `want` (the pane works asynchronously), or fails with the last value. */
async function until<T>(read: () => Promise<T>, want: T, timeoutMs = 30000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let last: T = await read();
  while (JSON.stringify(last) !== JSON.stringify(want) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  expect(last).toEqual(want);
}

async function simState(page: Page): Promise<{ sheets: string[]; active: string }> {
  return page.evaluate(() => {
    const sim = (window as unknown as { __sim: { workbook: { sheets: { name: string; id: string }[]; activeSheetId: string } } }).__sim;
    const wb = sim.workbook;
    return { sheets: wb.sheets.map((s) => s.name), active: wb.sheets.find((s) => s.id === wb.activeSheetId)?.name ?? "" };
  });
}

async function cellValue(page: Page, sheet: string, row: number, column: number): Promise<unknown> {
  return page.evaluate(
    ([s, r, c]) => {
      const sim = (window as unknown as { __sim: { workbook: { sheet(n: string): { cell(r: number, c: number): { value: unknown } | undefined } } } }).__sim;
      return sim.workbook.sheet(s as string).cell(r as number, c as number)?.value ?? "";
    },
    [sheet, row, column] as const,
  );
}

async function openPane(browser: Browser, origin: string, displayLanguage: string) {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
  const page = await context.newPage();
  const offHost = watchNetwork(page, origin);
  const errors = watchErrors(page);
  await page.addInitScript((lang) => {
    (window as unknown as { __displayLanguage: string }).__displayLanguage = lang;
  }, displayLanguage);
  const fake = fs.readFileSync(FAKE_OFFICE_FILE, "utf8");
  await page.route("**/office.js", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: fake }));
  await page.goto(`${origin}/taskpane.html`);
  return { page, offHost, errors };
}

describe("Office.js path (fake Excel over the strict simulator)", () => {
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

  test("import the current sheet, select a located error, fix it, validate again, generate twice", async () => {
    const { page, offHost, errors } = await openPane(browser, server.origin, "ja-JP");
    await page.getByRole("heading", { name: "施策一覧ツール" }).waitFor();
    await page.getByText("Excel", { exact: true }).waitFor();
    // Inside Excel there is no workbook picker; the language switch is there (its choice is kept in the document's settings).
    expect(await page.getByRole("button", { name: "ブック (.xlsx) を開く" }).count()).toBe(0);
    expect(await page.getByLabel("表示言語").count()).toBe(1);

    await page.getByRole("button", { name: "現在のシートを取り込む" }).click();
    const sources = page.getByRole("list", { name: "取り込んだデータ" });
    await sources.getByText("現在のシート (入力)").waitFor({ timeout: 60000 });
    expect(await sources.innerText()).toContain("3 件の施策");
    await screenshot(page, "office-1-import");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "次へ: 検証" }).click();
    const problem = page.getByTestId("problems-error").getByRole("button").filter({ hasText: "担当府省庁" });
    await expect(problem.innerText()).resolves.toMatch(/必須のセル「担当府省庁」が空欄です。[\s\S]*現在のシート \(入力\) 3 行目 「担当府省庁」列/);
    await problem.click();
    // In the step (the live region says the same words for screen readers).
    await page.getByRole("tabpanel").getByText("選択しました: 入力!E3").waitFor();
    expect(await page.evaluate(() => (window as unknown as { __selection: () => unknown }).__selection())).toEqual({ sheet: "入力", row: 3, column: 5 });
    await screenshot(page, "office-2-validate");
    expect(await axeViolations(page)).toEqual([]);

    // The user fixes the cell in Excel, then validates again: the sheet is read anew.
    await page.evaluate(() => {
      const sim = (window as unknown as { __sim: { workbook: { sheet(n: string): { cellForWrite(r: number, c: number): { value: unknown } } } } }).__sim;
      sim.workbook.sheet("入力").cellForWrite(2, 4).value = "総務省";
    });
    await page.getByRole("button", { name: "再検証" }).click();
    await page.getByRole("tabpanel").getByText(/再検証しました: エラー 0 件/).waitFor();
    expect(await page.getByTestId("count-error").innerText()).toBe("0");

    await page.getByRole("button", { name: "次へ: 集計" }).click();
    await page.getByRole("button", { name: "集計シートを作成" }).click();
    const summary = page.getByTestId("generate-summary");
    await summary.waitFor({ timeout: 120000 });
    expect(await summary.getByTestId("status-count-continuing").innerText()).toBe("1");
    expect(await summary.getByTestId("status-count-expanded").innerText()).toBe("1");
    expect(await summary.getByTestId("status-count-ended").innerText()).toBe("1");
    const first = await simState(page);
    expect(first.sheets).toEqual(expect.arrayContaining(["入力", "施策一覧", "検証結果", "ダッシュボード", "総務省", "経済産業省"]));
    expect(await cellValue(page, "入力", 2, 4)).toBe("総務省");
    await screenshot(page, "office-3-generate");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "ダッシュボードを開く" }).click();
    await until(async () => (await simState(page)).active, "ダッシュボード");

    // Generating again replaces only the generated sheets: same sheets, the input untouched.
    await page.getByRole("button", { name: "集計シートを作り直す" }).click();
    await page.getByText(`以前に作成した ${first.sheets.length - 1} 枚のシートを置き換えました。`, { exact: false }).waitFor();
    await until(async () => (await simState(page)).sheets.length, first.sheets.length);
    expect((await simState(page)).sheets.sort()).toEqual([...first.sheets].sort());
    expect(await cellValue(page, "入力", 1, 3)).toBe("(ア)");

    expect(offHost).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("when Excel fails while writing, the pane says so in plain words and leaves no half-made sheets", async () => {
    const { page, offHost, errors } = await openPane(browser, server.origin, "ja-JP");
    await page.getByRole("button", { name: "現在のシートを取り込む" }).click();
    await page.getByRole("list", { name: "取り込んだデータ" }).getByText("現在のシート (入力)").waitFor({ timeout: 60000 });
    // The third sync from now (the first write, after the two reading syncs) fails.
    await page.evaluate(() => {
      const sim = (window as unknown as { __sim: { syncs: unknown[]; faults: unknown[] } }).__sim;
      sim.faults = [{ kind: "GeneralException", atSync: sim.syncs.length + 3 }];
    });
    await page.getByRole("tab", { name: /集計/ }).click();
    await page.getByRole("button", { name: "集計シートを作成" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "集計シートを作成できませんでした" });
    await alert.waitFor({ timeout: 60000 });
    expect(await alert.innerText()).toContain("Excel 内部でエラーが発生しました。");
    expect((await simState(page)).sheets).toEqual(["入力"]);
    await screenshot(page, "office-5-failure");
    expect(await axeViolations(page)).toEqual([]);
    expect(offHost).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("with Office in English the pane and the generated sheets are in English", async () => {
    const { page, offHost, errors } = await openPane(browser, server.origin, "en-US");
    await page.getByRole("heading", { name: "Plan Tables" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await page.getByRole("button", { name: "Import the current sheet" }).click();
    await page.getByRole("list", { name: "Imported data" }).getByText("Current sheet (入力)").waitFor({ timeout: 60000 });
    await page.getByRole("tab", { name: /Generate/ }).click();
    await page.getByRole("button", { name: "Generate summary sheets" }).click();
    await page.getByRole("tabpanel").getByText(/Created \d+ summary sheets/).waitFor({ timeout: 120000 });
    const state = await simState(page);
    expect(state.sheets).toContain("入力");
    expect(state.sheets.filter((s) => /^[\x20-\x7e]+$/.test(s)).length).toBeGreaterThanOrEqual(3);
    await screenshot(page, "office-4-english");
    expect(await axeViolations(page)).toEqual([]);
    expect(offHost).toEqual([]);
    expect(errors).toEqual([]);
  });
});
