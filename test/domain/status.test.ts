import {
  STATUS_LABELS,
  STATUS_RULES,
  classifyStatus,
  parseStatusName,
  statusRuleDescription,
} from "../../src/domain/status";

// Texts from the 2024 report, appendix 2, page 18.
const PPC_PLAN =
  "個人情報保護委員会において、個人情報保護法の規律に則り、個人の権利利益を保護するため、各行政機関等において個人情報等の適正な取扱いが確保されるよう必要な助言等を行う。";
const PPC_NEXT =
  "・引き続き、個人情報取扱事業者及び行政機関等において個人情報等の適正な取扱いが確保されるよう必要な助言等を行う。";
const MIC_I_PLAN =
  "総務省において、引き続き、\n① 電気通信事業者によるフロー情報分析を用いた C&C サーバである可能性が高い機器の検知及びその検知結果の共有";
const MIC_I_RESULTS =
  "・計画に基づき、大規模化・巧妙化・複雑化するサイバー攻撃・脅威に電気通信事業者がより効率的に対処できるようにするための①②③の技術実証を行った。本実証事業終了後は、当該技術実証の成果を踏まえ、各種関係者と連携した取組を推進する。";
const MIC_U_NEXT =
  "・IoT 機器を悪用したサイバー攻撃等に関する攻撃インフラの全体像を可視化し、効果的な対処を行うため、統合分析対策センターを新たに設置し、電気通信事業者全体でのフロー情報分析を用いたサイバー攻撃の観測能力の向上を図る";

describe("classifyStatus", () => {
  it("continuing: a next-year plan with 引き続き (個人情報保護委員会 (ア))", () => {
    expect(classifyStatus({ plan: PPC_PLAN, nextPlan: PPC_NEXT })).toEqual({
      status: "continuing",
      rule: "continuing-default",
    });
  });

  it("continuing: a plan restated without 引き続き is still continuing", () => {
    expect(
      classifyStatus({ plan: PPC_PLAN, nextPlan: "・各行政機関等に対し必要な助言等を行う。" })
        .status
    ).toBe("continuing");
  });

  it("ended: 「・2023 年度で終了。」 (総務省 (イ))", () => {
    expect(classifyStatus({ plan: MIC_I_PLAN, nextPlan: "・2023 年度で終了。" })).toEqual({
      status: "ended",
      rule: "ended-keyword",
    });
  });

  it.each([
    "・本事業は 2023 年度末をもって終了した。",
    "・実証事業の成果の取りまとめをもって本施策は完了した。",
    "・当該制度は廃止する。",
    "・２０２３年度で完了。",
  ])("ended: %s", (nextPlan) => {
    expect(classifyStatus({ plan: PPC_PLAN, nextPlan }).status).toBe("ended");
  });

  it("not ended: 終了 or 完了 inside a continuing plan (実証終了後は…, …の完了を目指し)", () => {
    expect(
      classifyStatus({
        plan: PPC_PLAN,
        nextPlan: "・実証終了後は、成果を踏まえ、関係者と連携した取組を推進する。",
      }).status
    ).toBe("continuing");
    expect(
      classifyStatus({
        plan: PPC_PLAN,
        nextPlan: "・2025 年度中の整備の完了を目指し、引き続き検討を行う。",
      }).status
    ).toBe("continuing");
  });

  it("never classifies from the results part: 終了 in the results does not end the measure", () => {
    // classifyStatus has no results input at all; the (イ) results say 本実証事業終了後は….
    expect(
      classifyStatus({
        plan: MIC_I_PLAN,
        nextPlan: PPC_NEXT,
        ...({ results: MIC_I_RESULTS } as object),
      }).status
    ).toBe("continuing");
  });

  it("new: an empty year's plan with a next-year plan (総務省 (ウ))", () => {
    expect(classifyStatus({ plan: "", nextPlan: MIC_U_NEXT })).toEqual({
      status: "new",
      rule: "new-empty-plan",
    });
  });

  it.each(["―", "-", "ー", "－", "—", " ― "])("new: a year's plan of only a dash (%s)", (dash) => {
    expect(classifyStatus({ plan: dash, nextPlan: MIC_U_NEXT }).status).toBe("new");
  });

  it("new: a next-year plan that starts with 新たに or 新規", () => {
    expect(
      classifyStatus({ plan: PPC_PLAN, nextPlan: "・新たに、中小企業向けの相談窓口を設置する。" })
    ).toEqual({ status: "new", rule: "new-keyword" });
    expect(classifyStatus({ plan: PPC_PLAN, nextPlan: "・新規に演習を実施する。" }).status).toBe(
      "new"
    );
    // 新たに in the middle (as in (ウ)) is not enough when the year's plan exists.
    expect(classifyStatus({ plan: PPC_PLAN, nextPlan: MIC_U_NEXT }).status).toBe("continuing");
  });

  it.each([
    "・対象機関を拡充して実施する。",
    "・演習の規模を拡大する。",
    "・体制の更なる強化を図る。",
    "・体制のさらなる強化を図る。",
  ])("expanded: %s", (nextPlan) => {
    expect(classifyStatus({ plan: PPC_PLAN, nextPlan })).toEqual({
      status: "expanded",
      rule: "expanded-keyword",
    });
  });

  it("強化 alone is not expansion", () => {
    expect(
      classifyStatus({ plan: PPC_PLAN, nextPlan: "・引き続き、体制の強化を図る。" }).status
    ).toBe("continuing");
  });

  it("unreported: an empty next-year plan (or only a dash)", () => {
    expect(classifyStatus({ plan: PPC_PLAN, nextPlan: "" })).toEqual({
      status: "unreported",
      rule: "unreported-empty",
    });
    expect(classifyStatus({ plan: PPC_PLAN, nextPlan: "―" }).status).toBe("unreported");
  });

  it("a valid 進捗区分 override wins over every rule", () => {
    expect(
      classifyStatus({ plan: PPC_PLAN, nextPlan: "・2023 年度で終了。", statusOverride: "拡充" })
    ).toEqual({ status: "expanded", rule: "override" });
    expect(
      classifyStatus({ plan: PPC_PLAN, nextPlan: PPC_NEXT, statusOverride: "Ended" }).status
    ).toBe("ended");
  });

  it("an invalid override is ignored and the rules decide", () => {
    expect(
      classifyStatus({ plan: PPC_PLAN, nextPlan: PPC_NEXT, statusOverride: "たぶん" })
    ).toEqual({ status: "continuing", rule: "continuing-default" });
  });

  it("the first matching rule decides: ended before new before expanded", () => {
    expect(classifyStatus({ plan: "", nextPlan: "・2023 年度で終了。" }).status).toBe("ended");
    expect(classifyStatus({ plan: "―", nextPlan: "・体制を拡充する。" }).status).toBe("new");
  });
});

describe("the status tables", () => {
  it("every rule has a Japanese and an English description, in the documented order", () => {
    expect(STATUS_RULES.map((r) => r.id)).toEqual([
      "ended-keyword",
      "new-empty-plan",
      "new-keyword",
      "expanded-keyword",
      "continuing-default",
      "unreported-empty",
    ]);
    for (const r of STATUS_RULES) {
      expect(r.description.ja).not.toBe("");
      expect(r.description.en).not.toBe("");
    }
  });

  it("every rule can decide (no placeholder), and an override is explained like a rule", () => {
    // Each rule decides some measure: the table holds no rule that never matches.
    const decided = new Set(
      [
        { plan: "", nextPlan: "・2023 年度で終了。" },
        { plan: "―", nextPlan: "・体制を整備する。" },
        { plan: PPC_PLAN, nextPlan: "・新たに説明会を開催する。" },
        { plan: PPC_PLAN, nextPlan: "・体制を拡充する。" },
        { plan: PPC_PLAN, nextPlan: PPC_NEXT },
        { plan: PPC_PLAN, nextPlan: "" },
      ].map((m) => classifyStatus(m).rule)
    );
    expect(STATUS_RULES.filter((r) => !decided.has(r.id)).map((r) => r.id)).toEqual([]);
    expect(statusRuleDescription("override", "ja")).toBe("進捗区分の指定");
    expect(statusRuleDescription("override", "en")).toBe("Status set in the 進捗区分 column");
  });

  it("labels are 継続/拡充/新規/終了/未報告 and Continuing/Expanded/New/Ended/Unreported", () => {
    expect(Object.values(STATUS_LABELS.ja)).toEqual(["継続", "拡充", "新規", "終了", "未報告"]);
    expect(Object.values(STATUS_LABELS.en)).toEqual([
      "Continuing",
      "Expanded",
      "New",
      "Ended",
      "Unreported",
    ]);
  });

  it("parseStatusName reads Japanese, English (any case) and the keys", () => {
    expect(parseStatusName("継続")).toBe("continuing");
    expect(parseStatusName(" 未報告 ")).toBe("unreported");
    expect(parseStatusName("expanded")).toBe("expanded");
    expect(parseStatusName("NEW")).toBe("new");
    expect(parseStatusName("完了")).toBe("ended");
    expect(parseStatusName("")).toBeNull();
    expect(parseStatusName("保留")).toBeNull();
  });
});

describe("owner blocks in the next-year plan ([内閣官房] … [金融庁] …)", () => {
  const plan = "内閣官房及び金融庁において、…を行う。";
  it("a measure ends only when every owner's block ends", () => {
    const oneEnds = "[内閣官房]\n・引き続き、勉強会を開催する。\n[金融庁]\n・2023 年度で終了。";
    expect(classifyStatus({ plan, nextPlan: oneEnds }).status).toBe("continuing");
    const allEnd = "［内閣官房］\n・2023 年度で終了。\n［金融庁］\n・2023 年度末をもって廃止した。";
    expect(classifyStatus({ plan, nextPlan: allEnd })).toEqual({
      status: "ended",
      rule: "ended-keyword",
    });
  });

  it("新たに at the start of every block is new", () => {
    expect(
      classifyStatus({
        plan,
        nextPlan: "[内閣官房]\n・新たに、演習を実施する。\n[金融庁]\n・新規に、検査を行う。",
      }).status
    ).toBe("new");
  });

  it("expansion in one block is expansion of the measure", () => {
    expect(
      classifyStatus({
        plan,
        nextPlan: "[内閣官房]\n・引き続き、実施する。\n[金融庁]\n・対象を拡大する。",
      }).status
    ).toBe("expanded");
  });
});

describe("ended: the keyword must end this measure, not describe something else", () => {
  const plan = "総務省において、…を行う。";
  it.each([
    "・2025 年度で完了する予定のシステム整備を、引き続き進める。",
    "・本年度をもって終了予定の旧制度に代わり、新制度の運用を行う。",
    "・2023 年度で終了した実証の成果を踏まえ、引き続き普及を図る。",
  ])("continuing: %s", (nextPlan) => {
    expect(classifyStatus({ plan, nextPlan }).status).toBe("continuing");
  });

  it.each(["・2023 年度で終了し、後継の取組に統合する。", "・2023 年度をもって廃止。"])(
    "ended: %s",
    (nextPlan) => {
      expect(classifyStatus({ plan, nextPlan }).status).toBe("ended");
    }
  );
});

describe("expanded: 拡大 of harm is not expansion", () => {
  const plan = "警察庁において、…を行う。";
  it.each([
    "・引き続き、被害の拡大防止に向けた注意喚起を行う。",
    "・感染拡大を防ぐため、引き続き情報提供を行う。",
  ])("continuing: %s", (nextPlan) => {
    expect(classifyStatus({ plan, nextPlan }).status).toBe("continuing");
  });
  it("but expansion next to such words still counts", () => {
    expect(
      classifyStatus({ plan, nextPlan: "・被害の拡大防止に向け、対象事業者を拡大する。" }).status
    ).toBe("expanded");
  });
});

describe("new: 新規 must say the measure is new", () => {
  it("新規参入事業者に… is not a new measure", () => {
    expect(
      classifyStatus({
        plan: "総務省において、…を行う。",
        nextPlan: "・新規参入事業者に対し、引き続き周知を行う。",
      }).status
    ).toBe("continuing");
  });
});

describe("expanded: only the lead sentence of a bullet states the plan", () => {
  const plan =
    "防衛省において、引き続き、装備品の製造に関わる企業向けに対策基準の説明会を開催する。";
  it("a 具体的には detail that widens the target keeps the measure continuing (report p.155 (イ) 防衛省)", () => {
    const nextPlan =
      "・引き続き、説明会を開催する。具体的には、試行結果を踏まえて確認手続を改め、対象企業を拡大する。";
    expect(classifyStatus({ plan, nextPlan })).toEqual({
      status: "continuing",
      rule: "continuing-default",
    });
  });
  it("拡充 in the lead sentence of a later bullet makes the measure expanded", () => {
    const nextPlan = "・引き続き、説明会を開催する。\n・対象企業を拡充して確認手続を実施する。";
    expect(classifyStatus({ plan, nextPlan })).toEqual({
      status: "expanded",
      rule: "expanded-keyword",
    });
  });
  it("bullets run together on one line are still told apart at 。・", () => {
    const nextPlan = "・引き続き、説明会を開催する。・体制の更なる強化を図る。";
    expect(classifyStatus({ plan, nextPlan }).status).toBe("expanded");
  });
  it("a lead sentence after an owner block counts for that owner", () => {
    const nextPlan = "[内閣官房]\n・引き続き、実施する。\n[防衛省]\n・演習の規模を拡大する。";
    expect(classifyStatus({ plan, nextPlan }).status).toBe("expanded");
  });
});
