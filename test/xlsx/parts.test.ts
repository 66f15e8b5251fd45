/** The zip post-processor's part writers, string in and string out. */
import { chartXml, seriesRefs } from "../../src/xlsx/chartXml";
import { decodeUtf16le, encodeUtf16le } from "../../src/xlsx/generatedMarker";
import { addOverride, nextRelId, relativePath, resolvePath } from "../../src/xlsx/relationships";
import { insertBeforeFirst } from "../../src/xlsx/xml";
import type { ChartPlan } from "../../src/workbook/plan";

const SHEET = `<worksheet><sheetData/><hyperlinks><hyperlink ref="A9" r:id="rId2"/></hyperlinks><pageMargins/><tableParts count="1"><tablePart r:id="rId3"/></tableParts></worksheet>`;
const RELS = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.nisc.go.jp/" TargetMode="External"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>`;

describe("package helpers", () => {
  it("inserts an element before the first follower the schema requires, else before the end", () => {
    expect(
      insertBeforeFirst(SHEET, "<drawing/>", ["legacyDrawing", "tableParts", "extLst"], "worksheet")
    ).toContain(`<pageMargins/><drawing/><tableParts`);
    expect(
      insertBeforeFirst(
        "<worksheet><sheetData/></worksheet>",
        "<drawing/>",
        ["tableParts"],
        "worksheet"
      )
    ).toBe("<worksheet><sheetData/><drawing/></worksheet>");
  });
  it("resolves and relativises part paths", () => {
    expect(resolvePath("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml")).toBe(
      "xl/drawings/drawing1.xml"
    );
    expect(resolvePath("xl/workbook.xml", "worksheets/sheet2.xml")).toBe(
      "xl/worksheets/sheet2.xml"
    );
    expect(resolvePath("xl/workbook.xml", "/xl/worksheets/sheet2.xml")).toBe(
      "xl/worksheets/sheet2.xml"
    );
    expect(relativePath("xl/drawings/drawing1.xml", "xl/charts/chart3.xml")).toBe(
      "../charts/chart3.xml"
    );
    expect(relativePath("xl/worksheets/sheet1.xml", "xl/customProperty1.bin")).toBe(
      "../customProperty1.bin"
    );
  });
  it("gives a relationship id not yet used", () => {
    expect(nextRelId(RELS)).toBe("rId4");
    expect(nextRelId(undefined)).toBe("rId1");
  });
  it("adds a content-type override once", () => {
    const t = `<Types></Types>`;
    const once = addOverride(t, "/xl/charts/chart1.xml", "x");
    expect(addOverride(once, "/xl/charts/chart1.xml", "x")).toBe(once);
  });
  it("stores a sheet key as UTF-16LE and reads it back", () => {
    const b = encodeUtf16le("ministry:個人情報保護委員会");
    expect(b.length).toBe(2 * "ministry:個人情報保護委員会".length);
    expect(decodeUtf16le(b)).toBe("ministry:個人情報保護委員会");
  });
});

describe("chart part", () => {
  const chart: ChartPlan = {
    type: "barStacked",
    title: "府省庁別の進捗区分",
    dataSheetKey: "dashboard",
    dataRange: { row: 4, column: 0, rowCount: 3, columnCount: 3 },
    seriesBy: "columns",
    categories: ["総務省", "警察庁"],
    series: [
      { name: "継続", values: [3, 1] },
      { name: "拡充", values: [1, 0] },
    ],
    from: { row: 3, column: 9 },
    to: { row: 20, column: 18 },
    legend: "bottom",
    overlap: 100,
  };
  it("by columns: categories in the first column, one series per further column, named by the header row", () => {
    const r = seriesRefs(chart, "ダッシュボード");
    expect(r.categoriesRef).toBe("'ダッシュボード'!$A$6:$A$7");
    expect(r.series.map((s) => [s.nameRef, s.valuesRef])).toEqual([
      ["'ダッシュボード'!$B$5", "'ダッシュボード'!$B$6:$B$7"],
      ["'ダッシュボード'!$C$5", "'ダッシュボード'!$C$6:$C$7"],
    ]);
  });
  it("by rows: categories in the first row, one series per further row", () => {
    const r = seriesRefs(
      {
        ...chart,
        seriesBy: "rows",
        categories: ["継続", "拡充"],
        series: [
          { name: "総務省", values: [3, 1] },
          { name: "警察庁", values: [1, 0] },
        ],
      },
      "D"
    );
    expect(r.categoriesRef).toBe("'D'!$B$5:$C$5");
    expect(r.series[1].valuesRef).toBe("'D'!$B$7:$C$7");
  });
  it("quotes a sheet name with an apostrophe and escapes the XML", () => {
    const xml = chartXml(chart, "O'Brien & 総務省");
    expect(xml).toContain("<c:f>&apos;O&apos;&apos;Brien &amp; 総務省&apos;!$A$6:$A$7</c:f>");
    expect(xml).toContain('<c:barDir val="bar"/><c:grouping val="stacked"/>');
    expect(xml).toContain('<c:overlap val="100"/>');
    expect(xml).toContain("<c:v>総務省</c:v>");
  });
  it("draws only what the plan says: no overlap, gap width or fills it does not set", () => {
    const xml = chartXml({ ...chart, overlap: undefined }, "D");
    expect(xml).not.toMatch(/<c:overlap|<c:gapWidth|<a:srgbClr|<c:dLbls/);
  });
});
