/**
 * 前年度と比較 in the browser preview (no Excel): this year's table is imported, last year's file
 * is added on the step, the pairs are reviewed lowest score first, one is confirmed and one
 * unlinked, and the downloaded workbook carries the 年度比較 sheet and the decisions (比較の確認).
 */
import * as fs from "node:fs";
import * as XLSX from "@e965/xlsx";
import type { Browser, Page } from "playwright-core";
import {
  axeViolations,
  launch,
  screenshot,
  serve,
  watchErrors,
  watchNetwork,
} from "./support/harness";

const HEADINGS = [
  "2 国民が安全で安心して暮らせるデジタル社会の実現",
  "2.1 国民・社会を守るためのサイバーセキュリティ環境の提供",
  "(1) 安全・安心なサイバー空間の利用環境の構築",
];

function csv(years: [number, number], rows: string[][]): Buffer {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const header = [
    "章",
    "節",
    "項",
    "項番",
    "担当府省庁",
    `${years[0]}年度年次計画`,
    "成果・進捗状況",
    `${years[1]}年度年次計画`,
  ];
  const lines = rows.map((r, i) =>
    [...(i === 0 ? HEADINGS : ["", "", ""]), ...r].map(quote).join(",")
  );
  return Buffer.from([header.join(","), ...lines].join("\r\n") + "\r\n", "utf8");
}

/** Last year's edition (2023/2024): what each ministry planned for 2024 is the last column. */
const LAST_YEAR = csv(
  [2023, 2024],
  [
    [
      "(ア)",
      "個人情報保護委員会",
      "個人情報保護委員会において、個人情報等の適正な取扱いが確保されるよう必要な助言等を行う。",
      "・各行政機関等からの照会への対応や研修の講師派遣等を通じて助言等を行った。",
      "・引き続き、個人情報等の適正な取扱いが確保されるよう必要な助言等を行う。",
    ],
    [
      "(イ)",
      "総務省",
      "総務省において、C&C サーバの検知に関する技術実証を行う。",
      "・計画に基づき、フロー情報分析を用いた技術実証を行った。",
      "・本実証は2023年度をもって終了する。",
    ],
    [
      "(ウ)",
      "総務省",
      "総務省において、悪性ウェブサイトの検知に関する実証を行う。",
      "・計画に基づき、フィッシングサイトの検知結果を共有した。",
      "・引き続き、フィッシングサイト等の悪性ウェブサイトの検知及びその検知結果の共有に関する実証を行う。",
    ],
    [
      "(エ)",
      "警察庁",
      "警察庁において、サイバー犯罪の捜査能力を強化する。",
      "・全国の捜査員を対象とした研修を実施した。",
      "・引き続き、サイバー犯罪の捜査能力の強化のため、全国の捜査員に対する研修を実施する。",
    ],
    [
      "(オ)",
      "経済産業省",
      "経済産業省において、中小企業のサイバーセキュリティ対策を支援する。",
      "・サイバーセキュリティお助け隊サービスの普及を図った。",
      "・引き続き、中小企業向けのサイバーセキュリティお助け隊サービスの普及を推進する。",
    ],
    [
      "(カ)",
      "文部科学省",
      "文部科学省において、教育情報セキュリティポリシーに関するガイドラインを周知する。",
      "・ガイドラインの説明会を開催した。",
      "・引き続き、教育情報セキュリティポリシーに関するガイドラインの改訂を検討する。",
    ],
    [
      "(キ)",
      "デジタル庁",
      "デジタル庁において、政府情報システムのセキュリティ評価を行う。",
      "・評価の手順を整備した。",
      "・引き続き、政府情報システムのセキュリティ評価を実施する。",
    ],
  ]
);

/**
 * This year's edition (2024/2025): (イ) 総務省's ended measure is gone (declared), (オ) 経済産業省's
 * is gone without a word, the others moved up one label, 文部科学省's plan was reworded and
 * 内閣官房's measure is new.
 */
const THIS_YEAR = csv(
  [2024, 2025],
  [
    [
      "(ア)",
      "個人情報保護委員会",
      "個人情報保護委員会において、引き続き、個人情報等の適正な取扱いが確保されるよう必要な助言等を行う。",
      "・計画に基づき、Q&Aの更新等を通じて助言等を行った。",
      "・引き続き、必要な助言等を行う。",
    ],
    [
      "(イ)",
      "総務省",
      "総務省において、引き続き、フィッシングサイト等の悪性ウェブサイトの検知及びその検知結果の共有に関する実証を行う。",
      "・計画に基づき、実証を行った。",
      "・引き続き、実証を行う。",
    ],
    [
      "(ウ)",
      "警察庁",
      "警察庁において、サイバー犯罪の捜査能力の強化のため、全国の捜査員に対する研修を実施する。",
      "・計画に基づき、研修を実施した。",
      "・引き続き、研修を実施する。",
    ],
    [
      "(エ)",
      "文部科学省",
      "文部科学省において、学校現場の実態を踏まえ、教育情報セキュリティポリシーに関するガイドラインを改訂し、周知する。",
      "・計画に基づき、ガイドラインを改訂した。",
      "・改訂したガイドラインを周知する。",
    ],
    [
      "(オ)",
      "デジタル庁",
      "デジタル庁において、引き続き、政府情報システムのセキュリティ評価を実施する。",
      "・計画に基づき、評価を実施した。",
      "・引き続き、評価を実施する。",
    ],
    [
      "(カ)",
      "内閣官房",
      "内閣官房において、サイバー安全保障分野での対応能力の向上に向けた体制を整備する。",
      "・計画に基づき、体制の整備を進めた。",
      "・引き続き、体制を整備する。",
    ],
  ]
);

describe("browser preview: 前年度と比較", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;
  let page: Page;
  let offHost: string[];
  let errors: string[];

  beforeAll(async () => {
    server = await serve();
    browser = await launch();
    const context = await browser.newContext({
      viewport: { width: 340, height: 800 },
      acceptDownloads: true,
      locale: "ja-JP",
    });
    page = await context.newPage();
    offHost = watchNetwork(page, server.origin);
    errors = watchErrors(page);
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

  test("last year's file is matched with this year's; decisions reach the downloaded workbook", async () => {
    await page
      .getByTestId("file-input")
      .setInputFiles({ name: "2024年度_施策表.csv", mimeType: "text/csv", buffer: THIS_YEAR });
    await page
      .getByRole("list", { name: "取り込んだデータ" })
      .getByText("2024年度_施策表.csv")
      .waitFor({ timeout: 60000 });

    await page.getByRole("tab", { name: /前年度と比較/ }).click();
    await page.getByRole("heading", { name: "前年度と比較" }).waitFor();
    await page
      .getByTestId("previous-file-input")
      .setInputFiles({ name: "2023年度_施策表.csv", mimeType: "text/csv", buffer: LAST_YEAR });
    await page
      .getByText("前年度(2023/2024)の施策 7 件を読み込みました。")
      .waitFor({ timeout: 60000 });
    expect(await page.getByTestId("compare-summary").innerText()).toBe(
      "継続 5 件、新規 1 件、前年度のみ 2 件、要確認 0 件"
    );

    // Every pair is listed, lowest score first: the reworded 文部科学省 measure leads.
    const items = page.getByTestId("review-list").getByRole("listitem");
    const listed = await items.allInnerTexts();
    expect(listed.map((t) => t.split("\n")[0].replace(/ 一致度.*$/, ""))).toEqual([
      "対応 2.1(1)(カ) → 2.1(1)(エ)",
      expect.stringMatching(/^対応 2\.1\(1\)\((ウ|エ|キ)\) → 2\.1\(1\)\((イ|ウ|オ)\)$/),
      expect.stringMatching(/^対応 2\.1\(1\)\((ウ|エ|キ)\) → 2\.1\(1\)\((イ|ウ|オ)\)$/),
      expect.stringMatching(/^対応 2\.1\(1\)\((ウ|エ|キ)\) → 2\.1\(1\)\((イ|ウ|オ)\)$/),
      "対応 2.1(1)(ア) → 2.1(1)(ア)",
    ]);
    const scores = listed.map((t) => Number(/一致度 (\d\.\d\d)/.exec(t)![1]));
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(scores[0]).toBeLessThan(scores[1]);
    expect(listed[0]).toMatch(/\(項番・文言\)/);
    expect(listed[0]).toContain(
      "前年度: 文部科学省 ・引き続き、教育情報セキュリティポリシーに関するガイドラインの改訂を検討する。"
    );
    // Neither ended measure is offered as a pair.
    expect(listed.join("\n")).not.toMatch(/2\.1\(1\)\((イ|オ)\) →/);
    await screenshot(page, "compare-1-review");
    expect(await axeViolations(page)).toEqual([]);

    // The official confirms the reworded pair and unlinks デジタル庁's (a different evaluation now).
    await page.getByRole("button", { name: "確認 2.1(1)(カ) → 2.1(1)(エ)" }).click();
    await page.getByRole("button", { name: "対応を解除 2.1(1)(キ) → 2.1(1)(オ)" }).click();
    const decided = page.getByTestId("decision-list").getByRole("listitem");
    await expect(decided.allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^確認: 2\.1\(1\)\(カ\) → 2\.1\(1\)\(エ\)/),
      expect.stringMatching(/^対応解除: 2\.1\(1\)\(キ\) → 2\.1\(1\)\(オ\)/),
    ]);
    await expect(page.getByTestId("compare-summary").innerText()).resolves.toBe(
      "継続 4 件、新規 2 件、前年度のみ 3 件、要確認 0 件"
    );
    // The unlinked measures are now offered for linking by hand.
    await page
      .getByRole("combobox", { name: "前年度のみの施策" })
      .locator("option", { hasText: "2.1(1)(キ) デジタル庁" })
      .waitFor({ state: "attached" });
    await page
      .getByRole("combobox", { name: "今年度の新規の施策" })
      .locator("option", { hasText: "2.1(1)(オ) デジタル庁" })
      .waitFor({ state: "attached" });
    await screenshot(page, "compare-2-decisions");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("tab", { name: /集計/ }).click();
    await page.getByRole("button", { name: "集計シートを作成" }).click();
    await page.getByTestId("generate-summary").waitFor({ timeout: 120000 });
    await screenshot(page, "compare-3-generated");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "ブックをダウンロード (.xlsx)" }).click(),
    ]);
    const wb = XLSX.read(fs.readFileSync((await download.path())!), { type: "buffer" });
    expect(wb.SheetNames).toEqual(expect.arrayContaining(["施策一覧", "年度比較", "比較の確認"]));
    const grid = (name: string) =>
      XLSX.utils
        .sheet_to_json<string[]>(wb.Sheets[name], { header: 1, defval: "" })
        .map((r) => r.map(String));
    const comparison = grid("年度比較");
    expect(comparison[0][0]).toBe("年度比較(2023年度 → 2024年度)");
    expect(comparison[1][0]).toBe(
      "継続 4 件、新規 2 件、前年度のみ 3 件(うち終了と明記 1 件)、要確認 0 件"
    );
    // The per-ministry counts, in 建制順.
    const byMinistry = comparison.findIndex((r) => r[0] === "府省庁" && r[1] === "継続");
    expect(comparison.slice(byMinistry, byMinistry + 8).map((r) => r.slice(0, 4))).toEqual([
      ["府省庁", "継続", "新規", "前年度のみ"],
      ["内閣官房", "0", "1", "0"],
      ["警察庁", "1", "0", "0"],
      ["個人情報保護委員会", "1", "0", "0"],
      ["デジタル庁", "0", "1", "1"],
      ["総務省", "1", "0", "1"],
      ["文部科学省", "1", "0", "0"],
      ["経済産業省", "0", "0", "1"],
    ]);
    // One row per measure of this year, then last year's alone: the decisions are applied.
    const top = comparison.findIndex((r) => r[0] === "前年度項番");
    expect(comparison[top]).toEqual([
      "前年度項番",
      "今年度項番",
      "担当府省庁(前年度)",
      "担当府省庁(今年度)",
      "変化",
      "一致度",
      "要確認",
      "施策一覧へ",
    ]);
    expect(comparison.slice(top + 1).map((r) => r.slice(0, 5))).toEqual([
      ["2.1(1)(ア)", "2.1(1)(ア)", "個人情報保護委員会", "個人情報保護委員会", "継続(変更なし)"],
      ["2.1(1)(ウ)", "2.1(1)(イ)", "総務省", "総務省", "継続(項番の変更)"],
      ["2.1(1)(エ)", "2.1(1)(ウ)", "警察庁", "警察庁", "継続(項番の変更)"],
      ["2.1(1)(カ)", "2.1(1)(エ)", "文部科学省", "文部科学省", "継続(項番・文言の変更) 確認済み"],
      ["", "2.1(1)(オ)", "", "デジタル庁", "新規"],
      ["", "2.1(1)(カ)", "", "内閣官房", "新規"],
      ["2.1(1)(イ)", "", "総務省", "", "終了(前年度に明記)"],
      ["2.1(1)(オ)", "", "経済産業省", "", "記載なし(前年度に終了の明記なし)"],
      ["2.1(1)(キ)", "", "デジタル庁", "", "記載なし(前年度に終了の明記なし)"],
    ]);
    // The score shown on the step is the one written (the step rounds to two places).
    expect(Number(comparison[top + 4][5]).toFixed(2)).toBe(scores[0].toFixed(2));
    // The decisions, kept on their own sheet so that regenerating applies them again.
    expect(grid("比較の確認")).toEqual([
      ["前年度項番", "今年度項番", "判断"],
      ["2.1(1)(カ)", "2.1(1)(エ)", "確認"],
      ["2.1(1)(キ)", "2.1(1)(オ)", "対応解除"],
    ]);
  });
});
