/**
 * `plan-tables build … --previous …`: the 年度比較 sheet, 前年度項番 on 施策一覧, before/after
 * counts on the ministry sheets and the two native charts, read back with SheetJS; last year's
 * generated workbook as the previous edition; decisions kept across regeneration.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCommand } from "../../src/cli/commands/build";
import { processIO, type CliIO } from "../../src/cli/io";
import { compareEditions } from "../../src/domain/compare/compareEditions";
import { buildPlanTable } from "../../src/domain/pipeline";
import { importFiles } from "../../src/importers";
import { buildWorkbookPlan } from "../../src/workbook/buildWorkbookPlan";
import { addComparison } from "../../src/workbook/comparisonSheet";
import { readDecisions } from "../../src/workbook/decisionsSheet";
import { renderXlsx } from "../../src/xlsx/renderXlsx";
import { editionFiles, generateEditions } from "../domain/compare/editionGenerator";
import { readBack, type ReadBack } from "./readBack";

let dir: string;
let err: string[];
const io: CliIO = { ...processIO, stdout: () => undefined, stderr: (t) => void err.push(t) };

const g = generateEditions({ seed: 77 });
const beforeFiles = editionFiles(g.before, "2023年度");
const afterFiles = editionFiles(g.after, "2024年度");

function write(files: { name: string; bytes: Uint8Array }[]): string[] {
  return files.map((f) => {
    const p = join(dir, f.name);
    writeFileSync(p, f.bytes);
    return p;
  });
}

/** The rows of a sheet as arrays (SheetJS), blank cells as "". */
function rows(book: ReadBack, sheet: string): unknown[][] {
  const ws = book.book.Sheets[sheet];
  const ref = ws["!ref"];
  if (!ref) return [];
  const r = XLSXRange(ref);
  const out: unknown[][] = [];
  for (let i = 0; i <= r.rows; i++) {
    const row: unknown[] = [];
    for (let j = 0; j <= r.cols; j++) row.push(book.value(sheet, i, j) ?? "");
    out.push(row);
  }
  return out;
}

function XLSXRange(ref: string): { rows: number; cols: number } {
  const m = /:([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return { rows: 0, cols: 0 };
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return { rows: Number(m[2]) - 1, cols: c - 1 };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "plan-tables-cmp-"));
  err = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("build --previous", () => {
  test("writes 年度比較, 前年度項番, ministry before/after counts and two native charts", async () => {
    const before = write(beforeFiles);
    const after = write(afterFiles);
    const out = join(dir, "2024.xlsx");
    const code = await buildCommand.run([...after, "--previous", ...before, "--out", out], io);
    expect(err.join("")).toBe("");
    expect(code).toBe(0);
    const book = readBack(new Uint8Array(readFileSync(out)));
    const names = book.book.SheetNames;
    expect(names.slice(0, 5)).toEqual([
      "ダッシュボード",
      "施策一覧",
      "年度比較",
      "比較の確認",
      "検証結果",
    ]);

    // 施策一覧: 前年度項番 is the last column, filled from the crosswalk.
    const measures = rows(book, "施策一覧");
    const col = measures[0].indexOf("前年度項番");
    expect(col).toBe(measures[0].length - 1);
    const previousOf = new Map(measures.slice(1).map((r) => [String(r[0]), String(r[col])]));
    for (const [b, a] of g.crosswalk.pairs) expect([a, previousOf.get(a)]).toEqual([a, b]);
    for (const a of g.crosswalk.added) expect([a, previousOf.get(a)]).toEqual([a, ""]);

    // 年度比較: one row per measure of this year and per removed one.
    const sheet = rows(book, "年度比較");
    expect(sheet[0][0]).toBe("年度比較(2023年度 → 2024年度)");
    const top = sheet.findIndex((r) => r[0] === "前年度項番" && r[1] === "今年度項番");
    const table = sheet.slice(top + 1).filter((r) => r[0] !== "" || r[1] !== "");
    expect(table).toHaveLength(g.after.rows.length + g.crosswalk.removed.length);
    expect(sheet[top]).toEqual([
      "前年度項番",
      "今年度項番",
      "担当府省庁(前年度)",
      "担当府省庁(今年度)",
      "変化",
      "一致度",
      "要確認",
      "施策一覧へ",
    ]);
    const removedRows = table.filter((r) => r[1] === "");
    expect(removedRows.map((r) => [r[0], r[4]]).sort()).toEqual(
      g.crosswalk.removed
        .map((r) => [
          r.id,
          r.declaredEnded ? "終了(前年度に明記)" : "記載なし(前年度に終了の明記なし)",
        ])
        .sort()
    );
    // Every row of this year links to its row on 施策一覧.
    const link = book.cell("年度比較", top + 1, 7);
    expect(link?.l?.Target).toBe("#'施策一覧'!A2");

    // The status-per-year table: two fiscal years, counts of measures not reposted.
    const statusRow = sheet.findIndex((r) => r[0] === "年度");
    expect(sheet[statusRow + 1][0]).toBe("2023年度");
    expect(sheet[statusRow + 2][0]).toBe("2024年度");
    const sum = (r: unknown[]) => r.slice(1, 6).reduce((s: number, v) => s + Number(v), 0);
    expect(sum(sheet[statusRow + 1])).toBe(g.before.rows.length);
    expect(sum(sheet[statusRow + 2])).toBe(g.after.rows.length);

    // Charts: a stacked column chart (status × year) and a stacked bar chart (per ministry) on 年度比較.
    const drawingRels = book.text(
      book.sheetPath("年度比較").replace("worksheets/", "worksheets/_rels/") + ".rels"
    );
    const drawing = /Target="\.\.\/drawings\/([^"]+)"/.exec(drawingRels)![1];
    const charts = [
      ...book.text(`xl/drawings/_rels/${drawing}.rels`).matchAll(/Target="\.\.\/charts\/([^"]+)"/g),
    ].map((m) => book.text(`xl/charts/${m[1]}`));
    expect(charts).toHaveLength(2);
    expect(charts[0]).toContain('<c:barDir val="col"/><c:grouping val="stacked"/>');
    expect(charts[0]).toContain("年度別の施策数");
    expect(charts[1]).toContain('<c:barDir val="bar"/><c:grouping val="stacked"/>');

    // A ministry sheet: before/after counts beside its chart.
    const ministry = names.find((n) => n === "総務省") ?? names[names.length - 1];
    const block = rows(book, ministry)
      .slice(2, 10)
      .map((r) => [r[5], r[6]]);
    expect(block[0][0]).toBe("前年度との比較");
    expect(block.map((r) => r[0])).toEqual([
      "前年度との比較",
      "2023年度の施策",
      "2024年度の施策",
      "継続",
      "新規",
      "前年度のみ",
      "移管(受入)",
      "移管(移出)",
    ]);
    const owned = (rs: typeof g.before.rows) =>
      rs.filter((r) => r.owners.includes(ministry)).length;
    expect(block[1][1]).toBe(owned(g.before.rows));
    expect(block[2][1]).toBe(owned(g.after.rows));
  });

  test("last year's generated workbook is itself a previous edition: same crosswalk as from its CSV files", async () => {
    const before = write(beforeFiles);
    const after = write(afterFiles);
    const lastYear = join(dir, "2023.xlsx");
    expect(await buildCommand.run([...before, "--out", lastYear], io)).toBe(0);
    const fromCsv = join(dir, "from-csv.xlsx");
    const fromBook = join(dir, "from-book.xlsx");
    await buildCommand.run([...after, "--previous", ...before, "--out", fromCsv], io);
    await buildCommand.run([...after, "--previous", lastYear, "--out", fromBook], io);
    expect(err.join("")).toBe("");
    const previousIds = (p: string) =>
      rows(readBack(new Uint8Array(readFileSync(p))), "施策一覧").map((r) => r[r.length - 1]);
    expect(previousIds(fromBook)).toEqual(previousIds(fromCsv));
    expect(previousIds(fromBook)[0]).toBe("前年度項番");
    expect(
      previousIds(fromBook)
        .slice(1)
        .filter((v) => v !== "").length
    ).toBe(g.crosswalk.pairs.length);
  });

  test("regeneration keeps a person's decisions: an unlinked pair stays unlinked, a confirmed one stays", async () => {
    const before = write(beforeFiles);
    const after = write(afterFiles);
    const current = buildPlanTable(await importFiles(afterFiles));
    const previous = buildPlanTable(await importFiles(beforeFiles));
    const [unlink, confirm] = g.crosswalk.pairs;
    const decisions = [
      { before: unlink[0], after: unlink[1], decision: "unlink" as const },
      { before: confirm[0], after: confirm[1], decision: "confirm" as const },
    ];
    const comparison = compareEditions(previous.measures, current.measures, { decisions });
    const plan = addComparison(buildWorkbookPlan(current, { lang: "ja" }), {
      current,
      previous,
      comparison,
      decisions,
    });
    const out = join(dir, "2024.xlsx");
    writeFileSync(out, await renderXlsx(plan));
    // Regenerate over it, as an official does after adding a ministry's late file.
    expect(await buildCommand.run([...after, "--previous", ...before, "--out", out], io)).toBe(0);
    const book = readBack(new Uint8Array(readFileSync(out)));
    expect(readDecisions(rows(book, "比較の確認"))).toEqual(decisions);
    const measures = rows(book, "施策一覧");
    const prev = new Map(measures.slice(1).map((r) => [String(r[0]), String(r[r.length - 1])]));
    expect(prev.get(unlink[1])).toBe("");
    expect(prev.get(confirm[1])).toBe(confirm[0]);
    const sheet = rows(book, "年度比較");
    expect(sheet.find((r) => r[1] === confirm[1])?.[4]).toMatch(/確認済み$/u);
  });
});
