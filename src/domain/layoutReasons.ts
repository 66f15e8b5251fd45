/**
 * What each "ambiguous-layout" warning of the report-text and PDF importers means, in both
 * languages (params.reason → sentence). The page and line are shown next to the message.
 */
import type { Lang } from "./model";

type P = Record<string, string | number>;
const s = (v: string | number | undefined) => (v === undefined ? "" : String(v));

/** Kinds of PDF page furniture (params of "pdf-furniture": kind → lines), named in each language. */
const FURNITURE: [string, string, string][] = [
  ["running-title", "柱・表題", "running titles"],
  ["page-number", "ページ番号", "page numbers"],
  ["repeated-header", "繰り返しの見出し行", "repeated header lines"],
  ["strategy-box", "戦略の引用枠", "quoted strategy boxes"],
  ["other-appendix", "他の別添", "other appendices"],
];
const furniture = (p: P, lang: Lang) =>
  FURNITURE.filter(([k]) => Number(p[k] ?? 0) > 0)
    .map(([k, ja, en]) => (lang === "ja" ? `${ja} ${s(p[k])} 行` : `${en} ${s(p[k])}`))
    .join(lang === "ja" ? "、" : ", ");

export const LAYOUT_REASONS: Record<Lang, Record<string, (p: P) => string>> = {
  ja: {
    "column-guess": (p) =>
      `年次計画の列と成果・次年度計画の列のどちらの行か、推定で振り分けた行があります(${s(p.lines)} 行目)。原本と照合してください。`,
    "label-count": (p) =>
      `このページの項番(${s(p.labels)} 件)と施策の本文(${s(p.rows)} 件)の数が合いません。項番の割り当てを確認してください。`,
    "row-without-label": () => "項番の見つからない施策です。項番を確認してください。",
    "label-without-text": () => "本文の見つからない項番です。空の施策として取り込みました。",
    "truncated-row": () =>
      "次年度年次計画が見つかりません。次のページに続く施策であれば、そのページも一緒に読み込んでください。",
    "owner-incomplete": (p) =>
      `担当府省庁を読み取れませんでした${p.value ? `(「${s(p.value)}」まで)` : ""}。`,
    "marker-year": (p) =>
      `<${s(p.found)} 年度年次計画> の年度が表題の年度(${s(p.expected)} 年度)と異なります。`,
    "edition-years-differ": (p) =>
      `表題の年度(${s(p.found)})が最初のページ(${s(p.expected)})と異なります。別の年の報告書が混ざっていませんか。`,
    "other-appendix-skipped": () =>
      "別添2 以外の別添(別添3・別添4 など)のページは読み飛ばしました。",
    "no-page-title": () => "別添2 の表題が見つからないため、年度は不明です。",
    "pdf-columns-not-found": () =>
      "PDF の表の見出し行から列の位置を求められなかったため、テキストとして読み取りました。",
    "pdf-run-split": (p) =>
      `罫線をまたいで一続きになっていた文字列「${s(p.text)}」を、罫線の位置で「${s(p.column)}」の列と分けました。`,
    "pdf-run-split-guess": (p) =>
      `列の境目をまたぐ文字列「${s(p.text)}」を、推定した境目で「${s(p.column)}」の列と分けました。原本と照合してください。`,
    "pdf-furniture": (p) => `表の内容ではない行を除きました(${furniture(p, "ja")})。`,
  },
  en: {
    "column-guess": (p) =>
      `Some lines were assigned to the plan column or the results/next-plan column by a guess (${/[,、\s-]/u.test(s(p.lines).trim()) ? "lines" : "line"} ${s(p.lines)}). Check against the original.`,
    "label-count": (p) =>
      `This page has ${s(p.labels)} item labels but ${s(p.rows)} measures. Check which label goes with which measure.`,
    "row-without-label": () => "No item label was found for this measure.",
    "label-without-text": () =>
      "No text was found for this item label; it was imported as an empty measure.",
    "truncated-row": () =>
      "No next-year plan was found. If the measure continues on the next page, import that page too.",
    "owner-incomplete": (p) =>
      `The owner (担当府省庁) could not be read${p.value ? ` (only "${s(p.value)}")` : ""}.`,
    "marker-year": (p) =>
      `The <${s(p.found)} 年度年次計画> marker's year differs from the title's (${s(p.expected)}).`,
    "edition-years-differ": (p) =>
      `The page title's years (${s(p.found)}) differ from the first page's (${s(p.expected)}): pages of another year's report?`,
    "other-appendix-skipped": () => "Pages of other appendices (別添3, 別添4 …) were skipped.",
    "no-page-title": () => "The appendix title was not found, so the fiscal years are unknown.",
    "pdf-columns-not-found": () =>
      "The PDF's column positions could not be found from its header row, so its text was read instead.",
    "pdf-run-split": (p) =>
      `The text "${s(p.text)}" ran across a cell border; it was cut at the border, the rest going to column "${s(p.column)}".`,
    "pdf-run-split-guess": (p) =>
      `The text "${s(p.text)}" ran across a column edge; it was cut at the estimated edge, the rest going to column "${s(p.column)}". Check against the original.`,
    "pdf-furniture": (p) =>
      `Lines that are not table content were left out: ${furniture(p, "en")}.`,
  },
};

/** The sentence for a layout problem's reason, or null for an unknown reason. */
export function layoutReasonMessage(lang: Lang, params: P): string | null {
  const t = LAYOUT_REASONS[lang][s(params.reason)];
  return t ? t(params) : null;
}
