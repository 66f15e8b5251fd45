import { isReposted, isYesCell } from "../../src/domain/reposted";

describe("isReposted: one meaning of 再掲 for every source", () => {
  it("a mark in the 項番 cell, full-width or spaced", () => {
    expect(isReposted({ itemNumber: "(ア)(再掲)", texts: [] })).toBe(true);
    expect(isReposted({ itemNumber: "（イ）（再掲）", texts: [] })).toBe(true);
    expect(isReposted({ itemNumber: "(ウ) ( 再掲 )", texts: [] })).toBe(true);
  });
  it("a mark closing a text cell, not one inside it", () => {
    const plan = "内閣官房において、政府機関等の対策基準策定のためのガイドラインを改定する。（再掲）";
    expect(isReposted({ itemNumber: "(ア)", texts: ["", plan] })).toBe(true);
    expect(isReposted({ itemNumber: "(ア)", texts: ["「（再掲）」の扱いを見直し、各府省庁に周知する。"] })).toBe(false);
  });
  it("a 再掲 column read back from 施策一覧", () => {
    expect(isReposted({ itemNumber: "(ア)", texts: ["計画"], column: "再掲" })).toBe(true);
    expect(isReposted({ itemNumber: "(ア)", texts: ["計画"], column: "" })).toBe(false);
    for (const no of ["いいえ", "FALSE", "0", "-", "×", "なし", " no "]) expect(isYesCell(no)).toBe(false);
    for (const yes of ["○", "TRUE", "1", "はい", "再掲"]) expect(isYesCell(yes)).toBe(true);
  });
  it("no mark: not reposted", () => {
    expect(isReposted({ itemNumber: "(エ)", texts: ["総務省において、地方公共団体の情報セキュリティ対策を支援する。"] })).toBe(false);
  });
});
