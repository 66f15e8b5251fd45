/**
 * Hand-made measures with wording from the 2024 report (test/fixtures/seed/
 * cs2024-appendix2-page18.txt): chapter 2, section 2.1, sub-section (1).
 */
import type { HeadingRef, Measure, PlanTable, Problem, Status } from "../../src/domain/model";

const chapter: HeadingRef = {
  number: "2",
  title: "国民が安全で安心して暮らせるデジタル社会の実現",
};
const chapter4: HeadingRef = { number: "4", title: "横断的施策" };
const section: HeadingRef = {
  number: "2.1",
  title: "国民・社会を守るためのサイバーセキュリティ環境の提供",
};
const subsection: HeadingRef = { number: "(1)", title: "安全・安心なサイバー空間の利用環境の構築" };

export function measure(
  over: Partial<Measure> & { id: string; owners: string[]; status: Status }
): Measure {
  return {
    label: over.id.replace(/^.*(\([^()]+\))$/, "$1"),
    chapter,
    section,
    subsection,
    ownersText: over.owners.join("\n"),
    plan: "",
    results: "",
    nextPlan: "",
    reposted: false,
    statusRule: over.status === "ended" ? "ended-keyword" : "continuing-default",
    source: { file: "別添2.csv", row: 2 },
    confidence: 1,
    ...over,
  };
}

export const MEASURES: Measure[] = [
  measure({
    id: "2.1(1)(ア)",
    owners: ["個人情報保護委員会"],
    ownersText: "個 人 情 報 保\n護委員会",
    status: "continuing",
    plan: "個人情報保護委員会において、個人情報保護法の規律に則り、個人の権利利益を保護するため、各行政機関等において個人情報等の適正な取扱いが確保されるよう必要な助言等を行う。",
    results:
      "・いわゆる Web スキミングによる情報流出等を、個人情報の保護に関する法律(平成 15 年法律第 57 号)に基づく漏えい等報告及び本人通知の対象事態とするため、個人情報保護法施行規則(平成 28 年個人情報保護委員会規則第3号)を改正した。",
    nextPlan:
      "・引き続き、個人情報取扱事業者及び行政機関等において個人情報等の適正な取扱いが確保されるよう必要な助言等を行う。",
    source: { file: "別添2.csv", row: 2 },
  }),
  measure({
    id: "2.1(1)(イ)",
    owners: ["総務省"],
    status: "ended",
    statusRule: "ended-keyword",
    plan: "総務省において、引き続き、\n① 電気通信事業者によるフロー情報分析を用いた C&C サーバである可能性が高い機器の検知及びその検知結果の共有\n② フィッシングサイト等の悪性ウェブサイトの検知及びその検知結果の共有\nについて、実証を継続して行う。",
    results:
      "・計画に基づき、大規模化・巧妙化・複雑化するサイバー攻撃・脅威に電気通信事業者がより効率的に対処できるようにするための①②③の技術実証を行った。",
    nextPlan: "・2023 年度で終了。",
    source: { file: "別添2.csv", row: 3 },
  }),
  measure({
    id: "2.1(1)(ウ)",
    owners: ["総務省"],
    status: "new",
    statusRule: "new-keyword",
    plan: "―",
    results: "",
    nextPlan:
      "・IoT 機器を悪用したサイバー攻撃等に関する攻撃インフラの全体像を可視化し、効果的な対処を行うため、統合分析対策センターを新たに設置し、総合的な IoT ボットネット対策を推進する。",
    source: { file: "別添2.csv", row: 4 },
  }),
  measure({
    id: "2.1(1)(エ)",
    owners: ["警察庁", "総務省", "経済産業省"],
    ownersText: "警察庁\n総務省\n経済産業省",
    status: "expanded",
    statusRule: "expanded-keyword",
    plan: "警察庁、総務省及び経済産業省において、フィッシング対策協議会と連携し、フィッシング対策を推進する。",
    results: "・計画に基づき、フィッシング対策ガイドラインを改訂した。",
    nextPlan: "・フィッシング対策の取組を拡充する。",
    source: { file: "別添2.csv", row: 5 },
  }),
  measure({
    id: "2.1(1)(オ)",
    owners: ["経済産業省"],
    status: "continuing",
    // Formula-like text from a ministry's sheet: must stay text.
    plan: "=cmd|' /C calc'!A0",
    results: "+81-3-5253-2111 に問い合わせ窓口を設置した。",
    nextPlan: "@x 引き続き、周知を行う。",
    source: { file: "経済産業省.xlsx", sheet: "別添2", row: 7 },
  }),
  measure({
    id: "2.1(1)(カ)",
    owners: ["デジタル庁"],
    status: "unreported",
    statusRule: "unreported-empty",
    plan: "-1",
    results: "",
    nextPlan: "",
    source: { file: "別添2.csv", row: 6 },
  }),
  measure({
    id: "4.1(1)(ア)",
    chapter: chapter4,
    section: { number: "4.1", title: "研究開発の推進" },
    subsection: { number: "(1)", title: "研究開発の国際競争力の強化と産学官エコシステムの構築" },
    owners: ["総務省", "文部科学省"],
    ownersText: "総務省\n文部科学省",
    status: "continuing",
    plan: "総務省及び文部科学省において、NICT における研究開発を推進する。",
    results: "・計画に基づき、研究開発を推進した。",
    nextPlan: "・引き続き、研究開発を推進する。",
    source: { file: "別添2.csv", row: 7 },
  }),
  measure({
    id: "4.1(1)(イ)",
    chapter: chapter4,
    section: { number: "4.1", title: "研究開発の推進" },
    subsection: { number: "(1)", title: "研究開発の国際競争力の強化と産学官エコシステムの構築" },
    owners: ["総務省"],
    status: "continuing",
    reposted: true,
    plan: "(再掲)総務省において、フロー情報分析の実証を行う。",
    results: "",
    nextPlan: "・引き続き実施する。",
    source: { file: "別添2.csv", row: 8 },
  }),
];

export const PROBLEMS: Problem[] = [
  {
    code: "unknown-ministry",
    severity: "warning",
    file: "別添2.csv",
    row: 3,
    column: "担当府省庁",
    params: { value: "総務省情報流通行政局", suggestion: "総務省" },
    measureId: "2.1(1)(イ)",
  },
  {
    code: "formula-like",
    severity: "warning",
    file: "経済産業省.xlsx",
    sheet: "別添2",
    row: 7,
    column: "年次計画",
    measureId: "2.1(1)(オ)",
  },
  { code: "missing-cell", severity: "error", file: "別添2.csv", row: 6, column: "年次計画" },
  { code: "blank-row", severity: "info", file: "別添2.csv", row: 9 },
];

export function sampleTable(): PlanTable {
  return { measures: MEASURES, problems: PROBLEMS, fiscalYears: { plan: 2023, next: 2024 } };
}

const OWNERS = [
  "内閣官房",
  "警察庁",
  "金融庁",
  "総務省",
  "外務省",
  "文部科学省",
  "厚生労働省",
  "経済産業省",
  "国土交通省",
  "防衛省",
  "デジタル庁",
];
const STATUS_CYCLE: Status[] = [
  "continuing",
  "continuing",
  "continuing",
  "expanded",
  "new",
  "ended",
  "unreported",
];

/** n measures with report-like text, for size and speed figures. */
export function syntheticTable(n: number): PlanTable {
  const measures: Measure[] = [];
  for (let i = 0; i < n; i++) {
    const base = MEASURES[i % 4];
    const owners =
      i % 5 === 0
        ? [OWNERS[i % OWNERS.length], OWNERS[(i + 3) % OWNERS.length]]
        : [OWNERS[i % OWNERS.length]];
    measures.push({
      ...base,
      id: `${(i % 4) + 1}.${(i % 3) + 1}(${(i % 7) + 1})(${i})`,
      owners,
      ownersText: owners.join("\n"),
      status: STATUS_CYCLE[i % STATUS_CYCLE.length],
      chapter: {
        number: String((i % 4) + 1),
        title: [
          "経済社会の活力の向上及び持続的発展",
          "国民が安全で安心して暮らせるデジタル社会の実現",
          "国際社会の平和・安定及び我が国の安全保障への寄与",
          "横断的施策",
        ][i % 4],
      },
      source: { file: "別添2.csv", row: i + 2 },
    });
  }
  return { measures, problems: PROBLEMS, fiscalYears: { plan: 2023, next: 2024 } };
}
