/**
 * The rules of rules.ts applied to one line of text, each in the form it is written for (NFKC,
 * trimmed; or squashed: NFKC without white space). The report-text reader and the PDF grid
 * builder (pdf/) ask the same questions of a line through these.
 */
import { squash } from "../../domain/text";
import {
  APPENDIX,
  FOOTER,
  LABEL,
  SQUASHED_NEXT_PLAN_MARKER,
  PAGE_NUMBER,
  SQUASHED_RESULTS_MARKER,
  STRATEGY_SOURCE,
} from "./rules";

const nfkc = (s: string) => s.normalize("NFKC").trim();

/** The appendix a line opens ("別添3 各府省庁の取組" → 3), or null. */
export function appendixOf(line: string): number | null {
  const m = APPENDIX.exec(nfkc(line));
  return m ? Number(m[1]) : null;
}

/** A line (or a 項番 cell) that starts with an item label: "(ア) 総務省", "（イ）". */
export const startsWithLabel = (line: string): boolean => LABEL.test(nfkc(line));

/** The results marker "<成果・進捗状況>" anywhere in the line, however spaced. */
export const hasResultsMarker = (line: string): boolean => SQUASHED_RESULTS_MARKER.test(squash(line));

/** A cell marker, results or next-year plan ("<2024 年度年次計画>"), anywhere in the line. */
export const hasCellMarker = (line: string): boolean => {
  const k = squash(line);
  return SQUASHED_RESULTS_MARKER.test(k) || SQUASHED_NEXT_PLAN_MARKER.test(k);
};

/** The source line of a quoted strategy box: "サイバーセキュリティ戦略(…閣議決定。)より". */
export const isStrategySource = (line: string): boolean => STRATEGY_SOURCE.test(squash(line));

/** A page footer of the report: "別添2 - 18 -", "- 18 -". */
export const isFooter = (line: string): boolean => FOOTER.test(squash(line));

/** A page number alone, in the report's form or another's: "- 18 -", "12/40", "Page 12 of 40". */
export const isPageNumber = (line: string): boolean => {
  const k = squash(line);
  return FOOTER.test(k) || PAGE_NUMBER.test(k);
};
