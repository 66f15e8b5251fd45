/**
 * DrawingML chart part (xl/charts/chartN.xml) for a ChartPlan: series reference the plan's
 * cells ('Sheet'!$B$5:$B$9) and carry cached values (the plan's categories/series), so readers
 * that do not recalculate still draw the chart. Element order follows the schema's sequences.
 */
import { cellAddress, quoteSheetName } from "../workbook/geometry";
import type { CellRef, ChartDataLabelsPlan, ChartPlan } from "../workbook/plan";
import { escapeXml, XML_HEADER } from "./xml";

export interface ChartSeriesRefs {
  name: string;
  nameRef: string;
  categoriesRef: string;
  valuesRef: string;
  values: number[];
}

function ref(sheet: string, from: CellRef, to: CellRef): string {
  const a = cellAddress(from, true);
  const b = cellAddress(to, true);
  return `${quoteSheetName(sheet)}!${a === b ? a : `${a}:${b}`}`;
}

/**
 * The cell references of each series, as Excel derives them from the data range: by columns,
 * the first column holds categories and each further column a series named by its first row.
 */
export function seriesRefs(
  chart: ChartPlan,
  sheetName: string
): { categoriesRef: string; series: ChartSeriesRefs[] } {
  const { row, column, rowCount, columnCount } = chart.dataRange;
  const lastRow = row + rowCount - 1;
  const lastColumn = column + columnCount - 1;
  if (chart.seriesBy === "columns") {
    const categoriesRef = ref(sheetName, { row: row + 1, column }, { row: lastRow, column });
    return {
      categoriesRef,
      series: chart.series.map((s, i) => ({
        name: s.name,
        nameRef: ref(sheetName, { row, column: column + 1 + i }, { row, column: column + 1 + i }),
        categoriesRef,
        valuesRef: ref(
          sheetName,
          { row: row + 1, column: column + 1 + i },
          { row: lastRow, column: column + 1 + i }
        ),
        values: s.values,
      })),
    };
  }
  const categoriesRef = ref(sheetName, { row, column: column + 1 }, { row, column: lastColumn });
  return {
    categoriesRef,
    series: chart.series.map((s, i) => ({
      name: s.name,
      nameRef: ref(sheetName, { row: row + 1 + i, column }, { row: row + 1 + i, column }),
      categoriesRef,
      valuesRef: ref(
        sheetName,
        { row: row + 1 + i, column: column + 1 },
        { row: row + 1 + i, column: lastColumn }
      ),
      values: s.values,
    })),
  };
}

const strCache = (values: readonly string[]) =>
  `<c:strCache><c:ptCount val="${values.length}"/>${values
    .map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`)
    .join("")}</c:strCache>`;

const numCache = (values: readonly number[]) =>
  `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${values
    .map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)
    .join("")}</c:numCache>`;

/** "#1D4ED8" → "1D4ED8" (DrawingML colours have no #). */
const rgb = (color: string) => color.replace(/^#/, "").toUpperCase();
const solid = (color: string) =>
  `<c:spPr><a:solidFill><a:srgbClr val="${rgb(color)}"/></a:solidFill></c:spPr>`;

const LABEL_POSITION: Record<NonNullable<ChartDataLabelsPlan["position"]>, string> = {
  outsideEnd: "outEnd",
  insideEnd: "inEnd",
  center: "ctr",
};

/** c:dLbls in the schema's order: numFmt, spPr, txPr, dLblPos, then the show flags. */
function dataLabelsXml(labels: ChartDataLabelsPlan): string {
  const font = labels.fontColor
    ? `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr><a:solidFill><a:srgbClr val="${rgb(labels.fontColor)}"/></a:solidFill></a:defRPr></a:pPr><a:endParaRPr lang="ja-JP"/></a:p></c:txPr>`
    : "";
  return (
    `<c:dLbls><c:numFmt formatCode="${escapeXml(labels.numberFormat)}" sourceLinked="0"/>` +
    (labels.fill ? solid(labels.fill) : "") +
    font +
    (labels.position ? `<c:dLblPos val="${LABEL_POSITION[labels.position]}"/>` : "") +
    `<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`
  );
}

/** c:ser: name, own fill, point fills, labels, categories, values (CT_BarSer / CT_PieSer order). */
function seriesXml(s: ChartSeriesRefs, i: number, chart: ChartPlan): string {
  const plan = chart.series[i];
  const head = `<c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:strRef><c:f>${escapeXml(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>`;
  const fill = plan.color ? solid(plan.color) : "";
  const invert = chart.type === "doughnut" ? "" : `<c:invertIfNegative val="0"/>`;
  const points = (plan.pointColors ?? [])
    .map(
      (color, p) =>
        `<c:dPt><c:idx val="${p}"/>${chart.type === "doughnut" ? "" : `<c:invertIfNegative val="0"/>`}<c:bubble3D val="0"/>${solid(color)}</c:dPt>`
    )
    .join("");
  const labels = chart.dataLabels ? dataLabelsXml(chart.dataLabels) : "";
  const cat = `<c:cat><c:strRef><c:f>${escapeXml(s.categoriesRef)}</c:f>${strCache(chart.categories)}</c:strRef></c:cat>`;
  const val = `<c:val><c:numRef><c:f>${escapeXml(s.valuesRef)}</c:f>${numCache(s.values)}</c:numRef></c:val>`;
  return `<c:ser>${head}${fill}${invert}${points}${labels}${cat}${val}</c:ser>`;
}

const axisTitle = (text: string) =>
  `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="ja-JP"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;

function axes(chart: ChartPlan): string {
  const horizontal = chart.type === "barStacked";
  const cat = chart.categoryAxis ?? {};
  const val = chart.valueAxis ?? {};
  // A reversed category axis (bars top-down in table order) keeps the values at the bottom: the
  // value axis crosses it at its last category.
  const catAx = `<c:catAx><c:axId val="500001"/><c:scaling><c:orientation val="${cat.reversed ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/>${cat.title ? axisTitle(cat.title) : ""}<c:numFmt formatCode="${escapeXml(cat.numberFormat ?? "General")}" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const min = val.minimum === undefined ? "" : `<c:min val="${val.minimum}"/>`;
  const valAx = `<c:valAx><c:axId val="500002"/><c:scaling><c:orientation val="minMax"/>${min}</c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines/>${val.title ? axisTitle(val.title) : ""}<c:numFmt formatCode="${escapeXml(val.numberFormat ?? "General")}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500001"/><c:crosses val="${cat.reversed ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
  return catAx + valAx;
}

export function chartXml(chart: ChartPlan, dataSheetName: string): string {
  const { series } = seriesRefs(chart, dataSheetName);
  const ser = series.map((s, i) => seriesXml(s, i, chart)).join("");
  let plot: string;
  if (chart.type === "doughnut") {
    const hole =
      chart.doughnutHoleSize === undefined ? "" : `<c:holeSize val="${chart.doughnutHoleSize}"/>`;
    plot = `<c:doughnutChart><c:varyColors val="1"/>${ser}<c:firstSliceAng val="0"/>${hole}</c:doughnutChart>`;
  } else {
    const bar = chart.type === "barStacked";
    const stacked = bar || chart.type === "columnStacked";
    plot =
      `<c:barChart><c:barDir val="${bar ? "bar" : "col"}"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${ser}` +
      (chart.gapWidth === undefined ? "" : `<c:gapWidth val="${chart.gapWidth}"/>`) +
      (chart.overlap === undefined ? "" : `<c:overlap val="${chart.overlap}"/>`) +
      `<c:axId val="500001"/><c:axId val="500002"/></c:barChart>` +
      axes(chart);
  }
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="ja-JP" sz="1200" b="1"/><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const legend =
    chart.legend === "none"
      ? ""
      : `<c:legend><c:legendPos val="${chart.legend === "right" ? "r" : "b"}"/><c:overlay val="0"/></c:legend>`;
  return (
    XML_HEADER +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/></a:defRPr></a:pPr><a:endParaRPr lang="ja-JP"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}
