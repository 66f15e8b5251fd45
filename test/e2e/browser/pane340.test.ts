/**
 * The pane as an official meets it in a task pane 340 px wide and 800 px tall, in Japanese and
 * in English: the sample with no workbook, a rejected file, grouped problems, generation, focus
 * and announcements, the language remembered. axe-core on every step, with no rule turned off
 * and nothing excluded; screenshots of each step go to docs/screenshots/.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launch, serve, watchErrors, watchNetwork } from "./support/harness";
import { ROOT } from "./support/paths";

const WIDTH = 340;
const HEIGHT = 800;
const DOCS = path.join(ROOT, "docs", "screenshots");
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** A ministry's CSV without the owner column: rejected (担当府省庁 missing). */
const REJECTED_CSV = Buffer.from(
  ["項番,2023年度年次計画,成果・進捗状況,2024年度年次計画", "(ア),・研修を実施する。,・研修を実施した。,・引き続き実施する。"].join("\r\n") + "\r\n",
  "utf8",
);

/** Every axe rule, nothing excluded (Fluent's focus sentinels included). */
async function axeAll(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(DOCS, { recursive: true });
  await page.screenshot({ path: path.join(DOCS, `${name}.png`) });
}

/** The element's box lies inside the 340×800 viewport (the eye is there without scrolling). */
async function inView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate(
    ([sel, h]) => {
      const el = document.querySelector(sel as string);
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= (h as number) && r.height > 0;
    },
    [selector, HEIGHT],
  );
}

const WORDS = {
  ja: {
    title: "施策一覧ツール",
    tabs: ["1. 取り込み", "2. 検証", "3. 前年度と比較", "4. 集計"],
    sample: "サンプルを取り込む",
    imported: "取り込みました",
    rejected: "取り込めませんでした",
    remove: "文科省.csv を外す",
    validateTab: /2\. 検証/,
    generateTab: /3\. 集計/,
    nextBlocked: "文科省.csv は取り込めなかったため、集計できません。",
    next: "次へ: 集計",
    generate: "集計シートを作成",
    done: /集計シートを \d+ 枚作成しました/,
  },
  en: {
    title: "Plan Tables",
    tabs: ["1. Import", "2. Validate", "3. Compare", "4. Generate"],
    sample: "Import the sample",
    imported: "Imported",
    rejected: "Not imported",
    remove: "Remove 文科省.csv",
    validateTab: /2\. Validate/,
    generateTab: /3\. Generate/,
    nextBlocked: "文科省.csv could not be imported, so nothing can be generated.",
    next: "Next: Generate",
    generate: "Generate summary sheets",
    done: /Created \d+ summary sheets/,
  },
} as const;

describe.each(["ja", "en"] as const)("the pane at 340×800 (%s)", (lang) => {
  const w = WORDS[lang];
  let browser: Browser;
  let context: BrowserContext;
  let server: Awaited<ReturnType<typeof serve>>;
  let page: Page;
  let offHost: string[];
  let errors: string[];

  beforeAll(async () => {
    server = await serve();
    browser = await launch();
    // The browser says Japanese; English comes from ?lang=en.
    context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, locale: "ja-JP" });
    page = await context.newPage();
    offHost = watchNetwork(page, server.origin);
    errors = watchErrors(page);
    await page.goto(`${server.origin}/taskpane.html${lang === "en" ? "?lang=en" : ""}`);
    await page.getByRole("heading", { name: w.title }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => {
    expect(offHost).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("with no workbook open, the sample is the primary action and in view; the steps fit 340 px", async () => {
    expect(await page.getByRole("tab").allInnerTexts()).toEqual(w.tabs);
    expect(await inView(page, "[data-testid=sample-shortcut]")).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    await shot(page, `pane-340-${lang}-1-start`);
    expect(await axeAll(page)).toEqual([]);
  });

  test("importing the sample moves focus to the result, in view, and announces it", async () => {
    await page.getByTestId("sample-shortcut").click();
    await page.getByTestId("announcer").getByText(w.imported).waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.activeElement?.id === "result-import");
    expect(await inView(page, "#result-import")).toBe(true);
    await shot(page, `pane-340-${lang}-2-sample`);
    expect(await axeAll(page)).toEqual([]);
  });

  test("a file without 担当府省庁 looks rejected, with the hint to remove it; 次へ is disabled with its reason", async () => {
    await page.getByTestId("file-input").setInputFiles([{ name: "文科省.csv", mimeType: "text/csv", buffer: REJECTED_CSV }]);
    const item = page.locator("li[data-rejected]");
    await item.waitFor({ timeout: 60_000 });
    await item.getByText(w.rejected).waitFor();
    expect(await inView(page, "li[data-rejected]")).toBe(true);
    await shot(page, `pane-340-${lang}-3-rejected`);
    expect(await axeAll(page)).toEqual([]);
    await page.getByRole("tab", { name: w.validateTab }).click();
    await page.getByTestId("next-blocked").getByText(w.nextBlocked).waitFor({ timeout: 60_000 });
    expect(await page.getByRole("button", { name: w.next }).isDisabled()).toBe(true);
    // The error badge on the tab must not push "3. Generate" out of the pane.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    await shot(page, `pane-340-${lang}-4-validate-blocked`);
    expect(await axeAll(page)).toEqual([]);
  });

  test("removing it with ✕ unblocks generation; generating moves focus to the result and announces it", async () => {
    await page.getByRole("tab", { name: w.tabs[0] }).click();
    await page.getByRole("button", { name: w.remove }).click();
    await page.getByRole("tab", { name: w.validateTab }).click();
    await page.getByRole("button", { name: w.next }).click();
    await page.getByRole("button", { name: w.generate }).click();
    await page.getByTestId("announcer").getByText(w.done).waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => document.activeElement?.id === "result-generate");
    expect(await inView(page, "#result-generate")).toBe(true);
    await shot(page, `pane-340-${lang}-5-generated`);
    expect(await axeAll(page)).toEqual([]);
  });

  test("a language chosen in the pane is remembered after a reload", async () => {
    const other = lang === "ja" ? "en" : "ja";
    await page.getByRole("combobox", { name: lang === "ja" ? "表示言語" : "Display language" }).selectOption(other);
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByRole("heading", { name: WORDS[other].title }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(other);
  });
});
