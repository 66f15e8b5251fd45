/**
 * One stray quote does not hide the rows below it: an unterminated quote is an error located at
 * its cell, and the rows after it are read as if the quote were text.
 */
import { buildPlanTable } from "../../src/domain/pipeline";
import { importFile } from "../../src/importers";
import { blocksRun } from "../../src/domain/messages";

const CSV = [
  "項番,担当府省庁,2023年度年次計画,成果・進捗状況,2024年度年次計画",
  '(ア),総務省,総務省において、説明会を開催する。,"・計画に基づき、説明会を3回開催した。,・引き続き、説明会を開催する。',
  "(イ),経済産業省,経済産業省において、指針を改定する。,・計画に基づき、指針を改定した。,・引き続き、周知を行う。",
  '(ウ),警察庁,警察庁において、訓練を実施する。,"・計画に基づき、訓練を2回実施した。",・2024年度で終了。',
].join("\r\n");

it("rows (イ) and (ウ) after a quote opened in (ア)'s 成果 come back; the quote is an error at its cell", async () => {
  const imported = await importFile("総務省.csv", new TextEncoder().encode(CSV));
  const table = buildPlanTable([imported]);
  expect(table.measures.map((m) => m.label)).toEqual(["(ア)", "(イ)", "(ウ)"]);
  expect(table.measures[0].results).toBe('"・計画に基づき、説明会を3回開催した。');
  expect(table.measures[1].ownersText).toBe("経済産業省");
  // A properly quoted cell later in the file is read as quoted.
  expect(table.measures[2].results).toBe("・計画に基づき、訓練を2回実施した。");
  const quote = table.problems.filter((p) => p.code === "unterminated-quote");
  expect(quote).toEqual([
    expect.objectContaining({
      severity: "error",
      file: "総務省.csv",
      row: 2,
      columnIndex: 4,
      params: { value: '"・計画に基づき、説明会を3回開催した。' },
    }),
  ]);
  // papaparse's own unlocated warning is replaced by the located error; the rows stay for review.
  expect(table.problems.some((p) => p.code === "unreadable-file")).toBe(false);
  expect(quote.some(blocksRun)).toBe(false);
  expect(imported.ledger?.counts.problem).toBe(0);
});
