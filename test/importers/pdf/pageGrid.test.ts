/**
 * From positioned text runs and drawn borders to the cell grid, on pages built by hand (no pdf.js):
 * a run printed across a column edge is cut there (certain at a drawn border, a warning without
 * one), rows are told apart by borders or by labels and markers, a row's rest at the top of the
 * next page joins it, and page furniture is listed. The grid then goes through readPlanTable.
 */
import { finalizeMeasures } from "../../../src/domain/finalize";
import { readPlanTable } from "../../../src/importers/table/readTable";
import type { DrawnRules } from "../../../src/importers/pdf/drawnRules";
import { buildPdfGrid } from "../../../src/importers/pdf/pageGrid";
import type { PdfPageText, TextRun } from "../../../src/importers/pdf/textItems";
import { grid, header, noRules, page, RIGHT, run, X } from "./handBuiltPages";


function ppcRows(): TextRun[] {
  return [
    ...header(700),
    run("(ア)", X[0] + 2, 680),
    // The owner fills its column and pdf.js gave it together with the plan beside it: one run.
    run("個人情報保護委員会個人情報保護委員会において、", X[1], 680),
    run("必要な助言等を行う。", X[2] + 1, 670),
    run("<成果・進捗状況>", X[3] + 1, 680),
    run("・助言を行った。", X[3] + 1, 670),
    run("<2024年度年次計画>", X[3] + 1, 660),
    run("・引き続き助言を行う。", X[3] + 1, 650),
    run("(イ)", X[0] + 2, 630),
    run("総務省", X[1] + 1, 630),
    run("総務省において、演習を行う。", X[2] + 1, 630),
    run("<成果・進捗状況>", X[3] + 1, 630),
    run("・演習を行った。", X[3] + 1, 620),
    run("<2024年度年次計画>", X[3] + 1, 610),
    run("・2024年度で終了。", X[3] + 1, 600),
  ];
}

function measuresOf(pages: PdfPageText[]) {
  const built = buildPdfGrid(pages, "t.pdf");
  expect(built.grid).not.toBeNull();
  const read = readPlanTable(built.grid!, { file: "t.pdf" });
  return { built, read, measures: finalizeMeasures(read.drafts) };
}

describe("a run printed across a column edge", () => {
  test("at a drawn border it is cut at the border: one owner, the plan whole, and an info names the cut", () => {
    const { built, measures } = measuresOf([page(1, ppcRows(), grid(712, [692, 640, 590]))]);
    expect(measures.map((m) => [m.label, m.owners, m.plan, m.status])).toEqual([
      [
        "(ア)",
        ["個人情報保護委員会"],
        "個人情報保護委員会において、必要な助言等を行う。",
        "continuing",
      ],
      ["(イ)", ["総務省"], "総務省において、演習を行う。", "ended"],
    ]);
    expect(built.problems).toEqual([
      expect.objectContaining({
        severity: "info",
        page: 1,
        params: expect.objectContaining({ reason: "pdf-run-split", column: "2023年度年次計画" }),
      }),
    ]);
  });

  test("without borders it is cut at the column edge found from the text, with a warning to check it", () => {
    const { built, measures } = measuresOf([page(1, ppcRows(), noRules)]);
    expect(measures.map((m) => [m.label, m.owners, m.plan])).toEqual([
      ["(ア)", ["個人情報保護委員会"], "個人情報保護委員会において、必要な助言等を行う。"],
      ["(イ)", ["総務省"], "総務省において、演習を行う。"],
    ]);
    expect(built.problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        params: expect.objectContaining({ reason: "pdf-run-split-guess" }),
      }),
    ]);
  });
});

describe("rows", () => {
  test("without borders, a label centred in its row still belongs to it: the results marker starts the row", () => {
    const runs = ppcRows().map((r) => (r.str === "(イ)" ? { ...r, y: 615 } : r));
    const { measures } = measuresOf([page(1, runs, noRules)]);
    expect(measures.map((m) => [m.label, m.results])).toEqual([
      ["(ア)", "・助言を行った。"],
      ["(イ)", "・演習を行った。"],
    ]);
  });

  test("a row whose rest is at the top of the next page, without a label, is one measure located on its first page", () => {
    const p1 = [
      ...header(700),
      run("(ア)", X[0] + 2, 680),
      run("内閣官房", X[1] + 1, 680),
      run("内閣官房において、訓練を行う。", X[2] + 1, 680),
      run("<成果・進捗状況>", X[3] + 1, 680),
      run("・訓練を行った。", X[3] + 1, 670),
      run("- 1 -", 290, 40),
    ];
    const p2 = [
      run("<2024年度年次計画>", X[3] + 1, 780),
      run("・引き続き訓練を行う。", X[3] + 1, 770),
      run("- 2 -", 290, 40),
    ];
    const { built, read, measures } = measuresOf([
      page(1, p1, grid(712, [660])),
      page(2, p2, grid(792, [760])),
    ]);
    expect(measures.map((m) => [m.label, m.results, m.nextPlan])).toEqual([
      ["(ア)", "・訓練を行った。", "・引き続き訓練を行う。"],
    ]);
    expect(built.at[read.drafts[0].source.row! - 1]).toEqual({ page: 1, line: 3 });
    expect(built.furniture.map((f) => [f.kind, f.page, f.text])).toEqual([
      ["page-number", 1, "- 1 -"],
      ["page-number", 2, "- 2 -"],
    ]);
  });
});

test("a page with no header the table reader knows gives no grid", () => {
  const built = buildPdfGrid(
    [page(1, [run("議事録", 40, 780), run("1. 開会", 40, 760)], noRules)],
    "minutes.pdf"
  );
  expect(built.grid).toBeNull();
  expect(built.pagesRead).toEqual([1]);
});

test("a table whose rows have no borders between them (only its frame) is cut into rows at each label", () => {
  const frame: DrawnRules = {
    horizontal: [712, 692, 590].map((at) => ({ at, a: X[0] - 2, b: RIGHT })),
    vertical: [X[0] - 2, X[1] - 1, X[2], X[3] - 1, RIGHT].map((at) => ({ at, a: 590, b: 712 })),
  };
  const { measures } = measuresOf([page(1, ppcRows(), frame)]);
  expect(measures.map((m) => [m.label, m.owners, m.nextPlan])).toEqual([
    ["(ア)", ["個人情報保護委員会"], "・引き続き助言を行う。"],
    ["(イ)", ["総務省"], "・2024年度で終了。"],
  ]);
});

test("a cell line that repeats at the same height on two pages is content, not a running title", () => {
  const row = (label: string, y: number) => [
    run(label, X[0] + 2, y),
    run("総務省", X[1] + 1, y),
    run("総務省において、演習を行う。", X[2] + 1, y),
    run("<成果・進捗状況>", X[3] + 1, y),
    run("・演習を計画どおり実施した。", X[3] + 1, y - 10),
    run("<2024年度年次計画>", X[3] + 1, y - 20),
    run("・引き続き演習を行う。", X[3] + 1, y - 30),
  ];
  const p1 = page(1, [...header(800), ...row("(ア)", 780)], grid(812, [790, 740]));
  const p2 = page(2, row("(イ)", 780), grid(792, [740]));
  const { built, measures } = measuresOf([p1, p2]);
  expect(measures.map((m) => [m.label, m.results, m.nextPlan])).toEqual([
    ["(ア)", "・演習を計画どおり実施した。", "・引き続き演習を行う。"],
    ["(イ)", "・演習を計画どおり実施した。", "・引き続き演習を行う。"],
  ]);
  expect(built.furniture).toEqual([]);
});
