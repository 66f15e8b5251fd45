/**
 * BigramIndex against the plain definition: Dice over bigram maps for every text sharing a
 * distinctive bigram (in at most a quarter of the texts, at least 8) with the query. Up to 64
 * such candidates the index answers exactly that; past it, at most 64 of them, each exact.
 */
import fc from "fast-check";
import { BigramIndex, bigrams, dice, planKey } from "../../../src/domain/compare/similarity";
import { planSentences } from "./planCorpus";

function reference(docs: string[], q: string): Map<number, number> {
  const maps = docs.map((d) => bigrams(planKey(d)));
  const qb = bigrams(planKey(q));
  const df = new Map<number, number>();
  for (const m of maps) for (const g of m.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  const common = Math.max(8, docs.length / 4);
  const out = new Map<number, number>();
  maps.forEach((m, i) => {
    if ([...qb.keys()].some((g) => m.has(g) && (df.get(g) ?? 0) <= common)) out.set(i, dice(qb, m));
  });
  return out;
}

function indexed(docs: string[], q: string): Map<number, number> {
  const index = new BigramIndex();
  docs.forEach((d, i) => index.add(i, bigrams(planKey(d))));
  return index.similarities(bigrams(planKey(q)));
}

const sorted = (m: Map<number, number>) => [...m].sort((x, y) => x[0] - y[0]);

// Plans cut from the corpus's real sentences, so texts share real Japanese bigrams.
const sentences = planSentences();
const piece = fc
  .tuple(fc.nat(sentences.length - 1), fc.nat(60), fc.integer({ min: 5, max: 80 }))
  .map(([k, from, n]) => sentences[k].slice(from % sentences[k].length, from + n));
const plan = fc.array(piece, { minLength: 1, maxLength: 3 }).map((ps) => ps.join("、"));

describe("BigramIndex", () => {
  test("up to 64 candidates: exactly the plain definition", () => {
    fc.assert(
      fc.property(fc.array(plan, { minLength: 1, maxLength: 60 }), plan, (docs, q) => {
        expect(sorted(indexed(docs, q))).toEqual(sorted(reference(docs, q)));
      }),
      { numRuns: 200 }
    );
  });

  test("many candidates: at most 64, each one's Dice exact", () => {
    fc.assert(
      fc.property(fc.array(plan, { minLength: 150, maxLength: 300 }), plan, (docs, q) => {
        const got = indexed(docs, q);
        const want = reference(docs, q);
        expect(got.size).toBeLessThanOrEqual(64);
        if (want.size <= 64) expect(sorted(got)).toEqual(sorted(want));
        for (const [doc, s] of got) expect(s).toBe(want.get(doc));
      }),
      { numRuns: 40 }
    );
  });

  test("a text and its slight rewording find each other among 3,000 texts sharing whole sentences", () => {
    // Past 20,000 postings the walk samples the query's bigrams: the rewording must still come first.
    const docs: string[] = [];
    const n = sentences.length;
    for (let x = 0, k = 0; x < n && docs.length < 3000; x++)
      for (let y = x + 1; y < n && docs.length < 3000; y++)
        for (let z = y + 1; z < n && docs.length < 3000; z++)
          if (k++ % 3 === 0) docs.push(sentences[x] + sentences[y] + sentences[z]);
    expect(new Set(docs).size).toBe(3000);
    const index = new BigramIndex();
    docs.forEach((d, i) => index.add(i, bigrams(planKey(d))));
    for (const i of [0, 1517, 2999]) {
      const reworded = `引き続き、${docs[i].replace(/及び/gu, "並びに")}また、効果を検証する。`;
      // The query's distinctive bigrams are in more than 20,000 postings: the sampled walk.
      const df = new Map<number, number>();
      for (const d of docs)
        for (const g of bigrams(planKey(d)).keys()) df.set(g, (df.get(g) ?? 0) + 1);
      const walked = [...bigrams(planKey(reworded)).keys()]
        .map((g) => df.get(g) ?? 0)
        .filter((c) => c <= docs.length / 4)
        .reduce((a, b) => a + b, 0);
      expect(walked).toBeGreaterThan(20_000);
      const got = [...index.similarities(bigrams(planKey(reworded)))].sort((x, y) => y[1] - x[1]);
      expect(got[0][1]).toBeGreaterThan(0.8);
      expect(got[0][0]).toBe(i);
    }
  });
});
