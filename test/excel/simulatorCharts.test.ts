/**
 * The simulator's chart parts (series, points, data labels, axes) keep to the documentation the
 * renderer's chart test relies on: series come from the source range, colours and numbers are
 * checked, and a setting that does not apply to the chart type is refused.
 */
import { createExcelSimulator, type ExcelSimulator } from "../support/excelSimulator";

/* eslint-disable @typescript-eslint/no-explicit-any -- the simulator's proxies are driven the way office.js code drives them */
type Ctx = any;

const STATUS_TABLE = [
  ["進捗区分", "施策数"],
  ["継続", 12],
  ["拡充", 3],
  ["新規", 2],
];
const MINISTRY_TABLE = [
  ["府省庁", "継続", "拡充"],
  ["総務省", 5, 1],
  ["警察庁", 2, 0],
];

function sheetWith(values: (string | number)[][]): ExcelSimulator {
  const sim = createExcelSimulator();
  sim.workbook.fill("Sheet1", 0, 0, values);
  return sim;
}

const run = (sim: ExcelSimulator, batch: (ctx: Ctx) => Promise<void>) => sim.run<void>(batch);

function addChart(ctx: Ctx, type: string, address: string) {
  const ws = ctx.workbook.worksheets.getItem("Sheet1");
  return ws.charts.add(type, ws.getRange(address), "Columns");
}

test("by columns, each further column is a series named by its header cell, with a point per row", async () => {
  const sim = sheetWith(MINISTRY_TABLE);
  await run(sim, async (ctx) => {
    addChart(ctx, "BarStacked", "A1:C3");
    await ctx.sync();
  });
  const [chart] = sim.workbook.sheet("Sheet1").charts;
  expect(chart.series.map((s) => [s.name, s.pointFills.length, s.fill])).toEqual([
    ["継続", 2, null],
    ["拡充", 2, null],
  ]);
});

test("series and point fills, labels and axes are recorded at sync, not before", async () => {
  const sim = sheetWith(STATUS_TABLE);
  await run(sim, async (ctx) => {
    const chart = addChart(ctx, "ColumnClustered", "A1:B4");
    const series = chart.series.getItemAt(0);
    series.format.fill.setSolidColor("#1F4E78");
    series.points.getItemAt(2).format.fill.setSolidColor("#D45500");
    series.gapWidth = 80;
    chart.dataLabels.showValue = true;
    chart.dataLabels.position = "OutsideEnd";
    chart.dataLabels.numberFormat = "0";
    chart.axes.valueAxis.title.text = "施策数";
    chart.axes.valueAxis.minimum = 0;
    chart.axes.categoryAxis.reversePlotOrder = true;
    expect(sim.workbook.sheet("Sheet1").charts).toHaveLength(0);
    await ctx.sync();
  });
  const [chart] = sim.workbook.sheet("Sheet1").charts;
  expect(chart.series[0]).toMatchObject({
    name: "施策数",
    fill: "#1F4E78",
    pointFills: [null, null, "#D45500"],
    gapWidth: 80,
  });
  expect(chart.dataLabels).toMatchObject({
    showValue: true,
    position: "OutsideEnd",
    numberFormat: "0",
  });
  expect(chart.axes.value).toMatchObject({ title: "施策数", minimum: 0 });
  expect(chart.axes.category.reversePlotOrder).toBe(true);
});

test.each<[string, string, string, (ctx: Ctx, chart: any) => void]>([
  [
    "a series that is not there",
    "ColumnClustered",
    "A1:B4",
    (_, c) => c.series.getItemAt(1).format.fill.setSolidColor("#000000"),
  ],
  [
    "a point that is not there",
    "ColumnClustered",
    "A1:B4",
    (_, c) => c.series.getItemAt(0).points.getItemAt(3).format.fill.setSolidColor("#000000"),
  ],
  [
    "a colour that is not one",
    "ColumnClustered",
    "A1:B4",
    (_, c) => c.series.getItemAt(0).format.fill.setSolidColor("#12345"),
  ],
  [
    "a gap width on a doughnut",
    "Doughnut",
    "A1:B4",
    (_, c) => (c.series.getItemAt(0).gapWidth = 50),
  ],
  [
    "a hole size on a bar chart",
    "BarStacked",
    "A1:B4",
    (_, c) => (c.series.getItemAt(0).doughnutHoleSize = 50),
  ],
  ["an overlap over 100", "BarStacked", "A1:B4", (_, c) => (c.series.getItemAt(0).overlap = 150)],
  [
    "an unknown label position",
    "ColumnClustered",
    "A1:B4",
    (_, c) => (c.dataLabels.position = "Outside"),
  ],
  [
    "an unknown axis position",
    "ColumnClustered",
    "A1:B4",
    (_, c) => (c.axes.categoryAxis.position = "Top"),
  ],
])("%s is refused with InvalidArgument", async (_, type, address, act) => {
  const sim = sheetWith(STATUS_TABLE);
  await expect(
    run(sim, async (ctx) => {
      act(ctx, addChart(ctx, type, address));
      await ctx.sync();
    })
  ).rejects.toMatchObject({ code: "InvalidArgument" });
});
