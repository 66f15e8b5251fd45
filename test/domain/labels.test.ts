import { isWellFormedLabel, normalizeLabel, qualifiedId } from "../../src/domain/labels";

const chapter = { number: "2", title: "国民が安全で安心して暮らせるデジタル社会の実現" };
const section = { number: "2.1", title: "国民・社会を守るためのサイバーセキュリティの確保" };
const subsection = { number: "(1)", title: "安全・安心なサイバー空間の利用環境の構築" };

describe("normalizeLabel", () => {
  it("makes full-width parentheses half-width: （ア） → (ア)", () => {
    expect(normalizeLabel("（ア）")).toBe("(ア)");
  });
  it("wraps a bare item letter: ア → (ア)", () => {
    expect(normalizeLabel("ア")).toBe("(ア)");
  });
  it("drops spaces and the (再掲) mark", () => {
    expect(normalizeLabel(" ( イ ) ")).toBe("(イ)");
    expect(normalizeLabel("(ウ)(再掲)")).toBe("(ウ)");
  });
});

describe("qualifiedId", () => {
  it("joins section, sub-section and label: 2.1(1)(ア)", () => {
    expect(qualifiedId({ label: "（ア）", chapter, section, subsection })).toBe("2.1(1)(ア)");
  });
  it("normalises full-width heading numbers: ２．１ and （１）", () => {
    expect(qualifiedId({ label: "(イ)", chapter, section: { number: "２．１", title: "" }, subsection: { number: "（１）", title: "" } })).toBe(
      "2.1(1)(イ)",
    );
  });
  it("falls back to the chapter when there is no section, and to the label alone without headings", () => {
    expect(qualifiedId({ label: "(ア)", chapter, section: null, subsection: null })).toBe("2(ア)");
    expect(qualifiedId({ label: "(ア)", chapter: null, section: null, subsection: null })).toBe("(ア)");
  });
  it("keeps a label that is already qualified", () => {
    expect(qualifiedId({ label: "2.4(1)(エ)", chapter, section, subsection })).toBe("2.4(1)(エ)");
  });
});

describe("isWellFormedLabel", () => {
  it.each(["(ア)", "(ヌ)", "(1)", "2.1(1)(ア)", "2.1(ア)", "(アア)"])("accepts %s", (l) => expect(isWellFormedLabel(l)).toBe(true));
  it.each(["ア)", "(ア", "1-2", "施策A", "(ア)(イ)", ""])("rejects %s", (l) => expect(isWellFormedLabel(l)).toBe(false));
});
