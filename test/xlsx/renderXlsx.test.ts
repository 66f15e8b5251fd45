import { buildWorkbookPlan } from "../../src/workbook/buildWorkbookPlan";
import { measureColumn, measureValues } from "../../src/workbook/measuresSheet";
import type { WorkbookPlan } from "../../src/workbook/plan";
import { sheetGrid } from "../../src/xlsx/writeSheet";
import { readGeneratedSheetKeys } from "../../src/xlsx/generatedMarker";
import { renderXlsx } from "../../src/xlsx/renderXlsx";
import { MEASURES, sampleTable } from "../workbook/fixtures";
import { parseRef, readBack, type ReadBack } from "./readBack";

let plan: WorkbookPlan;
let bytes: Uint8Array;
let book: ReadBack;

beforeAll(async () => {
  plan = buildWorkbookPlan(sampleTable(), { lang: "ja" });
  bytes = await renderXlsx(plan);
  book = readBack(bytes);
});

const names = () => plan.sheets.map((s) => s.name);

describe("renderXlsx read back with SheetJS", () => {
  it("writes the plan's sheets in order", () => {
    expect(book.book.SheetNames).toEqual(names());
  });

  it("every value on every sheet agrees with the plan", () => {
    for (const s of plan.sheets) {
      sheetGrid(s).forEach((line, r) =>
        line?.forEach((v, c) => {
          if (v === null || v === undefined || v === "") return;
          expect([s.name, r, c, book.value(s.name, r, c)]).toEqual([s.name, r, c, v]);
        })
      );
    }
  });

  it("施策一覧 rows are the measures' values", () => {
    MEASURES.forEach((m, i) => {
      const expected = measureValues(m, "ja");
      expected.forEach((v, c) => {
        if (v !== "") expect(book.value("施策一覧", i + 1, c)).toBe(v);
      });
    });
  });

  it("formula-like input stays a text cell without a formula", () => {
    const row = MEASURES.findIndex((m) => m.plan.startsWith("=")) + 1;
    for (const [r, c, text] of [
      [row, measureColumn("plan"), "=cmd|' /C calc'!A0"],
      [row, measureColumn("results"), "+81-3-5253-2111 に問い合わせ窓口を設置した。"],
      [row, measureColumn("nextPlan"), "@x 引き続き、周知を行う。"],
      [MEASURES.findIndex((m) => m.plan === "-1") + 1, measureColumn("plan"), "-1"],
    ] as const) {
      const cell = book.cell("施策一覧", r, c)!;
      expect(cell.t).toBe("s");
      expect(cell.v).toBe(text);
      expect(cell.f).toBeUndefined();
    }
    const sheetXml = book.text(book.sheetPath("施策一覧"));
    expect(sheetXml).not.toContain("<f>");
  });

  it("tables cover the plan's ranges, with the header row as column names", () => {
    const tables = Object.keys(book.parts).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p));
    const expected = plan.sheets.flatMap((s) => s.tables.map((t) => ({ s, t })));
    expect(tables).toHaveLength(expected.length);
    for (const { s, t } of expected) {
      const xml = tables.map((p) => book.text(p)).find((x) => x.includes(`name="${t.name}"`))!;
      const ref = /ref="([^"]+)"/.exec(xml)![1];
      const last = String.fromCharCode(65 + t.range.column + t.range.columnCount - 1);
      expect(ref).toBe(
        `${String.fromCharCode(65 + t.range.column)}${t.range.row + 1}:${last}${t.range.row + t.range.rowCount}`
      );
      const columns = Array.from(xml.matchAll(/<tableColumn [^>]*name="([^"]+)"/g), (m) => m[1]);
      columns.forEach((name, c) =>
        expect(book.value(s.name, t.range.row, t.range.column + c)).toBe(name)
      );
    }
  });

  it("every chart part references existing cells whose values equal its cached values", () => {
    const charts = Object.keys(book.parts).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(plan.sheets.reduce((n, s) => n + s.charts.length, 0));
    for (const path of charts) {
      const xml = book.text(path);
      for (const block of xml.match(/<c:(?:strRef|numRef)>.*?<\/c:(?:strRef|numRef)>/g)!) {
        const ref = parseRef(/<c:f>(.*?)<\/c:f>/.exec(block)![1].replace(/&apos;/g, "'"));
        expect(book.book.SheetNames).toContain(ref.sheet);
        const cached = Array.from(block.matchAll(/<c:v>(.*?)<\/c:v>/g), (m) => m[1]);
        const cells: string[] = [];
        for (let r = ref.from.r; r <= ref.to.r; r++)
          for (let c = ref.from.c; c <= ref.to.c; c++)
            cells.push(String(book.value(ref.sheet, r, c)));
        expect(cells).toEqual(cached);
      }
    }
  });

  it("drawings hang off the sheets with charts, before tableParts, with content types", () => {
    const types = book.text("[Content_Types].xml");
    for (const s of plan.sheets.filter((x) => x.charts.length > 0)) {
      const xml = book.text(book.sheetPath(s.name));
      const drawing = xml.indexOf("<drawing ");
      expect(drawing).toBeGreaterThan(0);
      if (xml.includes("<tableParts")) expect(drawing).toBeLessThan(xml.indexOf("<tableParts"));
      expect(xml.indexOf("<customProperties>")).toBeLessThan(drawing);
    }
    for (const p of Object.keys(book.parts).filter((x) =>
      /^xl\/(charts|drawings)\/\w+\.xml$/.test(x)
    ))
      expect(types).toContain(`PartName="/${p}"`);
  });

  it("every internal link resolves to an existing sheet and cell, with no broken exceljs form", () => {
    let count = 0;
    for (const name of names()) {
      const ws = book.book.Sheets[name];
      for (const [addr, cell] of Object.entries(ws)) {
        if (addr.startsWith("!") || !(cell as { l?: unknown }).l) continue;
        const target = (cell as { l: { Target: string } }).l.Target;
        expect(target).not.toContain("##");
        const ref = parseRef(target.replace(/^#/, ""));
        expect(names()).toContain(ref.sheet);
        expect(book.value(ref.sheet, ref.from.r, ref.from.c)).toBeDefined();
        count++;
      }
      const rels =
        book.parts[book.sheetPath(name).replace("worksheets/", "worksheets/_rels/") + ".rels"];
      if (rels) expect(new TextDecoder().decode(rels)).not.toContain('TargetMode="External"');
    }
    expect(count).toBe(plan.sheets.reduce((n, s) => n + s.links.length, 0));
  });

  it("a link from 検証結果 lands on the measure's row", () => {
    const link = plan.sheets.find((s) => s.key === "report")!.links[0];
    const target = (book.cell("検証結果", link.at.row, link.at.column) as { l: { Target: string } })
      .l.Target;
    const ref = parseRef(target.replace(/^#/, ""));
    expect(ref.sheet).toBe("施策一覧");
    expect(book.value("施策一覧", ref.from.r, 0)).toBe("2.1(1)(カ)");
  });

  it("marks every generated sheet with its plan key", () => {
    expect(Object.fromEntries(readGeneratedSheetKeys(bytes))).toEqual(
      Object.fromEntries(plan.sheets.map((s) => [s.name, s.key]))
    );
  });

  it("writes frozen panes, the status dropdown, conditional formats and print setup", () => {
    const xml = book.text(book.sheetPath("施策一覧"));
    expect(xml).toMatch(
      /<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"\/>/
    );
    expect(xml).toMatch(
      /<dataValidation type="list" [^>]*showErrorMessage="1" errorStyle="stop" sqref="I2:I9">/
    );
    expect(xml).toContain("<formula1>&quot;継続,拡充,新規,終了,未報告&quot;</formula1>");
    expect(xml).toContain("<formula>$I2=&quot;終了&quot;</formula>");
    // A3 (8) for 施策一覧, as wide as it is; 検証結果 stays on A4 (9).
    expect(xml).toMatch(/<pageSetup [^>]*paperSize="8"[^>]*orientation="landscape"/);
    expect(book.text(book.sheetPath("検証結果"))).toMatch(/<pageSetup [^>]*paperSize="9"/);
    expect(xml).toMatch(/fitToHeight="0"/);
    expect(book.text("xl/workbook.xml")).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;施策一覧&apos;!$1:$1</definedName>`
    );
  });

  it("wrapped rows carry explicit heights and tables their style (LibreOffice drops both on export: checked here)", () => {
    const m = plan.sheets.find((s) => s.key === "measures")!;
    const xml = book.text(book.sheetPath("施策一覧"));
    for (const h of m.rowHeights)
      expect(xml).toContain(`<row r="${h.row + 1}" ht="${h.height}" customHeight="1"`);
    const table = Object.keys(book.parts)
      .filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p))
      .map((p) => book.text(p))
      .find((x) => x.includes('name="PlanMeasures"'))!;
    expect(table).toContain('<tableStyleInfo name="TableStyleMedium2"');
    expect(table).toContain('<autoFilter ref="A1:M9"');
  });

  it("gives the same bytes for the same plan", async () => {
    const again = await renderXlsx(buildWorkbookPlan(sampleTable(), { lang: "ja" }));
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});
