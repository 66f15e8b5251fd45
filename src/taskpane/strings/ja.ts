/** Every word the task pane shows, in Japanese (the default). `en.ts` mirrors this shape. */
import type { Severity, Status } from "../../domain/model";
import { STATUS_LABELS } from "../../domain/status";

export interface PaneStrings {
  appTitle: string;
  modeOffice: string;
  modePreview: string;
  language: string;
  languageNames: { ja: string; en: string };
  steps: { import: string; validate: string; compare: string; generate: string };
  stepsLabel: string;
  next: string;
  severity: Record<Severity, string>;
  status: Record<Status, string>;
  import: {
    workbookHeading: string;
    workbookHint: string;
    openWorkbook: string;
    noWorkbook: string;
    workbookOpened: (name: string) => string;
    sheetHeading: string;
    sheetHint: string;
    readSheet: string;
    filesHeading: string;
    filesHint: string;
    pickFiles: string;
    dropHere: string;
    pasteHeading: string;
    pasteLabel: string;
    pasteHint: string;
    importPaste: string;
    pasteEmpty: string;
    sampleHeading: string;
    sampleHint: string;
    importSample: string;
    sourcesHeading: string;
    sourcesEmpty: string;
    sourceSummary: (rows: number, problems: number) => string;
    remove: (name: string) => string;
    clearAll: string;
    reading: (name: string) => string;
    pastedName: (n: number) => string;
    currentSheetName: (sheet: string) => string;
    failed: (name: string, reason: string) => string;
    /** A source nothing could be imported from (a required column missing, not a table). */
    rejected: string;
    removeToContinue: string;
    /** Announced (live region) when an import finishes. */
    imported: (sources: number, measures: number, problems: number) => string;
    noWorkbookForSheet: string;
    sourceCount: (n: number) => string;
  };
  validate: {
    nothingYet: string;
    summary: (measures: number, sources: number) => string;
    counts: string;
    blockingTitle: string;
    missingColumn: (column: string, file: string) => string;
    headerFound: (headers: string) => string;
    headerNotFound: string;
    blockingAction: string;
    noProblems: string;
    groupHeading: (severity: string, count: number) => string;
    location: {
      row: (row: number) => string;
      column: (name: string) => string;
      page: (page: number, line?: number) => string;
    };
    selectHint: string;
    selected: (where: string) => string;
    notInWorkbook: (file: string) => string;
    revalidate: string;
    revalidated: (errors: number, warnings: number) => string;
    moreProblems: (n: number) => string;
    /** Problems of one kind: a heading with the count, examples, the rest on request. */
    kindHeading: (title: string, count: number) => string;
    showMore: (n: number) => string;
    nextBlocked: { building: string; rejected: (names: string) => string; empty: string };
    previewHeading: string;
  };
  generate: {
    intro: string;
    generate: string;
    regenerate: string;
    regenerateNote: string;
    blocked: string;
    empty: string;
    progressLabel: string;
    step: (step: string, done: number, total: number) => string;
    doneTitle: string;
    sheetsMade: (n: number) => string;
    replaced: (n: number) => string;
    statusCounts: string;
    statusColumn: string;
    countColumn: string;
    totalRow: string;
    openDashboard: string;
    openSheet: (name: string) => string;
    download: string;
    previewHeading: string;
    previewSheetsLabel: string;
    previewTruncated: (shown: number, total: number) => string;
    failedTitle: string;
    orderLabel: string;
    orderNames: { government: string; count: string };
    stepPlanning: string;
    cancel: string;
    cancelling: string;
    cancelled: string;
    cannotCancelWriting: string;
    done: (sheets: number) => string;
  };
  /** Words the gateways use: progress steps and workbook errors. */
  workbook: {
    noSheet: string;
    unreadable: (name: string) => string;
    stepPlan: string;
    stepRender: string;
    /** The renderer's last step: the package compressed and closed. */
    stepCompress: string;
    downloadName: string;
    stepReading: string;
    stepWriting: string;
    stepCleaning: string;
  };
  errors: {
    unexpected: (detail: string) => string;
    noWorkbook: string;
    unsupportedFile: (name: string) => string;
  };
}

export const ja: PaneStrings = {
  appTitle: "施策一覧ツール",
  modeOffice: "Excel",
  modePreview: "プレビュー (Excel なし)",
  language: "表示言語",
  languageNames: { ja: "日本語", en: "English" },
  steps: { import: "取り込み", validate: "検証", compare: "前年度と比較", generate: "集計" },
  stepsLabel: "作業の手順",
  next: "次へ",
  severity: { error: "エラー", warning: "警告", info: "情報" },
  status: STATUS_LABELS.ja,
  import: {
    workbookHeading: "ブック",
    workbookHint: "テンプレートのブック (.xlsx) を開くと、その入力シートを「現在のシート」として使えます。",
    openWorkbook: "ブック (.xlsx) を開く",
    noWorkbook: "ブックは開いていません。",
    workbookOpened: (name) => `開いているブック: ${name}`,
    sheetHeading: "現在のシート",
    sheetHint: "表示中のシートの表を取り込みます (1 行目付近に見出し行が必要です)。",
    readSheet: "現在のシートを取り込む",
    filesHeading: "ファイル",
    filesHint: "CSV・TSV (UTF-8 / Shift_JIS / Unicode テキスト)、Excel (.xlsx)、報告書の PDF・テキスト。複数選べます。",
    pickFiles: "ファイルを選ぶ",
    dropHere: "ここにファイルをドロップ",
    pasteHeading: "貼り付け",
    pasteLabel: "表を貼り付け (Excel からコピーしたタブ区切り、見出し行を含む)",
    pasteHint: "見出し行 (項番・担当府省庁・年次計画 …) ごとコピーしてください。",
    importPaste: "貼り付けた表を取り込む",
    pasteEmpty: "貼り付け欄が空です。表をコピーして貼り付けてから押してください。",
    sampleHeading: "サンプル",
    sampleHint: "サイバーセキュリティ2024 別添2 の 1 ページ (報告書テキスト) で試せます。",
    importSample: "サンプルを取り込む",
    sourcesHeading: "取り込んだデータ",
    sourcesEmpty: "まだ何も取り込んでいません。",
    sourceSummary: (rows, problems) => `${rows} 件の施策・指摘 ${problems} 件`,
    remove: (name) => `${name} を外す`,
    clearAll: "すべて外す",
    reading: (name) => `読み込み中: ${name}`,
    pastedName: (n) => (n > 1 ? `貼り付け ${n}` : "貼り付け"),
    currentSheetName: (sheet) => `現在のシート (${sheet})`,
    failed: (name, reason) => `${name} を読み込めませんでした: ${reason}`,
    rejected: "取り込めませんでした",
    removeToContinue: "✕ で外すと、ほかのデータで集計できます。",
    imported: (sources, measures, problems) => `取り込みました: ${sources} 件のデータ・${measures} 件の施策・指摘 ${problems} 件`,
    noWorkbookForSheet: "ブックを開くと使えます。まずはサンプルで試せます。",
    sourceCount: (n) => `${n} 件`,
  },
  validate: {
    nothingYet: "まだデータがありません。「取り込み」でファイルやシートを取り込んでください。",
    summary: (measures, sources) => `${sources} 件のデータから ${measures} 件の施策を読み取りました。`,
    counts: "指摘の件数",
    blockingTitle: "必須の列が見つからないため、このデータは取り込んでいません",
    missingColumn: (column, file) => `${file} に必須の列「${column}」がありません。`,
    headerFound: (headers) => `見つかった見出し: ${headers}`,
    headerNotFound: "見出し行が見つかりませんでした。",
    blockingAction: "見出しを直すか列を追加してから、もう一度取り込んでください。",
    noProblems: "指摘はありません。",
    groupHeading: (severity, count) => `${severity} (${count} 件)`,
    location: {
      row: (row) => `${row} 行目`,
      column: (name) => `「${name}」列`,
      page: (page, line) => (line ? `${page} ページ ${line} 行目` : `${page} ページ`),
    },
    selectHint: "指摘を押すと、ブックの該当セルを選択します。",
    selected: (where) => `選択しました: ${where}`,
    notInWorkbook: (file) => `${file} はブックの中にないため、セルを選択できません。元のファイルを直して取り込み直してください。`,
    revalidate: "再検証",
    revalidated: (errors, warnings) => `再検証しました: エラー ${errors} 件・警告 ${warnings} 件`,
    moreProblems: (n) => `ほか ${n} 件 (検証結果シートにすべて出力されます)`,
    kindHeading: (title, count) => `${title} (${count} 件)`,
    showMore: (n) => `さらに ${n} 件を表示`,
    nextBlocked: {
      building: "検証しています。終わるまでお待ちください。",
      rejected: (names) => `${names} は取り込めなかったため、集計できません。「取り込み」で ✕ を押して外すか、直して取り込み直してください。`,
      empty: "施策がないため、集計できません。",
    },
    previewHeading: "シートの該当セル",
  },
  generate: {
    intro: "施策一覧・検証結果・ダッシュボード・府省庁別シートを作成します。",
    generate: "集計シートを作成",
    regenerate: "集計シートを作り直す",
    regenerateNote: "作り直すと、このツールが作ったシートだけを置き換えます。ほかのシートはそのままです。",
    blocked: "必須の列が見つからないデータがあります。「検証」の指摘を直してから作成してください。",
    empty: "施策がありません。先に「取り込み」でデータを取り込んでください。",
    progressLabel: "作成の進み具合",
    step: (step, done, total) => `${step} (${done}/${total})`,
    doneTitle: "集計シートを作成しました",
    sheetsMade: (n) => `${n} 枚のシートを作成しました。`,
    replaced: (n) => `以前に作成した ${n} 枚のシートを置き換えました。`,
    statusCounts: "進捗区分ごとの施策数",
    statusColumn: "進捗区分",
    countColumn: "施策数",
    totalRow: "合計",
    openDashboard: "ダッシュボードを開く",
    openSheet: (name) => `「${name}」シートを開く`,
    download: "ブックをダウンロード (.xlsx)",
    previewHeading: "作成したシート",
    previewSheetsLabel: "表示するシート",
    previewTruncated: (shown, total) => `先頭 ${shown} 行を表示しています (全 ${total} 行)。すべてはダウンロードしたブックで確認してください。`,
    failedTitle: "集計シートを作成できませんでした",
    orderLabel: "府省庁の並び順",
    orderNames: { government: "建制順", count: "施策数の多い順" },
    stepPlanning: "集計を計算",
    cancel: "取り消す",
    cancelling: "取り消しています…",
    cancelled: "作成を取り消しました。ブックは変更していません。",
    cannotCancelWriting: "書き込みは途中で止めず、最後まで行います (失敗したときは元に戻します)。",
    done: (sheets) => `集計シートを ${sheets} 枚作成しました`,
  },
  workbook: {
    noSheet: "ブックにシートがありません。",
    unreadable: (name) => `${name} を Excel ブックとして読めませんでした。.xlsx 形式で保存し直してから開いてください。`,
    stepPlan: "シートを準備",
    stepRender: "ブックを作成",
    stepCompress: "圧縮",
    downloadName: "施策一覧_集計.xlsx",
    stepReading: "ブックを確認",
    stepWriting: "シートを書き込み",
    stepCleaning: "以前のシートを片付け",
  },
  errors: {
    unexpected: (detail) => `予期しないエラーが起きました (${detail})。もう一度試しても直らない場合は、この文面を担当者に伝えてください。`,
    noWorkbook: "開いているブックがありません。先に「ブック (.xlsx) を開く」でテンプレートを開いてください。",
    unsupportedFile: (name) => `${name} は読み込めない形式です。CSV・TSV・.xlsx・PDF・テキストのいずれかを選んでください。`,
  },
};
