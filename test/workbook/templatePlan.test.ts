import { matchHeader } from "../../src/domain/headers";
import { MINISTRIES } from "../../src/domain/ministries";
import {
  buildTemplatePlan,
  TEMPLATE_COLUMNS,
  templateColumn,
} from "../../src/workbook/templatePlan";
import { sheetGrid } from "../../src/xlsx/writeSheet";

describe("buildTemplatePlan", () => {
  const plan = buildTemplatePlan("ja");
  const input = plan.sheets[0];
  const lists = plan.sheets.find((s) => s.kind === "lists")!;

  it("has the input sheet, the instructions and a hidden lists sheet, none marked as generated", () => {
    expect(plan.sheets.map((s) => [s.name, s.kind, !!s.hidden])).toEqual([
      ["入力", "input", false],
      ["記入方法", "instructions", false],
      ["リスト", "lists", true],
    ]);
    expect(plan.sheets.some((s) => s.generated)).toBe(false);
  });

  it("every input header is one the importer recognises, each for a different column", () => {
    const roles = TEMPLATE_COLUMNS.map((c) => matchHeader(c.header)?.role);
    expect(roles).not.toContain(undefined);
    expect(new Set(roles).size).toBe(roles.length);
    expect(roles).toEqual(
      expect.arrayContaining(["itemNumber", "owners", "plan", "results", "nextPlan", "status"])
    );
  });

  it("the 担当府省庁 dropdown reads its list from cells, so the ministry list never meets Excel's 255-character inline limit", () => {
    const v = input.validations.find((x) => x.range.column === templateColumn("担当府省庁"))!;
    expect(v.list.kind).toBe("range");
    if (v.list.kind !== "range") return;
    const { sheetKey, range } = v.list;
    expect(sheetKey).toBe(lists.key);
    const grid = sheetGrid(lists);
    const listed = Array.from(
      { length: range.rowCount },
      (_, i) => grid[range.row + i][range.column]
    );
    expect(listed).toEqual([...MINISTRIES]);
    expect(v.allowOther).toBe(true); // several owners go in one cell
  });

  it("the 進捗区分 dropdown offers the five status names and nothing else", () => {
    const v = input.validations.find((x) => x.range.column === templateColumn("進捗区分"))!;
    expect(v.list).toEqual({ kind: "inline", values: ["継続", "拡充", "新規", "終了", "未報告"] });
    expect(v.allowOther).toBe(false);
  });

  it("keeps the Japanese headers in the English template, with English instructions", () => {
    const en = buildTemplatePlan("en");
    expect(sheetGrid(en.sheets[0])[0]).toEqual(sheetGrid(input)[0]);
    expect(en.sheets.map((s) => s.name)).toEqual(["Input", "Instructions", "Lists"]);
    expect(String(sheetGrid(en.sheets[1])[0][0])).toBe("How to fill in");
  });
});
