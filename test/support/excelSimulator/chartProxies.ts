/**
 * A chart's series, points, data labels and axes: what src/excel/ops/chartFormat.ts sets. Each
 * setter checks what its page documents and records the value on the model (SimChart), where
 * tests read it back.
 * - Series from the source range, first row/column naming them: https://learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1)
 * - getItemAt (zero-indexed): https://learn.microsoft.com/javascript/api/excel/excel.chartseriescollection#excel-excel-chartseriescollection-getitemat-member(1),
 *   https://learn.microsoft.com/javascript/api/excel/excel.chartpointscollection#excel-excel-chartpointscollection-getitemat-member(1)
 * - setSolidColor ("#RRGGBB" or a named HTML colour): https://learn.microsoft.com/javascript/api/excel/excel.chartfill#excel-excel-chartfill-setsolidcolor-member(1)
 * - gapWidth (bar and column charts; "Throws an invalid argument exception on invalid charts"),
 *   overlap ("a value between -100 and 100. Applies only to 2-D bar and 2-D column charts"),
 *   doughnutHoleSize ("Only valid on doughnut and doughnut exploded charts. Throws an
 *   InvalidArgument error on invalid charts"): https://learn.microsoft.com/javascript/api/excel/excel.chartseries
 * - Chart.dataLabels (every series): https://learn.microsoft.com/javascript/api/excel/excel.chartdatalabels
 * - Axis title, numberFormat, minimum, reversePlotOrder, position ("Automatic" | "Maximum" |
 *   "Minimum" | "Custom"): https://learn.microsoft.com/javascript/api/excel/excel.chartaxis
 */
import type { Rect } from "./address";
import type { PathNode, SimContext } from "./context";
import { simError } from "./errors";
import type { SimChart, SimChartAxis, SimChartSeries, SimSheet } from "./model";
import { SimProxy } from "./proxyBase";
import { checkColor } from "./rangeProxies";

const BAR_OR_COLUMN = /^(Bar|Column)(Clustered|Stacked|Stacked100)$/;
const DOUGHNUT = /^Doughnut(Exploded)?$/;
const LABEL_POSITIONS = new Set([
  "None",
  "Center",
  "InsideEnd",
  "InsideBase",
  "OutsideEnd",
  "Left",
  "Right",
  "Top",
  "Bottom",
  "BestFit",
  "Callout",
]);
const AXIS_POSITIONS = new Set(["Automatic", "Maximum", "Minimum", "Custom"]);

const newAxis = (): SimChartAxis => ({
  title: null,
  numberFormat: null,
  minimum: null,
  reversePlotOrder: false,
  position: "Automatic",
});

/**
 * The parts of a chart Excel makes from its source range: by columns, each column after the first
 * is a series named by its first cell; by rows, each row after the first. "Auto" picks columns
 * when the range is taller than wide, Excel's usual choice.
 */
export function chartParts(
  source: SimSheet,
  rect: Rect,
  seriesBy: string
): Pick<SimChart, "series" | "dataLabels" | "axes"> {
  const byColumns =
    seriesBy === "Columns" || (seriesBy === "Auto" && rect.rowCount >= rect.columnCount);
  const count = byColumns ? rect.columnCount - 1 : rect.rowCount - 1;
  const points = byColumns ? rect.rowCount - 1 : rect.columnCount - 1;
  const series: SimChartSeries[] = [];
  for (let i = 0; i < count; i++) {
    const cell = byColumns
      ? source.cell(rect.row, rect.column + 1 + i)
      : source.cell(rect.row + 1 + i, rect.column);
    series.push({
      name: cell === undefined ? "" : String(cell.value),
      fill: null,
      pointFills: new Array<string | null>(points).fill(null),
      gapWidth: null,
      overlap: null,
      doughnutHoleSize: null,
    });
  }
  return {
    series,
    dataLabels: {
      showValue: false,
      position: null,
      numberFormat: null,
      fill: null,
      fontColor: null,
    },
    axes: { category: newAxis(), value: newAxis() },
  };
}

/** A part of a chart with nothing to load: setters and methods only. */
abstract class ChartPart<T> extends SimProxy<T> {
  protected readProp(_t: T, prop: string): unknown {
    throw simError("InvalidArgument", `Loading '${prop}' of a chart part is not simulated.`);
  }
  protected child<P>(name: string, make: (path: PathNode) => P, args: unknown[] = []): P {
    return this.nav(`${name}${JSON.stringify(args)}`, () =>
      make(this.context.path(this._path, name, args))
    );
  }
}

/** format.fill of a series, a point or data labels: only setSolidColor. */
class SolidFill<T> extends ChartPart<T> {
  constructor(
    context: SimContext,
    path: PathNode,
    resolver: () => T | null,
    private readonly apply: (t: T, color: string) => void
  ) {
    super(context, path, resolver);
  }
  setSolidColor(color: string): void {
    this.queue("SetSolidColor", [color], (t) => this.apply(t, checkColor(color)));
  }
}

export class SimChartSeriesCollection extends ChartPart<SimChart> {
  getItemAt(index: number): SimChartSeriesProxy {
    return new SimChartSeriesProxy(
      this.context,
      this.context.path(this._path, "GetItemAt", [index]),
      () => {
        const chart = this.target();
        const s = chart.series[index];
        if (!Number.isInteger(index) || s === undefined)
          throw simError("InvalidArgument", `The chart has no series ${index}.`);
        return { chart, series: s };
      }
    );
  }
}

interface SeriesTarget {
  chart: SimChart;
  series: SimChartSeries;
}

export class SimChartSeriesProxy extends ChartPart<SeriesTarget> {
  get format(): { fill: SolidFill<SeriesTarget> } {
    return this.child("Format", (path) => ({
      fill: new SolidFill<SeriesTarget>(
        this.context,
        this.context.path(path, "Fill", []),
        () => this.target(),
        (t, c) => void (t.series.fill = c)
      ),
    }));
  }
  get points(): { getItemAt(index: number): { format: { fill: SolidFill<SeriesTarget> } } } {
    const points = this.child("Points", (path) => path);
    return {
      getItemAt: (index: number) => {
        const format = this.context.path(
          this.context.path(points, "GetItemAt", [index]),
          "Format",
          []
        );
        const fill = new SolidFill<SeriesTarget>(
          this.context,
          this.context.path(format, "Fill", []),
          () => this.target(),
          (t, c) => {
            if (!Number.isInteger(index) || index < 0 || index >= t.series.pointFills.length)
              throw simError("InvalidArgument", `The series has no point ${index}.`);
            t.series.pointFills[index] = c;
          }
        );
        return { format: { fill } };
      },
    };
  }
  private setNumber(
    prop: "gapWidth" | "overlap" | "doughnutHoleSize",
    v: unknown,
    chartType: RegExp,
    min: number,
    max: number
  ): void {
    this.queueSet(prop, v, (t) => {
      if (!chartType.test(t.chart.type))
        throw simError("InvalidArgument", `${prop} is not valid on a ${t.chart.type} chart.`);
      if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max)
        throw simError("InvalidArgument", `Invalid ${prop}: ${String(v)}`);
      t.series[prop] = v;
    });
  }
  set gapWidth(v: number) {
    this.setNumber("gapWidth", v, BAR_OR_COLUMN, 0, 500);
  }
  set overlap(v: number) {
    this.setNumber("overlap", v, BAR_OR_COLUMN, -100, 100);
  }
  set doughnutHoleSize(v: number) {
    this.setNumber("doughnutHoleSize", v, DOUGHNUT, 10, 90);
  }
}

export class SimChartDataLabels extends ChartPart<SimChart> {
  set showValue(v: boolean) {
    this.queueSet("showValue", v, (t) => {
      if (typeof v !== "boolean") throw simError("InvalidArgument", "showValue is a boolean.");
      t.dataLabels.showValue = v;
    });
  }
  set position(v: string) {
    this.queueSet("position", v, (t) => {
      if (!LABEL_POSITIONS.has(v))
        throw simError("InvalidArgument", `Invalid label position ${v}.`);
      t.dataLabels.position = v;
    });
  }
  set numberFormat(v: string) {
    this.queueSet("numberFormat", v, (t) => {
      if (typeof v !== "string") throw simError("InvalidArgument", "numberFormat is a string.");
      t.dataLabels.numberFormat = v;
    });
  }
  get format(): { fill: SolidFill<SimChart>; font: { color: string } } {
    const fill = this.child(
      "Format",
      (path) =>
        new SolidFill<SimChart>(
          this.context,
          this.context.path(path, "Fill", []),
          () => this.target(),
          (t, c) => void (t.dataLabels.fill = c)
        )
    );
    const setFont = (v: unknown) =>
      this.queueSet("format.font.color", v, (t) => {
        t.dataLabels.fontColor = checkColor(v);
      });
    return {
      fill,
      font: {
        get color(): string {
          throw simError("PropertyNotLoaded", "The property 'color' is not available.");
        },
        set color(v: string) {
          setFont(v);
        },
      },
    };
  }
}

export class SimChartAxisProxy extends ChartPart<SimChartAxis> {
  get title(): { text: string } {
    const set = (v: unknown) =>
      this.queueSet("title.text", v, (t) => {
        if (typeof v !== "string") throw simError("InvalidArgument", "An axis title is a string.");
        t.title = v;
      });
    return {
      get text(): string {
        throw simError("PropertyNotLoaded", "The property 'text' is not available.");
      },
      set text(v: string) {
        set(v);
      },
    };
  }
  set numberFormat(v: string) {
    this.queueSet("numberFormat", v, (t) => {
      if (typeof v !== "string") throw simError("InvalidArgument", "numberFormat is a string.");
      t.numberFormat = v;
    });
  }
  set minimum(v: number) {
    this.queueSet("minimum", v, (t) => {
      if (typeof v !== "number" || !Number.isFinite(v))
        throw simError("InvalidArgument", `Invalid minimum ${String(v)}.`);
      t.minimum = v;
    });
  }
  set reversePlotOrder(v: boolean) {
    this.queueSet("reversePlotOrder", v, (t) => {
      if (typeof v !== "boolean")
        throw simError("InvalidArgument", "reversePlotOrder is a boolean.");
      t.reversePlotOrder = v;
    });
  }
  set position(v: string) {
    this.queueSet("position", v, (t) => {
      if (!AXIS_POSITIONS.has(v)) throw simError("InvalidArgument", `Invalid axis position ${v}.`);
      t.position = v;
    });
  }
}

export class SimChartAxes extends ChartPart<SimChart> {
  get categoryAxis(): SimChartAxisProxy {
    return this.child(
      "CategoryAxis",
      (path) => new SimChartAxisProxy(this.context, path, () => this.target().axes.category)
    );
  }
  get valueAxis(): SimChartAxisProxy {
    return this.child(
      "ValueAxis",
      (path) => new SimChartAxisProxy(this.context, path, () => this.target().axes.value)
    );
  }
}
