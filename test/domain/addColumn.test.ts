/**
 * Adding a column is one row of the column table plus its field's type (issue 16): a 予算額
 * (budget) column, given here as a table of its own (COLUMNS and one row), is recognised in headers
 * (NFKC, spaces, notes), read into drafts, kept by finalising, shown on 施策一覧 (and read back from
 * it), offered on the template and written in the CLI's JSON, with no other file changed.
 */
import { measureJson } from "../../src/cli/commands/measures";
import { COLUMNS, type ColumnSpec, type ColumnTable } from "../../src/domain/columns";
import { finalizeMeasures } from "../../src/domain/finalize";
import { matchHeader } from "../../src/domain/headers";
import type { Measure, MeasureDraft } from "../../src/domain/model";
import { readPlanTable } from "../../src/importers/table/readTable";
import {
  buildMeasuresSheet,
  MEASURE_COLUMNS,
  measureColumn,
} from "../../src/workbook/measuresSheet";
import { buildTemplatePlan } from "../../src/workbook/templatePlan";
import { sheetGrid } from "../../src/xlsx/writeSheet";

/** The field's type: what model.ts would gain as `budget?: string` on MeasureDraft and Measure. */
type WithBudget<T> = T & { budget?: string };

/** The one row. */
const BUDGET: ColumnSpec<"budget", "budget"> = {
  role: "budget",
  patterns: [/^(予算額|予算|当初予算額)$/u, /^budget$/iu],
  names: { ja: "予算額", en: "Budget" },
  fill: { as: "optionalText", field: "budget" },
  template: { order: 11, width: 14 },
  measuresSheet: { width: 14 },
  json: true,
};
const WITH_BUDGET: ColumnTable = [...COLUMNS, BUDGET];

const HEADER = [
  "項番",
  "担当府省庁",
  "2023年度年次計画",
  "成果・進捗状況",
  "2024年度年次計画",
  "予 算 額（百万円）",
];
const ROWS = [
  [
    "(ア)",
    "総務省",
    "総務省において、説明会を開催する。",
    "・計画に基づき、説明会を3回開催した。",
    "・引き続き、説明会を開催する。",
    "１２０",
  ],
  [
    "(イ)",
    "経済産業省",
    "経済産業省において、指針を改定する。",
    "・計画に基づき、指針を改定した。",
    "・2024年度で終了。",
    "",
  ],
];
const src = { file: "総務省.csv" };

describe("a 予算額 column added as one row of the column table", () => {
  it("is recognised in headers after NFKC, without spaces or a note in parentheses, and in English", () => {
    for (const text of ["予算額", "予 算 額（百万円）", "予算額(百万円)", "当初予算額", "Budget"])
      expect(matchHeader(text, WITH_BUDGET)?.role).toBe("budget");
    // The built-in table does not know it, and the new row takes no header from the others.
    expect(matchHeader("予算額")).toBeNull();
    for (const spec of COLUMNS)
      expect(matchHeader(spec.names.ja, WITH_BUDGET)?.role).toBe(matchHeader(spec.names.ja)?.role);
  });

  it("is read into drafts (not carried as an extra column), and finalising keeps it", () => {
    const r = readPlanTable([HEADER, ...ROWS], src, WITH_BUDGET);
    expect(r.problems).toEqual([]);
    expect(r.extraColumns).toBeUndefined();
    expect((r.columns as Record<string, unknown>).budget).toEqual({
      header: "予 算 額（百万円）",
      index: 6,
    });
    const drafts = r.drafts as WithBudget<MeasureDraft>[];
    expect(drafts.map((d) => d.budget)).toEqual(["１２０", undefined]);
    const measures = finalizeMeasures(r.drafts, WITH_BUDGET) as WithBudget<Measure>[];
    expect(measures.map((m) => [m.id, m.budget])).toEqual([
      ["(ア)", "１２０"],
      ["(イ)", undefined],
    ]);

    // Without the row, the same file carries the column as an extra one: nothing is lost either way.
    const plain = readPlanTable([HEADER, ...ROWS], src);
    expect(plain.extraColumns).toEqual(["予 算 額（百万円）"]);
    expect(plain.drafts[0].extra).toEqual({ "予 算 額（百万円）": "１２０" });
  });

  it("is a column of 施策一覧 before 出典, and a 施策一覧 read back gives the budget again", () => {
    const measures = finalizeMeasures(
      readPlanTable([HEADER, ...ROWS], src, WITH_BUDGET).drafts,
      WITH_BUDGET
    );
    const years = { plan: 2023, next: 2024 };
    const sheet = buildMeasuresSheet(measures, years, "ja", "施策一覧", [], WITH_BUDGET);
    const grid = sheetGrid(sheet) as string[][];
    const budgetAt = MEASURE_COLUMNS.length - 1; // the place of 出典 in the built-in sheet
    expect(grid[0].slice(budgetAt)).toEqual(["予算額", "出典"]);
    expect(grid[1][budgetAt]).toBe("１２０");
    expect(grid[2][budgetAt]).toBe("");
    expect(sheet.columns[budgetAt]).toEqual({ column: budgetAt, width: 14 });
    expect(sheet.tables[0].range.columnCount).toBe(MEASURE_COLUMNS.length + 1);
    // Columns before it keep their places (links and formats use them).
    expect(grid[0][measureColumn("status")]).toBe("進捗区分");
    expect(grid[0][measureColumn("note")]).toBe("備考");

    const back = readPlanTable(
      grid.map((row) => row.map((v) => String(v ?? ""))),
      { file: "集約.xlsx", sheet: "施策一覧" },
      WITH_BUDGET
    );
    expect(back.extraColumns).toBeUndefined();
    expect((back.drafts as WithBudget<MeasureDraft>[]).map((d) => [d.label, d.budget])).toEqual([
      ["(ア)", "１２０"],
      ["(イ)", undefined],
    ]);
    // The built-in sheet is unchanged.
    const builtIn = sheetGrid(buildMeasuresSheet(measures, years, "ja", "施策一覧")) as string[][];
    expect(builtIn[0]).toEqual([
      "項番",
      "章",
      "節",
      "項",
      "担当府省庁",
      "2023年度年次計画",
      "成果・進捗状況",
      "2024年度年次計画",
      "進捗区分",
      "判定根拠",
      "再掲",
      "備考",
      "出典",
    ]);
    expect(
      buildMeasuresSheet(measures, years, "en", "Measures").blocks[0].values[0].slice(-2)
    ).toEqual(["Notes", "Source"]);
  });

  it("is offered on the template's input sheet, under a header the importer recognises", () => {
    const input = buildTemplatePlan("ja", WITH_BUDGET).sheets[0];
    const header = sheetGrid(input)[0] as string[];
    expect(header.at(-1)).toBe("予算額");
    expect(header.slice(0, -1)).toEqual(sheetGrid(buildTemplatePlan("ja").sheets[0])[0]);
    expect(input.columns.at(-1)).toEqual({ column: header.length - 1, width: 14 });
    expect(matchHeader(header.at(-1)!, WITH_BUDGET)?.role).toBe("budget");
  });

  it("is written in the CLI's JSON of a measure when it has a value", () => {
    const [a, b] = finalizeMeasures(
      readPlanTable([HEADER, ...ROWS], src, WITH_BUDGET).drafts,
      WITH_BUDGET
    );
    expect(measureJson(a, WITH_BUDGET)).toEqual({ ...measureJson(a), budget: "１２０" });
    expect(Object.keys(measureJson(a, WITH_BUDGET)).at(-1)).toBe("budget");
    expect(measureJson(b, WITH_BUDGET)).toEqual(measureJson(b));
    expect(measureJson(a)).not.toHaveProperty("budget");
  });
});
