/**
 * Follow each measure of last year's edition into this year's: one-to-one pairs, added and
 * removed measures, counts per ministry, and the pairs a person should look at.
 *
 * The main evidence is text: a continuing measure's plan this year is the next-year plan that
 * last year's edition published, usually reworded a little. Owners, section and label are
 * secondary: labels restart per section and shift when a measure is inserted, so the same 項番
 * is a hint, not an identity. Matching is greedy on the best score (every candidate pair sorted
 * once); a pair whose score is low, or whose runner-up scored nearly as well, is matched but
 * listed for review, never decided silently.
 */
import { MINISTRIES } from "../ministries";
import type { Measure } from "../model";
import { nfkc } from "../text";
import { BigramIndex, bigrams, planKey, textSimilarity, type Bigrams } from "./similarity";
import type {
  EditionComparison,
  MeasurePair,
  MinistryComparison,
  PairChange,
  RemovedMeasure,
  ReviewItem,
} from "./model";

/** A person's decision about a pair, by the measures' ids (see decisions.ts for how it is kept). */
export interface PairDecision {
  before: string;
  after: string;
  /** confirm: keep this pair; link: pair these two; unlink: never pair these two. */
  decision: "confirm" | "link" | "unlink";
}

export interface CompareOptions {
  /** Text similarity under which two measures are not candidates at all. */
  minText?: number;
  /** Candidates scoring under this are not paired; the best one of an added measure is listed as possible. */
  minScore?: number;
  /** Pairs scoring under this are listed for review. */
  reviewBelow?: number;
  /** A runner-up within this much of the chosen pair's score makes a tie to review. */
  tieMargin?: number;
  decisions?: readonly PairDecision[];
}

/** Weights of the evidence; text dominates, so secondary evidence alone never makes a pair. */
export const WEIGHTS = { text: 0.8, owners: 0.1, section: 0.06, label: 0.04 } as const;
/** The older edition's own plan stands in for its next-year plan at a discount (a plan restated, a next-year plan too short to say anything). */
const PLAN_FALLBACK = 0.9;

/**
 * Thresholds measured on generated editions (test/domain/compare): over 399 seeds, 2 of 6,988
 * true pairs scored under 0.42 and 1 of 54 wrong candidates above it.
 */
/** Candidates kept per measure of the newer edition (by text similarity). */
const MAX_CANDIDATES = 8;

/**
 * The least score of a same-number review item (besides an owner in common): the same owners, or
 * some owners and some shared text; number and place alone give 0.1.
 */
const SAME_NUMBER_FLOOR = 0.2;

const DEFAULTS = { minText: 0.3, minScore: 0.42, reviewBelow: 0.6, tieMargin: 0.03 } as const;

const places = new WeakMap<Measure, string>();

/** Section and sub-section numbers: where the measure stands in the report. */
export function placeOf(m: Measure): string {
  let p = places.get(m);
  if (p === undefined) {
    const head = m.section?.number ?? m.chapter?.number ?? "";
    p = nfkc(head + (m.subsection?.number ?? "")).replace(/\s+/gu, "");
    places.set(m, p);
  }
  return p;
}

function sameOwners(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
}

function ownerOverlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const s = new Set(a);
  const both = new Set(b.filter((x) => s.has(x))).size;
  const union = new Set([...a, ...b]).size;
  return union === 0 ? 0 : both / union;
}

interface Candidate {
  before: number;
  after: number;
  score: number;
}

/** What changed between a measure and its continuation. */
export function pairChanges(b: Measure, a: Measure): PairChange[] {
  const changes: PairChange[] = [];
  if (b.label !== a.label) changes.push("label");
  if (!sameOwners(b.owners, a.owners)) changes.push("owners");
  if (placeOf(b) !== placeOf(a)) changes.push("section");
  if (planKey(b.nextPlan) !== planKey(a.plan)) changes.push("wording");
  return changes;
}

/** Score of a candidate pair from its text similarity and the secondary evidence. */
export function pairScore(text: number, b: Measure, a: Measure): number {
  const s =
    WEIGHTS.text * text +
    WEIGHTS.owners * ownerOverlap(b.owners, a.owners) +
    WEIGHTS.section * (placeOf(b) === placeOf(a) ? 1 : 0) +
    WEIGHTS.label * (b.label === a.label ? 1 : 0);
  return Math.round(s * 1000) / 1000;
}

function textCandidates(
  before: readonly Measure[],
  after: readonly Measure[],
  beforeIdx: number[],
  afterIdx: number[],
  minText: number
): Map<number, Map<number, number>> {
  // Two indexes over the older edition: its next-year plans (the main key) and its plans.
  const next = new BigramIndex();
  const plans = new BigramIndex();
  for (const i of beforeIdx) {
    next.add(i, bigrams(planKey(before[i].nextPlan)));
    if (before[i].status !== "ended") plans.add(i, bigrams(planKey(before[i].plan)));
  }
  const out = new Map<number, Map<number, number>>();
  for (const j of afterIdx) {
    const q: Bigrams = bigrams(planKey(after[j].plan));
    const best = new Map<number, number>();
    for (const [i, s] of next.similarities(q)) best.set(i, s);
    for (const [i, s] of plans.similarities(q))
      best.set(i, Math.max(best.get(i) ?? 0, s * PLAN_FALLBACK));
    // The best few by text are enough to choose from and to see a rival; keeping all made
    // templated editions (every plan sharing every bigram) quadratic in the sort below.
    const kept = [...best].filter(([, s]) => s >= minText);
    kept.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    out.set(j, new Map(kept.slice(0, MAX_CANDIDATES)));
  }
  return out;
}

/** The text evidence of one pair, as textCandidates scores it. */
export function textScore(b: Measure, a: Measure): number {
  const next = textSimilarity(b.nextPlan, a.plan);
  return b.status === "ended"
    ? next
    : Math.max(next, textSimilarity(b.plan, a.plan) * PLAN_FALLBACK);
}

export function compareEditions(
  before: readonly Measure[],
  after: readonly Measure[],
  options: CompareOptions = {}
): EditionComparison {
  const minText = options.minText ?? DEFAULTS.minText;
  const reviewBelow = options.reviewBelow ?? DEFAULTS.reviewBelow;
  const minScore = options.minScore ?? DEFAULTS.minScore;
  const tieMargin = options.tieMargin ?? DEFAULTS.tieMargin;
  const skipped = { before: [] as number[], after: [] as number[] };
  const beforeIdx: number[] = [];
  const afterIdx: number[] = [];
  before.forEach((m, i) => (m.reposted ? skipped.before : beforeIdx).push(i));
  after.forEach((m, j) => (m.reposted ? skipped.after : afterIdx).push(j));

  const pairedBefore = new Set<number>();
  const pairedAfter = new Set<number>();
  const pairs: MeasurePair[] = [];
  const review: ReviewItem[] = [];

  // A person's decisions first: their pairs are taken, their unlinks forbidden.
  const byId = (ms: readonly Measure[], idx: number[]) => {
    const m = new Map<string, number>();
    for (const i of idx) if (!m.has(ms[i].id)) m.set(ms[i].id, i);
    return m;
  };
  const beforeById = byId(before, beforeIdx);
  const afterById = byId(after, afterIdx);
  const forbidden = new Set<string>();
  const text = textCandidates(before, after, beforeIdx, afterIdx, minText);
  for (const d of options.decisions ?? []) {
    const i = beforeById.get(d.before);
    const j = afterById.get(d.after);
    if (i === undefined || j === undefined) continue;
    if (d.decision === "unlink") {
      forbidden.add(`${i}:${j}`);
      continue;
    }
    if (pairedBefore.has(i) || pairedAfter.has(j)) continue;
    pairedBefore.add(i);
    pairedAfter.add(j);
    const t = text.get(j)?.get(i) ?? 0;
    pairs.push({
      before: i,
      after: j,
      score: pairScore(t, before[i], after[j]),
      changes: pairChanges(before[i], after[j]),
      origin: d.decision === "confirm" ? "confirmed" : "linked",
    });
  }

  const candidates: Candidate[] = [];
  const byAfter = new Map<number, Candidate[]>();
  const byBefore = new Map<number, Candidate[]>();
  for (const [j, m] of text) {
    for (const [i, t] of m) {
      if (forbidden.has(`${i}:${j}`)) continue;
      const c = { before: i, after: j, score: pairScore(t, before[i], after[j]) };
      candidates.push(c);
      (byAfter.get(j) ?? byAfter.set(j, []).get(j)!).push(c);
      (byBefore.get(i) ?? byBefore.set(i, []).get(i)!).push(c);
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.after - y.after || x.before - y.before);
  for (const c of candidates) {
    if (c.score < minScore) break;
    if (pairedBefore.has(c.before) || pairedAfter.has(c.after)) continue;
    // A runner-up still free and nearly as good: the choice is the matcher's guess, so say so.
    const rival =
      byAfter
        .get(c.after)!
        .find((o) => o !== c && !pairedBefore.has(o.before) && c.score - o.score <= tieMargin) ??
      byBefore
        .get(c.before)!
        .find((o) => o !== c && !pairedAfter.has(o.after) && c.score - o.score <= tieMargin);
    pairedBefore.add(c.before);
    pairedAfter.add(c.after);
    pairs.push({
      before: c.before,
      after: c.after,
      score: c.score,
      changes: pairChanges(before[c.before], after[c.after]),
      origin: "auto",
    });
    if (rival) {
      const other = rival.after === c.after ? rival.before : rival.after;
      const item: ReviewItem = { kind: "tie", before: c.before, after: c.after, score: c.score };
      if (rival.after === c.after) item.rival = other;
      review.push(item);
    } else if (c.score < reviewBelow) {
      review.push({ kind: "low-score", before: c.before, after: c.after, score: c.score });
    }
  }
  // Too weak to pair, worth a look: the best remaining candidate of each added measure.
  for (const j of afterIdx) {
    if (pairedAfter.has(j)) continue;
    const best = (byAfter.get(j) ?? [])
      .filter((o) => !pairedBefore.has(o.before))
      .sort((x, y) => y.score - x.score || x.before - y.before)[0];
    if (best) review.push({ kind: "possible", before: best.before, after: j, score: best.score });
  }
  // The same 項番 both removed and added: worth a look even when the text changed beyond pairing
  // (a plan rewritten from scratch keeps its number and place). Not when the newer measure of that
  // number continues another one: a renumbered section reuses numbers, and that pair says why.
  const offered = new Set(review.map((r) => `${r.before}:${r.after}`));
  for (const i of beforeIdx) {
    if (pairedBefore.has(i)) continue;
    const j = afterById.get(before[i].id);
    if (
      j === undefined ||
      pairedAfter.has(j) ||
      forbidden.has(`${i}:${j}`) ||
      offered.has(`${i}:${j}`)
    )
      continue;
    const t = text.get(j)?.get(i) ?? textScore(before[i], after[j]);
    const score = pairScore(t, before[i], after[j]);
    // Number and place alone say nothing (a renumbered section reuses every 項番): the same
    // ministry must own both, and something more must agree.
    if (ownerOverlap(before[i].owners, after[j].owners) > 0 && score >= SAME_NUMBER_FLOOR)
      review.push({ kind: "possible", before: i, after: j, score });
  }
  pairs.sort((x, y) => x.after - y.after);
  review.sort((x, y) => x.score - y.score || x.after - y.after);

  const added = afterIdx.filter((j) => !pairedAfter.has(j));
  const removed: RemovedMeasure[] = beforeIdx
    .filter((i) => !pairedBefore.has(i))
    .map((i) => ({ before: i, declaredEnded: before[i].status === "ended" }));
  return {
    pairs,
    added,
    removed,
    byMinistry: countByMinistry(before, after, pairs, added, removed),
    review,
    skipped,
  };
}

/** The government's order (建制順), then other names in code-point order. */
export function ministryOrder(a: string, b: string): number {
  const ia = MINISTRIES.indexOf(a);
  const ib = MINISTRIES.indexOf(b);
  if (ia !== ib) return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib) || 0;
  return a < b ? -1 : a > b ? 1 : 0;
}

function countByMinistry(
  before: readonly Measure[],
  after: readonly Measure[],
  pairs: readonly MeasurePair[],
  added: readonly number[],
  removed: readonly RemovedMeasure[]
): MinistryComparison[] {
  const rows = new Map<string, MinistryComparison>();
  const row = (name: string) => {
    let r = rows.get(name);
    if (!r)
      rows.set(name, (r = { name, continued: 0, added: 0, removed: 0, movedIn: 0, movedOut: 0 }));
    return r;
  };
  const unique = (xs: readonly string[]) => [...new Set(xs)];
  for (const p of pairs) {
    const was = unique(before[p.before].owners);
    const now = unique(after[p.after].owners);
    for (const n of now) {
      if (was.includes(n)) row(n).continued++;
      else row(n).movedIn++;
    }
    for (const n of was) if (!now.includes(n)) row(n).movedOut++;
  }
  for (const j of added) for (const n of unique(after[j].owners)) row(n).added++;
  for (const r of removed) for (const n of unique(before[r.before].owners)) row(n).removed++;
  return [...rows.values()].sort((x, y) => ministryOrder(x.name, y.name));
}
