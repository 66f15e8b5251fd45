/**
 * Every word the generated workbook shows, per language, in one table.
 * Ministry names stay Japanese in both languages: they are the report's own names.
 */
import type { Lang, Severity } from "../domain/model";
import { STATUS_LABELS } from "../domain/status";

export interface WorkbookStrings {
  sheet: {
    measures: string;
    report: string;
    dashboard: string;
    lists: string;
    input: string;
    instructions: string;
  };
  severity: Record<Severity, string>;
  measures: {
    id: string;
    chapter: string;
    section: string;
    subsection: string;
    owners: string;
    /** Year-qualified when the fiscal years are known. */
    plan: (year: number | null) => string;
    results: string;
    nextPlan: (year: number | null) => string;
    status: string;
    statusRule: string;
    reposted: string;
    source: string;
    repostedMark: string;
    statusPrompt: string;
  };
  report: {
    severity: string;
    code: string;
    place: string;
    measureId: string;
    message: string;
    link: string;
    linkText: string;
    none: string;
  };
  dashboard: {
    title: (years: { plan: number; next: number } | null) => string;
    totals: string;
    measures: string;
    ministries: string;
    errors: string;
    warnings: string;
    statusTable: string;
    count: string;
    chapterTable: string;
    chapter: string;
    ministryTable: string;
    ministry: string;
    total: string;
    sheet: string;
    openSheet: string;
    chartByMinistry: string;
    chartShare: string;
    chartByChapter: string;
    note: string;
  };
  ministry: {
    title: (name: string) => string;
    measures: string;
    shared: string;
    back: string;
    backToDashboard: string;
    chart: (name: string) => string;
    listTitle: string;
    row: string;
    open: string;
  };
  lists: { ministries: string; statuses: string };
  template: {
    ownersPrompt: string;
    statusPrompt: string;
    instructions: string[];
  };
}

function yearPrefix(year: number | null): string {
  return year === null ? "" : `${year}年度`;
}

const ja: WorkbookStrings = {
  sheet: {
    measures: "施策一覧",
    report: "検証結果",
    dashboard: "ダッシュボード",
    lists: "リスト",
    input: "入力",
    instructions: "記入方法",
  },
  severity: { error: "エラー", warning: "警告", info: "情報" },
  measures: {
    id: "項番",
    chapter: "章",
    section: "節",
    subsection: "項",
    owners: "担当府省庁",
    plan: (y) => `${yearPrefix(y)}年次計画`,
    results: "成果・進捗状況",
    nextPlan: (y) => (y === null ? "次年度年次計画" : `${y}年度年次計画`),
    status: "進捗区分",
    statusRule: "判定根拠",
    reposted: "再掲",
    source: "出典",
    repostedMark: "再掲",
    statusPrompt: "進捗区分を選ぶと自動判定を上書きできます",
  },
  report: {
    severity: "重要度",
    code: "コード",
    place: "場所",
    measureId: "項番",
    message: "内容",
    link: "該当行",
    linkText: "施策一覧へ",
    none: "問題は見つかりませんでした",
  },
  dashboard: {
    title: (y) =>
      y ? `${y.plan}年度の施策の実施状況及び${y.next}年度年次計画` : "施策の実施状況及び年次計画",
    totals: "集計",
    measures: "施策数",
    ministries: "府省庁数",
    errors: "エラー",
    warnings: "警告",
    statusTable: "進捗区分別",
    count: "施策数",
    chapterTable: "章別",
    chapter: "章",
    ministryTable: "府省庁×進捗区分",
    ministry: "府省庁",
    total: "合計",
    sheet: "シート",
    openSheet: "開く",
    chartByMinistry: "府省庁別の進捗区分",
    chartShare: "進捗区分の構成",
    chartByChapter: "章別の施策数",
    note: "再掲の施策は数えていません。複数の府省庁が担当する施策は各府省庁に数えます。",
  },
  ministry: {
    title: (name) => `${name}の施策`,
    measures: "施策数",
    shared: "うち他府省庁と共同",
    back: "ダッシュボードへ",
    backToDashboard: "ダッシュボードへ戻る",
    chart: (name) => `${name}:進捗区分`,
    listTitle: "施策",
    row: "施策一覧",
    open: "行へ",
  },
  lists: { ministries: "府省庁", statuses: "進捗区分" },
  template: {
    ownersPrompt: "一覧から選ぶか、複数の場合は改行で区切って入力してください",
    statusPrompt: "空欄なら次年度年次計画の文言から自動で判定します",
    instructions: [
      "記入方法",
      "1. 「入力」シートの2行目から、施策を1行に1件ずつ記入してください。見出し行は変更しないでください。",
      "2. 項番は (ア)(イ)… または 2.1(1)(ア) の形で記入します。章・節・項の列は分かる範囲で記入してください。",
      "3. 担当府省庁は一覧から選べます。複数の府省庁が担当する場合はセル内で改行して並べてください。",
      "4. 年次計画、成果・進捗状況、次年度年次計画は報告書の文言どおりに記入してください。",
      `5. 進捗区分は空欄で構いません(自動判定)。上書きしたい場合だけ ${Object.values(STATUS_LABELS.ja).join("・")} から選びます。`,
      "6. 別の施策の再掲である場合は、項番の後ろに (再掲) と記入してください(例: (ア)(再掲))。再掲の施策は件数に数えません。",
      "7. 記入後、plan-tables build またはアドインの読み込みで検証と集計ができます。",
    ],
  },
};

const en: WorkbookStrings = {
  sheet: {
    measures: "Measures",
    report: "Validation",
    dashboard: "Dashboard",
    lists: "Lists",
    input: "Input",
    instructions: "Instructions",
  },
  severity: { error: "Error", warning: "Warning", info: "Info" },
  measures: {
    id: "Item",
    chapter: "Chapter",
    section: "Section",
    subsection: "Subsection",
    owners: "Ministries",
    // Headers the importer recognises, so an edited English workbook imports back.
    plan: () => "Plan",
    results: "Results",
    nextPlan: () => "Next year plan",
    status: "Status",
    statusRule: "Status rule",
    reposted: "Reposted",
    source: "Source",
    repostedMark: "Reposted",
    statusPrompt: "Pick a status to override the automatic one",
  },
  report: {
    severity: "Severity",
    code: "Code",
    place: "Place",
    measureId: "Item",
    message: "Message",
    link: "Row",
    linkText: "Go to Measures",
    none: "No problems found",
  },
  dashboard: {
    title: (y) =>
      y ? `Measures: FY${y.plan} results and FY${y.next} plan` : "Measures: results and plan",
    totals: "Totals",
    measures: "Measures",
    ministries: "Ministries",
    errors: "Errors",
    warnings: "Warnings",
    statusTable: "By status",
    count: "Measures",
    chapterTable: "By chapter",
    chapter: "Chapter",
    ministryTable: "Ministry × status",
    ministry: "Ministry",
    total: "Total",
    sheet: "Sheet",
    openSheet: "Open",
    chartByMinistry: "Status by ministry",
    chartShare: "Status share",
    chartByChapter: "Measures by chapter",
    note: "Reposted measures are not counted. A measure with several ministries counts for each of them.",
  },
  ministry: {
    title: (name) => `Measures of ${name}`,
    measures: "Measures",
    shared: "Shared with other ministries",
    back: "Dashboard",
    backToDashboard: "Back to the dashboard",
    chart: (name) => `${name}: status`,
    listTitle: "Measures",
    row: "Measures sheet",
    open: "Go to row",
  },
  lists: { ministries: "Ministries", statuses: "Status" },
  template: {
    ownersPrompt: "Pick from the list; for several ministries put one per line",
    statusPrompt: "Leave blank to derive the status from the next year's plan",
    instructions: [
      "How to fill in",
      "1. On the Input sheet, enter one measure per row from row 2. Do not change the header row.",
      "2. Item: (ア)(イ)… or a qualified 2.1(1)(ア). Fill in chapter, section and subsection when known.",
      "3. Ministries: pick from the list; for several ministries put one per line in the cell.",
      "4. Plan, results and next year's plan: the report's wording.",
      `5. Status may stay blank (derived automatically); to override, pick ${Object.values(STATUS_LABELS.en).join(", ")}.`,
      "6. When a measure repeats one from another section, add (再掲) after its item label, e.g. (ア)(再掲); it is listed but not counted.",
      "7. Then run plan-tables build, or import the sheet in the add-in, to validate and summarise.",
    ],
  },
};

export const WORKBOOK_STRINGS: Record<Lang, WorkbookStrings> = { ja, en };
