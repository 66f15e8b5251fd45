/**
 * Columns are read as written: unknown columns are carried (extra), two columns for one role are
 * an error naming both unless one is marked old, and the ledger accounts for every cell.
 */
import { buildPlanTable } from "../../src/domain/pipeline";
import { readPlanTable } from "../../src/importers/table/readTable";
import { importDelimitedText } from "../../src/importers/csv";

const HEADER = ["項番", "担当府省庁", "2023年度年次計画", "成果・進捗状況", "2024年度年次計画"];
const ROWS = [
  [
    "(ア)",
    "総務省",
    "総務省において、説明会を開催する。",
    "・計画に基づき、説明会を3回開催した。",
    "・引き続き、説明会を開催する。",
  ],
  [
    "(イ)",
    "経済産業省",
    "経済産業省において、指針を改定する。",
    "・計画に基づき、指針を改定した。",
    "・2024年度で終了。",
  ],
];
const src = { file: "総務省.csv" };

describe("extra columns: carried, never dropped", () => {
  it("予算額(百万円) and 担当課 come back in each measure under their headers, with one info for the file", () => {
    const grid = [
      [...HEADER, "予算額(百万円)", "担当課"],
      [...ROWS[0], "120", "サイバーセキュリティ課"],
      [...ROWS[1], "", "情報セキュリティ政策室"],
    ];
    const r = readPlanTable(grid, src);
    expect(r.drafts.map((d) => d.extra)).toEqual([
      { "予算額(百万円)": "120", 担当課: "サイバーセキュリティ課" },
      { 担当課: "情報セキュリティ政策室" },
    ]);
    expect(r.extraColumns).toEqual(["予算額(百万円)", "担当課"]);
    const infos = r.problems.filter((p) => p.code === "extra-columns");
    expect(infos).toEqual([
      expect.objectContaining({
        severity: "info",
        row: 1,
        params: { columns: "「予算額(百万円)」、「担当課」", count: 2 },
      }),
    ]);
    // Ledger: 7 header cells are the table header, 10 known cells in measures, 3 extra cells.
    expect(r.ledger?.counts).toEqual({
      measure: 10,
      extra: 3,
      heading: 0,
      furniture: 7,
      problem: 0,
    });
    expect(r.ledger?.total).toBe(20);
  });

  it("the same header in two files is one column of the plan table", () => {
    const a = importDelimitedText(
      "総務省.csv",
      [
        [...HEADER, "担当課"],
        [...ROWS[0], "A課"],
      ]
        .map((r) => r.join(","))
        .join("\n")
    );
    const b = importDelimitedText(
      "経済産業省.csv",
      [
        [...HEADER, "予算額(百万円)", "担当課"],
        [...ROWS[1], "5", "B室"],
      ]
        .map((r) => r.join(","))
        .join("\n")
    );
    const table = buildPlanTable([a, b]);
    expect(table.extraColumns).toEqual(["担当課", "予算額(百万円)"]);
    expect(table.measures.map((m) => m.extra)).toEqual([
      { 担当課: "A課" },
      { "予算額(百万円)": "5", 担当課: "B室" },
    ]);
  });
});

describe("two columns for one role", () => {
  it("an old 2024年度年次計画（旧） beside the new one: the new one decides the status, an info says so", () => {
    const grid = [
      [
        "項番",
        "担当府省庁",
        "2023年度年次計画",
        "成果・進捗状況",
        "2024年度年次計画（旧）",
        "2024年度年次計画",
      ],
      [
        "(ア)",
        "総務省",
        "総務省において、説明会を開催する。",
        "・計画に基づき、開催した。",
        "・2023年度で終了。",
        "・引き続き、説明会を開催する。",
      ],
    ];
    const table = buildPlanTable([readPlanTable(grid, src)]);
    expect(table.measures[0].nextPlan).toBe("・引き続き、説明会を開催する。");
    expect(table.measures[0].status).toBe("continuing");
    expect(table.measures[0].extra).toEqual({ "2024年度年次計画（旧）": "・2023年度で終了。" });
    const dup = table.problems.filter((p) => p.code === "duplicate-label");
    expect(dup).toEqual([
      expect.objectContaining({
        severity: "info",
        column: "2024年度年次計画（旧）",
        columnIndex: 5,
        params: expect.objectContaining({ used: "2024年度年次計画", old: 1 }),
      }),
    ]);
  });

  it.each(["前回 担当府省庁", "担当府省庁(修正前)", "担当府省庁【旧】"])(
    "%s is taken for the old column, whichever side it stands",
    (old) => {
      for (const header of [
        ["項番", old, "担当府省庁"],
        ["項番", "担当府省庁", old],
      ]) {
        const grid = [
          [...header, "2023年度年次計画", "成果・進捗状況", "2024年度年次計画"],
          header[1] === old
            ? ["(ア)", "総務省", "内閣官房", ...ROWS[0].slice(2)]
            : ["(ア)", "内閣官房", "総務省", ...ROWS[0].slice(2)],
        ];
        const r = readPlanTable(grid, src);
        expect(r.drafts[0].ownersText).toBe("内閣官房");
        expect(
          r.problems.filter((p) => p.code === "duplicate-label").map((p) => p.severity)
        ).toEqual(["info"]);
      }
    }
  );

  it("two unmarked columns for one role: an error naming both", () => {
    const grid = [
      ["項番", "担当府省庁", "府省庁", "2023年度年次計画", "成果・進捗状況", "2024年度年次計画"],
      ["(ア)", "総務省", "内閣官房", ...ROWS[0].slice(2)],
    ];
    const r = readPlanTable(grid, src);
    expect(r.problems.filter((p) => p.code === "duplicate-label")).toEqual([
      expect.objectContaining({
        severity: "error",
        column: "府省庁",
        params: { used: "担当府省庁", usedIndex: 2, extra: "府省庁" },
      }),
    ]);
    expect(r.drafts[0].extra).toEqual({ 府省庁: "内閣官房" });
  });
});

describe("the ledger of a table", () => {
  it("a sender's note above the table is an unplaced-text problem with its text; title and heading rows are placed", () => {
    const grid = [
      [
        "別添2 2023 年度のサイバーセキュリティ関連施策の実施状況及び 2024 年度年次計画",
        "",
        "",
        "",
        "",
      ],
      ["総務省 サイバーセキュリティ統括官室 提出", "", "", "", "2024/5/1"],
      HEADER,
      ["2 国民が安全で安心して暮らせるデジタル社会の実現", "", "", "", ""],
      ROWS[0],
    ];
    const r = readPlanTable(grid, src);
    const unplaced = r.problems.filter((p) => p.code === "unplaced-text");
    expect(unplaced).toEqual([
      expect.objectContaining({
        row: 2,
        columnIndex: 1,
        params: { text: "総務省 サイバーセキュリティ統括官室 提出" },
      }),
      expect.objectContaining({ row: 2, columnIndex: 5, params: { text: "2024/5/1" } }),
    ]);
    expect(r.ledger?.counts).toEqual({
      measure: 5,
      extra: 0,
      heading: 1,
      furniture: 6,
      problem: 2,
    });
    expect(r.ledger?.entries.filter((e) => e.place === "heading").map((e) => e.row)).toEqual([4]);
  });
});
