/** Editions never mix: last year's file among this year's is a problem, and its rows stay out. */
import { problemMessage } from "../../../src/domain/messages";
import { buildPlanTable } from "../../../src/domain/pipeline";
import { importFiles } from "../../../src/importers";
import { editionFiles, generateEditions } from "./editionGenerator";

describe("a file of another edition among one edition's files", () => {
  const g = generateEditions({ seed: 11 });
  const thisYear = editionFiles(g.after, "2024年度");
  const lastYear = editionFiles(g.before, "2023年度")[1]; // Shift_JIS, chapters 3-4

  test("is an error naming both pairs of years, and none of its rows is merged", async () => {
    const alone = buildPlanTable(await importFiles(thisYear));
    const mixed = buildPlanTable(await importFiles([thisYear[0], lastYear, thisYear[1]]));
    expect(mixed.fiscalYears).toEqual({ plan: 2024, next: 2025 });
    expect(mixed.measures.map((m) => m.id)).toEqual(alone.measures.map((m) => m.id));
    expect(mixed.measures.every((m) => m.source.file !== lastYear.name)).toBe(true);
    const problems = mixed.problems.filter((p) => p.code === "other-edition");
    expect(problems).toEqual([expect.objectContaining({ severity: "error", file: lastYear.name })]);
    const lastYearRows = g.before.rows.filter((r) =>
      ["3", "4"].includes(r.heading.chapter.number)
    ).length;
    expect(problemMessage(problems[0], "ja")).toBe(
      `このファイルは 2023年度/2024年度 の表です(見出しの年度による)。ほかのファイルは 2024年度/2025年度 の表のため、このファイルの施策 ${lastYearRows} 件は取り込みませんでした。前年度の表であれば、前年度のファイルとして指定してください(比較に使えます)。`
    );
    expect(problemMessage(problems[0], "en")).toContain("FY2023/FY2024");
    expect(problemMessage(problems[0], "en")).toContain("FY2024/FY2025");
    // Without it, no duplicate-id errors from last year's labels either.
    expect(mixed.problems.filter((p) => p.code === "duplicate-id")).toEqual(
      alone.problems.filter((p) => p.code === "duplicate-id")
    );
  });

  test("files of one edition give no such problem", async () => {
    const table = buildPlanTable(await importFiles(thisYear));
    expect(table.problems.filter((p) => p.code === "other-edition")).toEqual([]);
  });
});
