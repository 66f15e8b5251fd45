/** Layout rules of the report-text importer, each on a small realistic page. */
import { finalizeMeasures } from "../../../src/domain/finalize";
import { importReportText } from "../../../src/importers/reportText";
import { looksLikeReportText } from "../../../src/importers/reportText/sniff";
import {
  chooseColumn,
  splitMixed,
  type LayoutState,
} from "../../../src/importers/reportText/columns";

const TITLE_2024 = "別添2 2023 年度のサイバーセキュリティ関連施策の実施状況及び 2024 年度年次計画";
const CH2 = "2 国民が安全で安心して暮らせるデジタル社会の実現";

const page = (body: string[], title = TITLE_2024, chapter = CH2) =>
  [title, chapter, "", ...body].join("\n");

const ROW_A = [
  "(ア) 総務省",
  "総務省において、引き続き、中小企業向けの点検表を <成果・進捗状況>",
  "更新し、業界団体を通じて周知する。 ・計画に基づき、点検表を更新し、業界団体の会合で周知した。",
  "<2024 年度年次計画>",
  "・引き続き、点検表の更新と周知を行う。",
];

describe("page headers and editions", () => {
  test("the edition's years come from the page title, not from the code", () => {
    const text = page(
      [
        "(ア) デジタル庁",
        "デジタル庁において、引き続き、共通基盤の監視を行 <成果・進捗状況>",
        "う。 ・計画に基づき、共通基盤の監視を行った。",
        "<2025 年度年次計画>",
        "・引き続き、共通基盤の監視を行う。",
      ],
      "2024 年度のサイバーセキュリティ関連施策の実施状況及び 2025 年度年次計画"
    );
    const r = importReportText(text, "cs2025.txt");
    expect(r.fiscalYears).toEqual({ plan: 2024, next: 2025 });
    expect(r.drafts[0].nextPlan).toBe("・引き続き、共通基盤の監視を行う。");
    expect(r.problems.filter((p) => p.params?.reason === "marker-year")).toEqual([]);
  });

  test("a next-year marker of another year than the title's is warned with page and line", () => {
    const r = importReportText(
      page(ROW_A, "2024 年度のサイバーセキュリティ関連施策の実施状況及び 2025 年度年次計画"),
      "x.txt"
    );
    const p = r.problems.find((q) => q.params?.reason === "marker-year");
    expect(p).toMatchObject({ code: "ambiguous-layout", severity: "warning", page: 1, line: 7 });
  });

  test("the page footer and the repeated header are not cell text", () => {
    const text = [page(ROW_A.slice(0, 3)), "別添2 - 18 -", page(ROW_A.slice(3))].join("\n");
    const [d] = importReportText(text, "x.txt").drafts;
    expect(d.results).toBe("・計画に基づき、点検表を更新し、業界団体の会合で周知した。");
    expect(d.nextPlan).toBe("・引き続き、点検表の更新と周知を行う。");
  });

  test("pages of other appendices (別添3) in the same text are skipped, with an info", () => {
    const other = ["別添3 各府省庁の取組", "総務省", "・点検表を更新した。"].join("\n");
    const r = importReportText(`${page(ROW_A)}\n${other}`, "x.txt");
    expect(r.drafts).toHaveLength(1);
    expect(r.drafts[0].nextPlan).toBe("・引き続き、点検表の更新と周知を行う。");
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        severity: "info",
        params: expect.objectContaining({ reason: "other-appendix-skipped" }),
      })
    );
  });

  test("pages separated by form feeds (pdftotext) are pages", () => {
    const r = importReportText(`${page(ROW_A.slice(0, 3))}\f${page(ROW_A.slice(3))}`, "x.txt");
    expect(r.drafts).toHaveLength(1);
    expect(r.drafts[0].source).toMatchObject({ page: 1 });
  });

  test("text without the appendix title still yields rows, years unknown, with an info", () => {
    const r = importReportText(ROW_A.join("\n"), "x.txt");
    expect(r.fiscalYears).toBeNull();
    expect(r.drafts).toHaveLength(1);
    expect(r.problems).toContainEqual(
      expect.objectContaining({ severity: "info", params: { reason: "no-page-title" } })
    );
  });

  test("text with no rows at all is a no-table-found error", () => {
    const r = importReportText(page(["・国は、連絡体制を整備する。"]), "x.txt");
    expect(r.drafts).toEqual([]);
    expect(r.problems).toContainEqual(
      expect.objectContaining({ code: "no-table-found", severity: "error" })
    );
  });
});

describe("labels and owners", () => {
  test("full-width labels （イ） are read as (イ)", () => {
    const r = importReportText(page(["（イ） 総務省", ...ROW_A.slice(1)]), "x.txt");
    expect(finalizeMeasures(r.drafts)[0]).toMatchObject({
      label: "(イ)",
      owners: ["総務省"],
      id: "2(イ)",
    });
  });

  test("a cross-reference such as 2.4(1)(エ) inside a cell is not a label", () => {
    const body = [
      "(ア) 総務省",
      "総務省において、引き続き、2.4(1)(エ)の取組と連携 <成果・進捗状況>",
      "し、点検表を周知する。 ・計画に基づき、点検表を周知した。",
      "<2024 年度年次計画>",
      "・引き続き、点検表を周知する。",
    ];
    const r = importReportText(page(body), "x.txt");
    expect(r.drafts.map((d) => d.label)).toEqual(["(ア)"]);
    expect(r.drafts[0].plan).toBe(
      "総務省において、引き続き、2.4(1)(エ)の取組と連携し、点検表を周知する。"
    );
  });

  test("(再掲) in the label cell marks the measure, and is not taken for an owner", () => {
    const r = importReportText(page(["(ア)(再掲) 総務省", ...ROW_A.slice(1)]), "x.txt");
    expect(r.drafts[0]).toMatchObject({ label: "(ア)", ownersText: "総務省", reposted: true });
  });

  test("owners joined with ・ on a line after the label are owners, not plan text", () => {
    const r = importReportText(page(["(ア)", "総務省・経済産業省", ...ROW_A.slice(1)]), "x.txt");
    expect(finalizeMeasures(r.drafts)[0].owners).toEqual(["総務省", "経済産業省"]);
    expect(r.drafts[0].plan.startsWith("総務省において")).toBe(true);
  });

  test("a group owner (関係府省庁) on the label line is kept as the owner", () => {
    const r = importReportText(page(["(ア) 関係府省庁", ...ROW_A.slice(1)]), "x.txt");
    expect(r.drafts[0].ownersText).toBe("関係府省庁");
  });

  test("a label without any text on its page is kept as an empty measure with a located warning", () => {
    const r = importReportText(page([...ROW_A, "(イ) 経済産業省"]), "x.txt");
    expect(r.drafts.map((d) => d.label)).toEqual(["(ア)", "(イ)"]);
    expect(r.drafts[1]).toMatchObject({ ownersText: "経済産業省", plan: "", confidence: 0.1 });
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        code: "ambiguous-layout",
        page: 1,
        line: 9,
        params: expect.objectContaining({ reason: "label-without-text" }),
      })
    );
  });

  test("a wrapped owner name that is never completed is kept as written, with a warning", () => {
    const body = [
      "(ア) 個 人 情 報 保 個人情報保護委員会において、説明会を開催する。 <成果・進捗状況>",
      "・計画に基づき、説明会を開催した。",
      "<2024 年度年次計画>",
      "・引き続き、説明会を開催する。",
    ];
    const r = importReportText(page(body), "x.txt");
    expect(r.drafts[0].ownersText).toBe("個人情報保");
    expect(r.problems).toContainEqual(
      expect.objectContaining({ params: expect.objectContaining({ reason: "owner-incomplete" }) })
    );
  });
});

describe("row boundaries", () => {
  test("a paragraph after a finished next-year plan that never gets a marker stays with its row, as a located guess", () => {
    const body = [
      ...ROW_A,
      "また、地方公共団体向けの説明会を開催する。",
      "(イ) 警察庁",
      "警察庁において、引き続き、サイバー犯罪の相談窓口 <成果・進捗状況>",
      "を運用する。 ・計画に基づき、相談窓口を運用した。",
      "<2024 年度年次計画>",
      "・引き続き、相談窓口を運用する。",
    ];
    const r = importReportText(page(body), "x.txt");
    expect(r.drafts.map((d) => d.label)).toEqual(["(ア)", "(イ)"]);
    expect(r.drafts[0].plan).toBe(
      "総務省において、引き続き、中小企業向けの点検表を更新し、業界団体を通じて周知する。また、地方公共団体向けの説明会を開催する。"
    );
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        page: 1,
        line: 9,
        params: expect.objectContaining({ reason: "column-guess" }),
      })
    );
    expect(r.problems.filter((p) => p.params?.reason === "label-count")).toEqual([]);
  });
});

describe("rows across pages", () => {
  test("a row continued on the next page is one measure, the next row keeps its own label", () => {
    const p1 = [
      "(ア) 総務省",
      "総務省において、引き続き、中小企業向けの点検表を <成果・進捗状況>",
      "更新し、業界団体を通じて周知する。 ・計画に基づき、点検表を更新し、業界団体の会合で周知し",
    ];
    const p2 = [
      "た。",
      "<2024 年度年次計画>",
      "・引き続き、点検表の更新と周知を行う。",
      "(イ) 警察庁",
      "警察庁において、引き続き、サイバー犯罪の相談窓口 <成果・進捗状況>",
      "を運用する。 ・計画に基づき、相談窓口を運用した。",
      "<2024 年度年次計画>",
      "・引き続き、相談窓口を運用する。",
    ];
    const r = importReportText(`${page(p1)}\n${page(p2)}`, "x.txt");
    expect(r.drafts.map((d) => [d.label, d.source.page])).toEqual([
      ["(ア)", 1],
      ["(イ)", 2],
    ]);
    expect(r.drafts[0].results).toBe("・計画に基づき、点検表を更新し、業界団体の会合で周知した。");
    expect(r.drafts[1].plan).toBe("警察庁において、引き続き、サイバー犯罪の相談窓口を運用する。");
  });

  test("a row cut off at the end of the text is imported with a located truncated-row warning", () => {
    const r = importReportText(
      page([...ROW_A, "", "(イ) 内閣官房", "", "内閣官房において、引"]),
      "x.txt"
    );
    expect(r.drafts[1]).toMatchObject({
      label: "(イ)",
      plan: "内閣官房において、引",
      nextPlan: "",
    });
    expect(r.drafts[1].confidence).toBeLessThan(1);
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        code: "ambiguous-layout",
        severity: "warning",
        page: 1,
        line: 10,
        params: expect.objectContaining({ reason: "truncated-row" }),
      })
    );
  });
});

describe("column de-interleaving clues", () => {
  const state = (over: Partial<LayoutState> = {}): LayoutState => ({
    left: { available: true, last: "内閣官房において、引き続き、官民の連絡窓口一覧" },
    right: {
      available: true,
      last: "・2023 年度は窓口一覧を2回更新し、登録組織数は 120 となった。",
    },
    rightSinceLeft: 1,
    lastSingle: null,
    canStartRow: false,
    ...over,
  });

  test("a mixed line splits at the gap between two Japanese characters, not at a space next to a number", () => {
    expect(
      splitMixed(
        "を整備・更新し、インシデント発生時の照会が迅速 ・2023 年度は窓口一覧を2回更新し、登録組織数は 120 となった。",
        state()
      )
    ).toEqual({
      left: "を整備・更新し、インシデント発生時の照会が迅速",
      right: "・2023 年度は窓口一覧を2回更新し、登録組織数は 120 となった。",
    });
    expect(
      splitMixed("・2023 年度は全国8か所で説明会を開催し、延べ 1,500 人が参加", state())
    ).toBeNull();
  });

  test("no split before the right column has its first marker", () => {
    expect(
      splitMixed(
        "を整備・更新し、インシデント発生時の照会が迅速 ・2023 年度は窓口一覧を",
        state({ right: { available: false, last: null } })
      )
    ).toBeNull();
  });

  test("a line wider than the plan column goes right", () => {
    expect(
      chooseColumn("・窓口担当者向けの連絡訓練を実施し、結果を参加組織へ還元し", state()).choice
    ).toBe("right");
  });

  test("a bullet cannot continue a sentence cut at the line end", () => {
    const st = state({ right: { available: true, last: "・計画に基づき、勉強会を開催した。" } });
    expect(chooseColumn("・引き続き、研究開発法人の担当者を対象とした勉", st).choice).toBe("right");
  });

  test("「た。」 continues a verb stem (追加し), not a noun (研究機関)", () => {
    const st = state({
      left: { available: true, last: "・引き続き、大学共同利用機関と連携し、研究機関" },
      right: {
        available: true,
        last: "・脅威情報の配信を月次で行い、配信先を新たに 20 機関追加し",
      },
    });
    expect(chooseColumn("た。", st).choice).toBe("right");
  });

  test("after a finished next-year plan, a new plan paragraph starts the next row", () => {
    const st = state({
      left: { available: true, last: "を通じた周知を行う。" },
      right: { available: true, last: "・引き続き、周知を行う。" },
      canStartRow: true,
      rightSinceLeft: 3,
    });
    expect(chooseColumn("内閣官房において、引き続き、政府機関等のウェブ", st).choice).toBe(
      "newRow"
    );
  });
});

describe("sniffing", () => {
  test("report text is recognised by its title or its markers; a TSV table is not", () => {
    expect(looksLikeReportText(page(ROW_A))).toBe(true);
    expect(looksLikeReportText(ROW_A.join("\n"))).toBe(true);
    expect(
      looksLikeReportText("項番\t担当府省庁\t2023年度年次計画\n(ア)\t総務省\t点検表を更新する。")
    ).toBe(false);
  });
});
