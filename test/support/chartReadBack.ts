/**
 * What a drawn chart reads back as, in one shape for both renderers: from the Excel simulator's
 * model (what the Office.js calls set) and from an .xlsx chart part parsed with the DOM's XML
 * parser (not our writer's code). Colours are "#RRGGBB" upper case; label positions use Office.js
 * names; an axis number format "General" is Excel's default, read as null.
 */
import type { SimChart, SimChartAxis } from "./excelSimulator/model";

export interface AxisReadBack {
  title: string | null;
  numberFormat: string | null;
  minimum: number | null;
  /** Categories run backwards and the other axis crosses at the last one. */
  reversed: boolean;
}

export interface ChartReadBack {
  type: string;
  title: string | null;
  legend: "Right" | "Bottom" | "none";
  series: { name: string; fill: string | null; pointFills: (string | null)[] }[];
  dataLabels: {
    showValue: boolean;
    position: string | null;
    numberFormat: string | null;
    fill: string | null;
    fontColor: string | null;
  };
  categoryAxis: AxisReadBack;
  valueAxis: AxisReadBack;
  gapWidth: number | null;
  overlap: number | null;
  doughnutHoleSize: number | null;
}

const upper = (c: string | null) => (c === null ? null : `#${c.replace(/^#/, "").toUpperCase()}`);

const simAxis = (a: SimChartAxis): AxisReadBack => ({
  title: a.title,
  numberFormat: a.numberFormat,
  minimum: a.minimum,
  reversed: a.reversePlotOrder && a.position === "Maximum",
});

/** The simulator's record of a chart. Value axis "reversed": the category axis's crossing. */
export function chartFromSimulator(c: SimChart): ChartReadBack {
  const first = c.series[0];
  return {
    type: c.type,
    title: c.title,
    legend: c.legend.visible ? (c.legend.position as "Right" | "Bottom") : "none",
    series: c.series.map((s) => ({
      name: s.name,
      fill: upper(s.fill),
      pointFills: s.pointFills.map(upper),
    })),
    dataLabels: {
      ...c.dataLabels,
      fill: upper(c.dataLabels.fill),
      fontColor: upper(c.dataLabels.fontColor),
    },
    categoryAxis: simAxis(c.axes.category),
    valueAxis: { ...simAxis(c.axes.value), reversed: false },
    gapWidth: first?.gapWidth ?? null,
    overlap: first?.overlap ?? null,
    doughnutHoleSize: first?.doughnutHoleSize ?? null,
  };
}

const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";

/** Child elements of `el` named c:`name` (direct children only). */
const kids = (el: Element, name: string, ns = C) =>
  Array.from(el.children).filter((k) => k.namespaceURI === ns && k.localName === name);
const kid = (el: Element | null | undefined, name: string, ns = C): Element | null =>
  el ? (kids(el, name, ns)[0] ?? null) : null;
const val = (el: Element | null) => (el ? el.getAttribute("val") : null);
const num = (el: Element | null) => (el ? Number(el.getAttribute("val")) : null);
/** The srgbClr of an spPr's solid fill (or of a text run property's). */
const solidFill = (el: Element | null) => upper(val(kid(kid(el, "solidFill", A), "srgbClr", A)));
const text = (el: Element | null) =>
  el
    ? Array.from(el.getElementsByTagNameNS(A, "t"))
        .map((t) => t.textContent ?? "")
        .join("")
    : null;

const XML_TYPES: Record<string, string> = {
  "bar:stacked": "BarStacked",
  "col:clustered": "ColumnClustered",
  "col:stacked": "ColumnStacked",
  "bar:clustered": "BarClustered",
};
const XML_LABEL_POSITIONS: Record<string, string> = {
  outEnd: "OutsideEnd",
  inEnd: "InsideEnd",
  ctr: "Center",
  inBase: "InsideBase",
  bestFit: "BestFit",
};

function xmlAxis(ax: Element | null, other: Element | null): AxisReadBack {
  const format = kid(ax, "numFmt")?.getAttribute("formatCode") ?? null;
  return {
    title: ax && kid(ax, "title") ? text(kid(ax, "title")) : null,
    numberFormat: format === "General" ? null : format,
    minimum: num(kid(kid(ax, "scaling"), "min")),
    reversed:
      val(kid(kid(ax, "scaling"), "orientation")) === "maxMin" &&
      val(kid(other, "crosses")) === "max",
  };
}

/** A chart part (xl/charts/chartN.xml) as drawn: needs a DOMParser (jsdom test environment). */
export function chartFromXml(xml: string): ChartReadBack {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  if (doc.getElementsByTagName("parsererror").length > 0) throw new Error("chart part is not XML");
  const chart = kid(doc.documentElement, "chart");
  const plot = kid(chart, "plotArea");
  if (!chart || !plot) throw new Error("no c:chart/c:plotArea");
  const group = Array.from(plot.children).find((k) => k.localName.endsWith("Chart"));
  if (!group) throw new Error("no chart group");
  const type =
    group.localName === "doughnutChart"
      ? "Doughnut"
      : (XML_TYPES[`${val(kid(group, "barDir"))}:${val(kid(group, "grouping"))}`] ??
        group.localName);
  const categories = (ser: Element) =>
    Number(val(kid(kid(kid(kid(ser, "cat"), "strRef"), "strCache"), "ptCount")) ?? 0);
  const series = kids(group, "ser").map((ser) => {
    const pointFills = new Array<string | null>(categories(ser)).fill(null);
    for (const dPt of kids(ser, "dPt"))
      pointFills[num(kid(dPt, "idx")) ?? -1] = solidFill(kid(dPt, "spPr"));
    return {
      name: kid(kid(kid(kid(kid(ser, "tx"), "strRef"), "strCache"), "pt"), "v")?.textContent ?? "",
      fill: solidFill(kid(ser, "spPr")),
      pointFills,
      labels: kid(ser, "dLbls"),
    };
  });
  // Labels are written on every series alike; an unlabelled chart has none.
  const labelXml = series.map((s) => (s.labels ? s.labels.outerHTML : ""));
  if (new Set(labelXml).size > 1) throw new Error("series labelled differently");
  const dl = series[0]?.labels ?? null;
  const defRPr = dl ? dl.getElementsByTagNameNS(A, "defRPr")[0] : null;
  const catAx = kid(plot, "catAx");
  const valAx = kid(plot, "valAx");
  const legend = kid(chart, "legend");
  const legendPos = val(kid(legend, "legendPos"));
  return {
    type,
    title: kid(chart, "title") ? text(kid(chart, "title")) : null,
    legend: !legend ? "none" : legendPos === "b" ? "Bottom" : "Right",
    series: series.map(({ name, fill, pointFills }) => ({ name, fill, pointFills })),
    dataLabels: {
      showValue: val(kid(dl, "showVal")) === "1",
      position:
        dl && kid(dl, "dLblPos") ? XML_LABEL_POSITIONS[val(kid(dl, "dLblPos")) ?? ""] : null,
      numberFormat: kid(dl, "numFmt")?.getAttribute("formatCode") ?? null,
      fill: solidFill(kid(dl, "spPr")),
      fontColor: defRPr ? solidFill(defRPr) : null,
    },
    categoryAxis: xmlAxis(catAx, valAx),
    valueAxis: { ...xmlAxis(valAx, catAx), reversed: false },
    gapWidth: num(kid(group, "gapWidth")),
    overlap: num(kid(group, "overlap")),
    doughnutHoleSize: num(kid(group, "holeSize")),
  };
}
