/**
 * Text similarity of two plans: the Dice coefficient of their character bigrams (as multisets).
 *
 * Why bigrams of characters: Japanese has no spaces, so word-based measures need a tokenizer
 * (MeCab/kuromoji dictionaries are megabytes); two-character n-grams catch most kanji compounds
 * (情報, 保護, 委員) and survive the small rewordings between editions (a dropped 「・」, an added
 * 「○○において、」, a changed phrase). Why our own few lines: the libraries on npm for this
 * (string-similarity, dice-coefficient) are unmaintained or fold characters we must keep, and we
 * need the bigram counts in an index (`BigramIndex`) to avoid comparing every pair of plans.
 */
import { isBlankOrDash, squash } from "../text";

/** Words that say nothing about which measure this is: removed before comparing. */
const BOILERPLATE: readonly RegExp[] = [
  /\(再掲\)/gu,
  /<[^>]*>/gu, // <成果・進捗状況>, <2024年度年次計画>
  /^・+/u,
  /^(引き続き|新たに|新規に)、?/u,
  /^[^。、]{1,40}(において|では|が中心となり|と連携し)、/u, // 「総務省において、」: who, not what
  /引き続き、?/gu,
  /[・、。「」『』()\[\]［］【】]/gu,
];

/** The comparison key of a plan: NFKC, no spaces, no bullets, punctuation or who-does-it prefix. */
export function planKey(text: string): string {
  // 「―」 or 「なし」 is no plan at all: nothing to compare (two empty plans are not alike).
  if (isBlankOrDash(text)) return "";
  let s = squash(text);
  for (const re of BOILERPLATE) s = s.replace(re, "");
  return s;
}

/** Bigram → count. A one-character key counts as its single character. */
export type Bigrams = Map<number, number>;

export function bigrams(key: string): Bigrams {
  const out: Bigrams = new Map();
  if (key.length === 1) out.set(key.charCodeAt(0), 1);
  for (let i = 0; i + 1 < key.length; i++) {
    // UTF-16 code units: a surrogate pair is one bigram of its own, which is harmless here.
    const g = key.charCodeAt(i) * 0x10000 + key.charCodeAt(i + 1);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

export function size(b: Bigrams): number {
  let n = 0;
  for (const c of b.values()) n += c;
  return n;
}

/** Dice coefficient 2|A∩B| / (|A|+|B|) of two bigram multisets: 1 for equal keys, 0 for nothing shared or empty. */
export function dice(a: Bigrams, b: Bigrams): number {
  const total = size(a) + size(b);
  if (total === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [g, c] of small) shared += Math.min(c, large.get(g) ?? 0);
  return (2 * shared) / total;
}

/** Dice similarity of two texts' plan keys. */
export function textSimilarity(a: string, b: string): number {
  return dice(bigrams(planKey(a)), bigrams(planKey(b)));
}

/**
 * Inverted index over many bigram sets: `similarities(q)` gives the Dice similarity of q with
 * every indexed text that shares a distinctive bigram with it. Bigrams in more than a quarter of
 * the texts (する, において, 取組 …) only count, they do not make candidates: walking their
 * postings made every query touch every text, quadratic on a report's ~1,000 plans.
 */
export class BigramIndex {
  private readonly postings = new Map<number, number[]>();
  private readonly docs: Bigrams[] = [];
  private count = 0;

  add(doc: number, b: Bigrams): void {
    this.docs[doc] = b;
    this.count++;
    for (const g of b.keys()) {
      let list = this.postings.get(g);
      if (!list) this.postings.set(g, (list = []));
      list.push(doc);
    }
  }

  /** doc → Dice similarity with q, for docs sharing at least one distinctive bigram. */
  similarities(q: Bigrams): Map<number, number> {
    const common = Math.max(8, this.count / 4);
    const candidates = new Set<number>();
    for (const g of q.keys()) {
      const list = this.postings.get(g);
      if (!list || list.length > common) continue;
      for (const doc of list) candidates.add(doc);
    }
    const out = new Map<number, number>();
    for (const doc of candidates) out.set(doc, dice(q, this.docs[doc]));
    return out;
  }
}
