/**
 * @jest-environment jsdom
 */
/**
 * One workbook plan drawn both ways: through Office.js (on the strict simulator) and into a .xlsx
 * file. Every chart reads back the same from both, and as the plan says: series and slice
 * colours, value labels, titles, axes, gap width, legend.
 */
import { STATUSES, type Lang } from "../../src/domain/model";
import { STATUS_LABELS } from "../../src/domain/status";
import { applyWorkbookPlan } from "../../src/excel/applyPlan";
import type { ExcelHost } from "../../src/excel/host";
import { buildWorkbookPlan } from "../../src/workbook/buildWorkbookPlan";
import type { WorkbookPlan } from "../../src/workbook/plan";
import { STATUS_COLORS } from "../../src/workbook/statusColors";
import { WORKBOOK_STRINGS } from "../../src/workbook/strings";
import { renderXlsx } from "../../src/xlsx/renderXlsx";
import { chartFromSimulator, chartFromXml, type ChartReadBack } from "../support/chartReadBack";
import { createExcelSimulator } from "../support/excelSimulator";
import { sampleTable } from "../workbook/fixtures";
import { readBack, type ReadBack } from "../xlsx/readBack";

/** The chart parts of a sheet, in drawing order: sheet rels → drawing → its chart rels. */
function chartPartsOf(rb: ReadBack, sheetName: string): string[] {
  const sheetPath = rb.sheetPath(sheetName);
  const relsPath = (part: string) => part.replace(/([^/]+)$/, "_rels/$1.rels");
  const resolve = (from: string, target: string) => {
    const parts = from.split("/").slice(0, -1);
    for (const seg of target.split("/")) {
      if (seg === "..") parts.pop();
      else parts.push(seg);
    }
    return parts.join("/");
  };
  const rels = (part: string) => {
    const path = relsPath(part);
    if (!rb.parts[path]) return new Map<string, string>();
    const doc = new DOMParser().parseFromString(rb.text(path), "application/xml");
    return new Map(
      Array.from(doc.getElementsByTagName("Relationship")).map((r) => [
        r.getAttribute("Id") ?? "",
        resolve(part, r.getAttribute("Target") ?? ""),
      ])
    );
  };
  const drawing = [...rels(sheetPath).values()].find((t) => t.includes("/drawings/"));
  if (!drawing) return [];
  const drawingRels = rels(drawing);
  const ids = [...rb.text(drawing).matchAll(/<c:chart [^>]*r:id="([^"]+)"/g)].map((m) => m[1]);
  return ids.map((id) => rb.text(drawingRels.get(id) ?? ""));
}

async function drawBothWays(plan: WorkbookPlan) {
  const sim = createExcelSimulator();
  await applyWorkbookPlan(plan, { host: sim as unknown as ExcelHost });
  const rb = readBack(await renderXlsx(plan));
  return plan.sheets
    .filter((s) => s.charts.length > 0)
    .map((s) => ({
      sheet: s,
      excel: sim.workbook.sheet(s.name).charts.map(chartFromSimulator),
      xlsx: chartPartsOf(rb, s.name).map(chartFromXml),
    }));
}

describe.each<Lang>(["ja", "en"])("charts drawn from one plan (%s)", (lang) => {
  let drawn: Awaited<ReturnType<typeof drawBothWays>>;
  beforeAll(async () => {
    drawn = await drawBothWays(buildWorkbookPlan(sampleTable(), { lang }));
  });
  const all = () =>
    drawn.flatMap((d) => d.excel.map((excel, i) => ({ d, excel, xlsx: d.xlsx[i] })));

  test("Excel and the file read back the same charts", () => {
    expect(drawn.length).toBeGreaterThan(1); // the dashboard and the ministry sheets
    for (const d of drawn) {
      expect(d.excel).toHaveLength(d.sheet.charts.length);
      expect(d.xlsx).toEqual(d.excel);
    }
  });

  test("what they read back is the plan: title, legend, series names and fills", () => {
    for (const { d, excel } of all()) {
      const plan = d.sheet.charts[d.excel.indexOf(excel)];
      expect(excel.title).toBe(plan.title);
      expect(excel.legend).toBe(
        plan.legend === "none" ? "none" : plan.legend === "bottom" ? "Bottom" : "Right"
      );
      // Series names come from the cells the chart reads (Excel) / their cached copy (file).
      expect(excel.series.map((s) => s.name)).toEqual(plan.series.map((s) => s.name));
      expect(excel.series.map((s) => s.fill)).toEqual(plan.series.map((s) => s.color ?? null));
      excel.series.forEach((s, i) =>
        expect(s.pointFills).toEqual(
          plan.categories.map((_, p) => plan.series[i].pointColors?.[p] ?? null)
        )
      );
      expect(excel.dataLabels.showValue).toBe(plan.dataLabels !== undefined);
      expect(excel.valueAxis.title).toBe(plan.valueAxis?.title ?? null);
      expect(excel.gapWidth).toBe(plan.gapWidth ?? null);
    }
  });

  test("each status has its colour on every chart, and the doughnut's labels sit on white", () => {
    const t = WORKBOOK_STRINGS[lang];
    const colorOf = Object.fromEntries(
      STATUSES.map((s) => [STATUS_LABELS[lang][s], STATUS_COLORS[s]])
    );
    const byName = (c: ChartReadBack) => c.type === "BarStacked";
    const bars = all().filter(({ excel }) => byName(excel));
    expect(bars).toHaveLength(1);
    for (const { excel, xlsx } of bars)
      for (const [i, s] of excel.series.entries()) {
        expect(s.fill).toBe(colorOf[s.name]);
        expect(xlsx.series[i].fill).toBe(colorOf[s.name]);
      }
    const doughnut = all().find(({ excel }) => excel.type === "Doughnut");
    expect(doughnut?.xlsx.series[0].pointFills).toEqual(STATUSES.map((s) => STATUS_COLORS[s]));
    expect(doughnut?.xlsx.dataLabels).toMatchObject({
      showValue: true,
      fill: "#FFFFFF",
      fontColor: "#000000",
    });
    // The ministry bars run top-down in table order, values at the bottom, whole numbers.
    expect(bars[0].xlsx.categoryAxis.reversed).toBe(true);
    expect(bars[0].excel.valueAxis).toMatchObject({
      numberFormat: "0",
      minimum: 0,
      title: t.dashboard.count,
    });
  });
});
