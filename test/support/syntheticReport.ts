/**
 * Realistic, deterministic appendix-2 tables of any size, for tests and `npm run bench`: the
 * layout of the real report's CSV (title, chapter/section/sub-section heading rows, the four
 * columns), Japanese measures of realistic length, one or two owners per measure (formal, short
 * and letter-spaced forms), results with <成果・進捗状況>/<20YY年度年次計画> parts, some ended or
 * new measures, and a few cells a spreadsheet would take for a formula.
 */
import { MINISTRIES } from "../../src/domain/ministries";

const SUBJECTS = [
  "重要インフラ事業者",
  "中小企業",
  "地方公共団体",
  "政府機関等",
  "教育機関",
  "医療機関",
  "サプライチェーン",
  "IoT 機器の製造事業者",
  "クラウドサービス事業者",
  "電気通信事業者",
];
const ACTIONS = [
  "サイバーセキュリティ対策の強化に向けた支援を行う",
  "演習及び訓練を実施し、対処能力の向上を図る",
  "脆弱性情報の共有体制を整備する",
  "ガイドラインの改定及び周知を行う",
  "人材育成プログラムを実施する",
  "インシデント対応の手順を見直す",
  "監視体制を強化し、早期検知を図る",
  "国際連携を推進し、情報共有を行う",
];
const RESULTS = [
  "計画に基づき、説明会を 12 回開催し、延べ 1,500 名が参加した。",
  "計画に基づき、実証事業を行い、その成果を報告書として公表した。",
  "計画に基づき、ガイドラインを改定し、関係機関に周知した。",
  "計画に基づき、演習を 3 回実施し、課題を抽出した。",
  "計画に基づき、相談窓口の対応件数は前年度比 20% 増となった。",
];
const NEXT = [
  "・引き続き、取組を継続する。",
  "・対象を拡充し、取組を推進する。",
  "・2024 年度で終了。",
  "・新たに、地方公共団体向けの支援事業を開始する。",
  "・引き続き、関係機関と連携しながら取組を強化する。",
];
/** Cells that must stay text in Excel (CSV injection and a phone number). */
const FORMULA_LIKE = ["=cmd|' /C calc'!A0", "+81-3-1234-5678", "-2023 年度で終了", "@SUM(A1:A9)"];

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

const KANA =
  "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン";

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function ownerText(name: string, form: number): string {
  const short: Record<string, string> = {
    経済産業省: "経産省",
    文部科学省: "文科省",
    厚生労働省: "厚労省",
    国土交通省: "国交省",
  };
  if (form === 1 && short[name]) return short[name];
  if (form === 2 && name.length >= 5) return Array.from(name).join(" ");
  return name;
}

export interface SyntheticOptions {
  rows: number;
  ministries: number;
  seed?: number;
  /** Every n-th measure gets a formula-like results cell (0: never). Default 500. */
  formulaLikeEvery?: number;
}

/** The CSV text (UTF-8, no BOM) of a report table with `rows` measures owned by `ministries` ministries. */
export function syntheticCsv(o: SyntheticOptions): string {
  const rand = rng(o.seed ?? 1);
  const owners = MINISTRIES.slice(0, Math.min(o.ministries, MINISTRIES.length));
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
  const lines: string[] = [
    "別添2 2023 年度のサイバーセキュリティ関連施策の実施状況及び 2024 年度年次計画,,,",
    `項番,担当府省庁,"2023 年度\n年次計画","2023 年度\n取組の成果、進捗状況及び 2024 年度\n年次計画"`,
  ];
  let n = 0;
  for (let chapter = 1; n < o.rows; chapter++) {
    lines.push(`${chapter} 第 ${chapter} 章の施策,,,`);
    for (let section = 1; section <= 9 && n < o.rows; section++) {
      lines.push(`${chapter}.${section} 第 ${chapter}.${section} 節の取組,,,`);
      for (let sub = 1; sub <= 20 && n < o.rows; sub++) {
        lines.push(`(${sub}) 第 ${sub} 項の取組,,,`);
        for (let k = 0; k < KANA.length && n < o.rows; k++, n++) {
          // Owners cycle so every ministry is present, with a second owner on one measure in five.
          const first = owners[n % owners.length];
          const names = [ownerText(first, Math.floor(rand() * 3))];
          if (rand() < 0.2 && owners.length > 1) names.push(ownerText(pick(owners), 0));
          const subject = pick(SUBJECTS);
          const plan = `${first}において、${subject}を対象に、${pick(ACTIONS)}。また、${pick(SUBJECTS)}と連携し、${pick(ACTIONS)}。`;
          const every = o.formulaLikeEvery ?? 500;
          const results =
            every > 0 && n % every === every - 1
              ? FORMULA_LIKE[((n / every) % FORMULA_LIKE.length) | 0]
              : `<成果・進捗状況>\n・${pick(RESULTS)}\n・${pick(RESULTS)}\n<2024 年度年次計画>\n${pick(NEXT)}`;
          lines.push([`(${KANA[k]})`, names.join("\n"), plan, results].map(csvCell).join(","));
        }
      }
    }
  }
  return lines.join("\r\n") + "\r\n";
}
