/** Reading a worksheet for the importer: only values, in blocks that keep responses small. */
import { ExcelApplyError } from "../../src/excel/errors";
import type { ExcelHost } from "../../src/excel/host";
import { readActiveSheetValues, readSheetValues } from "../../src/excel/readSheet";
import { importGrid } from "../../src/importers";
import {
  createExcelSimulator,
  selection,
  type ExcelSimulator,
  type SimSheet,
} from "../support/excelSimulator";

const host = (sim: ExcelSimulator) => sim as unknown as ExcelHost;

function fill(sheet: SimSheet, top: number, left: number, rows: (string | number)[][]): void {
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      sheet.cellForWrite(top + i, left + j).value = v;
    })
  );
}

const TABLE = [
  ["項番", "担当府省庁", "2023年度年次計画", "取組の成果、進捗状況及び2024年度年次計画"],
  [
    "(ア)",
    "総務省",
    "総務省において、引き続き実証を行う。",
    "<成果・進捗状況>\n・計画に基づき実施した。\n<2024年度年次計画>\n・引き続き実施する。",
  ],
  [
    "(イ)",
    "経産省",
    "経済産業省において、演習教材を作成する。",
    "<2024年度年次計画>\n・2024年度で終了。",
  ],
];

test("the active sheet's used range is read from where it starts, and the importer finds the table in it", async () => {
  const sim = createExcelSimulator({ sheets: ["取りまとめ"] });
  fill(sim.workbook.sheet("取りまとめ"), 2, 1, TABLE);
  const r = await readActiveSheetValues({ host: host(sim) });
  expect(r.sheetName).toBe("取りまとめ");
  expect(r.values).toEqual(TABLE);
  const imported = importGrid(r.values, { file: "(current sheet)", sheet: r.sheetName });
  expect(imported.drafts.map((d) => d.ownersText)).toEqual(["総務省", "経産省"]);
});

test("a large sheet is read in several blocks sized to stay far below the 5 MB response limit", async () => {
  const sim = createExcelSimulator();
  const sheet = sim.workbook.sheet("Sheet1");
  const rows = Array.from({ length: 3000 }, (_, i) => [`(${i})`, "総務省", "計画".repeat(100), i]);
  fill(sheet, 0, 0, rows);
  const r = await readSheetValues(
    { kind: "active" },
    { host: host(sim), targetResponseBytes: 200 * 1024, firstBlockRows: 100 }
  );
  expect(r.values).toEqual(rows);
  expect(r.blocks).toBeGreaterThan(3);
  expect(Math.max(...sim.syncs.map((s) => s.responseBytes))).toBeLessThan(400 * 1024);
});

test("a block whose response would exceed 5 MB is halved and read again", async () => {
  const sim = createExcelSimulator();
  const big = "あ".repeat(20000); // 60 KB a cell in UTF-8
  fill(
    sim.workbook.sheet("Sheet1"),
    0,
    0,
    Array.from({ length: 120 }, () => [big])
  );
  const r = await readSheetValues({ kind: "active" }, { host: host(sim), firstBlockRows: 120 });
  expect(r.values).toHaveLength(120);
  expect(sim.syncs.some((s) => s.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
});

test("an empty sheet reads as no rows", async () => {
  const sim = createExcelSimulator();
  await expect(readActiveSheetValues({ host: host(sim) })).resolves.toEqual({
    sheetName: "Sheet1",
    values: [],
  });
});

test("a named sheet and the selection can be read", async () => {
  const sim = createExcelSimulator({ sheets: ["Sheet1", "総務省"] });
  fill(sim.workbook.sheet("総務省"), 0, 0, TABLE);
  const named = await readSheetValues({ kind: "sheet", name: "総務省" }, { host: host(sim) });
  expect(named.values).toEqual(TABLE);
  sim.workbook.activeSheetId = sim.workbook.sheet("総務省").id;
  selection.set(sim.workbook, { row: 1, column: 0, rowCount: 2, columnCount: 2 });
  const sel = await readSheetValues({ kind: "selection" }, { host: host(sim) });
  expect(sel.values).toEqual([
    ["(ア)", "総務省"],
    ["(イ)", "経産省"],
  ]);
  expect(sel.origin).toEqual({ row: 1, column: 0 });
});

test("a missing sheet is reported with Excel's code in plain words", async () => {
  const sim = createExcelSimulator();
  const err = await readSheetValues({ kind: "sheet", name: "外務省" }, { host: host(sim) }).catch(
    (e: unknown) => e
  );
  expect(err).toBeInstanceOf(ExcelApplyError);
  expect((err as ExcelApplyError).code).toBe("ItemNotFound");
});
