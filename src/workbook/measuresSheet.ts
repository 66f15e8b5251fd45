/**
 * 施策一覧: one Excel table, one row per measure (reposted ones too), in input order.
 * Row i+1 of the sheet holds measures[i]; other sheets link to it through `measureRow`.
 */
import {
  COLUMNS,
  optionalTextColumns,
  type ColumnTable,
  type OptionalTextField,
} from "../domain/columns";
import type { FiscalYears, HeadingRef, Lang, Measure, SourceRef } from "../domain/model";
import { STATUS_LABELS, statusRuleDescription } from "../domain/status";
import { columnLetter, range, rowHeightFor } from "./geometry";
import type { CellValue, SheetPlan } from "./plan";
import { COLORS, colourRowsByValue, emptySheet, tablePrint } from "./sheetPlan";
import { WORKBOOK_STRINGS } from "./strings";

export const MEASURES_SHEET_KEY = "measures";
export const MEASURES_TABLE_NAME = "PlanMeasures";

/** The columns every 施策一覧 has, before the column table's optional text columns (備考…). */
const LEADING = [
  "id",
  "chapter",
  "section",
  "subsection",
  "owners",
  "plan",
  "results",
  "nextPlan",
  "status",
  "statusRule",
  "reposted",
] as const;
/** …and after them. */
const TRAILING = ["source"] as const;
type FixedColumn = (typeof LEADING)[number] | (typeof TRAILING)[number];
/** A column of 施策一覧: a fixed one, or an optional text column's field (note). */
export type MeasureColumn = FixedColumn | OptionalTextField;

/** The column order of 施策一覧 for a column table: fixed columns, its optional text columns shown on the sheet, 出典. */
export function measureColumnsOf(columns: ColumnTable = COLUMNS): readonly string[] {
  let keys = columnOrders.get(columns);
  if (!keys) {
    const shown = optionalTextColumns(columns).filter((c) => c.measuresSheet);
    keys = [...LEADING, ...shown.map((c) => c.fill.field), ...TRAILING];
    columnOrders.set(columns, keys);
  }
  return keys;
}
/** measureValues runs once per measure: the order is worked out once per column table. */
const columnOrders = new WeakMap<ColumnTable, readonly string[]>();

/** Column order of the table (0-based indexes used by links and conditional formats). */
export const MEASURE_COLUMNS = measureColumnsOf(COLUMNS) as readonly MeasureColumn[];
export const measureColumn = (c: MeasureColumn): number => MEASURE_COLUMNS.indexOf(c);

const WIDTHS: Record<FixedColumn, number> = {
  id: 14,
  chapter: 20,
  section: 20,
  subsection: 20,
  owners: 14,
  plan: 48,
  results: 52,
  nextPlan: 48,
  status: 10,
  statusRule: 18,
  reposted: 7,
  source: 20,
};

const isFixed = (c: string): c is FixedColumn => c in WIDTHS;

/** The optional text column (of a column table) that fills `field`. */
const optionalColumn = (columns: ColumnTable, field: string) =>
  optionalTextColumns(columns).find((c) => c.fill.field === field);

function widthOf(c: string, columns: ColumnTable): number {
  return isFixed(c) ? WIDTHS[c] : (optionalColumn(columns, c)?.measuresSheet?.width ?? EXTRA_WIDTH);
}

/** The sheet row (0-based) that holds measures[index]. */
export const measureRow = (index: number): number => index + 1;

export function headingText(h: HeadingRef | null): string {
  if (!h) return "";
  return [h.number, h.title].filter((s) => s !== "").join(" ");
}

export function sourceText(s: SourceRef, lang: Lang): string {
  const parts = [s.file];
  if (s.sheet) parts.push(lang === "ja" ? `${s.sheet}シート` : `sheet ${s.sheet}`);
  if (s.page !== undefined) parts.push(lang === "ja" ? `${s.page}ページ` : `page ${s.page}`);
  if (s.line !== undefined) parts.push(lang === "ja" ? `${s.line}行目` : `line ${s.line}`);
  else if (s.row !== undefined) parts.push(lang === "ja" ? `${s.row}行目` : `row ${s.row}`);
  return parts.join(" ");
}

/** Width of an extra column (a ministry's own column, carried under its header). */
const EXTRA_WIDTH = 16;

export function measureValues(
  m: Measure,
  lang: Lang,
  extraColumns: readonly string[] = [],
  columns: ColumnTable = COLUMNS
): CellValue[] {
  const t = WORKBOOK_STRINGS[lang];
  const v: Record<FixedColumn, CellValue> = {
    id: m.id,
    chapter: headingText(m.chapter),
    section: headingText(m.section),
    subsection: headingText(m.subsection),
    owners: m.owners.length > 0 ? m.owners.join("\n") : m.ownersText,
    plan: m.plan,
    results: m.results,
    nextPlan: m.nextPlan,
    status: STATUS_LABELS[lang][m.status],
    statusRule: statusRuleDescription(m.statusRule, lang),
    reposted: m.reposted ? t.measures.repostedMark : "",
    source: sourceText(m.source, lang),
  };
  // An optional text column shows the measure's field of that name (備考: m.note).
  const fields = m as unknown as Partial<Record<string, string>>;
  const values: CellValue[] = measureColumnsOf(columns).map((c) =>
    isFixed(c) ? v[c] : (fields[c] ?? "")
  );
  for (const h of extraColumns) values.push(m.extra?.[h] ?? "");
  return values;
}

/** The extra columns of a plan table: its list (same header = one column), then any header only measures name. */
export function extraColumnsOf(
  measures: readonly Measure[],
  listed: readonly string[] = []
): string[] {
  const out = new Set(listed);
  for (const m of measures) if (m.extra) for (const h of Object.keys(m.extra)) out.add(h);
  return [...out];
}

export function measureHeaders(
  lang: Lang,
  years: FiscalYears | null,
  columns: ColumnTable = COLUMNS
): string[] {
  const t = WORKBOOK_STRINGS[lang].measures;
  const h: Record<FixedColumn, string> = {
    id: t.id,
    chapter: t.chapter,
    section: t.section,
    subsection: t.subsection,
    owners: t.owners,
    plan: t.plan(years?.plan ?? null),
    results: t.results,
    nextPlan: t.nextPlan(years?.next ?? null),
    status: t.status,
    statusRule: t.statusRule,
    reposted: t.reposted,
    source: t.source,
  };
  // An optional text column is headed by its name in the column table (備考 / Notes).
  return measureColumnsOf(columns).map((c) =>
    isFixed(c) ? h[c] : (optionalColumn(columns, c)?.names[lang] ?? c)
  );
}

export function buildMeasuresSheet(
  measures: readonly Measure[],
  years: FiscalYears | null,
  lang: Lang,
  name: string,
  extraColumns: readonly string[] = [],
  columns: ColumnTable = COLUMNS
): SheetPlan {
  const t = WORKBOOK_STRINGS[lang];
  const sheet = emptySheet(MEASURES_SHEET_KEY, "measures", name);
  sheet.tabColor = COLORS.tab.measures;
  // Columns the importer did not know come after the known ones, under their original headers.
  const extra = extraColumnsOf(measures, extraColumns);
  const keys = measureColumnsOf(columns);
  const width = keys.length + extra.length;
  const widths = [...keys.map((c) => widthOf(c, columns)), ...extra.map(() => EXTRA_WIDTH)];
  const rows = measures.map((m) => measureValues(m, lang, extra, columns));
  // An Excel table needs at least one data row.
  const body = rows.length > 0 ? rows : [widths.map(() => "" as CellValue)];
  const known = measureHeaders(lang, years, columns);
  // A table's headers are unique: an extra column named like a known one is told apart.
  const extraHeaders = extra.map((h) => (known.includes(h) ? `${h} (2)` : h));
  sheet.blocks.push({ row: 0, column: 0, values: [[...known, ...extraHeaders], ...body] });
  sheet.columns = widths.map((w, column) => ({ column, width: w }));
  sheet.tables.push({
    name: MEASURES_TABLE_NAME,
    range: range(0, 0, body.length + 1, width),
    style: "TableStyleMedium2",
  });
  sheet.formats.push({
    range: range(0, 0, 1, width),
    format: { bold: true, wrap: true, vertical: "center" },
  });
  sheet.formats.push({
    range: range(1, 0, body.length, width),
    format: { wrap: true, vertical: "top" },
  });
  sheet.formats.push({
    range: range(1, measureColumn("status"), body.length, 1),
    format: { horizontal: "center" },
  });
  sheet.rowHeights.push({ row: 0, height: 30 });
  rows.forEach((r, i) => {
    const h = rowHeightFor(r, widths);
    if (h > 18) sheet.rowHeights.push({ row: measureRow(i), height: h });
  });
  const statusRange = range(1, measureColumn("status"), body.length, 1);
  sheet.validations.push({
    range: statusRange,
    list: { kind: "inline", values: Object.values(STATUS_LABELS[lang]) },
    allowOther: false,
    prompt: t.measures.statusPrompt,
  });
  // Relative to the range's top-left (row 2): "$I2" for the status column.
  const statusCell = `$${columnLetter(measureColumn("status"))}2`;
  colourRowsByValue(sheet, statusRange, statusCell, [
    { value: STATUS_LABELS[lang].ended, format: { fill: COLORS.ended } },
    { value: STATUS_LABELS[lang].unreported, format: { fill: COLORS.unreported, fontColor: COLORS.errorText } },
  ]);
  sheet.freeze = { rows: 1, columns: 1 };
  sheet.print = tablePrint(sheet, 0);
  return sheet;
}
