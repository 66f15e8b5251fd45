/** Content sniffing: is this text the report's appendix table (別添2) rather than a CSV/TSV table? */
import { coreRoles } from "../table/readTable";
import { squash } from "../../domain/text";
import { SQUASHED_NEXT_PLAN_MARKER, SQUASHED_RESULTS_MARKER, TITLE } from "./rules";

/** How far into the text, and how many lines, the sniffing looks. */
const HEAD_CHARACTERS = 20000;
const HEAD_LINES = 50;

/**
 * A header row whose cells, split at tabs or commas, name two core columns or more ("項番",
 * "担当府省庁" …), as the table reader finds its header: a table saved as text, such as Excel's
 * "テキスト (タブ区切り)" or "Unicode テキスト" (.txt), which often keeps the report's title row
 * above it. The report's own text never has its header names in separate delimited cells.
 */
function hasDelimitedHeader(head: string): boolean {
  for (const line of head.split(/\r\n|\n|\r/u, HEAD_LINES)) {
    for (const delimiter of ["\t", ","]) {
      if (!line.includes(delimiter)) continue;
      // The header test of the table reader, on the cells without their CSV quotes.
      const cells = line.split(delimiter).map((cell) => cell.replace(/^"|"$/gu, ""));
      if (coreRoles(cells).size >= 2) return true;
    }
  }
  return false;
}

/** True when the text carries the appendix page title or the cell markers of the report, and is no delimited table. */
export function looksLikeReportText(text: string): boolean {
  const raw = text.slice(0, HEAD_CHARACTERS);
  if (hasDelimitedHeader(raw)) return false;
  const head = squash(raw);
  if (TITLE.test(head)) return true;
  // Tabs are looked for in the raw text: squashing removes them.
  return SQUASHED_RESULTS_MARKER.test(head) && SQUASHED_NEXT_PLAN_MARKER.test(head) && !raw.includes("\t");
}
