/**
 * Two editions of the appendix-2 table with a known crosswalk, generated from realistic plan
 * text (planCorpus.ts): last year's (FY2023/2024) and this year's (FY2024/2025). Between them,
 * what really happens between editions: plans reworded (bullet dropped, 「○○において、」 added,
 * verbs and phrases changed, a clause dropped, a sentence added), labels renumbered because a
 * measure was inserted before them, owners changed, a measure moved to another section,
 * declared endings (「2023 年度で終了。」), silent drops, and new measures (「―」 plan or a plan of
 * their own). Each edition is written as CSV files, some UTF-8 and some Shift_JIS.
 */
import { finalizeMeasures } from "../../../src/domain/finalize";
import type { Measure, MeasureDraft } from "../../../src/domain/model";
import { encode, serialise } from "../../hardening/tableArbitraries";
import { planSentences } from "./planCorpus";

export interface Heading {
  chapter: { number: string; title: string };
  section: { number: string; title: string };
  subsection: { number: string; title: string };
}

const HEADINGS: readonly Heading[] = [
  [
    "1",
    "経済社会の活力の向上及び持続的発展",
    "1.1",
    "経営層の意識改革",
    "(1)",
    "経営層の意識改革の推進",
  ],
  [
    "1",
    "経済社会の活力の向上及び持続的発展",
    "1.2",
    "地域・中小企業におけるDX with Cybersecurityの推進",
    "(1)",
    "中小企業の取組の促進",
  ],
  [
    "2",
    "国民が安全で安心して暮らせるデジタル社会の実現",
    "2.1",
    "国民・社会を守るためのサイバーセキュリティ環境の提供",
    "(1)",
    "安全・安心なサイバー空間の利用環境の構築",
  ],
  [
    "2",
    "国民が安全で安心して暮らせるデジタル社会の実現",
    "2.1",
    "国民・社会を守るためのサイバーセキュリティ環境の提供",
    "(2)",
    "新たなサイバーセキュリティの担い手との協調",
  ],
  [
    "3",
    "国際社会の平和・安定及び我が国の安全保障への寄与",
    "3.1",
    "「自由、公正かつ安全なサイバー空間」の確保",
    "(1)",
    "国際的なルール形成",
  ],
  ["4", "横断的施策", "4.1", "研究開発の推進", "(1)", "研究開発の国際競争力の強化"],
].map(([c, ct, s, st, ss, sst]) => ({
  chapter: { number: c, title: ct },
  section: { number: s, title: st },
  subsection: { number: ss, title: sst },
}));

const OWNERS = [
  "内閣官房",
  "警察庁",
  "個人情報保護委員会",
  "金融庁",
  "デジタル庁",
  "総務省",
  "外務省",
  "文部科学省",
  "厚生労働省",
  "経済産業省",
  "国土交通省",
  "防衛省",
];
const LABELS = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホ";
const RESULTS = [
  "・計画に基づき、説明会を 12 回開催し、延べ 1,500 名が参加した。",
  "・計画に基づき、実証事業を行い、その成果を報告書として公表した。",
  "・計画に基づき、ガイドラインを改定し、関係機関に周知した。",
  "・計画に基づき、演習を 3 回実施し、課題を抽出した。",
];
const ENDINGS = [
  "・2023 年度で終了。",
  "・2023 年度をもって本施策は終了した。",
  "・本事業は 2023 年度で廃止。",
];
const EXTRA = "また、関係機関と連携して取組の効果を検証する。";

/** 項番 label of the n-th measure of a heading: ア…ホ, then ア2…ホ2 and so on (large editions only). */
export function labelAt(n: number): string {
  return n < LABELS.length
    ? LABELS[n]
    : `${LABELS[n % LABELS.length]}${Math.floor(n / LABELS.length) + 1}`;
}

export function rng(seed: number): () => number {
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

type Fate = "continue" | "ended" | "dropped";

interface Row {
  /** Identity across editions (what the crosswalk is made of). */
  key: number;
  heading: Heading;
  owners: string[];
  plan: string;
  results: string;
  nextPlan: string;
}

export interface Edition {
  fiscalYears: { plan: number; next: number };
  rows: Row[];
}

export interface Crosswalk {
  /** [before id, after id] of every continuing measure. */
  pairs: [string, string][];
  added: string[];
  removed: { id: string; declaredEnded: boolean }[];
}

export interface GeneratedEditions {
  before: Edition;
  after: Edition;
  crosswalk: Crosswalk;
  /** What the generation did, for the test's own checks that every case is there. */
  cases: Record<
    | "renumbered"
    | "reworded"
    | "ownerChanged"
    | "moved"
    | "inserted"
    | "ended"
    | "dropped"
    | "newPlanless",
    number
  >;
}

export interface GenerateOptions {
  seed: number;
  /** Measures in last year's edition (capped by the corpus: the rest are this year's new ones). */
  measures?: number;
  /** Measures new this year. */
  added?: number;
}

const joinOwners = (o: string[]) =>
  o.length === 1 ? o[0] : `${o.slice(0, -1).join("、")}及び${o[o.length - 1]}`;

/** A continuing plan as next year's edition writes it: one to four small rewordings. */
function reword(core: string, owners: string[], r: () => number): string {
  let s = core.replace(/^[^、。]{1,40}において、/u, "");
  let dropped = false;
  const edits: ((x: string) => string)[] = [
    (x) =>
      x
        .replace(/行う。$/u, "実施する。")
        .replace(/推進する。$/u, "進める。")
        .replace(/図る。$/u, "進める。"),
    (x) => x.replace(/及び/u, "並びに").replace(/等の/u, "などの"),
    (x) => {
      // A middle clause of the first sentence: its first and last clauses say what the measure is.
      const end = x.indexOf("。") + 1;
      const parts = x.slice(0, end).split("、");
      if (parts.length < 4 || dropped) return x;
      dropped = true;
      parts.splice(1 + Math.floor(r() * (parts.length - 2)), 1);
      return parts.join("、") + x.slice(end);
    },
    (x) => x + EXTRA,
    (x) => `引き続き、${x}`,
  ];
  const n = 1 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) s = edits[Math.floor(r() * edits.length)](s);
  return r() < 0.6 ? `${joinOwners(owners)}において、${s}` : s;
}

function pick<T>(xs: readonly T[], r: () => number): T {
  return xs[Math.floor(r() * xs.length)];
}

function pickOwners(r: () => number): string[] {
  const first = pick(OWNERS, r);
  if (r() < 0.75) return [first];
  const second = pick(
    OWNERS.filter((o) => o !== first),
    r
  );
  return OWNERS.filter((o) => o === first || o === second);
}

function shuffle<T>(xs: T[], r: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

/** id as the importer qualifies it: section, sub-section, label. */
function ids(e: Edition): string[] {
  const seen = new Map<Heading, number>();
  return e.rows.map((row) => {
    const n = seen.get(row.heading) ?? 0;
    seen.set(row.heading, n + 1);
    return `${row.heading.section.number}${row.heading.subsection.number}(${labelAt(n)})`;
  });
}

/** Rows of each heading together, headings in the report's order (the file's order). */
function ordered(rows: Row[]): Row[] {
  return HEADINGS.flatMap((h) => rows.filter((r) => r.heading === h));
}

/**
 * Plans for editions larger than the corpus (the bench's 1,000 and 5,000 measures): every
 * sentence, then three distinct sentences joined, in a fixed pseudo-random order. Like a file
 * merged over years, many plans then share whole sentences with others (two of three at most, so
 * each plan stays its own).
 */
function largeCorpus(sentences: readonly string[], wanted: number): string[] {
  const triples: string[] = [];
  const n = sentences.length;
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++)
      for (let c = b + 1; c < n; c++) triples.push(sentences[a] + sentences[b] + sentences[c]);
  return [...sentences, ...shuffle(triples, rng(n)).slice(0, Math.max(0, wanted - n))];
}

export function generateEditions(options: GenerateOptions): GeneratedEditions {
  const r = rng(options.seed);
  const sentences = planSentences();
  // Editions within the corpus (every test's) are generated exactly as before the large corpus.
  const large = (options.measures ?? 0) > sentences.length;
  const corpus = shuffle(
    large ? largeCorpus(sentences, options.measures! + (options.added ?? 5)) : [...sentences],
    r
  );
  const nNew = Math.min(options.added ?? 5, Math.floor(corpus.length / 4));
  const nBefore = Math.min(options.measures ?? corpus.length - nNew, corpus.length - nNew);
  const cases: GeneratedEditions["cases"] = {
    renumbered: 0,
    reworded: 0,
    ownerChanged: 0,
    moved: 0,
    inserted: 0,
    ended: 0,
    dropped: 0,
    newPlanless: 0,
  };
  const before: Row[] = [];
  const after: Row[] = [];
  const fates: Fate[] = [];
  for (let k = 0; k < nBefore; k++) {
    const core = corpus[k];
    const heading = pick(HEADINGS, r);
    const owners = pickOwners(r);
    const x = r();
    // The first three measures are one of each fate, so every edition has all of them.
    const fate: Fate =
      k === 0
        ? "ended"
        : k === 1
          ? "dropped"
          : x < 0.08
            ? "ended"
            : x < 0.16
              ? "dropped"
              : "continue";
    fates.push(fate);
    const planless = fate === "continue" && r() < 0.1;
    before.push({
      key: k,
      heading,
      owners,
      plan: planless
        ? "―"
        : `${joinOwners(owners)}において、${core.replace(/^[^、。]{1,40}において、/u, "")}`,
      results: planless ? "" : pick(RESULTS, r),
      nextPlan:
        fate === "ended"
          ? pick(ENDINGS, r)
          : planless
            ? `・新たに、${core}`
            : r() < 0.8
              ? `・引き続き、${core}`
              : `・${core}`,
    });
    if (fate === "ended") cases.ended++;
    if (fate === "dropped") cases.dropped++;
    if (fate !== "continue") continue;
    let owners2 = owners;
    if (r() < 0.12) {
      owners2 = r() < 0.5 && owners.length === 1 ? pickOwners(r).concat(owners) : pickOwners(r);
      owners2 = OWNERS.filter((o) => owners2.includes(o));
    }
    if (owners2.join() !== owners.join()) cases.ownerChanged++;
    const heading2 = r() < 0.06 ? pick(HEADINGS, r) : heading;
    if (heading2 !== heading) cases.moved++;
    cases.reworded++;
    after.push({
      key: k,
      heading: heading2,
      owners: owners2,
      plan: reword(core, owners2, r),
      results: pick(RESULTS, r),
      nextPlan: `・引き続き、${core}`,
    });
  }
  // New measures, each inserted at a random place of its heading's rows (mid-section).
  const afterOrdered = ordered(after);
  for (let k = 0; k < nNew; k++) {
    const core = corpus[nBefore + k];
    const heading = pick(HEADINGS, r);
    const owners = pickOwners(r);
    const planless = r() < 0.5;
    if (planless) cases.newPlanless++;
    const row: Row = {
      key: 10000 + k,
      heading,
      owners,
      plan: planless
        ? "―"
        : `${joinOwners(owners)}において、${core.replace(/^[^、。]{1,40}において、/u, "")}`,
      results: "",
      nextPlan: planless ? `・新たに、${core}` : `・引き続き、${core}`,
    };
    const at = afterOrdered.map((x, i) => (x.heading === heading ? i : -1)).filter((i) => i >= 0);
    const pos = at.length === 0 ? afterOrdered.length : at[Math.floor(r() * at.length)];
    if (at.length > 0 && pos !== at[at.length - 1] + 1) cases.inserted++;
    afterOrdered.splice(pos, 0, row);
  }
  const b: Edition = { fiscalYears: { plan: 2023, next: 2024 }, rows: ordered(before) };
  const a: Edition = { fiscalYears: { plan: 2024, next: 2025 }, rows: ordered(afterOrdered) };
  const bIds = ids(b);
  const aIds = ids(a);
  const afterByKey = new Map(a.rows.map((row, i) => [row.key, aIds[i]]));
  const crosswalk: Crosswalk = { pairs: [], added: [], removed: [] };
  b.rows.forEach((row, i) => {
    const to = afterByKey.get(row.key);
    if (to !== undefined) {
      crosswalk.pairs.push([bIds[i], to]);
      if (to.slice(to.lastIndexOf("(")) !== bIds[i].slice(bIds[i].lastIndexOf("(")))
        cases.renumbered++;
    } else crosswalk.removed.push({ id: bIds[i], declaredEnded: fates[row.key] === "ended" });
  });
  a.rows.forEach((row, i) => {
    if (row.key >= 10000) crosswalk.added.push(aIds[i]);
  });
  return { before: b, after: a, crosswalk, cases };
}

/** An edition as the ministries' CSV files: one file per chapter group, alternately UTF-8 (BOM) and Shift_JIS. */
export function editionFiles(e: Edition, name: string): { name: string; bytes: Uint8Array }[] {
  const { plan, next } = e.fiscalYears;
  const header = [
    "項番",
    "担当府省庁",
    `${plan} 年度\n年次計画`,
    `${plan} 年度\n取組の成果、進捗状況及び ${next} 年度\n年次計画`,
  ];
  const groups = [
    ["1", "2"],
    ["3", "4"],
  ];
  return groups.map((chapters, g) => {
    const grid: string[][] = [
      [
        `別添2 ${plan} 年度のサイバーセキュリティ関連施策の実施状況及び ${next} 年度年次計画`,
        "",
        "",
        "",
      ],
      header,
    ];
    let last: Heading | null = null;
    const labels = new Map<Heading, number>();
    for (const row of e.rows) {
      const h = row.heading;
      if (!chapters.includes(h.chapter.number)) continue;
      if (h !== last) {
        if (!last || last.chapter.number !== h.chapter.number)
          grid.push([`${h.chapter.number} ${h.chapter.title}`, "", "", ""]);
        if (!last || last.section.number !== h.section.number)
          grid.push([`${h.section.number} ${h.section.title}`, "", "", ""]);
        grid.push([`${h.subsection.number} ${h.subsection.title}`, "", "", ""]);
        last = h;
      }
      const n = labels.get(h) ?? 0;
      labels.set(h, n + 1);
      const combined = [
        row.results ? `<成果・進捗状況>\n${row.results}` : "",
        `<${next} 年度年次計画>\n${row.nextPlan}`,
      ]
        .filter(Boolean)
        .join("\n");
      grid.push([`(${labelAt(n)})`, row.owners.join("\n"), row.plan, combined]);
    }
    const text = serialise(grid, ",");
    return {
      name: `${name}-${g + 1}.csv`,
      bytes: encode(text, g === 0 ? "UTF-8-BOM" : "Shift_JIS"),
    };
  });
}

/** An edition's measures as the importers would give them (drafts finalised), in row order. */
export function editionMeasures(e: Edition): Measure[] {
  const n = new Map<Heading, number>();
  const drafts: MeasureDraft[] = e.rows.map((row, i) => {
    const k = n.get(row.heading) ?? 0;
    n.set(row.heading, k + 1);
    return {
      label: `(${labelAt(k)})`,
      chapter: row.heading.chapter,
      section: row.heading.section,
      subsection: row.heading.subsection,
      ownersText: row.owners.join("\n"),
      plan: row.plan,
      results: row.results,
      nextPlan: row.nextPlan,
      reposted: false,
      source: { file: `${e.fiscalYears.plan}.csv`, row: i + 2 },
    };
  });
  return finalizeMeasures(drafts);
}
