/**
 * Problem messages in Japanese and English: one template per code, filled from `params`.
 * The location (file, row, column) is shown next to the message, not inside it.
 */
import type { Lang, Problem, ProblemCode, Severity } from "./model";
import { layoutReasonMessage } from "./layoutReasons";
import { STATUS_LABELS } from "./status";

export const SEVERITY_LABELS: Record<Lang, Record<Severity, string>> = {
  ja: { error: "エラー", warning: "警告", info: "情報" },
  en: { error: "Error", warning: "Warning", info: "Info" },
};

type Params = Record<string, string | number>;
type Template = (p: Params, problem: Problem) => string;

const s = (v: string | number | undefined) => (v === undefined ? "" : String(v));

/** Reasons a file could not be read (params.reason of unreadable-file). */
const UNREADABLE: Record<Lang, Record<string, (p: Params) => string>> = {
  ja: {
    binary: () => "テキストの表ではありません(バイナリデータです)。CSV(UTF-8 または Shift_JIS)、TSV、Excel ブック(.xlsx)を指定してください。",
    "signature-zip": () => "ZIP 形式のファイルです。Excel ブックであれば拡張子を .xlsx にしてください。",
    "signature-pdf": () => "PDF ファイルです。表の読み込みには CSV または .xlsx を指定してください。",
    "signature-xls": () => "Excel 97-2003 形式(.xls)は読み込めません。Excel で .xlsx 形式で保存し直してください。",
    "signature-png": () => "画像ファイル(PNG)です。表のファイルを指定してください。",
    "signature-jpeg": () => "画像ファイル(JPEG)です。表のファイルを指定してください。",
    "signature-gzip": () => "圧縮ファイル(gzip)です。展開してから指定してください。",
    "xlsx-corrupt": (p) => `Excel ブックとして読み込めません。ファイルが壊れているか、.xlsx 形式ではありません。${p.detail ? `(${s(p.detail)})` : ""}`,
    "xlsx-encrypted": () =>
      "パスワードで保護(暗号化)された Excel ブックです。Excel で開き、「ファイル」→「情報」→「ブックの保護」→「パスワードを使用して暗号化」でパスワードを消して保存してから、もう一度読み込んでください。",
    "unknown-encoding": () => "文字コードを判別できません。UTF-8 または Shift_JIS のテキストとして保存し直してください。",
    "not-found": () => "ファイルが見つかりません。",
    "read-error": (p) => `ファイルを読み込めません。${p.detail ? `(${s(p.detail)})` : ""}`,
    csv: (p) => `CSV の区切り文字または引用符に誤りがあります。${p.detail ? `(${s(p.detail)})` : ""}`,
  },
  en: {
    binary: () => "Not a text table (binary data). Give a CSV (UTF-8 or Shift_JIS), a TSV or an Excel workbook (.xlsx).",
    "signature-zip": () => "This is a ZIP file. If it is an Excel workbook, give it the .xlsx extension.",
    "signature-pdf": () => "This is a PDF file. Give a CSV or .xlsx file to import a table.",
    "signature-xls": () => "Excel 97-2003 workbooks (.xls) cannot be read. Save it as .xlsx in Excel.",
    "signature-png": () => "This is an image (PNG), not a table.",
    "signature-jpeg": () => "This is an image (JPEG), not a table.",
    "signature-gzip": () => "This is a gzip archive. Extract it first.",
    "xlsx-corrupt": (p) => `Cannot read this as an Excel workbook: the file is damaged or not .xlsx.${p.detail ? ` (${s(p.detail)})` : ""}`,
    "xlsx-encrypted": () =>
      "This Excel workbook is password-protected (encrypted). Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password), save it and import it again.",
    "unknown-encoding": () => "Cannot tell the character encoding. Save the file as UTF-8 or Shift_JIS text.",
    "not-found": () => "File not found.",
    "read-error": (p) => `Cannot read the file.${p.detail ? ` (${s(p.detail)})` : ""}`,
    csv: (p) => `Malformed delimiters or quotes in the CSV.${p.detail ? ` (${s(p.detail)})` : ""}`,
  },
};

function unreadable(lang: Lang, p: Params): string {
  const reason = s(p.reason);
  const table = UNREADABLE[lang];
  const t = table[reason] ?? (reason.startsWith("csv-") ? table.csv : table["read-error"]);
  return t(p);
}

/** Parts of the combined column, named as its markers name them. */
const PART_NAMES: Record<Lang, Record<string, string>> = {
  ja: { results: "<成果・進捗状況>", nextPlan: "<次年度年次計画>" },
  en: { results: "the results part", nextPlan: "the next-year plan part" },
};

/** 「担当府省庁」, or 「…年次計画」の<成果・進捗状況> when the empty part is inside the combined column. */
function cellName(lang: Lang, p: Params, pr: Problem): string {
  const part = PART_NAMES[lang][s(p.field)];
  const inCombined = part !== undefined && pr.column !== undefined && /及び|and/u.test(pr.column);
  if (lang === "ja") return `必須のセル「${s(pr.column)}」${inCombined ? `の${part}` : ""}`;
  return `Required cell "${s(pr.column)}"${inCombined ? ` (${part})` : ""}`;
}

const STATUS_LIST = (lang: Lang) => Object.values(STATUS_LABELS[lang]).join(lang === "ja" ? "・" : ", ");

const TEMPLATES: Record<Lang, Record<ProblemCode, Template>> = {
  ja: {
    "missing-label": (p) => `必須の列「${s(p.column)}」が見つかりません。見出し行に「${s(p.column)}」の列を追加してください。この表は読み込まれません。`,
    "duplicate-label": (_p, pr) => `列見出し「${s(pr.column)}」が重複しています。最初の列だけを使います。`,
    "blank-label": () => "列見出しが空欄ですが、その列に値があります。この列は読み込まれません。",
    "missing-cell": (p, pr) => `${cellName("ja", p, pr)}が空欄です。${p.field === "nextPlan" ? "次年度年次計画のない施策は「未報告」として集計されます。" : ""}`,
    "unknown-ministry": (p) => `「${s(p.value)}」は府省庁名として登録されていません。${p.suggestion ? `「${s(p.suggestion)}」の誤りではありませんか。` : ""}`,
    "group-ministry": (p) => `「${s(p.value)}」は複数の府省庁を指す名称です。府省庁別の集計では一つの名前として数えます。可能であれば府省庁名を個別に記載してください。`,
    "duplicate-id": (p) =>
      `項番 ${s(p.id)} が重複しています(最初の記載: ${s(p.firstFile)} ${s(p.firstRow)} 行目)。${
        p.unqualified
          ? "章・節・項の見出しがないため、項番だけでは施策を区別できません。見出し行または章・節・項の列を記入してください。"
          : "再掲の施策であれば「(再掲)」と記載してください。"
      }`,
    "malformed-id": (p) => `項番「${s(p.value)}」の形式が正しくありません。(ア)、(イ)…の形式で記載してください。`,
    "cell-too-long": (p) => `セルの文字数(${s(p.length)} 文字)が Excel の上限 ${s(p.max)} 文字を超えています。`,
    "formula-like": (p) => `「${s(p.value)}」は数式と解釈されうる文字(= + - @)で始まります。文字列として取り込みます。`,
    "blank-row": () => "空行です。読み飛ばします。",
    "no-rows": () => "見出し行の下に施策の行がありません。送られたファイルが正しいか確認してください。",
    "invalid-status": (p) => `進捗区分「${s(p.value)}」は認識できません(${STATUS_LIST("ja")} のいずれかを指定してください)。次年度年次計画から判定します。`,
    "unreadable-file": (p) => unreadable("ja", p),
    "unsupported-encoding": (p) => `文字コード ${s(p.encoding)} には対応していません。UTF-8 または Shift_JIS で保存し直してください。`,
    "undecodable-bytes": (p) =>
      `${s(p.encoding)} として読めないバイトが ${s(p.count)} か所あり、「\ufffd」に置き換えました。元のファイルの該当箇所を確認してください。`,
    "no-table-found": (p, problem) =>
      p.reason === "no-text-layer"
        ? "この PDF には文字情報がありません(スキャン画像の PDF など)。文字を選択できる PDF か、そのテキストを指定してください。"
        : p.reason === "no-report-rows"
          ? `この${/\.pdf$/i.test(problem.file) ? " PDF " : "ファイル"}には、年次報告の別添2(施策の実施状況及び年次計画)の表がありません。別添2 のページを含む報告書の PDF かテキストを指定してください。`
          : `表の見出し行(項番、担当府省庁、年次計画など)が見つかりません。${p.sheets ? `(確認したシート: ${s(p.sheets)})` : ""}`,
    "ambiguous-layout": (p) => layoutReasonMessage("ja", p) ?? `表の配置を確定できませんでした。内容を確認してください。${p.detail ? `(${s(p.detail)})` : ""}`,
  },
  en: {
    "missing-label": (p) => `Required column "${s(p.columnEn)}" (${s(p.column)}) is missing. Add it to the header row. Nothing was imported from this table.`,
    "duplicate-label": (_p, pr) => `Duplicate column header "${s(pr.column)}". Only the first such column is used.`,
    "blank-label": () => "A column has values but no header. It is not imported.",
    "missing-cell": (p, pr) => `${cellName("en", p, pr)} is empty.${p.field === "nextPlan" ? " A measure without a next-year plan counts as Unreported." : ""}`,
    "unknown-ministry": (p) => `"${s(p.value)}" is not a known ministry or agency.${p.suggestion ? ` Did you mean "${s(p.suggestion)}"?` : ""}`,
    "group-ministry": (p) => `"${s(p.value)}" stands for several ministries. It is counted as one name per ministry; list the ministries if you can.`,
    "duplicate-id": (p) =>
      `Item ${s(p.id)} appears more than once (first in ${s(p.firstFile)}, row ${s(p.firstRow)}). ${
        p.unqualified
          ? "Without chapter, section and sub-section headings an item label alone cannot tell measures apart: add the heading rows or fill in the 章/節/項 columns."
          : "Mark a reposted item with (再掲)."
      }`,
    "malformed-id": (p) => `Item number "${s(p.value)}" is malformed. Use the form (ア), (イ), ….`,
    "cell-too-long": (p) => `The cell has ${s(p.length)} characters, more than Excel's limit of ${s(p.max)}.`,
    "formula-like": (p) => `"${s(p.value)}" starts with a formula character (= + - @). It is kept as text.`,
    "blank-row": () => "Blank row, skipped.",
    "no-rows": () => "The header row has no measures under it. Check that this is the right file.",
    "invalid-status": (p) => `Status "${s(p.value)}" is not recognised (use ${STATUS_LIST("en")}). The status is read from the next-year plan.`,
    "unreadable-file": (p) => unreadable("en", p),
    "unsupported-encoding": (p) => `The ${s(p.encoding)} encoding is not supported. Save the file as UTF-8 or Shift_JIS.`,
    "undecodable-bytes": (p) =>
      `${s(p.count)} byte sequence(s) are not valid ${s(p.encoding)} and were replaced by "\ufffd". Check these places in the original file.`,
    "no-table-found": (p, problem) =>
      p.reason === "no-text-layer"
        ? "This PDF has no text layer (a scanned image?). Give a PDF whose text can be selected, or its text."
        : p.reason === "no-report-rows"
          ? `This ${/\.pdf$/i.test(problem.file) ? "PDF" : "file"} does not contain the annual report's appendix 2 table (measures, their progress and next year's plan). Give the report's PDF or text with the appendix 2 pages.`
          : `No header row (項番, 担当府省庁, 年次計画 …) was found.${p.sheets ? ` (Sheets checked: ${s(p.sheets)})` : ""}`,
    "ambiguous-layout": (p) => layoutReasonMessage("en", p) ?? `The layout could not be determined with certainty; please check.${p.detail ? ` (${s(p.detail)})` : ""}`,
  },
};

/** The message of a problem in the given language. */
export function problemMessage(p: Problem, lang: Lang): string {
  return TEMPLATES[lang][p.code](p.params ?? {}, p).trim();
}

/** "総務省.csv 12 行目「担当府省庁」" / "総務省.csv, row 12, column 担当府省庁". */
export function problemLocation(p: Problem, lang: Lang): string {
  const parts: string[] = [p.sheet ? `${p.file} [${p.sheet}]` : p.file];
  if (lang === "ja") {
    if (p.page !== undefined) parts.push(`${p.page} ページ`);
    if (p.row !== undefined) parts.push(`${p.row} 行目`);
    else if (p.line !== undefined) parts.push(`${p.line} 行目`);
    if (p.column) parts.push(`「${p.column}」`);
    else if (p.columnIndex !== undefined) parts.push(`${p.columnIndex} 列目`);
  } else {
    if (p.page !== undefined) parts.push(`page ${p.page}`);
    if (p.row !== undefined) parts.push(`row ${p.row}`);
    else if (p.line !== undefined) parts.push(`line ${p.line}`);
    if (p.column) parts.push(`column "${p.column}"`);
    else if (p.columnIndex !== undefined) parts.push(`column ${p.columnIndex}`);
  }
  return parts.join(lang === "ja" ? " " : ", ");
}
