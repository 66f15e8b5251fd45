/**
 * readPlanTable's stages, each alone: findHeader → mapColumns → requireColumns → headingsAbove →
 * readRows → fiscalYears; and the column table they read.
 */
import { COLUMN_NAMES, COLUMNS, coreRolesOf, type ColumnTable } from "../../../src/domain/columns";
import { emptyLedger } from "../../../src/domain/ledger";
import type { Problem } from "../../../src/domain/model";
import { findHeader } from "../../../src/importers/table/findHeader";
import { fiscalYearsOf } from "../../../src/importers/table/fiscalYears";
import { emptyTrail, headingsAbove } from "../../../src/importers/table/headingsAbove";
import {
  carryExtraColumns,
  mapColumns,
  type ColumnMap,
} from "../../../src/importers/table/mapColumns";
import { readRows } from "../../../src/importers/table/readRows";
import { missingColumnProblems, requireColumns } from "../../../src/importers/table/requireColumns";

const base = { file: "総務省.csv" };
const at = { base, headerRowNo: 3, firstColumn: 1 };
const TITLE = "別添2 2023 年度のサイバーセキュリティ関連施策の実施状況及び 2024 年度年次計画";
const HEADER = ["項番", "担当府省庁", "2023年度年次計画", "成果・進捗状況", "2024年度年次計画"];
const ROW = [
  "(ア)",
  "総務省",
  "総務省において、説明会を開催する。",
  "・計画に基づき、説明会を3回開催した。",
  "・引き続き、説明会を開催する。",
];

describe("the column table", () => {
  it("has one row per role, each with Japanese and English names", () => {
    const roles = COLUMNS.map((c) => c.role);
    expect(new Set(roles).size).toBe(roles.length);
    for (const c of COLUMNS) expect(COLUMN_NAMES[c.role]).toEqual(c.names);
  });

  it("marks the 項番, owners, plan and the results/next-plan columns as the core of a header", () => {
    expect([...coreRolesOf(COLUMNS)].sort()).toEqual([
      "combined",
      "itemNumber",
      "nextPlan",
      "owners",
      "plan",
      "results",
    ]);
  });
});

describe("findHeader", () => {
  it("finds the header below a title row", () => {
    expect(findHeader([[TITLE], HEADER, ROW])).toEqual({ top: 1, bottom: 1, cells: HEADER });
  });

  it("reads two rows as one header when that names more columns ('2023 年度' over '年次計画')", () => {
    const found = findHeader([
      ["項番", "担当府省庁", "2023 年度", "2023 年度"],
      ["", "", "年次計画", "取組の成果、進捗状況及び 2024 年度年次計画"],
      ROW,
    ]);
    expect(found).toMatchObject({ top: 0, bottom: 1 });
    expect(found!.cells[2]).toBe("2023 年度\n年次計画");
  });

  it("finds nothing in a cover letter", () => {
    expect(
      findHeader([
        ["提出期限", "2024年5月31日"],
        ["担当者", "総務太郎"],
      ])
    ).toBeNull();
  });
});

describe("mapColumns", () => {
  it("tells two 年次計画 columns apart by year: the earlier is the year's plan", () => {
    const header = ["項番", "担当府省庁", "2024年度年次計画", "成果・進捗状況", "2023年度年次計画"];
    const { cols, problems } = mapColumns(header, [header, ROW], 0, at);
    expect(problems).toEqual([]);
    expect([cols.plan?.c, cols.plan?.year, cols.nextPlan?.c, cols.nextPlan?.year]).toEqual([
      4, 2023, 2, 2024,
    ]);
    expect(cols.itemNumber).toEqual({
      header: "項番",
      index: 1,
      c: 0,
      year: undefined,
      year2: undefined,
    });
  });

  it("reports a second 担当府省庁 naming the one used, and an old column as unused (info)", () => {
    const header = [...HEADER, "担当府省庁", "（旧）担当府省庁"];
    const mapping = mapColumns(header, [header, [...ROW, "経済産業省", "総務省"]], 0, at);
    expect(mapping.problems.map((p) => [p.code, p.severity, p.column, p.params?.used])).toEqual([
      ["duplicate-label", "error", "担当府省庁", "担当府省庁"],
      ["duplicate-label", "info", "（旧）担当府省庁", "担当府省庁"],
    ]);
    // Their values are carried as extra columns, and the problems say under which names.
    const extra = carryExtraColumns(
      header,
      [header, [...ROW, "経済産業省", "総務省"]],
      0,
      mapping,
      1
    );
    expect(extra.map((x) => x.name)).toEqual(["担当府省庁 (6列目)", "（旧）担当府省庁"]);
    expect(mapping.problems.map((p) => p.params?.extra)).toEqual([
      "担当府省庁 (6列目)",
      "（旧）担当府省庁",
    ]);
  });
});

describe("requireColumns", () => {
  const mapped = (header: string[]) => mapColumns(header, [header], 0, at).cols;

  it("names the combined column when neither results nor a next-year plan is there", () => {
    expect(requireColumns(mapped(["項番", "担当府省庁", "2023年度年次計画"]))).toEqual([
      "combined",
    ]);
  });

  it("names the one missing of the separate results and next-year columns", () => {
    expect(requireColumns(mapped(["項番", "担当府省庁", "年次計画", "成果・進捗状況"]))).toEqual([
      "nextPlan",
    ]);
    expect(requireColumns(mapped(["項番", "担当府省庁", "年次計画", "次年度年次計画"]))).toEqual([
      "results",
    ]);
  });

  it("lists the columns required outright first, in the table's order", () => {
    expect(requireColumns(mapped(["備考", "取組の成果、進捗状況及び次年度年次計画"]))).toEqual([
      "itemNumber",
      "owners",
      "plan",
    ]);
    expect(requireColumns(mapped(HEADER))).toEqual([]);
  });

  it("follows the table given: a required column of its own is checked too", () => {
    const table: ColumnTable = [
      ...COLUMNS,
      {
        role: "budget",
        patterns: [/^予算額$/u],
        names: { ja: "予算額", en: "Budget" },
        required: true,
        fill: { as: "optionalText", field: "budget" },
      },
    ];
    const missing = requireColumns(mapColumns(HEADER, [HEADER], 0, at, table).cols, table);
    expect(missing).toEqual(["budget"]);
    const [p] = missingColumnProblems(missing, HEADER, at, table);
    expect(p).toMatchObject({
      code: "missing-label",
      severity: "error",
      row: 3,
      column: "予算額",
      params: { column: "予算額", columnEn: "Budget" },
    });
  });
});

describe("headingsAbove", () => {
  it("reads the title's fiscal years and the chapter line, and keeps a sender's name as a located problem", () => {
    const ledger = emptyLedger();
    const rows = [
      [TITLE],
      ["2 国民が安全で安心して暮らせるデジタル社会の実現"],
      ["総務省 サイバーセキュリティ統括官室", "2024年5月31日"],
      HEADER,
    ];
    const above = headingsAbove(rows, 3, { base, firstRow: 1, firstColumn: 1 }, ledger);
    expect(above.titleYears).toEqual({ plan: 2023, next: 2024 });
    expect(above.trail.chapter).toEqual({
      number: "2",
      title: "国民が安全で安心して暮らせるデジタル社会の実現",
    });
    expect(above.problems.map((p) => [p.code, p.row, p.columnIndex])).toEqual([
      ["unplaced-text", 3, 1],
      ["unplaced-text", 3, 2],
    ]);
    expect(ledger.counts.furniture + ledger.counts.heading + ledger.counts.problem).toBe(4);
  });
});

describe("readRows", () => {
  it("reads drafts under the header, follows heading rows, and reports blank rows between rows", () => {
    const rows = [
      HEADER,
      ["2.1 安全・安心なサイバー空間の利用環境の構築"],
      ["(1) 国民・社会を守るための取組"],
      ROW,
      ["", ""],
      ["(イ)", "経済産業省", "…を行う。", "・…を行った。", "・2024年度で終了。"],
    ];
    const cols: ColumnMap = mapColumns(HEADER, rows, 0, at).cols;
    const problems: Problem[] = [];
    const ledger = emptyLedger();
    const { drafts, markerYear } = readRows(
      rows,
      0,
      HEADER,
      cols,
      [],
      emptyTrail(),
      { base, firstRow: 1, firstColumn: 1 },
      ledger,
      problems
    );
    expect(markerYear).toBeUndefined();
    expect(
      drafts.map((d) => [
        d.label,
        d.ownersText,
        d.section?.number,
        d.subsection?.number,
        d.source.row,
      ])
    ).toEqual([
      ["(ア)", "総務省", "2.1", "(1)", 4],
      ["(イ)", "経済産業省", "2.1", "(1)", 6],
    ]);
    expect(drafts[0].chapter).toEqual({ number: "2", title: "" });
    expect(problems).toEqual([{ code: "blank-row", severity: "info", file: "総務省.csv", row: 5 }]);
    expect(ledger.counts.measure).toBe(10);
    expect(ledger.counts.heading).toBe(2);
  });

  it("splits the combined cell and takes the next year from its marker", () => {
    const header = ["項番", "担当府省庁", "年次計画", "取組の成果、進捗状況及び次年度年次計画"];
    const rows = [
      header,
      [
        "(ア)",
        "総務省",
        "…を行う。",
        "<成果・進捗状況>\n・…を行った。\n<2024 年度年次計画>\n・引き続き…を行う。",
      ],
    ];
    const cols = mapColumns(header, rows, 0, at).cols;
    const read = readRows(
      rows,
      0,
      header,
      cols,
      [],
      emptyTrail(),
      { base, firstRow: 1, firstColumn: 1 },
      emptyLedger(),
      []
    );
    expect(read.markerYear).toBe(2024);
    expect(read.drafts[0]).toMatchObject({
      results: "・…を行った。",
      nextPlan: "・引き続き…を行う。",
    });
  });
});

describe("fiscalYearsOf", () => {
  it("takes the headers' years first, then the title's, then the markers'", () => {
    const cols = mapColumns(HEADER, [HEADER], 0, at).cols;
    expect(fiscalYearsOf(cols, { plan: 2030, next: 2031 }, 2099)).toEqual({
      plan: 2023,
      next: 2024,
    });
    const plain = mapColumns(
      ["項番", "担当府省庁", "年次計画", "取組の成果、進捗状況及び次年度年次計画"],
      [],
      0,
      at
    ).cols;
    expect(fiscalYearsOf(plain, { plan: 2030, next: 2031 }, 2099)).toEqual({
      plan: 2030,
      next: 2031,
    });
    expect(fiscalYearsOf(plain, null, 2025)).toEqual({ plan: 2024, next: 2025 });
    expect(fiscalYearsOf(plain, null, undefined)).toBeNull();
  });
});
