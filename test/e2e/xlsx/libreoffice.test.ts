/**
 * The produced workbooks opened by a real spreadsheet program: LibreOffice headless converts
 * every sheet to CSV (numbers and text as Calc sees them) and the workbook to PDF (Japanese text
 * and charts drawn). Pages are kept as PNG under artifacts/xlsx/ for a person to look at.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildCommand } from "../../../src/cli/commands/build";
import { templateCommand } from "../../../src/cli/commands/template";
import { processIO, type CliIO } from "../../../src/cli/io";
import { STATUS_COLORS } from "../../../src/workbook/statusColors";
import { countColour, pdfPages, pdfText, toCsvSheets, toPdf, toPng } from "./libreoffice";

/** "#1D4ED8" → [29, 78, 216] */
const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
import { userWorkbook } from "../../xlsx/userWorkbook";
import { editionFiles, generateEditions } from "../../domain/compare/editionGenerator";

const ROOT = join(__dirname, "..", "..", "..");
const TABLES = join(ROOT, "test", "fixtures", "tables");
const ART = join(ROOT, "artifacts", "xlsx");
const quiet: CliIO = {
  ...processIO,
  stdout: () => undefined,
  stderr: (t) => void process.stderr.write(t),
};

interface Summary {
  measures: number;
  status: Record<string, number>;
  ministries: { name: string; measures: number; status: Record<string, number> }[];
}

beforeAll(() => {
  execFileSync("soffice", ["--version"], { stdio: "pipe" }); // fails the suite clearly when LibreOffice is absent
  rmSync(ART, { recursive: true, force: true });
  mkdirSync(ART, { recursive: true });
});

describe("a workbook built from a Shift_JIS plan table, in LibreOffice", () => {
  const book = join(ART, "book.xlsx");
  let summary: Summary;
  let sheets: Map<string, string[][]>;
  let pdf: string;

  beforeAll(async () => {
    const code = await buildCommand.run(
      [
        join(TABLES, "cs2024-combined-sjis.csv"),
        "--out",
        book,
        "--summary-json",
        join(ART, "book-summary.json"),
      ],
      quiet
    );
    expect(code).toBe(0);
    summary = JSON.parse(readFileSync(join(ART, "book-summary.json"), "utf8"));
    sheets = toCsvSheets(book, join(ART, "csv"));
    pdf = toPdf(book, ART);
    toPng(pdf, join(ART, "book-page"));
  });

  it("has every sheet, and 施策一覧 has one row per imported measure", () => {
    expect([...sheets.keys()]).toEqual(
      expect.arrayContaining(["ダッシュボード", "施策一覧", "検証結果", "総務省", "経済産業省"])
    );
    const rows = sheets.get("施策一覧")!.filter((r) => r.some((c) => c !== ""));
    expect(rows[0].slice(0, 5)).toEqual(["項番", "章", "節", "項", "担当府省庁"]);
    expect(rows.length - 1).toBe(summary.measures);
  });

  it("the dashboard's numbers, as Calc reads them, are the summary's", () => {
    const d = sheets.get("ダッシュボード")!;
    const statusHeader = d.findIndex((r) => r[0] === "進捗区分" && r[1] === "施策数");
    const statusRows = d.slice(statusHeader + 1, statusHeader + 6).map((r) => [r[0], Number(r[1])]);
    expect(statusRows).toEqual([
      ["継続", summary.status.continuing],
      ["拡充", summary.status.expanded],
      ["新規", summary.status.new],
      ["終了", summary.status.ended],
      ["未報告", summary.status.unreported],
    ]);
    for (const m of summary.ministries) {
      const row = d.find((r) => r[0] === m.name && /^\d+$/.test(r[1]));
      expect(row && row.slice(1, 7).map(Number)).toEqual([
        m.status.continuing,
        m.status.expanded,
        m.status.new,
        m.status.ended,
        m.status.unreported,
        m.measures,
      ]);
    }
  });

  it("a ministry sheet shows its count and lists its measures", () => {
    const soumu = summary.ministries.find((m) => m.name === "総務省")!;
    const s = sheets.get("総務省")!;
    expect(s[3].slice(0, 2)).toEqual(["施策数", String(soumu.measures)]);
    expect(s.filter((r) => /^\d\.\d\(\d\)\(.\)/.test(r[0])).length).toBeGreaterThanOrEqual(
      soumu.measures
    );
  });

  it("the PDF carries the Japanese titles, chart titles and ministry names", () => {
    const text = pdfText(pdf).replace(/\s+/g, "");
    for (const s of [
      "2023年度の施策の実施状況及び2024年度年次計画",
      "府省庁別の進捗区分",
      "進捗区分の構成",
      "章別の施策数",
      "総務省の施策",
      "個人情報保護委員会",
    ])
      expect(text).toContain(s);
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(3 + summary.ministries.length);
  });

  it("the dashboard page has the charts drawn in the status colours", () => {
    // 継続 blue and 拡充 green (the plan's colours, statusColors.ts) fill bars and slices; nothing
    // else on the page uses them.
    expect(countColour(pdf, 1, rgb(STATUS_COLORS.continuing))).toBeGreaterThan(300);
    expect(countColour(pdf, 1, rgb(STATUS_COLORS.expanded))).toBeGreaterThan(50);
  });
});

describe("formula-like text, in LibreOffice", () => {
  it("stays the text it was: no formula is evaluated", async () => {
    const book = join(ART, "formula-like.xlsx");
    expect(await buildCommand.run([join(TABLES, "formula-like.csv"), "--out", book], quiet)).toBe(
      0
    );
    const rows = toCsvSheets(book, join(ART, "csv")).get("施策一覧")!;
    const cells = rows.flat();
    for (const text of ["=SUM(A1)", "-1", "+81-3-1234-5678", "@x"]) expect(cells).toContain(text);
  });
});

describe("the template, in LibreOffice", () => {
  it("shows the input headers and the instructions", async () => {
    const path = join(ART, "template.xlsx");
    expect(await templateCommand.run(["--out", path], quiet)).toBe(0);
    const sheets = toCsvSheets(path, join(ART, "csv"));
    expect(sheets.get("入力")![0]).toEqual([
      "章",
      "節",
      "項",
      "項番",
      "担当府省庁",
      "年次計画",
      "成果・進捗状況",
      "次年度年次計画",
      "進捗区分",
      "備考",
    ]);
    expect(sheets.get("リスト")!.flat()).toContain("国土交通省");
    const pdf = toPdf(path, ART);
    toPng(pdf, join(ART, "template-page"));
    expect(pdfText(pdf).replace(/\s+/g, "")).toContain("担当府省庁は一覧から選べます");
  });
});

describe("our sheets added to a user's workbook (chart, pivot table, comment, link, hidden sheet), in LibreOffice", () => {
  it.each(["xlsx", "xlsm"])("opens the .%s with the user's sheets and ours", async (ext) => {
    const base = join(ART, `users.${ext}`);
    writeFileSync(base, userWorkbook(ext === "xlsm"));
    expect(
      await buildCommand.run([join(TABLES, "cs2024-combined-sjis.csv"), "--into", base], quiet)
    ).toBe(0);
    const book = join(ART, `users.plan-tables.${ext}`);
    const sheets = toCsvSheets(book, join(ART, `csv-users-${ext}`));
    expect(sheets.get("入力")!.slice(0, 4)).toEqual([
      ["項番", "担当府省庁", "件数"],
      ["(ア)", "内閣官房", "3"],
      ["(イ)", "総務省", "5"],
      ["(ウ)", "経済産業省", "2"],
    ]);
    expect(sheets.get("集計")!.flat()).toContain("合計 / 件数");
    expect([...sheets.keys()]).toEqual(
      expect.arrayContaining(["ダッシュボード", "施策一覧", "検証結果", "総務省"])
    );
    const pdf = toPdf(book, join(ART, `users-${ext}`));
    toPng(pdf, join(ART, `users-${ext}-page`));
    const text = pdfText(pdf).replace(/\s+/g, "");
    expect(text).toContain("府省庁別の進捗区分");
    expect(text).toContain("経済産業省");
  });
});

describe("a workbook built with last year's edition (build --previous), in LibreOffice", () => {
  const dir = join(ART, "previous");
  const book = join(dir, "book.xlsx");
  let sheets: Map<string, string[][]>;
  let pdf: string;
  let g: ReturnType<typeof generateEditions>;

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    // Two generated editions with a known crosswalk (renumbered, reworded, moved, ended, dropped,
    // new), each written as a UTF-8 and a Shift_JIS CSV, as ministries send them.
    g = generateEditions({ seed: 7, measures: 30, added: 4 });
    const write = (files: { name: string; bytes: Uint8Array }[]) =>
      files.map((f) => {
        const path = join(dir, f.name);
        writeFileSync(path, f.bytes);
        return path;
      });
    const after = write(editionFiles(g.after, "今年度"));
    const before = write(editionFiles(g.before, "前年度"));
    const code = await buildCommand.run([...after, "--previous", ...before, "--out", book], quiet);
    expect(code).toBeLessThanOrEqual(1);
    sheets = toCsvSheets(book, join(dir, "csv"));
    pdf = toPdf(book, dir);
    toPng(pdf, join(dir, "page"));
  });

  it("Calc reads 年度比較 with one row per measure of this year and per removed one", () => {
    const s = sheets.get("年度比較");
    expect(s).toBeDefined();
    const text = s!.map((r) => r.join(",")).join("\n");
    expect(text).toContain(`${g.before.fiscalYears.plan}`);
    expect(text).toContain(`${g.after.fiscalYears.plan}`);
    const ids = s!.flat().filter((c) => /^\d\.\d\(\d\)\(.\)$/u.test(c));
    // Every measure of this year appears (as current 項番), every removed one (as previous 項番).
    expect(ids.length).toBeGreaterThanOrEqual(g.after.rows.length + g.crosswalk.removed.length);
  });

  it("施策一覧 gains 前年度項番, and the comparison page is drawn with its charts' titles", () => {
    expect(sheets.get("施策一覧")![0]).toContain("前年度項番");
    const text = pdfText(pdf).replace(/\s+/g, "");
    expect(text).toContain("年度比較");
    // Stacked columns per fiscal year are coloured by status, as on the dashboard.
    const pages = pdfPages(pdf);
    let continuing = 0;
    for (let p = 1; p <= pages; p++) continuing += countColour(pdf, p, rgb(STATUS_COLORS.continuing));
    expect(continuing).toBeGreaterThan(300);
  });
});
