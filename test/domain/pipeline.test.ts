import { buildPlanTable } from "../../src/domain/pipeline";
import { readPlanTable } from "../../src/importers/table/readTable";

const HEADER = ["項番", "担当府省庁", "2023年度年次計画", "成果・進捗状況", "2024年度年次計画"];

describe("buildPlanTable", () => {
  it("merges several sources, finalises and validates across them (duplicate-id between files)", () => {
    const a = readPlanTable([HEADER, ["(ア)", "総務省", "…を行う。", "・…を行った。", "・引き続き…を行う。"]], { file: "総務省.csv" });
    const b = readPlanTable([HEADER, ["(ア)", "経産省", "…を行う。", "・…を行った。", "・2023 年度で終了。"], ["", "", "", "", ""], ["(イ)", "", "…", "・…", "・…"]], {
      file: "経済産業省.csv",
    });
    const t = buildPlanTable([a, b]);
    expect(t.measures.map((m) => [m.id, m.owners.join(), m.status])).toEqual([
      ["(ア)", "総務省", "continuing"],
      ["(ア)", "経済産業省", "ended"],
      ["(イ)", "", "continuing"],
    ]);
    // Problems of the second file, in row order: import (blank row 3) and validation (rows 2, 4) interleaved.
    expect(t.problems.map((p) => [p.file, p.row, p.code])).toEqual([
      ["経済産業省.csv", 2, "duplicate-id"],
      ["経済産業省.csv", 3, "blank-row"],
      ["経済産業省.csv", 4, "missing-cell"],
    ]);
    expect(t.problems[2].column).toBe("担当府省庁");
    expect(t.problems[2].columnIndex).toBe(2);
    expect(t.fiscalYears).toEqual({ plan: 2023, next: 2024 });
  });

  it("takes the fiscal years most sources agree on", () => {
    const r = (y: number) => ({ drafts: [], problems: [], fiscalYears: { plan: y, next: y + 1 } });
    expect(buildPlanTable([r(2022), r(2023), r(2023)]).fiscalYears).toEqual({ plan: 2023, next: 2024 });
    expect(buildPlanTable([]).fiscalYears).toBeNull();
  });
});
