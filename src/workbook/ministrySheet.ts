/**
 * One sheet per ministry: its counts, a status chart and its measures (shared and reposted ones
 * too), each row linking back to its row on 施策一覧.
 */
import { STATUSES, type Lang, type Measure } from "../domain/model";
import { STATUS_LABELS } from "../domain/status";
import type { MinistryCount } from "./counts";
import { range } from "./geometry";
import { finishListTable, putListTable } from "./listTable";
import { DASHBOARD_SHEET_KEY, ministrySheetKey } from "./dashboardSheet";
import { MEASURES_SHEET_KEY, measureRow } from "./measuresSheet";
import type { CellValue, SheetPlan } from "./plan";
import {
  COLORS,
  emptySheet,
  HEADING_FORMAT,
  LINK_FORMAT,
  styleBlock,
  TITLE_FORMAT,
} from "./sheetPlan";
import { STATUS_COLORS } from "./statusColors";
import { WORKBOOK_STRINGS } from "./strings";

const WIDTHS = [14, 14, 10, 44, 48, 44, 7, 12];
/** Row of the measures table's header (0-based). */
export const MINISTRY_TABLE_TOP = 14;

export function buildMinistrySheet(
  count: MinistryCount,
  /** All measures with their index on 施策一覧. */
  measures: readonly { measure: Measure; index: number }[],
  lang: Lang,
  name: string,
  tableName: string
): SheetPlan {
  const t = WORKBOOK_STRINGS[lang];
  const labels = STATUS_LABELS[lang];
  const sheet = emptySheet(ministrySheetKey(count.name), "ministry", name);
  sheet.tabColor = COLORS.tab.ministry;
  const put = (row: number, column: number, values: CellValue[][]) =>
    sheet.blocks.push({ row, column, values });

  put(0, 0, [[t.ministry.title(count.name)]]);
  sheet.formats.push({ range: range(0, 0, 1, 1), format: TITLE_FORMAT });
  put(1, 0, [[t.ministry.backToDashboard]]);
  sheet.links.push({
    at: { row: 1, column: 0 },
    target: { sheetKey: DASHBOARD_SHEET_KEY, cell: { row: 0, column: 0 } },
  });
  sheet.formats.push({ range: range(1, 0, 1, 1), format: LINK_FORMAT });

  put(3, 0, [
    [t.ministry.measures, count.total],
    [t.ministry.shared, count.shared],
  ]);
  sheet.formats.push({ range: range(3, 0, 2, 2), format: { border: "thin" } });
  sheet.formats.push({ range: range(3, 1, 2, 1), format: { bold: true, numberFormat: "0" } });

  const statusTop = 6;
  const statusRows: CellValue[][] = [
    [t.measures.status, t.dashboard.count],
    ...STATUSES.map((s) => [labels[s], count.status[s]]),
  ];
  put(statusTop, 0, statusRows);
  styleBlock(sheet, statusTop, STATUSES.length, 2);
  sheet.charts.push({
    type: "columnClustered",
    title: t.ministry.chart(count.name),
    dataSheetKey: sheet.key,
    dataRange: range(statusTop, 0, statusRows.length, 2),
    seriesBy: "columns",
    categories: STATUSES.map((s) => labels[s]),
    series: [
      {
        name: String(statusRows[0][1]),
        values: STATUSES.map((s) => count.status[s]),
        // Each column in its status's colour, as on the dashboard.
        pointColors: STATUSES.map((s) => STATUS_COLORS[s]),
      },
    ],
    from: { row: 2, column: 3 },
    to: { row: MINISTRY_TABLE_TOP - 1, column: 4 },
    legend: "none",
    dataLabels: { position: "outsideEnd", numberFormat: "0" },
    valueAxis: { numberFormat: "0", minimum: 0 },
    gapWidth: 80,
  });

  put(MINISTRY_TABLE_TOP - 1, 0, [[t.ministry.listTitle]]);
  sheet.formats.push({ range: range(MINISTRY_TABLE_TOP - 1, 0, 1, 1), format: HEADING_FORMAT });
  const m = t.measures;
  const header = [
    m.id,
    m.owners,
    m.status,
    m.plan(null),
    m.results,
    m.nextPlan(null),
    m.reposted,
    t.ministry.row,
  ];
  const rows: CellValue[][] = measures.map(({ measure }) => [
    measure.id,
    measure.owners.join("\n"),
    labels[measure.status],
    measure.plan,
    measure.results,
    measure.nextPlan,
    measure.reposted ? m.repostedMark : "",
    t.ministry.open,
  ]);
  putListTable(sheet, MINISTRY_TABLE_TOP, tableName, header, rows);
  measures.forEach(({ measure, index }, i) => {
    sheet.links.push({
      at: { row: MINISTRY_TABLE_TOP + 1 + i, column: header.length - 1 },
      target: { sheetKey: MEASURES_SHEET_KEY, cell: { row: measureRow(index), column: 0 } },
      tooltip: measure.id,
    });
  });
  finishListTable(sheet, MINISTRY_TABLE_TOP, rows, WIDTHS, {
    column: header.length - 1,
    rows: rows.length,
  });
  return sheet;
}
