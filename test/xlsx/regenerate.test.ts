/**
 * Regenerating into a user's workbook (`renderXlsx(plan, { base })`): sheets marked as generated
 * are replaced, the user's own sheets are kept, a user's sheet never loses its name.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { buildWorkbookPlan } from "../../src/workbook/buildWorkbookPlan";
import type { SheetPlan, WorkbookPlan } from "../../src/workbook/plan";
import { emptySheet } from "../../src/workbook/sheetPlan";
import { readGeneratedSheetKeys } from "../../src/xlsx/generatedMarker";
import { renderXlsx } from "../../src/xlsx/renderXlsx";
import { MEASURES, PROBLEMS, sampleTable } from "../workbook/fixtures";
import { parseRef, readBack } from "./readBack";

function userSheet(name: string, text: string): SheetPlan {
  const s = emptySheet(`user:${name}`, "input", name);
  s.generated = false;
  s.blocks.push({ row: 0, column: 0, values: [[text], ["=SUM(A1)"]] });
  s.links.push({
    at: { row: 2, column: 0 },
    target: { sheetKey: `user:${name}`, cell: { row: 0, column: 0 } },
    text: "先頭へ",
  });
  return s;
}

/** A user's workbook: a generated workbook plus two sheets of their own. */
async function usersWorkbook(): Promise<Uint8Array> {
  const plan = buildWorkbookPlan(sampleTable(), { lang: "ja" });
  const withUser: WorkbookPlan = {
    ...plan,
    sheets: [
      ...plan.sheets,
      userSheet("メモ", "府省庁への照会メモ"),
      userSheet("総務省控え", "総務省の控え"),
    ],
  };
  return renderXlsx(withUser);
}

describe("renderXlsx with a base workbook", () => {
  it("replaces the generated sheets with the new plan and keeps the user's sheets and values", async () => {
    const base = await usersWorkbook();
    expect(readGeneratedSheetKeys(base).has("メモ")).toBe(false);
    // New data: one measure less.
    const next = buildWorkbookPlan(
      {
        measures: MEASURES.slice(0, 7),
        problems: PROBLEMS,
        fiscalYears: { plan: 2023, next: 2024 },
      },
      { lang: "ja" }
    );
    const bytes = await renderXlsx(next, { base });
    const rb = readBack(bytes);
    expect(rb.book.SheetNames).toEqual(["メモ", "総務省控え", ...next.sheets.map((s) => s.name)]);
    expect(rb.value("メモ", 0, 0)).toBe("府省庁への照会メモ");
    expect(rb.cell("メモ", 1, 0)!.t).toBe("s"); // still text: the user's sheet part is kept as it was
    expect(rb.cell("メモ", 1, 0)!.f).toBeUndefined();
    // 施策一覧 has the new rows only (7 measures + header).
    expect(rb.value("施策一覧", 7, 0)).toBe(MEASURES[6].id);
    expect(rb.value("施策一覧", 8, 0)).toBeUndefined();
    const keys = readGeneratedSheetKeys(bytes);
    expect([...keys.values()].sort()).toEqual(next.sheets.map((s) => s.key).sort());
    expect(keys.has("メモ")).toBe(false);
    // Each chart part once per new chart: the old ones went with their sheets.
    expect(Object.keys(rb.parts).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(
      next.sheets.reduce((n, s) => n + s.charts.length, 0)
    );
  });

  it("a user's sheet holding a generated sheet's name keeps it; the generated one is renamed and links follow", async () => {
    const plan = buildWorkbookPlan(sampleTable(), { lang: "ja" });
    const base = await renderXlsx({ lang: "ja", sheets: [userSheet("総務省", "私の総務省メモ")] });
    const bytes = await renderXlsx(plan, { base });
    const rb = readBack(bytes);
    expect(rb.value("総務省", 0, 0)).toBe("私の総務省メモ");
    expect(rb.book.SheetNames).toContain("総務省 (2)");
    expect(readGeneratedSheetKeys(bytes).get("総務省 (2)")).toBe("ministry:総務省");
    // The dashboard's link to 総務省 lands on the generated sheet, not on the user's.
    const d = plan.sheets[0];
    const link = d.links.find((l) => l.target.sheetKey === "ministry:総務省")!;
    const target = (
      rb.cell("ダッシュボード", link.at.row, link.at.column) as { l: { Target: string } }
    ).l.Target;
    expect(parseRef(target.replace(/^#/, "")).sheet).toBe("総務省 (2)");
    // So does the ministry chart's data reference.
    const charts = Object.keys(rb.parts)
      .filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))
      .map((p) => rb.text(p));
    expect(charts.some((x) => x.includes("&apos;総務省 (2)&apos;!$B$8:$B$12"))).toBe(true);
    expect(charts.some((x) => x.includes("&apos;総務省&apos;!"))).toBe(false);
  });

  it("a generated sheet the user renamed is theirs: kept, and a new one made under the old name", async () => {
    const plan = buildWorkbookPlan(sampleTable(), { lang: "ja" });
    const generated = await renderXlsx(plan);
    // Both markers on each generated sheet: the key and the name it was given.
    const sheet1 = readBack(generated).text("xl/worksheets/sheet1.xml");
    expect(sheet1).toContain('<customPr name="PlanTablesGenerated"');
    expect(sheet1).toContain('<customPr name="PlanTablesSheetName"');
    // The user renames 総務省 in Excel (the workbook part names it; the markers travel along).
    const files = unzipSync(generated);
    const workbook = strFromU8(files["xl/workbook.xml"]);
    expect(workbook).toContain('name="総務省"');
    files["xl/workbook.xml"] = strToU8(workbook.replace('name="総務省"', 'name="総務省 確認済"'));
    const base = zipSync(files);
    const keys = readGeneratedSheetKeys(base);
    expect(keys.has("総務省 確認済")).toBe(false);
    expect(keys.get("ダッシュボード")).toBe("dashboard");
    const rb = readBack(await renderXlsx(plan, { base }));
    expect(rb.book.SheetNames).toContain("総務省 確認済");
    expect(rb.book.SheetNames).toContain("総務省");
    expect(rb.value("総務省 確認済", 0, 0)).toBe(rb.value("総務省", 0, 0));
  });

  it("keeps a user's internal link", async () => {
    const base = await renderXlsx({ lang: "ja", sheets: [userSheet("メモ", "a")] });
    const bytes = await renderXlsx(buildWorkbookPlan(sampleTable(), { lang: "ja" }), { base });
    const rb = readBack(bytes);
    const cell = rb.cell("メモ", 2, 0) as { l: { Target: string } };
    expect(cell.l.Target).toBe("#'メモ'!A1");
  });

  it("leaves no defined name pointing at a removed sheet", async () => {
    const base = await usersWorkbook();
    const bytes = await renderXlsx(buildWorkbookPlan(sampleTable(), { lang: "ja" }), { base });
    const workbook = readBack(bytes).text("xl/workbook.xml");
    expect(workbook).not.toContain("#REF!");
    const localIds = Array.from(workbook.matchAll(/localSheetId="(\d+)"/g), (m) => Number(m[1]));
    const sheetCount = (workbook.match(/<sheet /g) ?? []).length;
    for (const id of localIds) expect(id).toBeLessThan(sheetCount);
    expect(new Set(localIds).size).toBe(localIds.length);
  });

  it("a user's table that holds one of our table names keeps it; ours gets another", async () => {
    const own = userSheet("集計", "x");
    own.blocks = [
      {
        row: 0,
        column: 0,
        values: [
          ["府省庁", "件数"],
          ["総務省", 4],
        ],
      },
    ];
    own.links = [];
    own.tables.push({
      name: "PlanMeasures",
      range: { row: 0, column: 0, rowCount: 2, columnCount: 2 },
      style: "TableStyleLight1",
    });
    const base = await renderXlsx({ lang: "ja", sheets: [own] });
    const rb = readBack(
      await renderXlsx(buildWorkbookPlan(sampleTable(), { lang: "ja" }), { base })
    );
    const names = Object.keys(rb.parts)
      .filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p))
      .map((p) => /<table [^>]*name="([^"]+)"/.exec(rb.text(p))![1]);
    expect(names).toContain("PlanMeasures");
    expect(names).toContain("PlanMeasures_2");
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });
});
