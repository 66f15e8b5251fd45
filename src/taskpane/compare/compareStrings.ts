/**
 * The 前年度と比較 step's words, ja and en (kept beside the step, not in the shared pane strings).
 * A change and a decision are named as on the 年度比較 and 比較の確認 sheets: one word each.
 */
import type { ReviewItem } from "../../domain/compare/model";
import type { Lang } from "../../domain/model";
import { COMPARISON_STRINGS } from "../../workbook/comparisonStrings";

export const COMPARE_STRINGS = {
  ja: {
    heading: "前年度と比較",
    intro:
      "前年度の報告書・各府省庁のファイル・このツールで作成した前年度のブックを追加すると、施策を今年度の施策と突き合わせます。",
    addFiles: "前年度のファイルを追加",
    needCurrent: "先に今年度のファイルを取り込んでください。",
    reading: "前年度のファイルを読み込んでいます…",
    previousLoaded: (fy: string, n: number) => `前年度(${fy})の施策 ${n} 件を読み込みました。`,
    olderLoaded: (fys: string) => `それ以前の年度(${fys})の表は、年度ごとの推移に加えます。`,
    setAside: (fys: string, files: number) =>
      `今年度以降の年度(${fys})のファイル ${files} 件は比較に使いません。`,
    sameEdition: "追加したファイルは今年度と同じ年度の表です。前年度の表を指定してください。",
    failed: (why: string) => `前年度のファイルを読み込めませんでした: ${why}`,
    summary: (c: number, a: number, r: number, v: number) =>
      `継続 ${c} 件、新規 ${a} 件、前年度のみ ${r} 件、要確認 ${v} 件`,
    reviewHeading: "確認する組(一致度の低い順)",
    noReview: "確認する組はありません。",
    score: (s: number) => `一致度 ${s.toFixed(2)}`,
    before: "前年度",
    after: "今年度",
    confirm: "確認",
    unlink: "対応を解除",
    link: "対応付ける",
    undo: "取り消す",
    kinds: {
      "low-score": "一致度が低い",
      tie: "同程度の候補あり",
      possible: "候補(未対応)",
      pair: "対応",
    } satisfies Record<ReviewItem["kind"] | "pair", string>,
    changes: COMPARISON_STRINGS.ja.changes,
    manualHeading: "手動で対応付け",
    manualBefore: "前年度のみの施策",
    manualAfter: "今年度の新規の施策",
    choose: "選択してください",
    decisionsHeading: "判断(ブックの「比較の確認」シートに保存され、作り直しても残ります)",
    decisionWords: COMPARISON_STRINGS.ja.decisions,
    confirmed: "確認済み",
  },
  en: {
    heading: "Compare with last year",
    intro:
      "Add last year's report, the ministries' files or the workbook this tool made last year: its measures are matched with this year's.",
    addFiles: "Add last year's files",
    needCurrent: "Import this year's files first.",
    reading: "Reading last year's files…",
    previousLoaded: (fy: string, n: number) => `Read ${n} measures of last year (${fy}).`,
    olderLoaded: (fys: string) =>
      `Earlier years' tables (${fys}) are added to the status per year.`,
    setAside: (fys: string, files: number) =>
      `${files} file${files === 1 ? "" : "s"} of this year or later (${fys}) ${files === 1 ? "is" : "are"} not used in the comparison.`,
    sameEdition: "These files are of this year's edition. Give last year's tables.",
    failed: (why: string) => `Could not read last year's files: ${why}`,
    summary: (c: number, a: number, r: number, v: number) =>
      `${c} continued, ${a} added, ${r} only last year, ${v} to review`,
    reviewHeading: "Pairs to review (lowest score first)",
    noReview: "Nothing to review.",
    score: (s: number) => `score ${s.toFixed(2)}`,
    before: "Last year",
    after: "This year",
    confirm: "Confirm",
    unlink: "Unlink",
    link: "Link",
    undo: "Undo",
    kinds: {
      "low-score": "Low score",
      tie: "Equally good rival",
      possible: "Candidate (not paired)",
      pair: "Pair",
    } satisfies Record<ReviewItem["kind"] | "pair", string>,
    changes: COMPARISON_STRINGS.en.changes,
    manualHeading: "Link by hand",
    manualBefore: "Measure only last year had",
    manualAfter: "Measure new this year",
    choose: "Choose…",
    decisionsHeading:
      "Decisions (kept on the workbook's Comparison decisions sheet; regeneration keeps them)",
    decisionWords: COMPARISON_STRINGS.en.decisions,
    confirmed: "Confirmed",
  },
} satisfies Record<Lang, unknown>;

export type CompareStrings = (typeof COMPARE_STRINGS)[Lang];
