/**
 * Deterministic plan tables in the report's style for the PDF round trip: measures with one or
 * several owners (個人情報保護委員会 among them, a name that fills a narrow owner column), plans and
 * results of every length up to long wrapped cells, ended and new measures, under 節 and 項 headings.
 */
import type { PlanRow, PlanSection, PlanTableSpec } from "./planTablePdf";

const KANA =
  "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロ";

const OWNERS = [
  ["内閣官房"],
  ["個人情報保護委員会"],
  ["警察庁"],
  ["総務省"],
  ["総務省", "経済産業省"],
  ["金融庁"],
  ["デジタル庁"],
  ["文部科学省"],
  ["厚生労働省"],
  ["内閣官房", "関係府省庁"],
  ["国土交通省"],
  ["防衛省"],
  ["外務省"],
  ["経済産業省"],
  ["警察庁", "総務省", "経済産業省"],
];
const SUBJECTS = [
  "重要インフラ事業者",
  "中小企業",
  "地方公共団体",
  "政府機関等",
  "教育機関",
  "医療機関",
  "IoT 機器の製造事業者",
  "クラウドサービス事業者",
];
const ACTIONS = [
  "サイバーセキュリティ対策の強化に向けた支援を行う",
  "演習及び訓練を実施し、対処能力の向上を図る",
  "脆弱性情報の共有体制を整備する",
  "ガイドラインの改定及び周知を行う",
  "人材育成プログラムを実施する",
  "インシデント対応の手順を見直す",
];
const RESULTS = [
  "計画に基づき、説明会を 12 回開催し、延べ 1,500 名が参加した。",
  "計画に基づき、実証事業を行い、その成果を報告書として公表した。",
  "計画に基づき、ガイドラインを改定し、関係機関に周知した。",
  "計画に基づき、演習を3回実施し、抽出された課題を参加組織へ還元した。",
  "計画に基づき、相談窓口の対応件数は前年度比 20% 増となった。",
];
const NEXT = [
  "引き続き、取組を継続する。",
  "対象を拡充し、取組を推進する。",
  "新たに、地方公共団体向けの支援事業を開始する。",
  "引き続き、関係機関と連携しながら取組を強化する。",
];

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

export interface SampleOptions {
  seed: number;
  measures: number;
  /** Measures per 項 (a heading row starts each group). */
  perSubsection?: number;
  /** Results paragraphs of the longest cells (long wrapped cells). */
  longParagraphs?: number;
  /** Start a second chapter (章 heading row) at the third 項. */
  chapters?: boolean;
}

export function samplePlanTable(o: SampleOptions): PlanTableSpec {
  const rand = rng(o.seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
  const per = o.perSubsection ?? 8;
  const sections: PlanSection[] = [];
  let section: PlanSection | null = null;
  for (let i = 0; i < o.measures; i++) {
    const k = i % per;
    if (k === 0) {
      const sub = Math.floor(i / per) + 1;
      // A second chapter from the third 項 on (chapters as rows of the table).
      const chapterRows =
        o.chapters && sub === 3
          ? [
              "3 国際社会の平和・安定及び我が国の安全保障への寄与",
              "3.1 「自由、公正かつ安全なサイバー空間」の確保",
            ]
          : [];
      section = {
        headings: [
          ...(sub === 1 ? ["2.1 国民・社会を守るためのサイバーセキュリティ環境の提供"] : []),
          ...chapterRows,
          `(${sub}) 第 ${sub} 項の取組`,
        ],
        rows: [],
      };
      sections.push(section);
    }
    const owners = i < OWNERS.length ? OWNERS[i] : pick(OWNERS);
    const lead = owners.length > 1 ? `${owners.join("及び")}において、` : `${owners[0]}において、`;
    const plan = `${lead}${pick(SUBJECTS)}を対象に、${pick(ACTIONS)}。`;
    const paragraphs = i % 5 === 3 ? (o.longParagraphs ?? 6) : 1 + Math.floor(rand() * 2);
    const results = Array.from({ length: paragraphs }, () => `・${pick(RESULTS)}`).join("\n");
    const ended = i % 7 === 6;
    const row: PlanRow = {
      label: `(${KANA[k]})`,
      owners,
      plan: i % 11 === 10 ? "―" : plan,
      results: i % 11 === 10 ? "" : results,
      nextPlan: ended ? `・${2024} 年度で終了。` : `・${pick(NEXT)}`,
    };
    section!.rows.push(row);
  }
  return {
    years: { plan: 2023, next: 2024 },
    chapter: "2 国民が安全で安心して暮らせるデジタル社会の実現",
    sections,
  };
}
