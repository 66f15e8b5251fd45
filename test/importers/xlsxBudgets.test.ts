/**
 * .xlsx files over a budget: refused from the zip directory before inflating when it tells the
 * truth, and stopped while inflating when it lies; a plain problem names the budget and the file,
 * and the other files of the import go on. Bombs are made at test time (test/support/zipBombs.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { problemMessage } from "../../src/domain/messages";
import { budgetsWith, importFile, importFiles } from "../../src/importers";
import { cellBomb, lyingRowsBomb, rowsBomb, sharedStringsBomb } from "../support/zipBombs";

const MB = 1024 * 1024;
const good = new Uint8Array(
  readFileSync(join(__dirname, "..", "fixtures", "xlsx", "exceljs-features.xlsx"))
);

describe("zip bombs are refused by budget, with the budget named", () => {
  it("a 2 MB file whose sheet expands to 500 MB is refused from its directory", async () => {
    const bomb = rowsBomb(500);
    expect(bomb.length).toBeLessThan(2 * MB);
    const r = await importFile("爆弾.xlsx", bomb);
    expect(r.drafts).toEqual([]);
    expect(r.problems).toEqual([
      {
        code: "unreadable-file",
        severity: "error",
        file: "爆弾.xlsx",
        params: expect.objectContaining({
          reason: "over-budget",
          budget: "maxPartBytes",
          limit: 200,
          unit: "MB",
          part: "xl/worksheets/sheet1.xml",
        }),
      },
    ]);
    expect(problemMessage(r.problems[0], "ja")).toMatch(
      /展開後の部品\(XML\)1 つの大きさ.*上限の 200 MB ?を超えています.*--max-part-mb/u
    );
    expect(problemMessage(r.problems[0], "en")).toMatch(/expanded size of one part.*over 200 MB/u);
  });

  it("one 500 MB cell: refused (its part is over budget; under a raised part budget, the cell's characters are)", async () => {
    const bomb = cellBomb(500);
    const r = await importFile("cell.xlsx", bomb);
    expect(r.problems[0].params).toMatchObject({ reason: "over-budget", budget: "maxPartBytes" });
    const raised = await importFile(
      "cell.xlsx",
      bomb,
      budgetsWith({ maxPartBytes: 600 * MB, maxExpandedBytes: 600 * MB, maxRatio: 2000 })
    );
    expect(raised.problems[0].params).toMatchObject({
      reason: "over-budget",
      budget: "maxCellChars",
      limit: 1_000_000,
    });
  });

  it("shared strings expanding past 1 GB: refused from the directory", async () => {
    const r = await importFile("strings.xlsx", sharedStringsBomb(1100));
    expect(r.problems[0].params).toMatchObject({ reason: "over-budget", budget: "maxPartBytes" });
  });

  it("a directory that claims 1 MB for a 300 MB sheet: inflating stops at the claimed size", async () => {
    const r = await importFile("lie.xlsx", lyingRowsBomb(300, 1 * MB));
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: "unreadable-file",
        params: expect.objectContaining({ reason: "xlsx-corrupt" }),
      }),
    ]);
    expect(String(r.problems[0].params?.detail)).toMatch(/more data than the directory declares/u);
  });

  it("the ratio budget refuses a highly compressed part, and the cell budget a sheet of too many cells", async () => {
    expect((await importFile("ratio.xlsx", cellBomb(20))).problems[0].params).toMatchObject({
      budget: "maxRatio",
      limit: 500,
    });
    const cells = await importFile("cells.xlsx", rowsBomb(60));
    expect(cells.problems[0].params).toMatchObject({ budget: "maxCells", limit: 1_000_000 });
  });

  it("the total expanded budget and the file size budget", async () => {
    const total = await importFile("t.xlsx", good, budgetsWith({ maxExpandedBytes: 2_000 }));
    expect(total.problems[0].params).toMatchObject({ budget: "maxExpandedBytes" });
    const size = await importFile("s.xlsx", good, budgetsWith({ maxFileBytes: 1000 }));
    expect(size.problems[0].params).toMatchObject({
      budget: "maxFileBytes",
      limit: 0.1,
      actual: 0.1,
    });
    expect(problemMessage(size.problems[0], "en")).toMatch(/file size/u);
  });

  it("the other files of the import go on", async () => {
    const results = await importFiles([
      { name: "爆弾.xlsx", bytes: rowsBomb(500) },
      { name: "総務省.xlsx", bytes: good },
    ]);
    expect(results[0].problems[0].params).toMatchObject({ reason: "over-budget" });
    expect(results[1].drafts.map((d) => d.ownersText)).toEqual(["総務省", "警察庁", "経済産業省"]);
  });

  it("the time budget stops a slow read", async () => {
    const r = await importFile(
      "slow.xlsx",
      rowsBomb(150),
      budgetsWith({ maxMillis: 1, maxRatio: 5000, maxCells: 100_000_000 })
    );
    expect(r.problems[0].params).toMatchObject({ reason: "over-budget", budget: "maxMillis" });
  });
});
