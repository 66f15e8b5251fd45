/**
 * A user's workbook as Excel lays it out, written part by part (hand-made, after the parts Excel
 * 365 writes; the XML is small and kept here so every part is visible): an input sheet with shared
 * strings, a user style, a comment (comments + VML), an external hyperlink and a dropdown; a
 * summary sheet with a native bar chart and a pivot table (cache definition + records); a hidden
 * sheet; a workbook-level and a sheet-local defined name; a custom XML item; and, for .xlsm, a
 * macro module part (vbaProject.bin; its bytes are a stand-in, not a compiled VBA project: the
 * writer must carry them over untouched, which is what is checked).
 */
import { strToU8, zipSync } from "fflate";

const H = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PR = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument";

const rels = (items: [string, string, string, boolean?][]) =>
  `${H}<Relationships xmlns="${PR}">${items
    .map(
      ([id, type, target, external]) =>
        `<Relationship Id="${id}" Type="${type.startsWith("http") ? type : `${R}/${type}`}" Target="${target}"${external ? ' TargetMode="External"' : ""}/>`
    )
    .join("")}</Relationships>`;

/** Stand-in bytes for xl/vbaProject.bin (an OLE header, then a marker text). */
export const VBA_BYTES = new Uint8Array([
  0xd0,
  0xcf,
  0x11,
  0xe0,
  0xa1,
  0xb1,
  0x1a,
  0xe1,
  ...strToU8('Attribute VB_Name = "Module1"'),
]);

export function userWorkbookParts(macro: boolean): Record<string, Uint8Array> {
  const p: Record<string, string | Uint8Array> = {};
  p["[Content_Types].xml"] =
    `${H}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Default Extension="vml" ContentType="${CT}.vmlDrawing"/>` +
    (macro ? `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>` : "") +
    `<Override PartName="/xl/workbook.xml" ContentType="${macro ? "application/vnd.ms-excel.sheet.macroEnabled.main+xml" : `${CT}.spreadsheetml.sheet.main+xml`}"/>` +
    [1, 2, 3]
      .map(
        (n) =>
          `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>`
      )
      .join("") +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.spreadsheetml.sharedStrings+xml"/>` +
    `<Override PartName="/xl/drawings/drawing1.xml" ContentType="${CT}.drawing+xml"/>` +
    `<Override PartName="/xl/charts/chart1.xml" ContentType="${CT}.drawingml.chart+xml"/>` +
    `<Override PartName="/xl/comments1.xml" ContentType="${CT}.spreadsheetml.comments+xml"/>` +
    `<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="${CT}.spreadsheetml.pivotCacheDefinition+xml"/>` +
    `<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="${CT}.spreadsheetml.pivotCacheRecords+xml"/>` +
    `<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="${CT}.spreadsheetml.pivotTable+xml"/>` +
    `<Override PartName="/customXml/itemProps1.xml" ContentType="${CT}.customXmlProperties+xml"/>` +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
    `<Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/>` +
    `</Types>`;
  p["_rels/.rels"] = rels([
    ["rId1", "officeDocument", "xl/workbook.xml"],
    [
      "rId2",
      "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
      "docProps/core.xml",
    ],
    ["rId3", "extended-properties", "docProps/app.xml"],
  ]);
  p["docProps/core.xml"] =
    `${H}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>内閣官房 担当者</dc:creator></cp:coreProperties>`;
  p["docProps/app.xml"] =
    `${H}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`;
  p["customXml/item1.xml"] = `${H}<メモ xmlns="urn:example:memo">府省庁照会 2024</メモ>`;
  p["customXml/itemProps1.xml"] =
    `${H}<ds:datastoreItem ds:itemID="{6E5E4B7A-1F2C-4C1B-9C55-8C7D0F3A2B11}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`;
  p["customXml/_rels/item1.xml.rels"] = rels([["rId1", "customXmlProps", "itemProps1.xml"]]);

  p["xl/workbook.xml"] =
    `${H}<workbook xmlns="${MAIN}" xmlns:r="${R}"><workbookPr codeName="ThisWorkbook"/>` +
    `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="0"/></bookViews>` +
    `<sheets><sheet name="入力" sheetId="1" r:id="rId1"/><sheet name="集計" sheetId="2" r:id="rId2"/><sheet name="作業用" sheetId="3" state="hidden" r:id="rId3"/></sheets>` +
    `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">'入力'!$A$1:$C$4</definedName><definedName name="府省庁一覧">'作業用'!$A$1:$A$3</definedName></definedNames>` +
    `<calcPr calcId="191029"/><pivotCaches><pivotCache cacheId="1" r:id="rId7"/></pivotCaches></workbook>`;
  p["xl/_rels/workbook.xml.rels"] = rels([
    ["rId1", "worksheet", "worksheets/sheet1.xml"],
    ["rId2", "worksheet", "worksheets/sheet2.xml"],
    ["rId3", "worksheet", "worksheets/sheet3.xml"],
    ["rId4", "styles", "styles.xml"],
    ["rId5", "sharedStrings", "sharedStrings.xml"],
    ...(macro
      ? [
          [
            "rId6",
            "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
            "vbaProject.bin",
          ] as [string, string, string],
        ]
      : []),
    ["rId7", "pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml"],
    ["rId8", "customXml", "../customXml/item1.xml"],
  ]);
  if (macro) p["xl/vbaProject.bin"] = VBA_BYTES;

  // Index 1 of cellXfs is the user's own yellow header style.
  p["xl/styles.xml"] =
    `${H}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="游ゴシック"/><family val="3"/><charset val="128"/><scheme val="minor"/></font><font><b/><sz val="11"/><name val="游ゴシック"/><family val="3"/><charset val="128"/><scheme val="minor"/></font></fonts>` +
    `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/><bgColor indexed="64"/></patternFill></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>`;
  const strings = [
    "項番",
    "担当府省庁",
    "件数",
    "(ア)",
    "内閣官房",
    "(イ)",
    "総務省",
    "(ウ)",
    "経済産業省",
    "NISC",
    "照会先を確認すること",
  ];
  p["xl/sharedStrings.xml"] =
    `${H}<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join("")}</sst>`;
  const s = (r: string, i: number, style = 0) =>
    `<c r="${r}"${style ? ` s="${style}"` : ""} t="s"><v>${i}</v></c>`;
  const n = (r: string, v: number) => `<c r="${r}"><v>${v}</v></c>`;
  p["xl/worksheets/sheet1.xml"] =
    `${H}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A1:C6"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="18.75"/><sheetData>` +
    `<row r="1">${s("A1", 0, 1)}${s("B1", 1, 1)}${s("C1", 2, 1)}</row>` +
    `<row r="2">${s("A2", 3)}${s("B2", 4)}${n("C2", 3)}</row>` +
    `<row r="3">${s("A3", 5)}${s("B3", 6)}${n("C3", 5)}</row>` +
    `<row r="4">${s("A4", 7)}${s("B4", 8)}${n("C4", 2)}</row>` +
    `<row r="6">${s("A6", 9)}</row></sheetData>` +
    `<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="B2:B4"><formula1>府省庁一覧</formula1></dataValidation></dataValidations>` +
    `<hyperlinks><hyperlink ref="A6" r:id="rId1"/></hyperlinks><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><legacyDrawing r:id="rId3"/></worksheet>`;
  p["xl/worksheets/_rels/sheet1.xml.rels"] = rels([
    ["rId1", "hyperlink", "https://www.nisc.go.jp/", true],
    ["rId2", "comments", "../comments1.xml"],
    ["rId3", "vmlDrawing", "../drawings/vmlDrawing1.vml"],
  ]);
  p["xl/comments1.xml"] =
    `${H}<comments xmlns="${MAIN}"><authors><author>担当者</author></authors><commentList><comment ref="A1" authorId="0"><text><t>${strings[10]}</t></text></comment></commentList></comments>`;
  p["xl/drawings/vmlDrawing1.vml"] =
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
    `<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1"><v:textbox/>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>1, 15, 0, 2, 3, 15, 4, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>`;

  p["xl/worksheets/sheet2.xml"] =
    `${H}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A3:B7"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="18.75"/><sheetData>` +
    `<row r="3">${s("A3", 1)}<c r="B3" t="inlineStr"><is><t>合計 / 件数</t></is></c></row>` +
    `<row r="4">${s("A4", 4)}${n("B4", 3)}</row><row r="5">${s("A5", 8)}${n("B5", 2)}</row><row r="6">${s("A6", 6)}${n("B6", 5)}</row>` +
    `<row r="7"><c r="A7" t="inlineStr"><is><t>総計</t></is></c>${n("B7", 10)}</row></sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId2"/></worksheet>`;
  p["xl/worksheets/_rels/sheet2.xml.rels"] = rels([
    ["rId1", "pivotTable", "../pivotTables/pivotTable1.xml"],
    ["rId2", "drawing", "../drawings/drawing1.xml"],
  ]);
  p["xl/drawings/drawing1.xml"] =
    `${H}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor>` +
    `<xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="グラフ 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
  p["xl/drawings/_rels/drawing1.xml.rels"] = rels([["rId1", "chart", "../charts/chart1.xml"]]);
  p["xl/charts/chart1.xml"] =
    `${H}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>'入力'!$C$1</c:f></c:strRef></c:tx>` +
    `<c:cat><c:strRef><c:f>'入力'!$B$2:$B$4</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'入力'!$C$2:$C$4</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>3</c:v></c:pt><c:pt idx="1"><c:v>5</c:v></c:pt><c:pt idx="2"><c:v>2</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser>` +
    `<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>` +
    `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;
  p["xl/pivotCache/pivotCacheDefinition1.xml"] =
    `${H}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="rId1" refreshOnLoad="1" recordCount="3"><cacheSource type="worksheet"><worksheetSource ref="A1:C4" sheet="入力"/></cacheSource>` +
    `<cacheFields count="3"><cacheField name="項番" numFmtId="0"><sharedItems/></cacheField><cacheField name="担当府省庁" numFmtId="0"><sharedItems count="3"><s v="内閣官房"/><s v="総務省"/><s v="経済産業省"/></sharedItems></cacheField>` +
    `<cacheField name="件数" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="2" maxValue="5"/></cacheField></cacheFields></pivotCacheDefinition>`;
  p["xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels"] = rels([
    ["rId1", "pivotCacheRecords", "pivotCacheRecords1.xml"],
  ]);
  p["xl/pivotCache/pivotCacheRecords1.xml"] =
    `${H}<pivotCacheRecords xmlns="${MAIN}" count="3"><r><s v="(ア)"/><x v="0"/><n v="3"/></r><r><s v="(イ)"/><x v="1"/><n v="5"/></r><r><s v="(ウ)"/><x v="2"/><n v="2"/></r></pivotCacheRecords>`;
  p["xl/pivotTables/pivotTable1.xml"] =
    `${H}<pivotTableDefinition xmlns="${MAIN}" name="ピボットテーブル1" cacheId="1" dataCaption="値" createdVersion="6" updatedVersion="6" minRefreshableVersion="3" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" itemPrintTitles="1" indent="0" outline="1" outlineData="1">` +
    `<location ref="A3:B7" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="3"><pivotField showAll="0"/><pivotField axis="axisRow" showAll="0"><items count="4"><item x="0"/><item x="2"/><item x="1"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields>` +
    `<rowFields count="1"><field x="1"/></rowFields><rowItems count="4"><i><x/></i><i><x v="1"/></i><i><x v="2"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems>` +
    `<dataFields count="1"><dataField name="合計 / 件数" fld="2" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`;
  p["xl/pivotTables/_rels/pivotTable1.xml.rels"] = rels([
    ["rId1", "pivotCacheDefinition", "../pivotCache/pivotCacheDefinition1.xml"],
  ]);

  p["xl/worksheets/sheet3.xml"] =
    `${H}<worksheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData><row r="1">${s("A1", 4)}</row><row r="2">${s("A2", 6)}</row><row r="3">${s("A3", 8)}</row></sheetData></worksheet>`;

  const out: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(p)) out[k] = typeof v === "string" ? strToU8(v) : v;
  return out;
}

export function userWorkbook(macro = false): Uint8Array {
  return zipSync(userWorkbookParts(macro), { mtime: new Date(Date.UTC(2024, 3, 1)) });
}
