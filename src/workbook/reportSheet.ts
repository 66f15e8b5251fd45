/**
 * 検証結果: every problem with severity, code, place and message; rows about a measure link to
 * its row on 施策一覧. Errors first, then warnings, then notes; input order within each.
 */
import { optionalTextColumns, COLUMNS, type ColumnRole } from "../domain/columns";
import { matchHeader } from "../domain/headers";
import { problemLocation } from "../domain/messages";
import type { Lang, Measure, Problem, Severity } from "../domain/model";
import { columnLetter, range, rowHeightFor } from "./geometry";
import { MEASURES_SHEET_KEY, measureColumn, measureRow, type MeasureColumn } from "./measuresSheet";
import type { CellValue, SheetPlan } from "./plan";
import { COLORS, colourRowsByValue, emptySheet, LINK_FORMAT, tablePrint } from "./sheetPlan";
import { WORKBOOK_STRINGS } from "./strings";

export const REPORT_SHEET_KEY = "report";
export const REPORT_TABLE_NAME = "PlanProblems";
const WIDTHS = [10, 18, 30, 16, 70, 14];
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Index of the measure a problem is about: by 項番, else by source file and row. */
export function measureIndexFor(p: Problem, measures: readonly Measure[]): number {
  if (p.measureId) {
    const i = measures.findIndex(
      (m) => m.id === p.measureId && (!p.file || m.source.file === p.file)
    );
    if (i >= 0) return i;
    const j = measures.findIndex((m) => m.id === p.measureId);
    if (j >= 0) return j;
  }
  if (p.row !== undefined)
    return measures.findIndex(
      (m) =>
        m.source.file === p.file &&
        m.source.row === p.row &&
        (p.sheet === undefined || m.source.sheet === p.sheet)
    );
  return -1;
}

/** The 施策一覧 column for the source column a problem names ("担当府省庁" → owners); 項番 otherwise. */
const ROLE_COLUMN: Partial<Record<ColumnRole, MeasureColumn>> = {
  itemNumber: "id",
  owners: "owners",
  plan: "plan",
  combined: "results",
  results: "results",
  nextPlan: "nextPlan",
  chapter: "chapter",
  section: "section",
  subsection: "subsection",
  status: "status",
};
/** …and each optional text column shown on 施策一覧 (備考) links to its own column there. */
for (const c of optionalTextColumns(COLUMNS)) if (c.measuresSheet) ROLE_COLUMN[c.role] = c.fill.field;

export function targetColumn(p: Problem): number {
  const role = p.column ? matchHeader(p.column)?.role : undefined;
  const column = role ? ROLE_COLUMN[role] : undefined;
  return measureColumn(column ?? "id");
}

export function buildReportSheet(
  problems: readonly Problem[],
  measures: readonly Measure[],
  lang: Lang,
  name: string,
  message: (p: Problem, lang: Lang) => string
): SheetPlan {
  const t = WORKBOOK_STRINGS[lang];
  const sheet = emptySheet(REPORT_SHEET_KEY, "report", name);
  sheet.tabColor = COLORS.tab.report;
  const sorted = problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => SEVERITY_ORDER[a.p.severity] - SEVERITY_ORDER[b.p.severity] || a.i - b.i)
    .map((x) => x.p);
  const header = [
    t.report.severity,
    t.report.code,
    t.report.place,
    t.report.measureId,
    t.report.message,
    t.report.link,
  ];
  const rows: CellValue[][] = [];
  sorted.forEach((p, i) => {
    const target = measureIndexFor(p, measures);
    rows.push([
      t.severity[p.severity],
      p.code,
      problemLocation(p, lang),
      p.measureId ?? (target >= 0 ? measures[target].id : ""),
      message(p, lang),
      target >= 0 ? t.report.linkText : "",
    ]);
    if (target >= 0)
      sheet.links.push({
        at: { row: i + 1, column: 5 },
        target: {
          sheetKey: MEASURES_SHEET_KEY,
          cell: { row: measureRow(target), column: targetColumn(p) },
        },
        tooltip: measures[target].id,
      });
  });
  const body = rows.length > 0 ? rows : [["", "", "", "", t.report.none, ""]];
  sheet.blocks.push({ row: 0, column: 0, values: [header, ...body] });
  sheet.columns = WIDTHS.map((width, column) => ({ column, width }));
  sheet.tables.push({
    name: REPORT_TABLE_NAME,
    range: range(0, 0, body.length + 1, header.length),
    style: "TableStyleLight9",
  });
  sheet.formats.push({
    range: range(1, 0, body.length, header.length),
    format: { wrap: true, vertical: "top" },
  });
  if (rows.length > 0)
    sheet.formats.push({ range: range(1, 5, rows.length, 1), format: LINK_FORMAT });
  rows.forEach((r, i) => {
    const h = rowHeightFor(r, WIDTHS);
    if (h > 18) sheet.rowHeights.push({ row: i + 1, height: h });
  });
  const all = range(1, 0, body.length, header.length);
  const sev = `$${columnLetter(0)}2`;
  colourRowsByValue(sheet, all, sev, [
    { value: t.severity.error, format: { fill: COLORS.error, fontColor: COLORS.errorText } },
    { value: t.severity.warning, format: { fill: COLORS.warning, fontColor: COLORS.warningText } },
  ]);
  sheet.freeze = { rows: 1, columns: 0 };
  sheet.print = tablePrint(sheet, 0);
  return sheet;
}
