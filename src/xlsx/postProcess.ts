/**
 * What exceljs cannot write, added to its zip: native charts (chart + drawing parts and their
 * relationships), the generated-sheet markers, and repaired internal hyperlinks.
 */
import type { SheetPlan, WorkbookPlan } from "../workbook/plan";
import { chartXml } from "./chartXml";
import { drawingRelsXml, drawingXml, type ChartAnchor } from "./drawingXml";
import { addGeneratedMarker } from "./generatedMarker";
import { repairInternalHyperlinks } from "./hyperlinks";
import type { PackageFiles } from "./packageFiles";
import {
  addOverride,
  addRel,
  CONTENT_TYPE,
  nextRelId,
  REL,
  relativePath,
  relsPathOf,
  workbookSheets,
} from "./relationships";
import { sheetNameOf, type SheetNames } from "./writeSheet";
import { insertBeforeFirst, worksheetElementsAfter } from "./xml";

const AFTER_DRAWING = worksheetElementsAfter("drawing");

export function postProcess(files: PackageFiles, plan: WorkbookPlan, names: SheetNames): void {
  const entries = workbookSheets(files);
  for (const e of entries) {
    const relsPath = relsPathOf(e.path);
    const fixed = repairInternalHyperlinks(files.get(e.path) ?? "", files.get(relsPath));
    files.set(e.path, fixed.sheet);
    if (fixed.rels !== undefined) files.set(relsPath, fixed.rels);
  }
  for (const sheet of plan.sheets) {
    const name = sheetNameOf(names, sheet.key);
    const entry = entries.find((e) => e.name === name);
    if (!entry) throw new Error(`sheet "${name}" is missing from the written workbook`);
    if (sheet.charts.length > 0) addCharts(files, entry.path, sheet, names);
    if (sheet.generated) {
      const relsPath = relsPathOf(entry.path);
      const [keyPart, namePart] = files.freeNames("xl/customProperty", ".bin", 2);
      const edit = addGeneratedMarker(
        entry.path,
        files.get(entry.path) ?? "",
        files.get(relsPath),
        files.get("[Content_Types].xml") ?? "",
        [keyPart, namePart],
        sheet.key,
        name
      );
      files.set(entry.path, edit.sheet);
      files.set(relsPath, edit.rels);
      files.set("[Content_Types].xml", edit.contentTypes);
      for (const part of edit.parts) files.set(part.path, part.bytes);
    }
  }
}

function addCharts(
  files: PackageFiles,
  sheetPath: string,
  sheet: SheetPlan,
  names: SheetNames
): void {
  const drawingPath = files.freeName("xl/drawings/drawing", ".xml");
  const anchors: ChartAnchor[] = [];
  const chartRels: { relId: string; target: string }[] = [];
  let types = files.get("[Content_Types].xml") ?? "";
  sheet.charts.forEach((chart, i) => {
    const chartPath = files.freeName("xl/charts/chart", ".xml");
    files.set(chartPath, chartXml(chart, sheetNameOf(names, chart.dataSheetKey)));
    types = addOverride(types, `/${chartPath}`, CONTENT_TYPE.chart);
    const relId = `rId${i + 1}`;
    chartRels.push({ relId, target: relativePath(drawingPath, chartPath) });
    anchors.push({ from: chart.from, to: chart.to, relId, name: chart.title || `Chart ${i + 1}` });
  });
  files.set(drawingPath, drawingXml(anchors));
  files.set(relsPathOf(drawingPath), drawingRelsXml(chartRels));
  types = addOverride(types, `/${drawingPath}`, CONTENT_TYPE.drawing);
  files.set("[Content_Types].xml", types);

  const relsPath = relsPathOf(sheetPath);
  const rels = files.get(relsPath);
  const relId = nextRelId(rels);
  files.set(
    relsPath,
    addRel(rels, { id: relId, type: REL.drawing, target: relativePath(sheetPath, drawingPath) })
  );
  files.set(
    sheetPath,
    insertBeforeFirst(
      files.get(sheetPath) ?? "",
      `<drawing r:id="${relId}"/>`,
      AFTER_DRAWING,
      "worksheet"
    )
  );
}
