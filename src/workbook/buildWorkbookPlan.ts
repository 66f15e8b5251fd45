/**
 * PlanTable → WorkbookPlan (pure): 施策一覧, 検証結果, ダッシュボード and one sheet per ministry,
 * in that order on the tabs but with the dashboard activated first.
 */
import type { Lang, Measure, PlanTable, Problem } from "../domain/model";
import type { MinistryOrder } from "../domain/ministries";
import { problemMessage } from "../domain/messages";
import { countTable } from "./counts";
import { buildDashboardSheet } from "./dashboardSheet";
import { buildMeasuresSheet } from "./measuresSheet";
import { countedOwners } from "../domain/aggregate";
import { EXCEL_CELL_LIMIT, fitCell } from "../domain/cellLimit";
import { buildMinistrySheet } from "./ministrySheet";
import type { WorkbookPlan } from "./plan";
import { buildReportSheet } from "./reportSheet";
import { sheetNamer } from "./sheetNames";
import { WORKBOOK_STRINGS } from "./strings";

export interface BuildOptions {
  lang: Lang;
  /** Problem wording; the domain's messages by default. */
  message?: (p: Problem, lang: Lang) => string;
  /** Order of ministries in the dashboard's table and chart and of their sheets: 建制順 by default. */
  order?: MinistryOrder;
}

export function buildWorkbookPlan(table: PlanTable, options: BuildOptions): WorkbookPlan {
  const { lang } = options;
  const t = WORKBOOK_STRINGS[lang];
  const name = sheetNamer();
  const counts = countTable(table, lang, options.order ?? "government");
  const dashboardName = name(t.sheet.dashboard);
  const measures = buildMeasuresSheet(
    table.measures,
    table.fiscalYears,
    lang,
    name(t.sheet.measures),
    table.extraColumns
  );
  const report = buildReportSheet(
    table.problems,
    table.measures,
    lang,
    name(t.sheet.report),
    options.message ?? problemMessage
  );
  const dashboard = buildDashboardSheet(counts, table.fiscalYears, lang, dashboardName);
  const byOwner = new Map<string, { measure: Measure; index: number }[]>();
  table.measures.forEach((measure, index) => {
    for (const o of new Set(countedOwners(measure, lang))) {
      const list = byOwner.get(o) ?? [];
      list.push({ measure, index });
      byOwner.set(o, list);
    }
  });
  const ministries = counts.ministries.map((c, i) =>
    buildMinistrySheet(c, byOwner.get(c.name) ?? [], lang, name(c.name), `PlanMinistry${i + 1}`)
  );
  const sheets = [dashboard, measures, report, ...ministries];
  // Every cell of every sheet within Excel's limit, cut here once for both renderers.
  for (const sheet of sheets)
    for (const block of sheet.blocks)
      for (const row of block.values)
        for (let c = 0; c < row.length; c++) {
          const v = row[c];
          if (typeof v === "string" && v.length > EXCEL_CELL_LIMIT) row[c] = fitCell(v).text;
        }
  return { lang, sheets };
}
