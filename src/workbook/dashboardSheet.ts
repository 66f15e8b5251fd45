/**
 * ダッシュボード: totals, a status table, a chapter table and a ministry × status table with
 * totals (left, columns A-H), and three native charts reading those tables (right, from J).
 */
import { STATUSES, type FiscalYears, type Lang } from "../domain/model";
import { STATUS_LABELS } from "../domain/status";
import type { WorkbookCounts } from "./counts";
import { range, rowHeightFor } from "./geometry";
import { MEASURES_SHEET_KEY } from "./measuresSheet";
import type { CellValue, ChartPlan, SheetPlan } from "./plan";
import { REPORT_SHEET_KEY } from "./reportSheet";
import {
  BLOCK_HEADER_FORMAT,
  COLORS,
  emptySheet,
  HEADING_FORMAT,
  LINK_FORMAT,
  styleBlock,
  TITLE_FORMAT,
} from "./sheetPlan";
import { LABELS_ON_FILLS, SINGLE_SERIES_COLOR, STATUS_COLORS } from "./statusColors";
import { WORKBOOK_STRINGS } from "./strings";

export const DASHBOARD_SHEET_KEY = "dashboard";
export const ministrySheetKey = (ministry: string): string => `ministry:${ministry}`;

/** Columns of the widest table, ministry × status: the ministry, each status, the total, the link. */
const TABLE_COLUMNS = 1 + STATUSES.length + 2;
/** Charts start after the tables and a narrow spacer column (J with five statuses). */
const CHART_COLUMN = TABLE_COLUMNS + 1;
const CHART_WIDTH_COLUMNS = 9;
const LABEL_WIDTH = 36;

export function buildDashboardSheet(
  counts: WorkbookCounts,
  years: FiscalYears | null,
  lang: Lang,
  name: string
): SheetPlan {
  const t = WORKBOOK_STRINGS[lang];
  const d = t.dashboard;
  const labels = STATUS_LABELS[lang];
  const sheet = emptySheet(DASHBOARD_SHEET_KEY, "dashboard", name);
  sheet.tabColor = COLORS.tab.dashboard;
  const put = (row: number, column: number, values: CellValue[][]) =>
    sheet.blocks.push({ row, column, values });

  put(0, 0, [[d.title(years)]]);
  sheet.formats.push({ range: range(0, 0, 1, 1), format: TITLE_FORMAT });
  put(1, 0, [[d.note]]);
  sheet.formats.push({ range: range(1, 0, 1, 1), format: { italic: true, fontColor: "#595959" } });

  // Totals, with links to the two list sheets.
  let r = 3;
  put(r, 0, [[d.totals]]);
  sheet.formats.push({ range: range(r, 0, 1, 1), format: HEADING_FORMAT });
  const totals: CellValue[][] = [
    [d.measures, counts.measures, t.sheet.measures],
    [d.ministries, counts.ministries.length, ""],
    [d.errors, counts.errors, t.sheet.report],
    [d.warnings, counts.warnings, ""],
  ];
  put(r + 1, 0, totals);
  sheet.formats.push({ range: range(r + 1, 0, totals.length, 2), format: { border: "thin" } });
  sheet.formats.push({
    range: range(r + 1, 1, totals.length, 1),
    format: { bold: true, numberFormat: "0" },
  });
  sheet.links.push(
    {
      at: { row: r + 1, column: 2 },
      target: { sheetKey: MEASURES_SHEET_KEY, cell: { row: 0, column: 0 } },
    },
    {
      at: { row: r + 3, column: 2 },
      target: { sheetKey: REPORT_SHEET_KEY, cell: { row: 0, column: 0 } },
    }
  );
  sheet.formats.push(
    { range: range(r + 1, 2, 1, 1), format: LINK_FORMAT },
    { range: range(r + 3, 2, 1, 1), format: LINK_FORMAT }
  );
  if (counts.errors > 0)
    sheet.formats.push({
      range: range(r + 3, 0, 1, 2),
      format: { fill: COLORS.error, fontColor: COLORS.errorText },
    });
  r += totals.length + 2;

  // Status table: the doughnut's data.
  put(r, 0, [[d.statusTable]]);
  sheet.formats.push({ range: range(r, 0, 1, 1), format: HEADING_FORMAT });
  const statusTop = r + 1;
  const statusRows: CellValue[][] = [
    [t.measures.status, d.count],
    ...STATUSES.map((s) => [labels[s], counts.status[s]]),
  ];
  put(statusTop, 0, statusRows);
  styleTable(sheet, statusTop, statusRows.length, 2);
  r = statusTop + statusRows.length + 1;

  // Chapter table: the column chart's data.
  put(r, 0, [[d.chapterTable]]);
  sheet.formats.push({ range: range(r, 0, 1, 1), format: HEADING_FORMAT });
  const chapterTop = r + 1;
  const chapters = counts.chapters.length > 0 ? counts.chapters : [{ chapter: "", measures: 0 }];
  const chapterRows: CellValue[][] = [
    [d.chapter, d.count],
    ...chapters.map((c) => [c.chapter || "-", c.measures]),
  ];
  put(chapterTop, 0, chapterRows);
  styleTable(sheet, chapterTop, chapterRows.length, 2);
  sheet.formats.push({
    range: range(chapterTop + 1, 0, chapters.length, 1),
    format: { wrap: true, vertical: "top" },
  });
  chapterRows.slice(1).forEach((row, i) => {
    const h = rowHeightFor(row, [LABEL_WIDTH, 9]);
    if (h > 18) sheet.rowHeights.push({ row: chapterTop + 1 + i, height: h });
  });
  r = chapterTop + chapterRows.length + 1;

  // Ministry × status with totals; the last column links to each ministry's sheet.
  put(r, 0, [[d.ministryTable]]);
  sheet.formats.push({ range: range(r, 0, 1, 1), format: HEADING_FORMAT });
  const ministryTop = r + 1;
  const header: CellValue[] = [d.ministry, ...STATUSES.map((s) => labels[s]), d.total, d.sheet];
  const body: CellValue[][] = counts.ministries.map((m) => [
    m.name,
    ...STATUSES.map((s) => m.status[s]),
    m.total,
    d.openSheet,
  ]);
  const totalRow: CellValue[] = [
    d.total,
    ...STATUSES.map((s) => counts.ministries.reduce((n, m) => n + m.status[s], 0)),
    counts.ministries.reduce((n, m) => n + m.total, 0),
    "",
  ];
  put(ministryTop, 0, [header, ...body, totalRow]);
  styleTable(sheet, ministryTop, body.length + 2, header.length - 1);
  sheet.formats.push({
    range: range(ministryTop, header.length - 1, 1, 1),
    format: BLOCK_HEADER_FORMAT,
  });
  sheet.formats.push({
    range: range(ministryTop + body.length + 1, 0, 1, header.length - 1),
    format: { bold: true, fill: COLORS.total, border: "thin" },
  });
  counts.ministries.forEach((m, i) => {
    sheet.links.push({
      at: { row: ministryTop + 1 + i, column: header.length - 1 },
      target: { sheetKey: ministrySheetKey(m.name), cell: { row: 0, column: 0 } },
      tooltip: m.name,
    });
  });
  if (body.length > 0)
    sheet.formats.push({
      range: range(ministryTop + 1, header.length - 1, body.length, 1),
      format: LINK_FORMAT,
    });

  sheet.columns = [
    { column: 0, width: LABEL_WIDTH },
    // Wide enough for "Continuing" / "Unreported" in English.
    ...Array.from({ length: TABLE_COLUMNS - 1 }, (_, i) => ({ column: i + 1, width: 11 })),
    { column: TABLE_COLUMNS, width: 3 },
  ];

  // Charts, stacked down the right-hand side.
  let top = 3;
  const place = (rows: number) => {
    const at = {
      from: { row: top, column: CHART_COLUMN },
      to: { row: top + rows, column: CHART_COLUMN + CHART_WIDTH_COLUMNS },
    };
    top += rows + 1;
    return at;
  };
  if (counts.ministries.length > 0) {
    const rows = Math.max(16, Math.ceil(counts.ministries.length * 1.4) + 5);
    sheet.charts.push({
      type: "barStacked",
      title: d.chartByMinistry,
      dataSheetKey: DASHBOARD_SHEET_KEY,
      dataRange: range(ministryTop, 0, body.length + 1, 1 + STATUSES.length),
      seriesBy: "columns",
      categories: counts.ministries.map((m) => m.name),
      series: STATUSES.map((s) => ({
        name: labels[s],
        values: counts.ministries.map((m) => m.status[s]),
        color: STATUS_COLORS[s],
      })),
      ...place(rows),
      legend: "bottom",
      // Ministries top-down in table order; whole measures on the value axis.
      categoryAxis: { reversed: true },
      valueAxis: { title: d.count, numberFormat: "0", minimum: 0 },
      gapWidth: 50,
      overlap: 100,
    });
  }
  const share = chartFromRows("doughnut", d.chartShare, statusTop, statusRows, place(16), "right");
  share.series[0].pointColors = STATUSES.map((s) => STATUS_COLORS[s]);
  share.dataLabels = { numberFormat: "0", ...LABELS_ON_FILLS };
  share.doughnutHoleSize = 50;
  sheet.charts.push(share);
  // Without any chapter (a ministry's own sheet, a paste) the chart would be one bar "-": left out.
  if (counts.chapters.some((c) => c.chapter !== "")) {
    const byChapter = chartFromRows(
      "columnClustered",
      d.chartByChapter,
      chapterTop,
      chapterRows,
      place(18),
      "none"
    );
    byChapter.series[0].color = SINGLE_SERIES_COLOR;
    byChapter.dataLabels = { position: "outsideEnd", numberFormat: "0" };
    byChapter.categoryAxis = { title: d.chapter };
    byChapter.valueAxis = { title: d.count, numberFormat: "0", minimum: 0 };
    byChapter.gapWidth = 80;
    sheet.charts.push(byChapter);
  }

  sheet.print = { orientation: "landscape", paperSize: "A4", fitToWidth: true, fitToHeight: true };
  return sheet;
}

/** A one-series chart over a two-column block (header row, then category/value rows) at column A. */
function chartFromRows(
  type: ChartPlan["type"],
  title: string,
  top: number,
  rows: CellValue[][],
  at: Pick<ChartPlan, "from" | "to">,
  legend: ChartPlan["legend"]
): ChartPlan {
  return {
    type,
    title,
    dataSheetKey: DASHBOARD_SHEET_KEY,
    dataRange: range(top, 0, rows.length, 2),
    seriesBy: "columns",
    categories: rows.slice(1).map((r) => String(r[0])),
    series: [{ name: String(rows[0][1]), values: rows.slice(1).map((r) => Number(r[1])) }],
    ...at,
    legend,
  };
}

function styleTable(sheet: SheetPlan, top: number, rowCount: number, columnCount: number): void {
  styleBlock(sheet, top, rowCount - 1, columnCount);
  if (columnCount > 1)
    sheet.formats.push({
      range: range(top + 1, 1, rowCount - 1, columnCount - 1),
      format: { numberFormat: "0", horizontal: "right" },
    });
}
