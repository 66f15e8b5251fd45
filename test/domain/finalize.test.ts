import type { MeasureDraft } from "../../src/domain/model";
import { finalizeMeasures } from "../../src/domain/finalize";

function draft(over: Partial<MeasureDraft>): MeasureDraft {
  return {
    label: "(ア)",
    chapter: { number: "2", title: "国民が安全で安心して暮らせるデジタル社会の実現" },
    section: { number: "2.1", title: "" },
    subsection: { number: "(1)", title: "" },
    ownersText: "個人情報保護委員会",
    plan: "個人情報保護委員会において、…必要な助言等を行う。",
    results: "・いわゆる Web スキミングによる情報流出等を…改正した。",
    nextPlan: "・引き続き、…必要な助言等を行う。",
    reposted: false,
    source: { file: "本文.csv", row: 2 },
    ...over,
  };
}

describe("finalizeMeasures", () => {
  it("builds the qualified id, formal owners, status and rule", () => {
    const [m] = finalizeMeasures([draft({ label: "（ア）", ownersText: "個 人 情 報 保 護 委 員 会" })]);
    expect(m.id).toBe("2.1(1)(ア)");
    expect(m.label).toBe("(ア)");
    expect(m.owners).toEqual(["個人情報保護委員会"]);
    expect(m.ownersText).toBe("個 人 情 報 保 護 委 員 会");
    expect(m.status).toBe("continuing");
    expect(m.statusRule).toBe("continuing-default");
    expect(m.confidence).toBe(1);
    expect(m.source).toEqual({ file: "本文.csv", row: 2 });
  });

  it("keeps unknown owners as written, next to formal names", () => {
    const [m] = finalizeMeasures([draft({ ownersText: "経産省\nIPA" })]);
    expect(m.owners).toEqual(["経済産業省", "IPA"]);
  });

  it("marks (再掲) from the label or from the end of a text cell", () => {
    const [a, b, c] = finalizeMeasures([
      draft({ label: "(ウ)(再掲)" }),
      draft({ plan: "総務省において、…周知を行う。(再掲)" }),
      draft({}),
    ]);
    expect([a.reposted, b.reposted, c.reposted]).toEqual([true, true, false]);
    expect(a.label).toBe("(ウ)");
  });

  it("applies a 進捗区分 override and records it", () => {
    const [m] = finalizeMeasures([draft({ statusOverride: " 終了 " })]);
    expect(m.status).toBe("ended");
    expect(m.statusRule).toBe("override");
    expect(m.statusOverride).toBe("終了");
  });

  it("ignores an empty override cell", () => {
    const [m] = finalizeMeasures([draft({ statusOverride: "" })]);
    expect(m.statusRule).toBe("continuing-default");
    expect(m.statusOverride).toBeUndefined();
  });

  it("tidies cell text (CRLF, trailing spaces) but keeps line breaks", () => {
    const [m] = finalizeMeasures([draft({ nextPlan: "・引き続き、A を行う。  \r\n・B を行う。\r\n" })]);
    expect(m.nextPlan).toBe("・引き続き、A を行う。\n・B を行う。");
  });
});

describe("finalizeMeasures never classifies from the results part", () => {
  it("終了 or 拡充 in the results does not change a continuing next-year plan", () => {
    const [a, b] = finalizeMeasures([
      draft({ results: "・計画に基づき、技術実証を行った。本実証事業は2023 年度で終了。", nextPlan: "・引き続き、関係者と連携した取組を推進する。" }),
      draft({ results: "・対象機関を拡充して実施した。", nextPlan: "・引き続き、実施する。" }),
    ]);
    expect([a.status, b.status]).toEqual(["continuing", "continuing"]);
  });
});
