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

/** Budgets of an import (src/importers/budgets.ts), named for the over-budget message. */
const BUDGET_NAMES: Record<Lang, Record<string, string>> = {
  ja: {
    maxFileBytes: "ファイルの大きさ",
    maxPartBytes: "展開後の部品(XML)1 つの大きさ",
    maxExpandedBytes: "展開後の大きさの合計",
    maxRatio: "圧縮率",
    maxCells: "1 シートのセルの数",
    maxCellChars: "1 セルの文字数",
    maxPdfPages: "PDF のページ数",
    maxMillis: "読み込みにかかる時間",
  },
  en: {
    maxFileBytes: "file size",
    maxPartBytes: "expanded size of one part (XML)",
    maxExpandedBytes: "total expanded size",
    maxRatio: "compression ratio",
    maxCells: "cells in one sheet",
    maxCellChars: "characters in one cell",
    maxPdfPages: "pages of the PDF",
    maxMillis: "time to read",
  },
};
const UNIT_NAMES: Record<Lang, Record<string, string>> = {
  ja: { MB: " MB", x: " 倍", cells: " セル", chars: " 文字", pages: " ページ", s: " 秒" },
  en: { MB: " MB", x: "×", cells: " cells", chars: " characters", pages: " pages", s: " s" },
};

function overBudget(lang: Lang, p: Params): string {
  const name = BUDGET_NAMES[lang][s(p.budget)] ?? s(p.budget);
  const unit = UNIT_NAMES[lang][s(p.unit)] ?? "";
  const part = p.part ? (lang === "ja" ? `(${s(p.part)})` : ` (${s(p.part)})`) : "";
  const zip = ["maxPartBytes", "maxExpandedBytes", "maxRatio"].includes(s(p.budget));
  const pdf = p.budget === "maxPdfPages";
  if (lang === "ja")
    return `読み込みの上限を超えるため、このファイルは読み込みません: ${name}${part}が上限の ${s(p.limit)}${unit}を超えています${p.actual !== undefined ? `(${s(p.actual)}${unit})` : ""}。${zip ? "圧縮爆弾など、表ではないデータの可能性があります。" : ""}正しいファイルであれば、${pdf ? "表のあるページだけを別の PDF に保存して" : "表の部分だけを別のファイルに保存して"}読み込んでください(コマンドラインでは ${s(p.flag)} で上限を上げられます)。`;
  return `This file is not read because it passes an import limit: the ${name}${part} is over ${s(p.limit)}${unit}${p.actual !== undefined ? ` (${s(p.actual)}${unit})` : ""}.${zip ? " It may be a zip bomb or other non-table data." : ""} If the file is genuine, ${pdf ? "save only the pages with the table as a new PDF" : "save only the table in a new file"} and import that (on the command line, ${s(p.flag)} raises the limit).`;
}

/** The system's error code, kept after the words: " (EACCES)". */
const code = (p: Params) => (p.detail ? ` (${s(p.detail)})` : "");

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
    "over-budget": (p) => overBudget("ja", p),
    "zip-ods": () => "LibreOffice / OpenOffice の表計算ファイル(.ods)です。.ods は読み込めません。LibreOffice または Excel で開き、Excel ブック(.xlsx)として保存してから指定してください。",
    "zip-odf-document": () => "LibreOffice / OpenOffice の文書ファイル(.odt など)です。表ではありません。文書の中の表を Excel に貼り付け、.xlsx として保存してから指定してください。",
    "zip-docx": () => "Word 文書(.docx)です。表ではありません。文書の中の表を選んでコピーし、Excel に貼り付けて .xlsx として保存するか、作業ウィンドウに貼り付けてください。",
    "zip-pptx": () => "PowerPoint のプレゼンテーション(.pptx)です。表ではありません。表を Excel に貼り付けて .xlsx として保存してから指定してください。",
    "zip-csvs": (p) => `CSV ファイルをまとめた ZIP ファイルです(${s(p.count)} 個: ${s(p.names)})。展開して、中の CSV ファイルを指定してください。`,
    "zip-other": () => "ZIP 形式の圧縮ファイルで、Excel ブックではありません。展開して、中の表のファイル(CSV または .xlsx)を指定してください。",
    "ole-doc": () => "Word 97-2003 文書(.doc)です。表ではありません。文書の中の表を Excel に貼り付けて .xlsx として保存してから指定してください。",
    "ole-ppt": () => "PowerPoint 97-2003 のファイル(.ppt)です。表ではありません。表を Excel に貼り付けて .xlsx として保存してから指定してください。",
    html: () => "Web ページ(HTML)です。表のファイルではありません。ページの表を使うには、ブラウザーで表を選んでコピーし作業ウィンドウに貼り付けるか、Excel で開いて .xlsx として保存してください。",
    json: () => "JSON 形式のデータです。表のファイルではありません。CSV または Excel ブック(.xlsx)に変換してから指定してください。",
    xml: () => "XML 形式のデータです。表のファイルではありません。CSV または Excel ブック(.xlsx)に変換してから指定してください。",
    "xml-spreadsheet2003": () => "Excel 2003 XML スプレッドシート形式です。Excel で開き、Excel ブック(.xlsx)として保存し直してください。",
    rtf: () => "リッチテキスト(RTF)の文書です。表ではありません。文書の中の表を Excel に貼り付けて .xlsx として保存してください。",
    "signature-gif": () => "画像ファイル(GIF)です。表のファイルを指定してください。",
    "signature-webp": () => "画像ファイル(WebP)です。表のファイルを指定してください。",
    "signature-tiff": () => "画像ファイル(TIFF)です。スキャンした表であれば、元の Excel ブックか CSV を取り寄せてください。",
    "signature-bmp": () => "画像ファイル(BMP)です。表のファイルを指定してください。",
    "signature-archive": () => "圧縮ファイル(7z / RAR)です。展開して、中の表のファイルを指定してください。",
    directory: (p) => `フォルダーです。フォルダーの中の表のファイルを指定してください。${code(p)}`,
    fifo: (p) => `名前付きパイプ(FIFO)です。読み込めるのは通常のファイルだけです。${code(p)}`,
    socket: (p) => `ソケットです。読み込めるのは通常のファイルだけです。${code(p)}`,
    device: (p) => `デバイスファイルです。読み込めるのは通常のファイルだけです。${code(p)}`,
    "not-a-file": (p) => `通常のファイルではありません。${code(p)}`,
    "no-permission": (p) => `読み取る権限がありません。ファイルのアクセス権を確認するか、読める場所にコピーしてから指定してください。${code(p)}`,
    "io-error": (p) => `ディスクからの読み取りに失敗しました(入出力エラー)。ファイルを別の場所にコピーしてから指定してください。${code(p)}`,
    "symlink-loop": (p) => `シンボリックリンクが循環していて、ファイルにたどり着けません。${code(p)}`,
    "name-too-long": (p) => `ファイル名(パス)が長すぎます。短い名前の場所に移してから指定してください。${code(p)}`,
    "too-many-open": (p) => `開いているファイルが多すぎて読み込めません。ほかのプログラムを閉じてから、もう一度実行してください。${code(p)}`,
    busy: (p) => `ファイルがほかのプログラムで使用中です。閉じてから、もう一度実行してください。${code(p)}`,
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
    "over-budget": (p) => overBudget("en", p),
    "zip-ods": () => "This is a LibreOffice/OpenOffice spreadsheet (.ods), which is not read. Open it in LibreOffice or Excel, save it as an Excel workbook (.xlsx) and give that.",
    "zip-odf-document": () => "This is a LibreOffice/OpenOffice document (.odt or similar), not a table. Paste its table into Excel, save as .xlsx and give that.",
    "zip-docx": () => "This is a Word document (.docx), not a table. Copy its table into Excel and save as .xlsx, or paste it into the task pane.",
    "zip-pptx": () => "This is a PowerPoint presentation (.pptx), not a table. Paste its table into Excel, save as .xlsx and give that.",
    "zip-csvs": (p) => `This is a ZIP archive of CSV files (${s(p.count)}: ${s(p.names)}). Extract it and give the CSV files.`,
    "zip-other": () => "This is a ZIP archive, not an Excel workbook. Extract it and give the table files inside (CSV or .xlsx).",
    "ole-doc": () => "This is a Word 97-2003 document (.doc), not a table. Paste its table into Excel, save as .xlsx and give that.",
    "ole-ppt": () => "This is a PowerPoint 97-2003 file (.ppt), not a table. Paste its table into Excel, save as .xlsx and give that.",
    html: () => "This is a web page (HTML), not a table file. Select the table in a browser and paste it into the task pane, or open it in Excel and save as .xlsx.",
    json: () => "This is JSON data, not a table file. Convert it to CSV or an Excel workbook (.xlsx) first.",
    xml: () => "This is XML data, not a table file. Convert it to CSV or an Excel workbook (.xlsx) first.",
    "xml-spreadsheet2003": () => "This is an Excel 2003 XML spreadsheet. Open it in Excel and save it as an Excel workbook (.xlsx).",
    rtf: () => "This is a rich text (RTF) document, not a table. Paste its table into Excel and save as .xlsx.",
    "signature-gif": () => "This is an image (GIF), not a table.",
    "signature-webp": () => "This is an image (WebP), not a table.",
    "signature-tiff": () => "This is an image (TIFF). If it is a scanned table, ask for the original workbook or CSV.",
    "signature-bmp": () => "This is an image (BMP), not a table.",
    "signature-archive": () => "This is a 7z/RAR archive. Extract it and give the table files inside.",
    directory: (p) => `This is a folder. Give a table file inside it.${code(p)}`,
    fifo: (p) => `This is a named pipe (FIFO). Only regular files can be read.${code(p)}`,
    socket: (p) => `This is a socket. Only regular files can be read.${code(p)}`,
    device: (p) => `This is a device file. Only regular files can be read.${code(p)}`,
    "not-a-file": (p) => `This is not a regular file.${code(p)}`,
    "no-permission": (p) => `You do not have permission to read this file. Check its permissions, or copy it somewhere readable.${code(p)}`,
    "io-error": (p) => `Reading from the disk failed (I/O error). Copy the file elsewhere and give the copy.${code(p)}`,
    "symlink-loop": (p) => `Symbolic links loop here and never reach a file.${code(p)}`,
    "name-too-long": (p) => `The file name (path) is too long. Move the file to a shorter path.${code(p)}`,
    "too-many-open": (p) => `Too many files are open. Close other programs and run again.${code(p)}`,
    busy: (p) => `The file is in use by another program. Close it and run again.${code(p)}`,
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
    "duplicate-label": (p, pr) =>
      `${
        p.old
          ? `列「${s(pr.column)}」は以前の版の列とみなし、列「${s(p.used)}」を使います。`
          : p.used !== undefined
            ? `列「${s(p.used)}」と列「${s(pr.column)}」が同じ項目を表しています。どちらを使うべきか判断できないため、最初の列「${s(p.used)}」を使いました。不要な列を削除するか、古い列の見出しに「（旧）」と付けてください。`
            : `列見出し「${s(pr.column)}」が重複しています。最初の列だけを使います。`
      }${p.extra ? `この列の値は「${s(p.extra)}」列として残します。` : ""}`,
    "blank-label": (p) => `列見出しが空欄ですが、その列に値があります。${p.extra ? `「${s(p.extra)}」列として取り込みます。` : "この列は読み込まれません。"}`,
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
    "cell-too-long": (p) => `セルの文字数(${s(p.length)} 文字)が Excel の上限 ${s(p.max)} 文字を超えています。作成するシートでは末尾の ${s(Number(p.length) - Number(p.max))} 文字を切り詰めます(全文は施策のデータに残ります)。`,
    "formula-like": (p) => `「${s(p.value)}」は数式と解釈されうる文字(= + - @)で始まります。文字列として取り込みます。`,
    "blank-row": () => "空行です。読み飛ばします。",
    "no-rows": () => "見出し行の下に施策の行がありません。送られたファイルが正しいか確認してください。",
    "invalid-status": (p) => `進捗区分「${s(p.value)}」は認識できません(${STATUS_LIST("ja")} のいずれかを指定してください)。次年度年次計画から判定します。`,
    "unreadable-file": (p) => unreadable("ja", p),
    "unsupported-encoding": (p) =>
      p.encoding === "Windows-1252"
        ? "西欧言語用の文字コード(Windows-1252 / Latin-1)のテキストです。この文字コードは日本語を表せないため、保存した時点で日本語の文字は失われています(「?」などに置き換わります)。読み込みません。元の表を UTF-8 または Shift_JIS で保存し直してください。"
        : `文字コード ${s(p.encoding)} には対応していません。UTF-8 または Shift_JIS で保存し直してください。`,
    "undecodable-bytes": (p) =>
      `${s(p.encoding)} として読めないバイトが ${s(p.count)} か所あり、「\ufffd」に置き換えました。元のファイルの該当箇所を確認してください。`,
    "no-table-found": (p, problem) =>
      p.reason === "no-text-layer"
        ? "この PDF には文字情報がありません(スキャン画像の PDF など)。文字認識(OCR)をかけた PDF か、そのテキストを指定してください。"
        : p.reason === "no-plan-table"
        ? `この PDF には施策の表がありません。どのページにも表の見出し行(項番、担当府省庁、年次計画など)が見つかりませんでした。(確認したページ: ${s(p.pages)})`
        : p.reason === "no-report-rows"
          ? `この${/\.pdf$/i.test(problem.file) ? " PDF " : "ファイル"}には、年次報告の別添2(施策の実施状況及び年次計画)の表がありません。別添2 のページを含む報告書の PDF かテキストを指定してください。`
          : `表の見出し行(項番、担当府省庁、年次計画など)が見つかりません。${p.sheets ? `(確認したシート: ${s(p.sheets)})` : ""}`,
    "other-edition": (p) =>
      `このファイルは ${s(p.found)} の表です(見出しの年度による)。ほかのファイルは ${s(p.expected)} の表のため、このファイルの施策 ${s(p.rows)} 件は取り込みませんでした。前年度の表であれば、前年度のファイルとして指定してください(比較に使えます)。`,
    "ambiguous-layout": (p) => layoutReasonMessage("ja", p) ?? `表の配置を確定できませんでした。内容を確認してください。${p.detail ? `(${s(p.detail)})` : ""}`,
    "unplaced-text": (p) => `施策・見出し・ページの定型部分のいずれとも読めない記載です。取り込まずにここに残します:「${s(p.text)}」`,
    "unterminated-quote": (p) => `このセルの「"」が閉じられていません(「${s(p.value)}」)。以降の行を飲み込まないよう、「"」を文字として読み、次の行からも読み込みました。このセルと次の行を原本と照合してください。`,
    "extra-columns": (p) => `既知でない列 ${s(p.columns)} は、施策一覧の右端に同じ見出しの列として取り込みます。`,
  },
  en: {
    "missing-label": (p) => `Required column "${s(p.columnEn)}" (${s(p.column)}) is missing. Add it to the header row. Nothing was imported from this table.`,
    "duplicate-label": (p, pr) =>
      `${
        p.old
          ? `Column "${s(pr.column)}" is taken for an earlier draft's column; "${s(p.used)}" is used.`
          : p.used !== undefined
            ? `Columns "${s(p.used)}" and "${s(pr.column)}" hold the same item. Which one is meant cannot be told, so the first, "${s(p.used)}", was used. Delete the column not needed, or mark the old one's header with (旧).`
            : `Duplicate column header "${s(pr.column)}". Only the first such column is used.`
      }${p.extra ? ` Its values are kept as the extra column "${s(p.extra)}".` : ""}`,
    "blank-label": (p) => `A column has values but no header.${p.extra ? ` It is imported as the extra column "${s(p.extra)}".` : " It is not imported."}`,
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
    "cell-too-long": (p) => `The cell has ${s(p.length)} characters, more than Excel's limit of ${s(p.max)}. The generated sheets cut its last ${s(Number(p.length) - Number(p.max))} characters (the measure keeps the whole text).`,
    "formula-like": (p) => `"${s(p.value)}" starts with a formula character (= + - @). It is kept as text.`,
    "blank-row": () => "Blank row, skipped.",
    "no-rows": () => "The header row has no measures under it. Check that this is the right file.",
    "invalid-status": (p) => `Status "${s(p.value)}" is not recognised (use ${STATUS_LIST("en")}). The status is read from the next-year plan.`,
    "unreadable-file": (p) => unreadable("en", p),
    "unsupported-encoding": (p) =>
      p.encoding === "Windows-1252"
        ? "This is Western European text (Windows-1252 / Latin-1). That encoding cannot hold Japanese, so any Japanese text was lost when the file was saved (usually turned into \"?\"); it is not read. Save the original table as UTF-8 or Shift_JIS."
        : `The ${s(p.encoding)} encoding is not supported. Save the file as UTF-8 or Shift_JIS.`,
    "undecodable-bytes": (p) =>
      `${s(p.count)} byte sequence(s) are not valid ${s(p.encoding)} and were replaced by "\ufffd". Check these places in the original file.`,
    "no-table-found": (p, problem) =>
      p.reason === "no-text-layer"
        ? "This PDF has no text layer (a scanned image?): it needs OCR. Give a PDF whose text can be selected, or its text."
        : p.reason === "no-plan-table"
        ? `This PDF holds no plan table: no page has a header row (項番, 担当府省庁, 年次計画 …). (Pages checked: ${s(p.pages)})`
        : p.reason === "no-report-rows"
          ? `This ${/\.pdf$/i.test(problem.file) ? "PDF" : "file"} does not contain the annual report's appendix 2 table (measures, their progress and next year's plan). Give the report's PDF or text with the appendix 2 pages.`
          : `No header row (項番, 担当府省庁, 年次計画 …) was found.${p.sheets ? ` (Sheets checked: ${s(p.sheets)})` : ""}`,
    "other-edition": (p) =>
      `This file is the table of ${s(p.foundEn)} (by the years in its headers), the other files are of ${s(p.expectedEn)}: its ${s(p.rows)} measures were not imported. If it is last year's table, give it as a previous edition (it can be compared).`,
    "ambiguous-layout": (p) => layoutReasonMessage("en", p) ?? `The layout could not be determined with certainty; please check.${p.detail ? ` (${s(p.detail)})` : ""}`,
    "unplaced-text": (p) => `This text is no measure, heading or page furniture. It is not imported and is kept here: "${s(p.text)}"`,
    "unterminated-quote": (p) => `A quote (") in this cell is never closed ("${s(p.value)}"). It was read as text so that the rows after it are not swallowed; check this cell and the next rows against the original.`,
    "extra-columns": (p) => `Columns the reader does not know (${s(p.columns)}) are imported as extra columns at the right of 施策一覧, under the same headers.`,
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

/**
 * What a problem stops. "run": nothing is generated (the CLI's build refuses and writes nothing,
 * the pane disables generation and names the file and why); null: reported only. Only an error
 * blocks; the same code as a warning (a CSV quoting slip reported as unreadable-file) does not.
 * The one rule for every front end: the CLI and the pane both ask `blocksRun`.
 */
export type Blocks = "run" | null;

export interface ProblemRule {
  /** The severity importers and the validator give this code (a few codes also appear one step lower). */
  severity: Severity;
  blocks: Blocks;
}

export const PROBLEM_CATALOGUE: Record<ProblemCode, ProblemRule> = {
  "missing-label": { severity: "error", blocks: "run" },
  "duplicate-label": { severity: "error", blocks: null },
  "blank-label": { severity: "warning", blocks: null },
  "missing-cell": { severity: "warning", blocks: null },
  "unknown-ministry": { severity: "warning", blocks: null },
  "group-ministry": { severity: "info", blocks: null },
  "duplicate-id": { severity: "warning", blocks: null },
  "malformed-id": { severity: "warning", blocks: null },
  "cell-too-long": { severity: "error", blocks: null },
  "formula-like": { severity: "info", blocks: null },
  "blank-row": { severity: "info", blocks: null },
  "no-rows": { severity: "warning", blocks: null },
  "invalid-status": { severity: "warning", blocks: null },
  // A file that cannot be read at all: its rows are missing, so a workbook would be silently short.
  "unreadable-file": { severity: "error", blocks: "run" },
  "unsupported-encoding": { severity: "error", blocks: "run" },
  "undecodable-bytes": { severity: "warning", blocks: null },
  "no-table-found": { severity: "error", blocks: "run" },
  "ambiguous-layout": { severity: "warning", blocks: null },
  "unplaced-text": { severity: "warning", blocks: null },
  "extra-columns": { severity: "info", blocks: null },
  "unterminated-quote": { severity: "error", blocks: null },
  // A file of another edition among this year's: its rows are left out, so a workbook would be
  // short of them, as with an unreadable file (give it as the previous edition instead).
  "other-edition": { severity: "error", blocks: "run" },
};

/** True when this problem stops generation (CLI build and the pane alike). */
export function blocksRun(p: Pick<Problem, "code" | "severity">): boolean {
  return p.severity === "error" && PROBLEM_CATALOGUE[p.code].blocks === "run";
}
