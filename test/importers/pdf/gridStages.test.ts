/**
 * The PDF grid builder one stage at a time, on pages built by hand as the report prints them:
 * which pages are the table's, its header and column edges, margin furniture, a line cut into
 * cells, rows told apart, a row's rest on the next page joined, the header first, the grid.
 */
import { appendixPages } from "../../../src/importers/pdf/appendixPages";
import { cutLine } from "../../../src/importers/pdf/cutLine";
import { marginFurniture, type FurnitureLine } from "../../../src/importers/pdf/furniture";
import {
  GridRows,
  headerFirst,
  joinContinuedRows,
  rowBorders,
  toGrid,
  type GridRow,
} from "../../../src/importers/pdf/gridRows";
import { groupLines, joinRuns, type PdfLine } from "../../../src/importers/pdf/layout";
import { tableHeader } from "../../../src/importers/pdf/tableHeader";
import type { PdfPageText, TextRun } from "../../../src/importers/pdf/textItems";
import { grid, header, noRules, page, run, X } from "./handBuiltPages";

const TITLE = "2023年度のサイバーセキュリティ関連施策の実施状況及び2024年度年次計画";
const linesOf = (pages: readonly PdfPageText[]) => pages.map((p) => groupLines(p.runs));
const line = (runs: TextRun[], index = 1): PdfLine => ({ y: runs[0].y, runs, index });

describe("the table's pages", () => {
  test("pages of 別添3 and those after it until 別添2 comes back are furniture, with an info", () => {
    const pages = [
      page(1, [run(`別添2 ${TITLE}`, 40, 800), ...header(700)], noRules),
      page(
        2,
        [run("別添3 各府省庁の取組", 40, 800), run("・点検表を更新した。", 40, 780)],
        noRules
      ),
      page(3, [run("・演習を行った。", 40, 780)], noRules),
      page(4, [run(`別添2 ${TITLE}`, 40, 800)], noRules),
    ];
    const r = appendixPages(pages, linesOf(pages), "cs2024.pdf");
    expect(r.ours).toEqual([true, false, false, true]);
    expect(r.pagesRead).toEqual([1, 4]);
    expect(r.furniture.map((f) => [f.kind, f.page, f.text])).toEqual([
      ["other-appendix", 2, "別添3 各府省庁の取組"],
      ["other-appendix", 2, "・点検表を更新した。"],
      ["other-appendix", 3, "・演習を行った。"],
    ]);
    expect(r.problems).toEqual([
      expect.objectContaining({
        severity: "info",
        params: { reason: "other-appendix-skipped", pages: 2 },
      }),
    ]);
  });
});

describe("the table's header", () => {
  test("found under the title, with the drawn column borders as edges and the owners column named", () => {
    const pages = [page(1, [run(TITLE, 40, 760), ...header(700)], grid(712, [660]))];
    const h = tableHeader(pages, linesOf(pages), [true])!;
    expect(h.page).toBe(0);
    expect(h.header.first).toBe(1);
    expect(h.texts).toEqual([
      "項番",
      "担当府省庁",
      "2023年度年次計画",
      "2023年度\n取組の成果、進捗状況及び2024年度年次計画",
    ]);
    expect(h.ownersColumn).toBe(1);
    expect(h.edges).toEqual([X[1] - 1, X[2], X[3] - 1]);
  });

  test("none on pages that are not read, or that hold no header", () => {
    const pages = [page(1, header(700), noRules), page(2, [run("議事録", 40, 780)], noRules)];
    expect(tableHeader(pages, linesOf(pages), [false, true])).toBeNull();
  });
});

describe("margin furniture", () => {
  const pages = [1, 2].map((n) =>
    page(n, [run(TITLE, 40, 800), ...header(700), run(`- ${17 + n} -`, 290, 40)], noRules)
  );
  const lines = linesOf(pages);
  const kind = marginFurniture(pages, lines, [true, true], [X[1] - 1, X[2], X[3] - 1], {
    page: 0,
    first: 1,
  });

  test("a title repeated on later pages is a running title, but it stays above the first header", () => {
    expect(kind(0, lines[0][0])).toBeNull();
    expect(kind(1, lines[1][0])).toBe("running-title");
  });

  test("a page number alone in the bottom margin, and nothing outside the margins", () => {
    expect(kind(0, lines[0][lines[0].length - 1])).toBe("page-number");
    expect(kind(0, lines[0][1])).toBeNull();
  });
});

describe("a line cut into cells", () => {
  const edges = [X[1] - 1, X[2], X[3] - 1];
  const ruled = grid(712, [660]);
  const ppc = line([
    run("(ア)", X[0] + 2, 680),
    run("個人情報保護委員会個人情報保護委員会において、", X[1], 680),
    run("<成果・進捗状況>", X[3] + 1, 680),
  ]);

  test("a run across a drawn border is cut there, and the cut is reported", () => {
    const cut = cutLine(ppc, edges, ruled, true);
    if (cut.kind !== "cells") throw new Error("expected cells");
    expect(cut.parts.map((ps) => joinRuns(ps))).toEqual([
      "(ア)",
      "個人情報保護委員会",
      "個人情報保護委員会において、",
      "<成果・進捗状況>",
    ]);
    expect(cut.splits).toEqual([
      { run: "個人情報保護委員会個人情報保護委員会において、", column: 2 },
    ]);
  });

  test("on a ruled page, a line where no column border is drawn is wide (a title above the table)", () => {
    expect(cutLine(line([run(TITLE, 40, 760)]), edges, ruled, true)).toEqual({
      kind: "wide",
      col: 0,
    });
  });

  test("without borders, a heading alone in the first column is wide; a label is not", () => {
    const heading = line([run("(2)", X[0], 690)]);
    expect(cutLine(heading, edges, noRules, false)).toEqual({ kind: "wide", col: 0 });
    expect(cutLine(line([run("(イ)", X[0] + 2, 690)]), edges, noRules, false).kind).toBe("cells");
    const across = line([run("(2) 多様な主体によるシームレスな情報共有・連携", X[0], 690)]);
    expect(cutLine(across, edges, noRules, false).kind).toBe("wide");
  });
});

describe("rows", () => {
  const edges = [X[1] - 1, X[2], X[3] - 1];
  /** A line of cells (one run per non-empty cell) at height y. */
  const cellsLine = (y: number, texts: string[]): PdfLine =>
    line(
      texts.flatMap((t, k) => (t === "" ? [] : [run(t, (k === 0 ? X[0] : edges[k - 1]) + 2, y)]))
    );
  const add = (
    rows: GridRows,
    l: PdfLine,
    at: { page: number; line: number },
    ruled: boolean,
    borders: number[]
  ) => {
    const cut = cutLine(l, edges, ruled ? grid(712, [640, 590]) : noRules, ruled);
    if (cut.kind !== "cells") throw new Error("expected cells");
    rows.cells(cut, l, at, ruled, borders);
  };

  test("without borders: a results marker after the results column has text starts a row, a label centred in it joins it, the next label starts one", () => {
    const rows = new GridRows(4);
    add(
      rows,
      cellsLine(680, ["(ア)", "総務省", "総務省において、", "<成果・進捗状況>"]),
      { page: 1, line: 3 },
      false,
      []
    );
    add(
      rows,
      cellsLine(670, ["", "", "演習を行う。", "・演習を行った。"]),
      { page: 1, line: 4 },
      false,
      []
    );
    add(
      rows,
      cellsLine(660, ["", "", "警察庁において、", "<成果・進捗状況>"]),
      { page: 1, line: 5 },
      false,
      []
    );
    add(
      rows,
      cellsLine(650, ["(イ)", "警察庁", "", "・訓練を行った。"]),
      { page: 1, line: 6 },
      false,
      []
    );
    add(rows, cellsLine(630, ["(ウ)", "内閣官房"]), { page: 1, line: 7 }, false, []);
    expect(rows.rows.map((r) => [r.kind, r.line, r.cells.map((c) => c.join("|"))])).toEqual([
      [
        "data",
        3,
        ["(ア)", "総務省", "総務省において、|演習を行う。", "<成果・進捗状況>|・演習を行った。"],
      ],
      ["data", 5, ["(イ)", "警察庁", "警察庁において、", "<成果・進捗状況>|・訓練を行った。"]],
      ["data", 7, ["(ウ)", "内閣官房", "", ""]],
    ]);
  });

  test("ruled: the border above a line names its row, whatever the labels", () => {
    const borders = rowBorders(grid(712, [640, 590]), edges);
    expect(borders).toEqual([712, 640, 590]);
    const rows = new GridRows(4);
    add(
      rows,
      cellsLine(680, ["", "総務省", "総務省において、", ""]),
      { page: 1, line: 3 },
      true,
      borders
    );
    add(
      rows,
      cellsLine(660, ["(ア)", "", "演習を行う。", ""]),
      { page: 1, line: 4 },
      true,
      borders
    );
    add(
      rows,
      cellsLine(620, ["(イ)", "警察庁", "警察庁において、", ""]),
      { page: 1, line: 5 },
      true,
      borders
    );
    expect(rows.rows.map((r) => [r.band, r.cells[0]])).toEqual([
      ["1:712", ["(ア)"]],
      ["1:640", ["(イ)"]],
    ]);
  });

  test("wide lines: a block goes on below itself, but a drawn border, a heading and a whole title above end it", () => {
    const rows = new GridRows(4);
    /** A border between the heading (770) and the box under it (760). */
    const borders = [768];
    const wide = (y: number, text: string, n: number) =>
      rows.wide(line([run(text, X[0], y)], n), 0, { page: 1, line: n }, borders);
    wide(800, TITLE, 1);
    wide(790, "(注) 各府省庁の報告による。", 2);
    wide(780, "詳細は各府省庁の資料を参照。", 3);
    wide(770, "1.4 誰も取り残さないデジタル/セキュリティ・リテラシーの向上", 4);
    wide(760, "・国は、デジタル・リテラシーの向上に取り組む。", 5);
    wide(750, "また、その状況を点検する。", 6);
    expect(rows.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [1, [TITLE]],
      [2, ["(注) 各府省庁の報告による。", "詳細は各府省庁の資料を参照。"]],
      [4, ["1.4 誰も取り残さないデジタル/セキュリティ・リテラシーの向上"]],
      [5, ["・国は、デジタル・リテラシーの向上に取り組む。", "また、その状況を点検する。"]],
    ]);
  });

  test("wide lines without a border between: text under a heading goes on in its block (the heading's title wrapped)", () => {
    const rows = new GridRows(4);
    rows.wide(
      line([run("1.4 誰も取り残さないデジタル/", X[0], 770)], 1),
      0,
      { page: 1, line: 1 },
      []
    );
    rows.wide(
      line([run("セキュリティ・リテラシーの向上", X[0], 760)], 2),
      0,
      { page: 1, line: 2 },
      []
    );
    rows.wide(
      line([run("(1) 多様な主体による情報共有", X[0], 750)], 3),
      0,
      { page: 1, line: 3 },
      []
    );
    expect(rows.rows.map((r) => r.cells[0])).toEqual([
      ["1.4 誰も取り残さないデジタル/", "セキュリティ・リテラシーの向上"],
      ["(1) 多様な主体による情報共有"],
    ]);
  });
});

describe("finishing the rows", () => {
  const data = (page: number, line: number, cells: string[][], after?: GridRow): GridRow => ({
    kind: "data",
    cells,
    page,
    line,
    ...(after ? { after } : {}),
  });

  test("a labelless part at the next page's top joins the row before; a labelless row after nothing is warned", () => {
    const first = data(1, 3, [
      ["(ア)"],
      ["内閣官房"],
      ["訓練を行う。"],
      ["<成果・進捗状況>", "・訓練を行った。"],
    ]);
    const rest = data(2, 1, [[], [], [], ["<2024年度年次計画>", "・引き続き訓練を行う。"]], first);
    const stray = data(2, 5, [[], [], ["注記のみの行。"], []]);
    const warned: unknown[] = [];
    const kept = joinContinuedRows([first, rest, stray], (reason, at) =>
      warned.push([reason, at.page, at.line])
    );
    expect(kept).toEqual([first, stray]);
    expect(first.cells[3]).toEqual([
      "<成果・進捗状況>",
      "・訓練を行った。",
      "<2024年度年次計画>",
      "・引き続き訓練を行う。",
    ]);
    expect(warned).toEqual([["row-without-label", 2, 5]]);
  });

  test("table text printed above the header is read under it", () => {
    const head: GridRow = { kind: "header", cells: [["項番"]], page: 1, line: 4 };
    const a = data(1, 2, [["(ア)"]]);
    const b = data(1, 6, [["(イ)"]]);
    expect(headerFirst([a, head, b])).toEqual([head, a, b]);
  });

  test("the grid: the box quoted after a heading is furniture; data cells joined as wrapped text, owners one per line", () => {
    const block = (line: number, texts: string[]): GridRow => ({
      kind: "block",
      cells: [texts, [], [], []],
      page: 1,
      line,
      col: 0,
    });
    const rows: GridRow[] = [
      block(2, ["1.4 誰も取り残さないデジタル/セキュリティ・リテラシーの向上"]),
      block(3, ["・国は、デジタル・リテラシーの向上に取り組む。", "また、その状況を点検する。"]),
      {
        kind: "header",
        cells: [["項番"], ["担当府省庁"], ["2023年度年次計画"], ["取組の成果"]],
        page: 1,
        line: 5,
      },
      data(1, 6, [
        ["(ア)"],
        ["総務省", "経済産業省"],
        ["総務省及び経済産業省において、点検表を", "更新する。"],
        ["<成果・進捗状況>"],
      ]),
    ];
    const furniture: FurnitureLine[] = [];
    const { grid: g, at } = toGrid(rows, 1, furniture);
    expect(g).toEqual([
      ["1.4 誰も取り残さないデジタル/セキュリティ・リテラシーの向上", "", "", ""],
      ["項番", "担当府省庁", "2023年度年次計画", "取組の成果"],
      [
        "(ア)",
        "総務省\n経済産業省",
        "総務省及び経済産業省において、点検表を更新する。",
        "<成果・進捗状況>",
      ],
    ]);
    expect(at).toEqual([
      { page: 1, line: 2 },
      { page: 1, line: 5 },
      { page: 1, line: 6 },
    ]);
    expect(furniture.map((f) => [f.kind, f.line, f.text])).toEqual([
      ["strategy-box", 3, "・国は、デジタル・リテラシーの向上に取り組む。"],
      ["strategy-box", 4, "また、その状況を点検する。"],
    ]);
  });
});
