import fc from "fast-check";
import { readPlanTable } from "../../src/importers/table/readTable";
import { buildPlanTable } from "../../src/domain/pipeline";
import { problemMessage } from "../../src/domain/messages";
import { importFile } from "../../src/importers";

// Cells drawn from what real tables hold: header words, labels, owners, markers, formula starts, junk.
const WORDS = [
  "項番",
  "担当府省庁",
  "2023年度年次計画",
  "成果・進捗状況",
  "2024年度年次計画",
  "取組の成果、進捗状況及び2024年度年次計画",
  "(ア)",
  "（イ）",
  "総務省\n経産省",
  "関係府省庁",
  "デジタル省",
  "<成果・進捗状況>\n・実施した。\n<2024年度年次計画>\n・2023年度で終了。",
  "―",
  "=SUM(A1)",
  "2.1 国民・社会を守るための",
  "(1)",
  "",
  " ",
];
const cell = fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 }));
const grid = fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 12 });

describe("importers never throw; every problem is well-formed", () => {
  it("readPlanTable + buildPlanTable on arbitrary grids of plausible cells", () => {
    fc.assert(
      fc.property(grid, (g) => {
        const table = buildPlanTable([readPlanTable(g, { file: "x.csv" })]);
        for (const p of table.problems) {
          expect(p.file).toBe("x.csv");
          expect(["error", "warning", "info"]).toContain(p.severity);
          expect(problemMessage(p, "ja")).not.toMatch(/undefined/);
        }
        for (const m of table.measures) expect(m.source.row).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it("importFile on arbitrary bytes under .csv and .xlsx names", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.constantFrom("a.csv", "a.tsv", "a.txt", "a.xlsx"), async (bytes, name) => {
        const r = await importFile(name, bytes);
        expect(Array.isArray(r.drafts)).toBe(true);
        for (const p of r.problems) expect(p.file).toBe(name);
      }),
      { numRuns: 200 },
    );
  });
});
