/**
 * Every Office.js chart member formatChart (src/excel/ops/chartFormat.ts) uses exists in the
 * requirement set the add-in demands (REQUIRED_EXCEL_API), read from the "[Api set: ExcelApi x.y]"
 * remark of each member in @types/office-js, so a member from a later set fails here instead of
 * on an official's Excel 2021.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { REQUIRED_EXCEL_API } from "../../src/excel/requirements";

/** class → members formatChart touches (keep in step with chartFormat.ts and chartOps). */
const USED: Record<string, string[]> = {
  Chart: ["series", "dataLabels", "axes", "title", "legend", "setPosition"],
  ChartSeriesCollection: ["getItemAt"],
  ChartSeries: ["format", "points", "gapWidth", "overlap", "doughnutHoleSize"],
  ChartSeriesFormat: ["fill"],
  ChartPointsCollection: ["getItemAt"],
  ChartPoint: ["format"],
  ChartPointFormat: ["fill"],
  ChartFill: ["setSolidColor"],
  ChartDataLabels: ["showValue", "numberFormat", "position", "format"],
  ChartDataLabelFormat: ["fill", "font"],
  ChartFont: ["color"],
  ChartAxes: ["categoryAxis", "valueAxis"],
  ChartAxis: ["title", "numberFormat", "minimum", "reversePlotOrder", "position"],
  ChartAxisTitle: ["text"],
};

const version = (v: string) => {
  const [major, minor] = v.split(".").map(Number);
  return major * 1000 + minor;
};

function classBody(dts: string, name: string): string {
  const start = dts.indexOf(`    class ${name} extends OfficeExtension.ClientObject {`);
  if (start < 0) throw new Error(`no class ${name}`);
  const end = dts.indexOf("\n    }\n", start);
  return dts.slice(start, end);
}

/** The ExcelApi set in the doc comment right above a member's declaration. */
function apiSetOf(body: string, member: string): string {
  const decl = new RegExp(`\\n {8}(readonly )?${member}(\\(|: |\\?: )`).exec(body);
  if (!decl) throw new Error(`no member ${member}`);
  const comment = body.slice(body.lastIndexOf("/**", decl.index), decl.index);
  const set = /\[Api set: ExcelApi (\d+\.\d+)\]/.exec(comment);
  if (!set) throw new Error(`no ExcelApi set for ${member}`);
  return set[1];
}

const dts = fs.readFileSync(
  path.join(__dirname, "../../node_modules/@types/office-js/index.d.ts"),
  "utf8"
);

test.each(Object.entries(USED))("%s members are in ExcelApi ≤ the required set", (cls, members) => {
  const body = classBody(dts, cls);
  const late = members
    .map((m) => [m, apiSetOf(body, m)] as const)
    .filter(([, set]) => version(set) > version(REQUIRED_EXCEL_API));
  expect(late).toEqual([]);
});

test("the check reads real remarks: a member of a later set is seen as later", () => {
  // Chart.getDataTable came with ExcelApi 1.14, ChartSeries.gapWidth with 1.7.
  expect(apiSetOf(classBody(dts, "Chart"), "getDataTable")).toBe("1.14");
  expect(apiSetOf(classBody(dts, "ChartSeries"), "gapWidth")).toBe("1.7");
});
