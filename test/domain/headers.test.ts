import { matchHeader, splitCombinedCell } from "../../src/domain/headers";

describe("matchHeader: header variants, NFKC and space-insensitive", () => {
  it.each([
    ["項番", "itemNumber"],
    ["担当府省庁", "owners"],
    ["担当省庁", "owners"],
    ["担当府省", "owners"],
    ["所管府省庁", "owners"],
    ["担 当 府 省 庁", "owners"],
    ["成果・進捗状況", "results"],
    ["取組の成果", "results"],
    ["次年度年次計画", "nextPlan"],
    ["章", "chapter"],
    ["節", "section"],
    ["項", "subsection"],
    ["進捗区分", "status"],
    ["備考", "note"],
  ])("%s is the %s column", (text, role) => {
    expect(matchHeader(text)?.role).toBe(role);
  });

  it("reads a year-bearing plan header with spaces and a line break: 「2023 年度\\n年次計画」", () => {
    expect(matchHeader("2023 年度\n年次計画")).toEqual({ role: "plan", year: 2023 });
    expect(matchHeader("２０２３年度年次計画")).toEqual({ role: "plan", year: 2023 });
    expect(matchHeader("令和5年度年次計画")).toEqual({ role: "plan", year: 2023 });
  });

  it("recognises the report's combined column and both of its years", () => {
    expect(matchHeader("2023 年度\n取組の成果、進捗状況及び 2024 年度\n年次計画")).toEqual({ role: "combined", year: 2023, year2: 2024 });
    expect(matchHeader("2023年度取組の成果、進捗状況及び2024年度年次計画")?.role).toBe("combined");
    expect(matchHeader("取組の成果、進捗状況及び次年度年次計画")?.role).toBe("combined");
  });

  it("does not take 項番 for 項 or an unrelated header for a known one", () => {
    expect(matchHeader("項")?.role).toBe("subsection");
    expect(matchHeader("担当者")).toBeNull();
    expect(matchHeader("")).toBeNull();
  });
});

describe("splitCombinedCell", () => {
  const results = "・計画に基づき、技術実証を行った。";
  const next = "・2023 年度で終了。";

  it("splits at half-width markers", () => {
    expect(splitCombinedCell(`<成果・進捗状況>\n${results}\n<2024 年度年次計画>\n${next}`)).toEqual({
      results,
      nextPlan: next,
      nextYear: 2024,
      markers: 2,
    });
  });

  it("splits at full-width markers with full-width digits: ＜成果・進捗状況＞ ＜２０２４年度年次計画＞", () => {
    const r = splitCombinedCell(`＜成果・進捗状況＞\n${results}\n＜２０２４年度年次計画＞\n${next}`);
    expect([r.results, r.nextPlan, r.nextYear]).toEqual([results, next, 2024]);
  });

  it("finds a marker broken over two lines (<2024 / 年度年次計画>)", () => {
    const r = splitCombinedCell(`<成果・進捗状況>\n${results}\n<2024\n年度年次計画>\n${next}`);
    expect(r.nextPlan).toBe(next);
  });

  it("a cell with only the next-plan marker has empty results (a new measure, as (ウ))", () => {
    const r = splitCombinedCell("<2024 年度年次計画>\n・統合分析対策センターを新たに設置する。");
    expect(r.results).toBe("");
    expect(r.nextPlan).toBe("・統合分析対策センターを新たに設置する。");
  });

  it("a cell without markers is all results: the next-year plan stays empty, never guessed", () => {
    expect(splitCombinedCell(results)).toEqual({ results, nextPlan: "", nextYear: undefined, markers: 0 });
  });
});
