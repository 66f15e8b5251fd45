/** Cell markers broken over two lines by the text extraction, joined back onto the first line. */
import { squash } from "../../domain/text";
import type { SourceLine } from "./pages";
import { MARKER_CLOSE, SQUASHED_NEXT_PLAN_MARKER, SQUASHED_RESULTS_MARKER } from "./rules";
import { findInLine } from "./textUtil";

const isBlank = (s: string) => s.trim() === "";

/** "<2024" + "年度年次計画>" breaks of the cell markers: joined back onto the first line (the second loses what moved). */
export function joinSplitMarkers<L extends SourceLine>(lines: L[]): L[] {
  const out = lines.map((l) => ({ ...l }));
  for (let i = 0; i < out.length; i++) {
    const k = squash(out[i].text);
    const lt = k.lastIndexOf("<");
    if (lt < 0 || k.indexOf(">", lt) >= 0) continue;
    let j = i + 1;
    while (j < out.length && isBlank(out[j].text) && j - i <= 2) j++;
    if (j >= out.length) continue;
    const close = findInLine(out[j].text, MARKER_CLOSE);
    if (!close) continue;
    const head = out[j].text.slice(0, close.end);
    const joined = k.slice(lt) + squash(head);
    if (!SQUASHED_RESULTS_MARKER.test(joined) && !SQUASHED_NEXT_PLAN_MARKER.test(joined)) continue;
    out[i].text = `${out[i].text.trimEnd()}${head.trim()}`;
    out[j].text = out[j].text.slice(close.end);
  }
  return out.filter((l, i) => !(isBlank(l.text) && !isBlank(lines[i].text)));
}

/** Lines that joinSplitMarkers emptied (their text went onto an earlier line's marker). */
export function joinedAway<L extends SourceLine>(before: L[], after: L[]): L[] {
  const kept = new Set(after.map((l) => l.line));
  return before.filter((l) => !kept.has(l.line));
}
