/**
 * What a ChartPlan says beyond type, data, title and legend: fills, value labels, axes, gap width,
 * doughnut hole. Only what the plan sets is touched, so Excel and the .xlsx file (chartXml.ts) draw
 * the same chart. Every member used is in ExcelApi 1.8 or below (under the 1.12 the add-in needs):
 * ChartFill.setSolidColor, ChartSeriesCollection/ChartPointsCollection.getItemAt, Chart.dataLabels,
 * ChartAxis.title and minimum (1.1); ChartSeries.gapWidth, doughnutHoleSize and
 * ChartAxis.reversePlotOrder (1.7); ChartSeries.overlap, ChartDataLabels.numberFormat,
 * ChartAxis.numberFormat and position (1.8).
 * https://learn.microsoft.com/javascript/api/excel/excel.chartseries
 */
import type { ChartAxisPlan, ChartDataLabelsPlan, ChartPlan } from "../../workbook/plan";

const LABEL_POSITION = {
  outsideEnd: "OutsideEnd",
  insideEnd: "InsideEnd",
  center: "Center",
} as const satisfies Record<NonNullable<ChartDataLabelsPlan["position"]>, string>;

function formatAxis(axis: Excel.ChartAxis, plan: ChartAxisPlan): void {
  if (plan.title !== undefined) axis.title.text = plan.title;
  if (plan.numberFormat !== undefined) axis.numberFormat = plan.numberFormat;
  if (plan.minimum !== undefined) axis.minimum = plan.minimum;
  if (plan.reversed) {
    axis.reversePlotOrder = true;
    // The value axis crosses at the last category: it stays at the bottom, as in chartXml.ts.
    axis.position = "Maximum";
  }
}

/** Queues the plan's formatting on a chart just added (no sync, no load). */
export function formatChart(chart: Excel.Chart, plan: ChartPlan): void {
  plan.series.forEach((s, i) => {
    const needsSeries =
      s.color !== undefined ||
      s.pointColors !== undefined ||
      (i === 0 &&
        (plan.gapWidth !== undefined ||
          plan.overlap !== undefined ||
          plan.doughnutHoleSize !== undefined));
    if (!needsSeries) return;
    const series = chart.series.getItemAt(i);
    if (s.color !== undefined) series.format.fill.setSolidColor(s.color);
    s.pointColors?.forEach((color, p) =>
      series.points.getItemAt(p).format.fill.setSolidColor(color)
    );
    // Gap width, overlap and hole size belong to the chart group: setting them on its first series sets them for all.
    if (i === 0) {
      if (plan.gapWidth !== undefined) series.gapWidth = plan.gapWidth;
      if (plan.overlap !== undefined) series.overlap = plan.overlap;
      if (plan.doughnutHoleSize !== undefined) series.doughnutHoleSize = plan.doughnutHoleSize;
    }
  });
  const labels = plan.dataLabels;
  if (labels) {
    const dl = chart.dataLabels;
    dl.showValue = true;
    dl.numberFormat = labels.numberFormat;
    if (labels.position !== undefined) dl.position = LABEL_POSITION[labels.position];
    if (labels.fill !== undefined) dl.format.fill.setSolidColor(labels.fill);
    if (labels.fontColor !== undefined) dl.format.font.color = labels.fontColor;
  }
  if (plan.categoryAxis) formatAxis(chart.axes.categoryAxis, plan.categoryAxis);
  if (plan.valueAxis) formatAxis(chart.axes.valueAxis, plan.valueAxis);
}

/** Actions and object paths formatChart queues, for the request size estimate. */
export function chartFormatCost(plan: ChartPlan): { actions: number; paths: number } {
  let actions = 0;
  let paths = 0;
  plan.series.forEach((s, i) => {
    const group = i === 0 ? [plan.gapWidth, plan.overlap, plan.doughnutHoleSize] : [];
    const groupSets = group.filter((x) => x !== undefined).length;
    const points = s.pointColors?.length ?? 0;
    if (s.color === undefined && points === 0 && groupSets === 0) return;
    paths += 2; // series collection, the series
    if (s.color !== undefined) {
      actions += 1;
      paths += 2; // format, fill
    }
    actions += points + groupSets;
    paths += points > 0 ? 1 + 3 * points : 0; // points; each point, its format, its fill
  });
  const l = plan.dataLabels;
  if (l) {
    const sets = [l.position, l.fill, l.fontColor].filter((x) => x !== undefined).length;
    actions += 2 + sets;
    const fill = l.fill !== undefined ? 1 : 0;
    const font = l.fontColor !== undefined ? 1 : 0;
    paths += 1 + (fill || font ? 1 : 0) + fill + font; // labels, their format, its fill and font
  }
  for (const a of [plan.categoryAxis, plan.valueAxis]) {
    if (!a) continue;
    const sets = [a.title, a.numberFormat, a.minimum].filter((x) => x !== undefined).length;
    actions += sets + (a.reversed ? 2 : 0);
    paths += 2 + (a.title !== undefined ? 1 : 0); // axes, the axis, its title
  }
  return { actions, paths };
}
