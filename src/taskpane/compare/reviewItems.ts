/**
 * What the 前年度と比較 step lists for review: every pair not yet confirmed and every candidate
 * left unpaired, lowest score first (the ones a person most needs to look at come first).
 */
import type { PairDecision } from "../../domain/compare/compareEditions";
import type { EditionComparison, PairChange, ReviewItem } from "../../domain/compare/model";
import type { Measure } from "../../domain/model";

export interface ReviewRow {
  kind: ReviewItem["kind"] | "pair";
  before: Measure;
  after: Measure;
  score: number;
  changes: PairChange[];
  /** Paired by the matcher (confirm/unlink apply) or only offered (link applies). */
  paired: boolean;
}

export function reviewRows(
  c: EditionComparison,
  before: readonly Measure[],
  after: readonly Measure[],
  decisions: readonly PairDecision[]
): ReviewRow[] {
  const decided = new Set(decisions.map((d) => `${d.before}\u0000${d.after}`));
  const flagged = new Map(c.review.map((r) => [`${r.before}:${r.after}`, r.kind]));
  const rows: ReviewRow[] = [];
  for (const p of c.pairs) {
    const b = before[p.before];
    const a = after[p.after];
    if (p.origin !== "auto" || decided.has(`${b.id}\u0000${a.id}`)) continue;
    rows.push({
      kind: flagged.get(`${p.before}:${p.after}`) ?? "pair",
      before: b,
      after: a,
      score: p.score,
      changes: p.changes,
      paired: true,
    });
  }
  for (const r of c.review) {
    if (r.kind !== "possible") continue;
    const b = before[r.before];
    const a = after[r.after];
    if (decided.has(`${b.id}\u0000${a.id}`)) continue;
    rows.push({
      kind: "possible",
      before: b,
      after: a,
      score: r.score,
      changes: [],
      paired: false,
    });
  }
  return rows.sort((x, y) => x.score - y.score || (x.after.id < y.after.id ? -1 : 1));
}

/** A new decision replaces any earlier one about the same pair. */
export function decide(decisions: readonly PairDecision[], d: PairDecision): PairDecision[] {
  return [...decisions.filter((x) => x.before !== d.before || x.after !== d.after), d];
}
