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
 * the indexed texts most like it among those sharing a distinctive bigram with it. Bigrams in more
 * than a quarter of the texts (する, において, 取組 …) only count, they do not make candidates:
 * walking their postings made every query touch every text, quadratic on a report's ~1,000 plans.
 *
 * Templated texts (a file merged over years, plans sharing whole sentences) still give every
 * query a fifth of the texts as candidates; computing Dice with each was the whole cost of
 * comparing 5,000 measures (scripts/bench/README.md). So the walk sums, per candidate, the bigrams
 * it shares among the distinctive ones, and Dice is computed only for the `MAX_SCORED` candidates
 * that share most relative to their size: up to that many candidates, the answer is unchanged.
 * Bigrams are numbered and each text kept as sorted numbers, so Dice is a merge, not map lookups.
 */
const MAX_SCORED = 64;
/** Postings walked per query before sampling the query's bigrams (a 1,000-measure edition stays under it). */
const WALK_BUDGET = 20_000;
/** Bigrams walked at least when sampling. */
const MIN_WALKED = 16;

export class BigramIndex {
  private readonly ids = new Map<number, number>();
  /** Per bigram id: the docs holding it and how many times. */
  private readonly postingDocs: number[][] = [];
  private readonly postingCounts: number[][] = [];
  /** Per bigram id: a fixed pseudo-random order of bigrams, for sampling. */
  private readonly hashes: number[] = [];
  /** Scratch per bigram id: its count in the text being sorted. */
  private readonly countOf: number[] = [];
  /** Per doc: its bigram ids ascending, their counts, and its size. */
  private readonly keys: Int32Array[] = [];
  private readonly counts: Int32Array[] = [];
  private readonly sizes: number[] = [];
  private count = 0;
  /** Scratch of the walk, reused by every query: shared counts, and the query that last touched a doc. */
  private shared = new Int32Array(0);
  private stamp = new Int32Array(0);
  private weights = new Float64Array(0);
  private epoch = 0;

  add(doc: number, b: Bigrams): void {
    this.count++;
    for (const [g, c] of b) {
      let id = this.ids.get(g);
      if (id === undefined) {
        id = this.postingDocs.length;
        this.ids.set(g, id);
        this.hashes.push(Math.imul(g | 0, 0x9e3779b1) >>> 0);
        this.postingDocs.push([]);
        this.postingCounts.push([]);
        this.countOf.push(0);
      }
      this.postingDocs[id].push(doc);
      this.postingCounts[id].push(c);
    }
    [this.keys[doc], this.counts[doc]] = this.sorted(b);
    this.sizes[doc] = size(b);
    if (doc >= this.stamp.length) {
      const n = Math.max(doc + 1, this.stamp.length * 2);
      this.shared = new Int32Array(n);
      this.stamp = new Int32Array(n);
      this.epoch = 0;
    }
  }

  /** The ids of b's indexed bigrams ascending, and their counts. */
  private sorted(b: Bigrams): [Int32Array, Int32Array] {
    const keys = new Int32Array(b.size);
    let n = 0;
    for (const [g, c] of b) {
      const id = this.ids.get(g);
      if (id === undefined) continue;
      keys[n++] = id;
      this.countOf[id] = c;
    }
    const sortedKeys = keys.subarray(0, n).sort();
    const counts = new Int32Array(n);
    for (let k = 0; k < n; k++) counts[k] = this.countOf[sortedKeys[k]];
    return [sortedKeys, counts];
  }

  /** doc → Dice similarity with q, for the docs most like q among those sharing a distinctive bigram. */
  similarities(q: Bigrams): Map<number, number> {
    const out = new Map<number, number>();
    const qSize = size(q);
    if (qSize === 0) return out;
    const [qKeys, qCounts] = this.sorted(q);
    const common = Math.max(8, this.count / 4);
    let walk: number[] = [];
    let postings = 0;
    for (let k = 0; k < qKeys.length; k++) {
      const df = this.postingDocs[qKeys[k]].length;
      if (df > common) continue;
      walk.push(k);
      postings += df;
    }
    if (postings > WALK_BUDGET) {
      // Too many to walk: a sample of q's bigrams, the same for every text (ordered by a hash of
      // the bigram, as a bottom-k sketch), so a text much like q shares most of the sample.
      const hashes = this.hashes;
      walk.sort((x, y) => hashes[qKeys[x]] - hashes[qKeys[y]] || x - y);
      let n = 0;
      postings = 0;
      while (n < walk.length && (n < MIN_WALKED || postings < WALK_BUDGET))
        postings += this.postingDocs[qKeys[walk[n++]]].length;
      walk = walk.slice(0, n);
    }
    const { shared, stamp, sizes } = this;
    const epoch = ++this.epoch;
    const touched: number[] = [];
    for (const k0 of walk) {
      const c = qCounts[k0];
      const docs = this.postingDocs[qKeys[k0]];
      const cs = this.postingCounts[qKeys[k0]];
      for (let k = 0; k < docs.length; k++) {
        const doc = docs[k];
        if (stamp[doc] !== epoch) {
          stamp[doc] = epoch;
          shared[doc] = 0;
          touched.push(doc);
        }
        shared[doc] += Math.min(c, cs[k]);
      }
    }
    let chosen = touched;
    if (touched.length > MAX_SCORED) {
      if (this.weights.length < touched.length) this.weights = new Float64Array(touched.length * 2);
      const weights = this.weights;
      for (let k = 0; k < touched.length; k++) {
        const doc = touched[k];
        weights[k] = shared[doc] / (qSize + sizes[doc]);
      }
      chosen = mostShared(touched, weights, MAX_SCORED);
    }
    for (const doc of chosen) out.set(doc, this.dice(qKeys, qCounts, qSize, doc));
    return out;
  }

  /** As dice() above, on sorted ids: 2|A∩B| / (|A|+|B|). */
  private dice(qKeys: Int32Array, qCounts: Int32Array, qSize: number, doc: number): number {
    const keys = this.keys[doc];
    const counts = this.counts[doc];
    let shared = 0;
    for (let x = 0, y = 0; x < qKeys.length && y < keys.length;) {
      const a = qKeys[x];
      const b = keys[y];
      if (a === b) shared += Math.min(qCounts[x++], counts[y++]);
      else if (a < b) x++;
      else y++;
    }
    return (2 * shared) / (qSize + this.sizes[doc]);
  }
}

/**
 * The n docs of highest weight, the lower doc first among equals (docs and weights aligned):
 * the n-th weight found by selection, then the docs above it and enough of those equal to it.
 */
function mostShared(docs: readonly number[], weights: Float64Array, n: number): number[] {
  const nth = nthLargest(weights.slice(0, docs.length), n);
  const out: number[] = [];
  const ties: number[] = [];
  for (let k = 0; k < docs.length; k++) {
    if (weights[k] > nth) out.push(docs[k]);
    else if (weights[k] === nth) ties.push(docs[k]);
  }
  ties.sort((x, y) => x - y);
  for (let k = 0; out.length < n; k++) out.push(ties[k]);
  return out;
}

/** The n-th largest of xs (1-based; xs is reordered): Hoare's selection. */
function nthLargest(xs: Float64Array, n: number): number {
  const k = n - 1;
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const pivot = xs[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (xs[i] > pivot) i++;
      while (xs[j] < pivot) j--;
      if (i <= j) {
        const t = xs[i];
        xs[i++] = xs[j];
        xs[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return xs[k];
  }
  return xs[k];
}
