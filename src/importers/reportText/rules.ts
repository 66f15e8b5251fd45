/**
 * The report's layout as tables of patterns: page header and footer, headings, the strategy box,
 * the split table header, item labels, cell markers. Patterns are applied to the NFKC form of a
 * line with white space removed (`squash`), unless a comment says otherwise. A new edition of
 * the report means editing this file; years are captured, never written in.
 */

/** A title row naming both years, in a table's rows or a PDF page's (squashed): "別添2 2023 年度の…実施状況及び 2024 年度年次計画". */
export const TITLE_YEARS = /(\d{4})年度.*?(\d{4})年度(?:の)?年次計画/u;
/** Page title: "2023 年度のサイバーセキュリティ関連施策の実施状況及び 2024 年度年次計画" (別添2 may precede it). */
export const TITLE = /(\d{4})年度の.*?施策の実施状況及び(\d{4})年度年次計画/u;

/** "別添2" (or another appendix number) opening a line (NFKC, spaces kept: "別添2 2023 年度…" is not 別添22023). */
export const APPENDIX = /^別添\s*(\d{1,2})(?!\d)/u;
/** The appendix this importer reads. */
export const OUR_APPENDIX = 2;

/** Page footers: "別添2 - 18 -", "- 18 -". */
export const FOOTER = /^(別添\d+)?[-‐‑‒–—―−ー]\d{1,3}[-‐‑‒–—―−ー]$/u;

/** The chapter line under the title: "2 国民が安全で…" (applied to NFKC, spaces kept). */
export const CHAPTER_LINE = /^(\d{1,2})\s*([^\d.\s].*)$/u;
/** A clause's end (applied to a chapter line's title): "2 ヵ所で実施した。" at a page top is a sentence, not a chapter. */
export const CLAUSE_END = /[。、]$/u;

/** Section number alone ("1.4") or with its title ("1.4 誰も…") (NFKC, spaces kept). */
export const SECTION = /^(\d{1,2}\.\d{1,2})(?:\s+(\S.*))?$/u;
/** Sub-section: "(1) …" or "(1)…" (NFKC, spaces kept). */
export const SUBSECTION = /^\((\d{1,2})\)\s*(\S.*)$/u;
/** Circled headings inside a strategy box: "①サイバーセキュリティを踏まえた…". */
export const CIRCLED = /^([①-⑳])\s*(\S.*)$/u;

/** The source line of a strategy box: "サイバーセキュリティ戦略(2021 年9月 28 日閣議決定。…)より". */
export const STRATEGY_SOURCE = /^サイバーセキュリティ戦略.*より$/u;

/** First line of the table header. */
export const TABLE_HEADER_START = /^項番/u;
/** The other pieces of the table header, which PDF text splits over several lines. */
export const TABLE_HEADER_PIECES: readonly RegExp[] = [
  /^担当府省庁$/u,
  /^\d{4}年度$/u,
  /^年次計画$/u,
  /^\d{4}年度年次計画$/u,
  /^(\d{4}年度)?取組の成果、?進捗状況及び(\d{4}年度)?(年次計画)?$/u,
];

/** An item label at the start of a line: "(ア)", "（イ）", "(アア)" (NFKC). The rest is owners, maybe text. */
export const LABEL = /^\(\s*([ァ-ヶ]{1,2})\s*\)\s*(.*)$/u;

/**
 * An item label at the start of a trimmed line as printed (before NFKC), in either width and with
 * half-width kana: "(ア) 総務省", "（イ）内閣官房 内閣官房において、…". Group 2 is the rest of the line.
 */
export const LABEL_AS_PRINTED = /^[(（]\s*([ァ-ヶｦ-ﾟ]{1,2})\s*[)）][\s\u3000]*(.*)$/u;
/** "(再掲)" opening what follows a label, as printed and maybe spaced: "(ア)（再 掲） 総務省" (the label cell's mark). */
export const REPOSTED_AFTER_LABEL = /^[(（]\s*再\s*掲\s*[)）]\s*/u;
/** An owner and the row's first text on one line, as printed: "個人情報保護委員会 個人情報保護委員会において、…" (group 1 the first word). */
export const FIRST_WORD_AND_REST = /^(\S+)[\s\u3000]+(\S.*)$/u;

/**
 * Cell markers in squashed text (NFKC, spaces removed), as the report-text reader tests its lines;
 * a cell's text as written is split by domain/headers.ts's RESULTS_MARKER and NEXT_PLAN_MARKER.
 */
export const SQUASHED_RESULTS_MARKER = /<成果・進捗状況>/u;
export const SQUASHED_NEXT_PLAN_MARKER = /<(\d{4})年度年次計画>/u;
/** "(再掲)": the measure is listed again from another section. */
export { REPOSTED_MARK as REPOSTED } from "../../domain/reposted";
/** "(再掲)" broken at a line end, as printed: a column's line ending "(再" and the next starting "掲)" (the two halves). */
export const REPOSTED_BROKEN_HEAD = /\(再$/u;
export const REPOSTED_BROKEN_TAIL = /^掲\)/u;
/** The close of a cell marker broken over two lines ("<2024" then "年度年次計画>"): the rest up to it joins the line above. */
export const MARKER_CLOSE = />/u;

/** Sub-block headers inside a cell: "[内閣官房]", "【金融庁】". */
export const BRACKET_HEADER = /^[[【]([^\]】]{1,20})[\]】]$/u;

/** Line starts that open a new paragraph inside a cell (NFKC). */
export const PARAGRAPH_START = /^[・•●○◆◇■□※<[【①-⑳]|^\(\d{1,2}\)/u;

/** A line ends a sentence (or a list item) when its last character is one of these (NFKC, after dropping "(再掲)"). */
export const SENTENCE_END = /[。.)」』】\]]$/u;

/**
 * Column widths of the report's table in full-width characters (half-width counts 0.5):
 * left text column lines wrap at about 22-24, right at about 28-30. Another layout (another
 * edition, a table typeset by someone else) is measured and these are scaled (see columns.ts).
 */
export interface Widths {
  leftFull: number;
  leftMax: number;
  rightFull: number;
  rightMax: number;
}
export const WIDTHS: Widths = {
  leftFull: 21,
  leftMax: 24.5,
  rightFull: 26,
  rightMax: 31,
};
/** The full left-column line the WIDTHS above are made for. */
export const LEFT_LINE = 23;

/** A page number alone on a line (NFKC, spaces removed): "12", "- 12 -", "12/40", "p.12", "Page 12 of 40". */
export const PAGE_NUMBER =
  /^(?:[-‐‑‒–—―−ー]?\d{1,4}[-‐‑‒–—―−ー]?|\d{1,4}\/\d{1,4}|p\.?\d{1,4}|page\d{1,4}(?:of\d{1,4})?|\d{1,4}ページ|[-‐‑‒–—―−ー]?\d{1,4}頁[-‐‑‒–—―−ー]?)$/iu;
