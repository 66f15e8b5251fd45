import { readPlanTable } from "../../src/importers/table/readTable";

const HEADER = ["項番", "担当府省庁", "2023 年度\n年次計画", "2023 年度\n取組の成果、進捗状況及び 2024 年度\n年次計画"];
const PPC_ROW = [
  "(ア)",
  "個人情報保護委員会",
  "個人情報保護委員会において、…必要な助言等を行う。",
  "<成果・進捗状況>\n・いわゆる Web スキミングによる情報流出等を…改正した。\n<2024 年度年次計画>\n・引き続き、…必要な助言等を行う。",
];
const MIC_ROW = ["(イ)", "総務省", "総務省において、引き続き、…検討する。", "<成果・進捗状況>\n・計画に基づき、…技術実証を行った。\n<2024 年度年次計画>\n・2023 年度で終了。"];
const src = { file: "別添2.csv" };

describe("readPlanTable: header row", () => {
  it("finds the header row below title rows, and numbers rows as the file does", () => {
    const grid = [
      ["別添2 2023 年度のサイバーセキュリティ関連施策の実施状況及び 2024 年度年次計画", "", "", ""],
      ["2 国民が安全で安心して暮らせるデジタル社会の実現", "", "", ""],
      HEADER,
      PPC_ROW,
    ];
    const r = readPlanTable(grid, src);
    expect(r.problems).toEqual([]);
    expect(r.drafts).toHaveLength(1);
    expect(r.drafts[0].source).toEqual({ file: "別添2.csv", row: 4 });
    expect(r.drafts[0].chapter).toEqual({ number: "2", title: "国民が安全で安心して暮らせるデジタル社会の実現" });
  });

  it("splits the combined column into results and next-year plan at its markers", () => {
    const d = readPlanTable([HEADER, PPC_ROW], src).drafts[0];
    expect(d.results).toBe("・いわゆる Web スキミングによる情報流出等を…改正した。");
    expect(d.nextPlan).toBe("・引き続き、…必要な助言等を行う。");
    expect(d.plan).toBe("個人情報保護委員会において、…必要な助言等を行う。");
    expect(d.ownersText).toBe("個人情報保護委員会");
  });

  it("reads separate results and next-plan columns, with the two 年次計画 columns told apart by year", () => {
    // The next year's column first: the year decides, not the position.
    const grid = [
      ["項番", "担当省庁", "2024年度年次計画", "成果・進捗状況", "2023年度年次計画"],
      ["(ア)", "総務省", "・2023 年度で終了。", "・計画に基づき、技術実証を行った。", "総務省において、実証を行う。"],
    ];
    const r = readPlanTable(grid, src);
    expect(r.drafts[0].plan).toBe("総務省において、実証を行う。");
    expect(r.drafts[0].nextPlan).toBe("・2023 年度で終了。");
    expect(r.fiscalYears).toEqual({ plan: 2023, next: 2024 });
  });

  it("reads full-width and space-broken headers (ＮＦＫＣ, spaces ignored)", () => {
    const grid = [["項 番", "所管府省庁", "２０２３年度　年次計画", "２０２３年度取組の成果、進捗状況及び２０２４年度年次計画"], PPC_ROW];
    const r = readPlanTable(grid, src);
    expect(r.problems).toEqual([]);
    expect(r.drafts).toHaveLength(1);
    expect(r.fiscalYears).toEqual({ plan: 2023, next: 2024 });
  });

  it("takes the fiscal years from the headers of the combined layout", () => {
    expect(readPlanTable([HEADER, PPC_ROW], src).fiscalYears).toEqual({ plan: 2023, next: 2024 });
  });

  it("without years in the headers, takes them from the title row, else from the <20YY年度年次計画> markers", () => {
    const plain = ["項番", "担当府省庁", "年次計画", "取組の成果、進捗状況及び次年度年次計画"];
    const title = ["別添2 2024 年度のサイバーセキュリティ関連施策の実施状況及び 2025 年度年次計画", "", "", ""];
    expect(readPlanTable([title, plain, PPC_ROW], src).fiscalYears).toEqual({ plan: 2024, next: 2025 });
    expect(readPlanTable([plain, PPC_ROW], src).fiscalYears).toEqual({ plan: 2023, next: 2024 });
    expect(readPlanTable([plain, ["(ア)", "総務省", "…", "・引き続き"]], src).fiscalYears).toBeNull();
  });

  it("reports no-table-found when no row looks like a header", () => {
    const r = readPlanTable([["提出期限", "2024年5月31日"], ["担当者", "総務太郎"]], src);
    expect(r.drafts).toEqual([]);
    expect(r.problems).toEqual([{ code: "no-table-found", severity: "error", file: "別添2.csv" }]);
  });
});

describe("readPlanTable: required columns (missing-label is blocking)", () => {
  it("names 担当府省庁 when it is absent and imports nothing", () => {
    const grid = [HEADER.filter((_, i) => i !== 1), PPC_ROW.filter((_, i) => i !== 1)];
    const r = readPlanTable(grid, src);
    expect(r.drafts).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({ code: "missing-label", severity: "error", row: 1, column: "担当府省庁", params: expect.objectContaining({ column: "担当府省庁", columnEn: "Ministries" }) }),
    ]);
  });

  it("shows the header row as found with a missing column, so the user sees the heading that was not recognised", () => {
    const grid = [["項番", "実施主体", "2023年度年次計画", "取組の成果、進捗状況及び2024年度年次計画"], ["(ア)", "総務省", "・実施する。", "<成果・進捗状況>\n・実施した。"]];
    const r = readPlanTable(grid, src);
    expect(r.problems.find((p) => p.code === "missing-label")?.params?.found).toBe("項番 | 実施主体 | 2023年度年次計画 | 取組の成果、進捗状況及び2024年度年次計画");
  });

  it("reports the next-year plan column missing when only the results column is there", () => {
    const r = readPlanTable([["項番", "担当府省庁", "年次計画", "成果・進捗状況"], ["(ア)", "総務省", "…", "…"]], src);
    expect(r.drafts).toEqual([]);
    expect(r.problems.map((p) => p.column)).toEqual(["次年度年次計画"]);
  });

  it("reports every missing column at once", () => {
    const r = readPlanTable([["項番", "2023年度年次計画"], ["(ア)", "…"]], src);
    expect(r.problems.map((p) => p.column)).toEqual(["担当府省庁", "取組の成果、進捗状況及び次年度年次計画"]);
  });
});

describe("readPlanTable: duplicate and blank labels", () => {
  it("duplicate-label: a second 担当府省庁 column is an error naming both; its values are kept as an extra column", () => {
    const grid = [[...HEADER, "担当省庁"], [...PPC_ROW, "総務省"]];
    const r = readPlanTable(grid, src);
    expect(r.problems).toEqual([
      expect.objectContaining({ code: "duplicate-label", severity: "error", row: 1, column: "担当省庁", columnIndex: 5, params: { used: "担当府省庁", usedIndex: 2, extra: "担当省庁" } }),
      expect.objectContaining({ code: "extra-columns", severity: "info", params: { columns: "「担当省庁」", count: 1 } }),
    ]);
    expect(r.drafts[0].ownersText).toBe("個人情報保護委員会");
    expect(r.drafts[0].extra).toEqual({ 担当省庁: "総務省" });
  });

  it("blank-label: a column with values under an empty header is kept as the extra column 列5", () => {
    const r = readPlanTable([[...HEADER, ""], [...PPC_ROW, "メモ"]], src);
    expect(r.problems).toEqual([
      expect.objectContaining({ code: "blank-label", severity: "warning", row: 1, columnIndex: 5, params: { extra: "列5" } }),
      expect.objectContaining({ code: "extra-columns", severity: "info" }),
    ]);
    expect(r.drafts[0].extra).toEqual({ 列5: "メモ" });
  });

  it("no blank-label for empty trailing columns without values", () => {
    expect(readPlanTable([[...HEADER, ""], [...PPC_ROW, ""]], src).problems).toEqual([]);
  });
});

describe("readPlanTable: rows", () => {
  it("blank-row (info) between measures, but not for trailing empty lines", () => {
    const r = readPlanTable([HEADER, PPC_ROW, ["", "", "", ""], MIC_ROW, ["", "", "", ""], [""]], src);
    expect(r.drafts).toHaveLength(2);
    expect(r.problems).toEqual([{ code: "blank-row", severity: "info", file: "別添2.csv", row: 3 }]);
  });

  it("formula-like: cells starting with = + - @ are kept as text and reported as info", () => {
    const r = readPlanTable([HEADER, ["(ア)", "内閣官房", "=SUM(A1)", "<成果・進捗状況>\n・実施した。\n<2024 年度年次計画>\n・引き続き実施する。"]], src);
    expect(r.drafts[0].plan).toBe("=SUM(A1)");
    expect(r.problems).toEqual([
      expect.objectContaining({ code: "formula-like", severity: "info", row: 2, column: "2023 年度 年次計画", columnIndex: 3, params: { value: "=SUM(A1)" } }),
    ]);
  });

  it("cell-too-long: a cell over Excel's 32,767 characters is an error", () => {
    const long = "・" + "あ".repeat(32767);
    const r = readPlanTable([HEADER, ["(ア)", "総務省", long, PPC_ROW[3]]], src);
    expect(r.problems).toEqual([expect.objectContaining({ code: "cell-too-long", severity: "error", row: 2, params: { length: 32768, max: 32767 } })]);
    const ok = readPlanTable([HEADER, ["(ア)", "総務省", "あ".repeat(32767), PPC_ROW[3]]], src);
    expect(ok.problems).toEqual([]);
  });

  it("follows heading rows (2.1 …, (1) …) to qualify the measures below", () => {
    const grid = [
      HEADER,
      ["2.1 国民・社会を守るためのサイバーセキュリティ環境の提供", "", "", ""],
      ["(1) 安全・安心なサイバー空間の利用環境の構築", "", "", ""],
      PPC_ROW,
      ["（２）新たなサイバーセキュリティの担い手との協調", "", "", ""],
      MIC_ROW,
    ];
    const [a, b] = readPlanTable(grid, src).drafts;
    expect(a.section).toEqual({ number: "2.1", title: "国民・社会を守るためのサイバーセキュリティ環境の提供" });
    expect(a.chapter?.number).toBe("2");
    expect(a.subsection).toEqual({ number: "(1)", title: "安全・安心なサイバー空間の利用環境の構築" });
    expect(b.subsection).toEqual({ number: "(2)", title: "新たなサイバーセキュリティの担い手との協調" });
    expect(b.section?.number).toBe("2.1");
  });

  it("reads the optional 章/節/項/進捗区分/備考 columns; a blank 章/節/項 cell means 'as above'", () => {
    const grid = [
      ["章", "節", "項", "項番", "担当府省庁", "2023年度年次計画", "成果・進捗状況", "2024年度年次計画", "進捗区分", "備考"],
      ["2 国民が安全で安心して暮らせるデジタル社会の実現", "2.1", "(1)", "(ア)", "総務省", "…を行う。", "・…を行った。", "・引き続き…を行う。", "拡充", "担当者の判断"],
      ["", "", "2", "(ア)", "総務省", "…を行う。", "・…を行った。", "・引き続き…を行う。", "", ""],
    ];
    const [a, b] = readPlanTable(grid, src).drafts;
    expect(a.chapter).toEqual({ number: "2", title: "国民が安全で安心して暮らせるデジタル社会の実現" });
    expect(a.section).toEqual({ number: "2.1", title: "" });
    expect(a.subsection).toEqual({ number: "(1)", title: "" });
    expect(a.statusOverride).toBe("拡充");
    expect(a.note).toBe("担当者の判断");
    expect(b.chapter?.number).toBe("2");
    expect(b.section?.number).toBe("2.1");
    expect(b.subsection?.number).toBe("(2)");
    expect(b.statusOverride).toBeUndefined();
    expect(b.note).toBeUndefined();
  });

  it("marks (再掲) rows as reposted", () => {
    const row = ["(ウ)", "総務省", "総務省において、…周知を行う。(再掲)", "<成果・進捗状況>\n・…呼び掛けた。(再掲)\n<2024 年度年次計画>\n・引き続き…周知を行う。(再掲)"];
    expect(readPlanTable([HEADER, row, PPC_ROW], src).drafts.map((d) => d.reposted)).toEqual([true, false]);
  });

  it("counts rows and columns from the used range's origin (firstRow, firstColumn) and keeps the sheet", () => {
    const r = readPlanTable([HEADER, ["(ア)", "内閣官房", "@x", PPC_ROW[3]]], { file: "ブック.xlsx", sheet: "別添2", firstRow: 5, firstColumn: 2 });
    expect(r.drafts[0].source).toEqual({ file: "ブック.xlsx", sheet: "別添2", row: 6 });
    expect(r.problems[0]).toEqual(expect.objectContaining({ sheet: "別添2", row: 6, columnIndex: 4 }));
    expect(r.columns?.owners).toEqual({ header: "担当府省庁", index: 3 });
  });
});

describe("readPlanTable: heading rows and the 再掲 column", () => {
  it("a lone number in a text column or 備考 is not a heading", () => {
    const grid = [
      [...HEADER, "備考"],
      ["2.1 国民・社会を守るためのサイバーセキュリティ環境の提供", "", "", "", ""],
      [...PPC_ROW, ""],
      ["", "", "", "", "3"],
      [...MIC_ROW, ""],
    ];
    const r = readPlanTable(grid, src);
    expect(r.drafts.map((d) => [d.label, d.chapter?.number, d.section?.number])).toEqual([
      ["(ア)", "2", "2.1"],
      ["", "2", "2.1"],
      ["(イ)", "2", "2.1"],
    ]);
  });

  it("a generated 施策一覧 sheet's 再掲 column marks reposted rows when imported again", () => {
    const grid = [
      ["項番", "担当府省庁", "2023年度年次計画", "成果・進捗状況", "2024年度年次計画", "再掲"],
      ["2.1(1)(ア)", "総務省", "…を行う。", "・…を行った。", "・引き続き…を行う。", "再掲"],
      ["2.1(1)(イ)", "総務省", "…を行う。", "・…を行った。", "・引き続き…を行う。", ""],
      ["2.1(1)(ウ)", "総務省", "…を行う。", "・…を行った。", "・引き続き…を行う。", "FALSE"],
    ];
    expect(readPlanTable(grid, src).drafts.map((d) => d.reposted)).toEqual([true, false, false]);
  });
});

describe("readPlanTable: two-row headers and header notes", () => {
  it("reads a header split over two rows ('2023 年度' over '年次計画'), with its years", () => {
    const grid = [
      ["項番", "担当府省庁", "2023 年度", "2023 年度"],
      ["", "", "年次計画", "取組の成果、進捗状況及び 2024 年度年次計画"],
      PPC_ROW,
    ];
    const r = readPlanTable(grid, src);
    expect(r.problems).toEqual([]);
    expect(r.fiscalYears).toEqual({ plan: 2023, next: 2024 });
    expect(r.drafts.map((d) => [d.label, d.source.row])).toEqual([["(ア)", 3]]);
    expect(r.columns?.plan?.header).toBe("2023 年度 年次計画");
  });

  it("a merged upper row over separate lower columns: the lower row names the columns, the next-year plan is kept", () => {
    const combined = "2023年度取組の成果、進捗状況及び2024年度年次計画";
    const grid = [
      ["項番", "担当府省庁", "2023年度年次計画", combined, combined],
      ["項番", "担当府省庁", "2023年度年次計画", "成果・進捗状況", "2024年度年次計画"],
      ["(ア)", "総務省", "…を行う。", "・…を行った。", "・2023 年度で終了。"],
    ];
    const r = readPlanTable(grid, src);
    expect(r.drafts).toHaveLength(1);
    expect(r.drafts[0].nextPlan).toBe("・2023 年度で終了。");
    expect(r.drafts[0].results).toBe("・…を行った。");
  });

  it("reads marker-like headers (<成果・進捗状況>, ＜2024年度年次計画＞) and headers with notes (※…, (…))", () => {
    const grid = [
      ["項番", "担当府省庁※複数の場合は改行", "2023年度年次計画(当初)", "<成果・進捗状況>", "＜2024年度年次計画＞"],
      ["(ア)", "総務省\n経済産業省", "…を行う。", "・…を行った。", "・引き続き…を行う。"],
    ];
    const r = readPlanTable(grid, src);
    expect(r.problems).toEqual([]);
    expect(r.drafts[0]).toEqual(expect.objectContaining({ ownersText: "総務省\n経済産業省", results: "・…を行った。", nextPlan: "・引き続き…を行う。" }));
    expect(r.fiscalYears).toEqual({ plan: 2023, next: 2024 });
  });
});

describe("readPlanTable: a lone year-bearing 年次計画 column", () => {
  it("is the next year's plan when its year follows the results' year, so the year's plan is the one reported missing", () => {
    const r = readPlanTable([["項番", "担当府省庁", "2023年度成果・進捗状況", "2024年度年次計画"], ["(ア)", "総務省", "・…を行った。", "・引き続き…を行う。"]], src);
    expect(r.problems.map((p) => [p.code, p.column])).toEqual([["missing-label", "年次計画"]]);
    expect(r.columns?.nextPlan?.header).toBe("2024年度年次計画");
  });
});

describe("a header with nothing under it", () => {
  it("warns on the header row that the table has no measures (an unfilled template sent by mistake)", () => {
    const grid = [["項番", "担当府省庁", "2023年度年次計画", "2023年度取組の成果、進捗状況及び2024年度年次計画"], ["", "", "", ""]];
    const result = readPlanTable(grid, { file: "総務省.csv" });
    expect(result.drafts).toEqual([]);
    expect(result.problems.filter((p) => p.code === "no-rows")).toEqual([
      expect.objectContaining({ code: "no-rows", severity: "warning", file: "総務省.csv", row: 1 }),
    ]);
  });
  it("a table with measures gets no such warning", () => {
    const grid = [
      ["項番", "担当府省庁", "2023年度年次計画", "2023年度取組の成果、進捗状況及び2024年度年次計画"],
      ["(ア)", "総務省", "総務省において、引き続き、実証を行う。", "<成果・進捗状況>\n・計画に基づき、実証を行った。\n<2024年度年次計画>\n・引き続き、実証を行う。"],
    ];
    expect(readPlanTable(grid, { file: "総務省.csv" }).problems.map((p) => p.code)).not.toContain("no-rows");
  });
});
