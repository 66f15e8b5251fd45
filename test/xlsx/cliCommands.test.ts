/**
 * `plan-tables build` and `plan-tables template`, run through their command objects on real
 * files in a temporary folder, read back with SheetJS.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import Papa from "papaparse";
import { buildCommand } from "../../src/cli/commands/build";
import { templateCommand } from "../../src/cli/commands/template";
import { processIO, type CliIO } from "../../src/cli/io";
import { readGeneratedSheetKeys } from "../../src/xlsx/generatedMarker";
import { readBack } from "./readBack";

const TABLES = join(__dirname, "..", "fixtures", "tables");
let dir: string;
let out: string[];
let err: string[];
const io: CliIO = {
  ...processIO,
  stdout: (t) => void out.push(t),
  stderr: (t) => void err.push(t),
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "plan-tables-c-"));
  out = [];
  err = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Row values of the dashboard's ministry × status table, by ministry name. */
function dashboardRow(book: ReturnType<typeof readBack>, name: string): unknown[] {
  const ws = book.book.Sheets["ダッシュボード"];
  for (let r = 0; r < 200; r++) {
    if (
      book.value("ダッシュボード", r, 0) === name &&
      typeof book.value("ダッシュボード", r, 1) === "number"
    )
      return Array.from({ length: 7 }, (_, c) => book.value("ダッシュボード", r, c));
  }
  throw new Error(`no row for ${name} in ${ws["!ref"]}`);
}

function summaryTotal(summary: { ministries: { measures: number }[] }): number {
  return summary.ministries.reduce((n, m) => n + m.measures, 0);
}

/** The dashboard's 進捗区分 × 施策数 block: counted measures per status. */
function statusBlock(book: ReturnType<typeof readBack>): Record<string, unknown> {
  for (let r = 0; r < 100; r++)
    if (
      book.value("ダッシュボード", r, 0) === "進捗区分" &&
      book.value("ダッシュボード", r, 1) === "施策数"
    )
      return Object.fromEntries(
        Array.from({ length: 5 }, (_, i) => [
          book.value("ダッシュボード", r + 1 + i, 0),
          book.value("ダッシュボード", r + 1 + i, 1),
        ])
      );
  throw new Error("no status block");
}

describe("plan-tables build", () => {
  it("turns a Shift_JIS plan table into a workbook whose dashboard and ministry sheets show the counts", async () => {
    const book = join(dir, "book.xlsx");
    const json = join(dir, "summary.json");
    const code = await buildCommand.run(
      [join(TABLES, "cs2024-combined-sjis.csv"), "--out", book, "--summary-json", json],
      io
    );
    expect(err.join("")).toBe("");
    expect(code).toBe(0); // warnings only
    expect(out.join("")).toContain("book.xlsx を作成しました(施策 9 件(うち再掲 1 件)、府省庁 8");
    const rb = readBack(new Uint8Array(readFileSync(book)));
    expect(rb.book.SheetNames.slice(0, 3)).toEqual(["ダッシュボード", "施策一覧", "検証結果"]);
    // 総務省: 4 counted measures in the 2024 report's page 18 table.
    expect(dashboardRow(rb, "総務省")[6]).toBe(4);
    expect(statusBlock(rb)).toEqual({ 継続: 4, 拡充: 1, 新規: 1, 終了: 1, 未報告: 1 });
    // The ministry table's total row sums its rows: a shared measure counts once per owner.
    const total = dashboardRow(rb, "合計");
    expect(total[6]).toBe(summaryTotal(JSON.parse(readFileSync(json, "utf8"))));
    expect(rb.book.SheetNames).toContain("総務省");
    expect(rb.value("総務省", 3, 1)).toBe(4);
    // The summary JSON agrees with the workbook.
    const summary = JSON.parse(readFileSync(json, "utf8"));
    expect(summary.measures).toBe(9);
    expect(summary.status).toEqual({ continuing: 4, expanded: 1, new: 1, ended: 1, unreported: 1 });
    expect(summary.ministries.find((m: { name: string }) => m.name === "総務省").measures).toBe(4);
    // Problems are listed on 検証結果.
    expect(rb.value("検証結果", 1, 0)).toBe("警告");
    expect(readdirSync(dir).sort()).toEqual(["book.xlsx", "summary.json"]); // no temporary file left
  });

  it("a missing required column writes nothing and exits 1, leaving an existing file as it was", async () => {
    const book = join(dir, "book.xlsx");
    writeFileSync(book, "previous workbook");
    const code = await buildCommand.run(
      [join(TABLES, "missing-owner-column-sjis.csv"), "--out", book],
      io
    );
    expect(code).toBe(1);
    expect(err.join("")).toContain("必須の列がないため");
    expect(err.join("")).toContain("missing-owner-column-sjis.csv");
    expect(readFileSync(book, "utf8")).toBe("previous workbook");
    expect(readdirSync(dir)).toEqual(["book.xlsx"]);
  });

  it("an unreadable input writes nothing and exits 2", async () => {
    const book = join(dir, "book.xlsx");
    const code = await buildCommand.run([join(dir, "nowhere.csv"), "--out", book], io);
    expect(code).toBe(2);
    expect(existsSync(book)).toBe(false);
  });

  it("formula-like cells of a CSV stay text in the workbook", async () => {
    const book = join(dir, "f.xlsx");
    await buildCommand.run([join(TABLES, "formula-like.csv"), "--out", book, "--lang", "en"], io);
    const rb = readBack(new Uint8Array(readFileSync(book)));
    const cells = Object.values(rb.book.Sheets["Measures"]).filter(
      (c) => typeof c === "object" && c && "v" in c
    );
    for (const text of ["=SUM(A1)", "-1"]) {
      const cell = cells.find((c) => (c as { v: unknown }).v === text) as
        { t: string; f?: string } | undefined;
      expect(cell).toBeDefined();
      expect(cell!.t).toBe("s");
      expect(cell!.f).toBeUndefined();
    }
  });

  it("rejects a missing --out and an unknown --lang with exit 2", async () => {
    expect(await buildCommand.run([join(TABLES, "formula-like.csv")], io)).toBe(2);
    expect(
      await buildCommand.run(
        [join(TABLES, "formula-like.csv"), "--out", join(dir, "x.xlsx"), "--lang", "fr"],
        io
      )
    ).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("plan-tables template", () => {
  it("writes the input sheet with the recognised headers and dropdowns, marked as the user's own", async () => {
    const path = join(dir, "template.xlsx");
    expect(await templateCommand.run(["--out", path], io)).toBe(0);
    const bytes = new Uint8Array(readFileSync(path));
    const rb = readBack(bytes);
    expect(rb.book.SheetNames).toEqual(["入力", "記入方法", "リスト"]);
    expect(Array.from({ length: 10 }, (_, c) => rb.value("入力", 0, c))).toEqual([
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
    const xml = rb.text(rb.sheetPath("入力"));
    expect(xml).toContain("<formula1>&apos;リスト&apos;!$A$2:$A$");
    expect(xml).toContain("<formula1>&quot;継続,拡充,新規,終了,未報告&quot;</formula1>");
    expect(rb.text("xl/workbook.xml")).toMatch(/<sheet name="リスト"[^>]*state="hidden"/);
    expect(readGeneratedSheetKeys(bytes).size).toBe(0);
  });

  it("filled in with rows of the 2024 report, is accepted back by build", async () => {
    const template = join(dir, "template.xlsx");
    await templateCommand.run(["--out", template], io);
    const csv = Papa.parse<string[]>(
      readFileSync(join(TABLES, "cs2024-template-utf8.csv"), "utf8"),
      { skipEmptyLines: true }
    ).data;
    // The official fills 入力 and saves (SheetJS standing in for the spreadsheet program).
    const wb = XLSX.read(readFileSync(template), { type: "buffer" });
    XLSX.utils.sheet_add_aoa(wb.Sheets["入力"], csv.slice(1), { origin: "A2" });
    const filled = join(dir, "filled.xlsx");
    writeFileSync(filled, XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer);

    const book = join(dir, "book.xlsx");
    const code = await buildCommand.run([filled, "--out", book], io);
    expect(err.join("")).toBe("");
    expect(code).toBe(0);
    const rb = readBack(new Uint8Array(readFileSync(book)));
    expect(statusBlock(rb)).toEqual({ 継続: 2, 拡充: 1, 新規: 1, 終了: 1, 未報告: 0 });
    expect(dashboardRow(rb, "総務省")[6]).toBe(2);
    expect(rb.value("施策一覧", 1, 4)).toBe("個人情報保護委員会");
  });
});
