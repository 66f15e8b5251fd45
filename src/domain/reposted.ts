/**
 * 再掲: a measure listed again from another section. It is listed, never counted (its home
 * section counts it). One meaning everywhere, whatever the source:
 * - "(再掲)" anywhere in the 項番 cell ("(ア)(再掲)"), or
 * - "(再掲)" closing one of the measure's text cells (plan, results, next-year plan, or the
 *   combined cell as written), or
 * - a 再掲 column (a 施策一覧 sheet read back) holding a yes.
 * Texts are compared after NFKC with spaces removed, so "（再掲）" and "( 再掲 )" count too.
 */
import { squash, squashEndsWith } from "./text";

/** The mark, NFKC and without spaces. */
export const REPOSTED_MARK = "(再掲)";

export interface RepostedEvidence {
  itemNumber: string;
  /** The measure's text cells as written. */
  texts: readonly string[];
  /** The 再掲 column's cell, when the table has one. */
  column?: string;
}

export function isReposted(e: RepostedEvidence): boolean {
  if (squash(e.itemNumber).includes(REPOSTED_MARK)) return true;
  for (const t of e.texts) if (squashEndsWith(t, REPOSTED_MARK)) return true;
  return e.column !== undefined && isYesCell(e.column);
}

/** A yes/no cell (the 再掲 column): anything but empty, a dash, 0, FALSE, いいえ, ×, no or なし. */
export function isYesCell(v: string): boolean {
  const k = squash(v).toLowerCase();
  return k !== "" && !NO_WORDS.has(k);
}

const NO_WORDS = new Set(["false", "0", "-", "―", "ー", "いいえ", "×", "no", "なし"]);
