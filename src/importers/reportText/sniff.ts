/** Content sniffing: is this text the report's appendix table (別添2) rather than a CSV/TSV table? */
import { squash } from "../../domain/text";
import { NEXT_PLAN_MARKER, RESULTS_MARKER, TITLE } from "./rules";

/** True when the text carries the appendix page title or the cell markers of the report. */
export function looksLikeReportText(text: string): boolean {
  const head = squash(text.slice(0, 20000));
  if (TITLE.test(head)) return true;
  return RESULTS_MARKER.test(head) && NEXT_PLAN_MARKER.test(head) && !head.includes("\t");
}
