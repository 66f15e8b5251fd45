import { STATUSES } from "../../src/domain/model";
import { buildWorkbookPlan } from "../../src/workbook/buildWorkbookPlan";
import { ministrySheetKey } from "../../src/workbook/dashboardSheet";
import { MEASURE_COLUMNS, measureColumn } from "../../src/workbook/measuresSheet";
import type { CellValue, SheetPlan, WorkbookPlan } from "../../src/workbook/plan";
import { isValidSheetName } from "../../src/workbook/sheetNames";
import { A4_LANDSCAPE_CHARACTERS, colourRowsByValue, emptySheet } from "../../src/workbook/sheetPlan";
import { sheetGrid } from "../../src/xlsx/writeSheet";
import { MEASURES, sampleTable } from "./fixtures";

const plan = buildWorkbookPlan(sampleTable(), { lang: "ja" });
const sheet = (key: string): SheetPlan => {
  const s = plan.sheets.find((x) => x.key === key);
  if (!s) throw new Error(`no sheet ${key}`);
  return s;
};
const at = (s: SheetPlan, row: number, column: number): CellValue | undefined =>
  sheetGrid(s)[row]?.[column];

/** Finds the row (0-based) whose first cell equals `label`, in column `column`. */
function rowOf(s: SheetPlan, label: string, column = 0): number {
  const grid = sheetGrid(s);
  const r = grid.findIndex((line) => line?.[column] === label);
  if (r < 0) throw new Error(`no row "${label}" on ${s.name}`);
  return r;
}

describe("buildWorkbookPlan (ja)", () => {
  it("makes the dashboard, 施策一覧, 検証結果 and one sheet per owning ministry, in 建制順 (as summarize)", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual([
      "ダッシュボード",
      "施策一覧",
      "検証結果",
      "警察庁",
      "個人情報保護委員会",
      "デジタル庁",
      "総務省",
      "文部科学省",
      "経済産業省",
    ]);
    expect(plan.sheets.every((s) => s.generated)).toBe(true);
    for (const s of plan.sheets) expect(isValidSheetName(s.name)).toBe(true);
  });

  it("in count order the ministry sheets come most measures first, 建制順 between equal counts", () => {
    const byCount = buildWorkbookPlan(sampleTable(), { lang: "ja", order: "count" });
    expect(byCount.sheets.slice(3).map((s) => s.name)).toEqual([
      "総務省",
      "経済産業省",
      "警察庁",
      "個人情報保護委員会",
      "デジタル庁",
      "文部科学省",
    ]);
  });

  it("the dashboard's ministry table and chart follow the same 建制順 as the sheets", () => {
    const dashboard = sheet("dashboard");
    const chart = dashboard.charts.find((c) => c.categories.includes("総務省"));
    expect(chart?.categories).toEqual(["警察庁", "個人情報保護委員会", "デジタル庁", "総務省", "文部科学省", "経済産業省"]);
  });

  it("施策一覧 holds one table row per measure, reposted ones included, with every field", () => {
    const m = sheet("measures");
    expect(m.tables).toHaveLength(1);
    expect(m.tables[0].range).toEqual({
      row: 0,
      column: 0,
      rowCount: MEASURES.length + 1,
      columnCount: MEASURE_COLUMNS.length,
    });
    expect(at(m, 0, measureColumn("plan"))).toBe("2023年度年次計画");
    expect(at(m, 0, measureColumn("nextPlan"))).toBe("2024年度年次計画");
    expect(at(m, 1, 0)).toBe("2.1(1)(ア)");
    expect(at(m, 1, measureColumn("owners"))).toBe("個人情報保護委員会");
    expect(at(m, 1, measureColumn("chapter"))).toBe(
      "2 国民が安全で安心して暮らせるデジタル社会の実現"
    );
    expect(at(m, 2, measureColumn("status"))).toBe("終了");
    expect(at(m, 4, measureColumn("owners"))).toBe("警察庁\n総務省\n経済産業省");
    expect(at(m, 8, measureColumn("reposted"))).toBe("再掲");
    expect(at(m, 5, measureColumn("source"))).toBe("経済産業省.xlsx 別添2シート 7行目");
    expect(m.freeze).toEqual({ rows: 1, columns: 1 });
    // ≈ 310 characters wide: A3 (it would print at ≈ 45 % on A4).
    expect(m.print).toEqual({
      orientation: "landscape",
      paperSize: "A3",
      fitToWidth: true,
      titleRows: { first: 0, last: 0 },
    });
  });

  it("paper by width: tables that would print under 75 % on A4 go on A3, narrower ones stay on A4", () => {
    expect(sheet("report").print?.paperSize).toBe("A4");
    expect(sheet("ministry:総務省").print?.paperSize).toBe("A3");
    expect(sheet("dashboard").print?.paperSize).toBe("A4");
    const widthOf = (key: string) =>
      sheet(key).columns.reduce((n, c) => n + (c.hidden ? 0 : c.width), 0);
    expect(widthOf("report") * 0.75).toBeLessThanOrEqual(A4_LANDSCAPE_CHARACTERS);
    expect(widthOf("ministry:総務省") * 0.75).toBeGreaterThan(A4_LANDSCAPE_CHARACTERS);
  });

  it("the 進捗区分 column has a dropdown of the five Japanese status names", () => {
    const v = sheet("measures").validations[0];
    expect(v.range).toEqual({
      row: 1,
      column: measureColumn("status"),
      rowCount: MEASURES.length,
      columnCount: 1,
    });
    expect(v.list).toEqual({ kind: "inline", values: ["継続", "拡充", "新規", "終了", "未報告"] });
  });

  it("long wrapped rows get a height for their lines", () => {
    const m = sheet("measures");
    const tall = m.rowHeights.find((h) => h.row === 2);
    expect(tall && tall.height).toBeGreaterThan(60); // (イ): a four-line plan
  });

  it("the dashboard counts a reposted measure not at all and a shared measure once per ministry", () => {
    const d = sheet("dashboard");
    expect(at(d, rowOf(d, "施策数"), 1)).toBe(7);
    expect(at(d, rowOf(d, "府省庁数"), 1)).toBe(6);
    expect(at(d, rowOf(d, "エラー"), 1)).toBe(1);
    expect(at(d, rowOf(d, "警告"), 1)).toBe(2);
    const soumu = rowOf(d, "総務省");
    // 総務省: (イ) ended, (ウ) new, (エ) expanded (shared), 4.1(ア) continuing (shared); 4.1(イ) is 再掲.
    expect(sheetGrid(d)[soumu].slice(0, 7)).toEqual(["総務省", 1, 1, 1, 1, 0, 4]);
    const total = sheetGrid(d).findIndex((l, i) => i > soumu && l?.[0] === "合計");
    expect(sheetGrid(d)[total].slice(0, 7)).toEqual(["合計", 4, 3, 1, 1, 1, 10]);
  });

  it("every chart reads real cells, and its categories and series agree with them", () => {
    const charts = plan.sheets.flatMap((s) => s.charts.map((c) => ({ s, c })));
    expect(charts.length).toBe(3 + 6);
    for (const { c } of charts) {
      const grid = sheetGrid(sheet(c.dataSheetKey));
      const { row, column, rowCount, columnCount } = c.dataRange;
      expect(c.seriesBy).toBe("columns");
      const categories = Array.from({ length: rowCount - 1 }, (_, i) => grid[row + 1 + i][column]);
      expect(categories).toEqual(c.categories);
      expect(c.series).toHaveLength(columnCount - 1);
      c.series.forEach((s, j) => {
        expect(grid[row][column + 1 + j]).toBe(s.name);
        expect(
          Array.from({ length: rowCount - 1 }, (_, i) => grid[row + 1 + i][column + 1 + j])
        ).toEqual(s.values);
      });
    }
  });

  it("the stacked bar has one series per status in the report's order", () => {
    const bar = sheet("dashboard").charts.find((c) => c.type === "barStacked")!;
    expect(bar.series.map((s) => s.name)).toEqual(["継続", "拡充", "新規", "終了", "未報告"]);
    expect(bar.categories).toEqual(["警察庁", "個人情報保護委員会", "デジタル庁", "総務省", "文部科学省", "経済産業省"]);
  });

  it("every link points at an existing sheet and at a cell inside its written area", () => {
    const links = plan.sheets.flatMap((s) => s.links);
    expect(links.length).toBeGreaterThan(20);
    for (const l of links) {
      const target = sheet(l.target.sheetKey);
      const grid = sheetGrid(target);
      expect(grid[l.target.cell.row]?.[l.target.cell.column]).toBeDefined();
    }
  });

  it("the dashboard links to every ministry sheet", () => {
    const targets = sheet("dashboard").links.map((l) => l.target.sheetKey);
    for (const m of [
      "警察庁",
      "個人情報保護委員会",
      "デジタル庁",
      "総務省",
      "文部科学省",
      "経済産業省",
    ])
      expect(targets).toContain(ministrySheetKey(m));
  });

  it("a ministry sheet lists its shared and reposted measures, each linking to its own row on 施策一覧", () => {
    const s = sheet(ministrySheetKey("総務省"));
    const table = s.tables[0];
    const grid = sheetGrid(s);
    const ids = grid
      .slice(table.range.row + 1, table.range.row + table.range.rowCount)
      .map((l) => l[0]);
    expect(ids).toEqual(["2.1(1)(イ)", "2.1(1)(ウ)", "2.1(1)(エ)", "4.1(1)(ア)", "4.1(1)(イ)"]);
    const m = sheet("measures");
    for (const link of s.links.filter((l) => l.target.sheetKey === "measures")) {
      const id = grid[link.at.row][0];
      expect(at(m, link.target.cell.row, 0)).toBe(id);
    }
  });

  it("検証結果 lists errors first and links a problem to the measure it names", () => {
    const r = sheet("report");
    const grid = sheetGrid(r);
    expect(grid.slice(1).map((l) => l[0])).toEqual(["エラー", "警告", "警告", "情報"]);
    // The missing-cell error names no 項番: it is found by file and row (row 6 → (カ)).
    const err = r.links.find((l) => l.at.row === 1)!;
    expect(at(sheet("measures"), err.target.cell.row, 0)).toBe("2.1(1)(カ)");
    expect(r.conditionalFormats.map((c) => c.formula)).toEqual(['=$A2="エラー"', '=$A2="警告"']);
  });

  it("a problem about a column links to that column of the measure's row (担当府省庁 → owners)", () => {
    const r = sheet("report");
    const grid = sheetGrid(r);
    const row = grid.findIndex((l) => l?.[1] === "unknown-ministry");
    const link = r.links.find((l) => l.at.row === row)!;
    expect(link.target.cell).toEqual({ row: 2, column: measureColumn("owners") });
    const missing = r.links.find(
      (l) => l.at.row === grid.findIndex((x) => x?.[1] === "missing-cell")
    )!;
    expect(missing.target.cell.column).toBe(measureColumn("plan")); // 年次計画
  });

  it("keeps formula-like text as the same string in the plan", () => {
    const m = sheet("measures");
    expect(at(m, 5, measureColumn("plan"))).toBe("=cmd|' /C calc'!A0");
    expect(at(m, 6, measureColumn("plan"))).toBe("-1");
  });

  it("table names are unique and valid defined names", () => {
    const names = plan.sheets.flatMap((s) => s.tables.map((t) => t.name));
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
  });

  it("is pure: the same table gives the same plan, and the plan is JSON", () => {
    const again: WorkbookPlan = buildWorkbookPlan(sampleTable(), { lang: "ja" });
    expect(JSON.parse(JSON.stringify(again))).toEqual(plan);
  });
});

describe("buildWorkbookPlan (en)", () => {
  const en = buildWorkbookPlan(sampleTable(), { lang: "en" });
  it("uses English labels and keeps the ministry names", () => {
    expect(en.sheets.slice(0, 3).map((s) => s.name)).toEqual([
      "Dashboard",
      "Measures",
      "Validation",
    ]);
    expect(en.sheets[3].name).toBe("警察庁");
    const m = en.sheets[1];
    expect(sheetGrid(m)[2][measureColumn("status")]).toBe("Ended");
    expect(m.validations[0].list).toEqual({
      kind: "inline",
      values: ["Continuing", "Expanded", "New", "Ended", "Unreported"],
    });
  });
});

describe("edge cases", () => {
  it("an empty table still gives valid tables and no ministry or chapter chart", () => {
    const p = buildWorkbookPlan({ measures: [], problems: [], fiscalYears: null }, { lang: "ja" });
    expect(p.sheets.map((s) => s.key)).toEqual(["dashboard", "measures", "report"]);
    for (const s of p.sheets)
      for (const t of s.tables) expect(t.range.rowCount).toBeGreaterThanOrEqual(2);
    expect(p.sheets[0].charts.map((c) => c.type)).toEqual(["doughnut"]);
    expect(STATUSES.length).toBe(5);
  });

  it("no 章別 chart when no measure has a chapter (it would be a single bar \"-\")", () => {
    const t = sampleTable();
    const p = buildWorkbookPlan({ ...t, measures: t.measures.map((m) => ({ ...m, chapter: null })) }, { lang: "ja" });
    expect(p.sheets[0].charts.map((c) => c.type)).toEqual(["barStacked", "doughnut"]);
    expect(plan.sheets[0].charts.map((c) => c.type)).toEqual(["barStacked", "doughnut", "columnClustered"]);
  });

  it("a ministry named like a generated sheet gets its own unique name", () => {
    const t = sampleTable();
    const odd = { ...t.measures[0], id: "1(ア)", owners: ["施策一覧"] };
    const p = buildWorkbookPlan({ ...t, measures: [...t.measures, odd] }, { lang: "ja" });
    const names = p.sheets.map((s) => s.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names).toContain("施策一覧 (2)");
  });
});

describe("colourRowsByValue", () => {
  test("one rule per value, a quote in a label doubled so the formula's string cannot end early", () => {
    const sheet = emptySheet("x", "measures", "施策一覧");
    colourRowsByValue(sheet, { row: 1, column: 0, rowCount: 3, columnCount: 4 }, "$I2", [
      { value: "終了", format: { fill: "#EEEEEE" } },
      { value: '"未報告"', format: { fill: "#FCE4E4" } },
    ]);
    expect(sheet.conditionalFormats.map((c) => c.formula)).toEqual(['=$I2="終了"', '=$I2="""未報告"""']);
  });
});
