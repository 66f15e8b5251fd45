/**
 * What goes on after the values, in this order: tables over the filled ranges (never rows.add
 * in a loop), formats, data validation, conditional formats, links, charts, frozen panes, print
 * settings. Links, validation lists and charts name other sheets by plan key; the final names
 * are resolved here.
 */
import { jsonBytes } from "../batching/payload";
import { cellAddress, quoteSheetName, rangeAddress } from "../../workbook/geometry";
import type {
  ChartPlan,
  ConditionalFormatPlan,
  FormatPlan,
  LinkPlan,
  SheetPlan,
  TablePlan,
  ValidationPlan,
} from "../../workbook/plan";
import { chartFormatCost, formatChart } from "./chartFormat";
import { simpleOp, type ApplyEnv, type Op } from "./env";
import { numberFormatOps } from "./values";

const range = (
  env: ApplyEnv,
  key: string,
  r: { row: number; column: number; rowCount: number; columnCount: number }
) => env.sheet(key).getRangeByIndexes(r.row, r.column, r.rowCount, r.columnCount);

export function tableOps(
  sheetKey: string,
  tables: readonly TablePlan[],
  finalNames: Map<string, string>
): Op[] {
  return tables.map((t) => {
    const name = finalNames.get(t.name) ?? t.name;
    return simpleOp(3, 3, jsonBytes(name) + jsonBytes(t.style) + 32, (env) => {
      const table = env.sheet(sheetKey).tables.add(range(env, sheetKey, t.range), true);
      table.name = name;
      table.style = t.style;
    });
  });
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", center: "Center", bottom: "Bottom" } as const;
const BORDER_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

export function formatOps(sheetKey: string, formats: readonly FormatPlan[]): Op[] {
  const ops: Op[] = [];
  for (const { range: r, format: f } of formats) {
    const font = [f.bold, f.italic, f.fontSize, f.fontColor].filter((x) => x !== undefined).length;
    const cell = [f.fill, f.wrap, f.horizontal, f.vertical].filter((x) => x !== undefined).length;
    const edges =
      f.border === "thin" ? 4 + (r.rowCount > 1 ? 1 : 0) + (r.columnCount > 1 ? 1 : 0) : 0;
    const paths =
      2 + (font > 0 ? 1 : 0) + (f.fill !== undefined ? 1 : 0) + (edges > 0 ? 1 + edges : 0);
    ops.push(
      simpleOp(font + cell + 2 * edges, paths, jsonBytes(f) + 32, (env) => {
        const rg = range(env, sheetKey, r);
        const fmt = rg.format;
        if (f.bold !== undefined) fmt.font.bold = f.bold;
        if (f.italic !== undefined) fmt.font.italic = f.italic;
        if (f.fontSize !== undefined) fmt.font.size = f.fontSize;
        if (f.fontColor !== undefined) fmt.font.color = f.fontColor;
        if (f.fill !== undefined) fmt.fill.color = f.fill;
        if (f.wrap !== undefined) fmt.wrapText = f.wrap;
        if (f.horizontal !== undefined) fmt.horizontalAlignment = H_ALIGN[f.horizontal];
        if (f.vertical !== undefined) fmt.verticalAlignment = V_ALIGN[f.vertical];
        if (f.border === "thin") {
          const edges: string[] = [...BORDER_EDGES];
          if (r.rowCount > 1) edges.push("InsideHorizontal");
          if (r.columnCount > 1) edges.push("InsideVertical");
          for (const e of edges) {
            const b = fmt.borders.getItem(e as Excel.BorderIndex);
            b.style = "Continuous";
            b.weight = "Thin";
          }
        }
      })
    );
    if (f.numberFormat !== undefined) ops.push(...numberFormatOps(sheetKey, r, f.numberFormat));
  }
  return ops;
}

/** Excel's limit for an inline list source (the Data Validation dialog's 255 characters). */
export const INLINE_LIST_LIMIT = 255;

export function validationSource(v: ValidationPlan, sheetName: (key: string) => string): string {
  if (v.list.kind === "inline") return v.list.values.join(",");
  return `=${quoteSheetName(sheetName(v.list.sheetKey))}!${rangeAddress(v.list.range, true)}`;
}

export function validationOps(
  sheetKey: string,
  validations: readonly ValidationPlan[],
  sheetName: (key: string) => string
): Op[] {
  return validations.map((v) => {
    const source = validationSource(v, sheetName);
    return simpleOp(3, 2, jsonBytes(source) + jsonBytes(v.prompt ?? "") + 160, (env) => {
      const dv = range(env, sheetKey, v.range).dataValidation;
      dv.rule = { list: { inCellDropDown: true, source } };
      dv.errorAlert = {
        showAlert: true,
        style: v.allowOther ? "Warning" : "Stop",
        title: "",
        message: "",
      };
      if (v.prompt) dv.prompt = { showPrompt: true, message: v.prompt, title: "" };
    });
  });
}

export function conditionalFormatOps(
  sheetKey: string,
  cfs: readonly ConditionalFormatPlan[]
): Op[] {
  return cfs.map((c) =>
    simpleOp(5, 8, jsonBytes(c.formula) + jsonBytes(c.format) + 32, (env) => {
      const cf = range(env, sheetKey, c.range).conditionalFormats.add("Custom");
      cf.custom.rule.formula = c.formula;
      if (c.format.fill) cf.custom.format.fill.color = c.format.fill;
      if (c.format.fontColor) cf.custom.format.font.color = c.format.fontColor;
      if (c.format.bold !== undefined) cf.custom.format.font.bold = c.format.bold;
    })
  );
}

export function linkOps(
  sheetKey: string,
  links: readonly LinkPlan[],
  sheetName: (key: string) => string
): Op[] {
  return links.map((l) => {
    const link: Excel.RangeHyperlink = {
      documentReference: `${quoteSheetName(sheetName(l.target.sheetKey))}!${cellAddress(l.target.cell)}`,
    };
    if (l.text !== undefined) link.textToDisplay = l.text;
    if (l.tooltip !== undefined) link.screenTip = l.tooltip;
    return simpleOp(1, 1, jsonBytes(link), (env) => {
      env.sheet(sheetKey).getRangeByIndexes(l.at.row, l.at.column, 1, 1).hyperlink = link;
    });
  });
}

const CHART_TYPES = {
  barStacked: "BarStacked",
  doughnut: "Doughnut",
  columnClustered: "ColumnClustered",
  columnStacked: "ColumnStacked",
} as const;

export function chartOps(sheetKey: string, charts: readonly ChartPlan[]): Op[] {
  return charts.map((c) => {
    const format = chartFormatCost(c);
    const formatBytes = jsonBytes([
      c.series.map((s) => [s.color, s.pointColors]),
      c.dataLabels,
      c.categoryAxis,
      c.valueAxis,
    ]);
    return simpleOp(
      4 + format.actions,
      5 + format.paths,
      jsonBytes(c.title) + formatBytes + 96,
      (env) => {
        // seriesBy is always explicit: "auto" renders differently on the web (office-js #1830, #2929).
        const seriesBy = c.seriesBy === "rows" ? "Rows" : "Columns";
        const chart = env
          .sheet(sheetKey)
          .charts.add(CHART_TYPES[c.type], range(env, c.dataSheetKey, c.dataRange), seriesBy);
        chart.title.text = c.title;
        if (c.legend === "none") chart.legend.visible = false;
        else chart.legend.position = c.legend === "bottom" ? "Bottom" : "Right";
        chart.setPosition(cellAddress(c.from), cellAddress(c.to));
        formatChart(chart, c);
      },
      2
    );
  });
}

export function freezeAndPrintOps(sheet: SheetPlan): Op[] {
  const ops: Op[] = [];
  const f = sheet.freeze;
  if (f && (f.rows > 0 || f.columns > 0))
    ops.push(
      simpleOp(1, 3, 16, (env) => {
        const panes = env.sheet(sheet.key).freezePanes;
        if (f.rows > 0 && f.columns > 0)
          panes.freezeAt(env.sheet(sheet.key).getRangeByIndexes(0, 0, f.rows, f.columns));
        else if (f.rows > 0) panes.freezeRows(f.rows);
        else panes.freezeColumns(f.columns);
      })
    );
  const p = sheet.print;
  if (p)
    ops.push(
      simpleOp(
        4,
        2,
        64,
        (env) => {
          const layout = env.sheet(sheet.key).pageLayout;
          layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
          layout.paperSize = p.paperSize; // Excel.PaperType "A4" | "A3"
          if (p.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
          if (p.titleRows)
            layout.setPrintTitleRows(`$${p.titleRows.first + 1}:$${p.titleRows.last + 1}`);
        },
        0
      )
    );
  return ops;
}

/** Hidden sheets are hidden last (a workbook keeps a visible sheet); the first visible one is activated. */
export function finishOps(sheets: readonly SheetPlan[]): Op[] {
  const ops: Op[] = sheets
    .filter((s) => s.hidden)
    .map((s) =>
      simpleOp(
        1,
        1,
        16,
        (env) => {
          env.sheet(s.key).visibility = "Hidden";
        },
        0
      )
    );
  const first = sheets.find((s) => !s.hidden);
  if (first)
    ops.push(
      simpleOp(
        1,
        1,
        0,
        (env) => {
          env.sheet(first.key).activate();
        },
        0
      )
    );
  return ops;
}
