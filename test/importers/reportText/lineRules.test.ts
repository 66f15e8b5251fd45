/** The layout rules as the PDF and report-text readers both ask them of a line, on lines as the report prints them. */
import {
  appendixOf,
  hasCellMarker,
  hasResultsMarker,
  isFooter,
  isPageNumber,
  isStrategySource,
  startsWithLabel,
} from "../../../src/importers/reportText/lineRules";
import {
  CLAUSE_END,
  FIRST_WORD_AND_REST,
  LABEL_AS_PRINTED,
  REPOSTED_AFTER_LABEL,
  REPOSTED_BROKEN_HEAD,
  REPOSTED_BROKEN_TAIL,
} from "../../../src/importers/reportText/rules";

test("the appendix a line opens, with spaces kept (別添2 2023 is appendix 2, not 22023)", () => {
  expect(appendixOf("別添3 各府省庁の取組")).toBe(3);
  expect(
    appendixOf("別添2 2023 年度のサイバーセキュリティ関連施策の実施状況及び 2024 年度年次計画")
  ).toBe(2);
  expect(appendixOf("別添 ２")).toBe(2);
  expect(appendixOf("・別添3の通り")).toBeNull();
});

test("labels in either width, not sub-section numbers", () => {
  expect(startsWithLabel("(ア) 総務省")).toBe(true);
  expect(startsWithLabel("（イ）内閣官房")).toBe(true);
  expect(startsWithLabel("(1) 多様な主体によるシームレスな情報共有・連携")).toBe(false);
  expect(LABEL_AS_PRINTED.exec("（ｳ） 警察庁")?.[1]).toBe("ｳ");
  expect(LABEL_AS_PRINTED.exec("(エ)　個人情報保護委員会")?.[2]).toBe("個人情報保護委員会");
});

test("cell markers however spaced, in either width", () => {
  expect(hasResultsMarker("総務省において、点検表を < 成果・進捗状況 >")).toBe(true);
  expect(hasCellMarker("＜2024 年度年次計画＞")).toBe(true);
  expect(hasCellMarker("・2024 年度は年次計画に基づき実施した。")).toBe(false);
});

test("furniture: the strategy box's source line, footers and page numbers", () => {
  expect(isStrategySource("サイバーセキュリティ戦略(2021 年9月 28 日閣議決定。)より")).toBe(true);
  expect(isStrategySource("サイバーセキュリティ戦略に基づき、演習を行った。")).toBe(false);
  expect(isFooter("別添2 - 18 -")).toBe(true);
  expect(isFooter("- 18 -")).toBe(true);
  expect(isPageNumber("Page 12 of 40")).toBe(true);
  expect(isPageNumber("18 ページ")).toBe(true);
  expect(isPageNumber("2024 年度")).toBe(false);
});

test("the label line's parts: a (再掲) mark after it, an owner with the row's first text", () => {
  expect(REPOSTED_AFTER_LABEL.exec("（再 掲） 総務省")?.[0]).toBe("（再 掲） ");
  expect(REPOSTED_AFTER_LABEL.test("総務省（再掲）")).toBe(false);
  expect(
    FIRST_WORD_AND_REST.exec("個人情報保護委員会　個人情報保護委員会において、")?.slice(1)
  ).toEqual(["個人情報保護委員会", "個人情報保護委員会において、"]);
  expect(CLAUSE_END.test("2 ヵ所で実施した。")).toBe(true);
  expect(CLAUSE_END.test("2 国民が安全で安心して暮らせるデジタル社会の実現")).toBe(false);
});

test("(再掲) broken at a line end: the head closes one line, the tail opens the next", () => {
  expect(
    REPOSTED_BROKEN_HEAD.test("また、業界団体の会合で指針類を紹介し、利用を呼び掛けた。(再")
  ).toBe(true);
  expect(REPOSTED_BROKEN_TAIL.test("掲)")).toBe(true);
  expect(REPOSTED_BROKEN_HEAD.test("・再度実施した。")).toBe(false);
});
