/**
 * Our sheets added to a user's workbook at the package level: every part of theirs comes back
 * byte for byte (chart, pivot table, comment, hyperlink, dropdown, hidden sheet, defined names,
 * custom XML, macros), only workbook.xml, its rels, [Content_Types].xml and styles.xml are
 * extended, and regenerating replaces exactly our parts.
 */
import * as XLSX from "@e965/xlsx";
import { strFromU8, unzipSync, zipSync } from "fflate";
import { buildWorkbookPlan } from "../../src/workbook/buildWorkbookPlan";
import { readGeneratedSheetKeys } from "../../src/xlsx/generatedMarker";
import { renderXlsx } from "../../src/xlsx/renderXlsx";
import { resolvePath } from "../../src/xlsx/relationships";
import { MEASURES, PROBLEMS, sampleTable } from "../workbook/fixtures";
import { readBack } from "./readBack";
import { userWorkbook, userWorkbookParts, VBA_BYTES } from "./userWorkbook";

const EXTENDED = new Set([
  "[Content_Types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
]);
const plan = buildWorkbookPlan(sampleTable(), { lang: "ja" });
const smaller = buildWorkbookPlan(
  { measures: MEASURES.slice(0, 3), problems: PROBLEMS, fiscalYears: { plan: 2023, next: 2024 } },
  { lang: "ja" }
);

/** Every internal relationship resolves, and every part has a content type. */
function expectConsistent(parts: Record<string, Uint8Array>): void {
  const types = strFromU8(parts["[Content_Types].xml"]);
  for (const rels of Object.keys(parts).filter((p) => p.endsWith(".rels"))) {
    const owner = rels === "_rels/.rels" ? "x" : rels.replace(/_rels\/([^/]+)\.rels$/, "$1");
    for (const m of strFromU8(parts[rels]).matchAll(/<Relationship [^>]*>/g)) {
      if (/TargetMode="External"/.test(m[0])) continue;
      const target = resolvePath(owner, /Target="([^"]+)"/.exec(m[0])![1]);
      expect([rels, target, target in parts]).toEqual([rels, target, true]);
    }
  }
  for (const p of Object.keys(parts)) {
    if (p === "[Content_Types].xml") continue;
    const ext = p.slice(p.lastIndexOf(".") + 1);
    expect([p, types.includes(`PartName="/${p}"`) || types.includes(`Extension="${ext}"`)]).toEqual(
      [p, true]
    );
  }
  for (const m of types.matchAll(/PartName="\/([^"]+)"/g))
    expect([m[1], m[1] in parts]).toEqual([m[1], true]);
}

describe.each([
  ["an .xlsx", false],
  ["an .xlsm", true],
])("our sheets added to %s of the user's", (_, macro) => {
  const base = userWorkbook(macro);
  const original = userWorkbookParts(macro);
  let bytes: Uint8Array;
  let parts: Record<string, Uint8Array>;
  beforeAll(async () => {
    bytes = await renderXlsx(plan, { base });
    parts = unzipSync(bytes);
  });

  it("keeps every part of the user's byte for byte, except the four it extends", () => {
    for (const [path, data] of Object.entries(original)) {
      expect([path, path in parts]).toEqual([path, true]);
      if (!EXTENDED.has(path))
        expect([path, Buffer.from(parts[path]).equals(Buffer.from(data))]).toEqual([path, true]);
    }
  });

  it("only appends to what it extends: the user's sheets, names, pivot caches and styles stay as they were", () => {
    const workbook = strFromU8(parts["xl/workbook.xml"]);
    const before = strFromU8(original["xl/workbook.xml"]);
    for (const kept of [
      '<sheet name="入力" sheetId="1" r:id="rId1"/><sheet name="集計" sheetId="2" r:id="rId2"/><sheet name="作業用" sheetId="3" state="hidden" r:id="rId3"/>',
      "<definedName name=\"府省庁一覧\">'作業用'!$A$1:$A$3</definedName>",
      '<pivotCaches><pivotCache cacheId="1" r:id="rId7"/></pivotCaches>',
      '<workbookPr codeName="ThisWorkbook"/>',
    ]) {
      expect(before).toContain(kept);
      expect(workbook).toContain(kept);
    }
    const styles = strFromU8(parts["xl/styles.xml"]);
    // The user's cell formats keep their indices: ours come after them.
    expect(styles).toMatch(
      /<cellXfs count="\d+"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"\/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"\/>/
    );
    // Our fonts take the workbook's font.
    expect(styles.match(/<name val="游ゴシック"\/>/g)!.length).toBeGreaterThan(2);
    expect(styles).not.toContain("Calibri");
    expect(strFromU8(parts["[Content_Types].xml"])).toContain(
      macro ? "macroEnabled.main+xml" : "sheet.main+xml"
    );
    expectConsistent(parts);
  });

  it("the independent reader finds the user's things and ours", () => {
    const book = XLSX.read(bytes, { type: "array", bookVBA: true });
    const names = plan.sheets.map((s) => s.name);
    expect(book.SheetNames).toEqual(["入力", "集計", "作業用", ...names]);
    expect(book.Workbook!.Sheets!.map((s) => s.Hidden ?? 0).slice(0, 3)).toEqual([0, 0, 1]);
    expect(book.Workbook!.Names!.find((n) => n.Name === "府省庁一覧")!.Ref).toBe(
      "'作業用'!$A$1:$A$3"
    );
    const input = book.Sheets["入力"];
    expect(input.B3.v).toBe("総務省");
    expect(input.C3.v).toBe(5);
    expect(input.A1.c![0].t).toBe("照会先を確認すること");
    expect(input.A6.l!.Target).toBe("https://www.nisc.go.jp/");
    expect(book.Sheets["集計"].B7.v).toBe(10);
    if (macro)
      expect(Buffer.from(book.vbaraw as Uint8Array).equals(Buffer.from(VBA_BYTES))).toBe(true);
    const rb = readBack(bytes);
    expect(rb.value("施策一覧", 1, 0)).toBe(MEASURES[0].id);
    expect(Object.fromEntries(readGeneratedSheetKeys(bytes))).toEqual(
      Object.fromEntries(plan.sheets.map((s) => [s.name, s.key]))
    );
    // The user's active sheet stays the only selected tab.
    expect(strFromU8(parts["xl/workbook.xml"])).toMatch(/<workbookView [^>]*activeTab="0"/);
    expect(
      Object.keys(parts).filter(
        (p) =>
          /^xl\/worksheets\/sheet\d+\.xml$/.test(p) &&
          strFromU8(parts[p]).includes('tabSelected="1"')
      )
    ).toEqual(["xl/worksheets/sheet1.xml"]);
  });

  it("regenerating twice gives the same package as regenerating once", async () => {
    const once = await renderXlsx(plan, { base: bytes });
    const twice = await renderXlsx(plan, { base: once });
    expect(Buffer.from(twice).equals(Buffer.from(once))).toBe(true);
    // And regenerating changes nothing of what the first generation left.
    expect(Buffer.from(once).equals(Buffer.from(bytes))).toBe(true);
  });

  it("regenerating with fewer ministries removes exactly the parts of ours that went, nothing of the user's", async () => {
    const next = unzipSync(await renderXlsx(smaller, { base: bytes }));
    for (const [path, data] of Object.entries(original))
      if (!EXTENDED.has(path))
        expect([path, Buffer.from(next[path]).equals(Buffer.from(data))]).toEqual([path, true]);
    expectConsistent(next);
    const charts = Object.keys(next).filter((p) => p.startsWith("xl/charts/"));
    expect(charts).toHaveLength(1 + smaller.sheets.reduce((n, s) => n + s.charts.length, 0));
    const sheets = Object.keys(next).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
    expect(sheets).toHaveLength(3 + smaller.sheets.length);
    const book = XLSX.read(zipSync(next), { type: "array" });
    expect(book.SheetNames).toEqual([
      "入力",
      "集計",
      "作業用",
      ...smaller.sheets.map((s) => s.name),
    ]);
    // The user's sheet-local name still points at its sheet (index 0); no name for a removed sheet.
    const workbook = strFromU8(next["xl/workbook.xml"]);
    const local = Array.from(workbook.matchAll(/localSheetId="(\d+)"/g), (m) => Number(m[1]));
    expect(local[0]).toBe(0);
    expect(new Set(local).size).toBe(local.length);
    for (const id of local) expect(id).toBeLessThan(book.SheetNames.length);
  });

  it("table ids and names are unique in the workbook", () => {
    const tables = Object.keys(parts)
      .filter((p) => p.startsWith("xl/tables/"))
      .map((p) => strFromU8(parts[p]));
    const ids = tables.map((x) => /<table [^>]*\bid="(\d+)"/.exec(x)![1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
