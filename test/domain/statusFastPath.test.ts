/**
 * classifyStatus skips the sentence-by-sentence expansion test for a next-year plan without any
 * EXPANDED_NEEDS character: that is only right while every expansion pattern needs one of them.
 */
import fc from "fast-check";
import {
  EXPANDED_EXCLUSIONS,
  EXPANDED_NEEDS,
  EXPANDED_PATTERNS,
  classifyStatus,
  leadSentences,
  someLeadSentenceExpands,
} from "../../src/domain/status";
import { squash } from "../../src/domain/text";

test("every expansion pattern needs a character of EXPANDED_NEEDS (the fast path's condition)", () => {
  // Each pattern, tried on a text with all those characters removed from a matching sample, cannot match.
  const samples = ["拡充する。", "拡大する。", "更なる強化を図る。", "さらなる強化を図る。"];
  for (const p of EXPANDED_PATTERNS) {
    const matching = samples.filter((s) => p.test(s));
    expect(matching.length).toBeGreaterThan(0);
    for (const s of matching)
      expect(p.test([...s].filter((ch) => !EXPANDED_NEEDS.includes(ch)).join(""))).toBe(false);
  }
});

test("the status of a plan with expansion words is still expanded, and continuing without them", () => {
  expect(
    classifyStatus({ plan: "計画", nextPlan: "・対象を拡充し、取組を推進する。" }).status
  ).toBe("expanded");
  expect(classifyStatus({ plan: "計画", nextPlan: "・更なる強化を図る。" }).status).toBe(
    "expanded"
  );
  expect(classifyStatus({ plan: "計画", nextPlan: "・引き続き、取組を継続する。" }).status).toBe(
    "continuing"
  );
  expect(classifyStatus({ plan: "計画", nextPlan: "・被害の拡大防止に取り組む。" }).status).toBe(
    "continuing"
  );
});

test("random next-year plans without those characters: the slow expansion test never matches either", () => {
  // The rule as written without the fast path: lead sentences, exclusions removed, patterns tried.
  const slowExpanded = (nextPlan: string) =>
    leadSentences(squash(nextPlan)).some((s) => {
      const t = EXPANDED_EXCLUSIONS.reduce((x, p) => x.replace(p, ""), s);
      return EXPANDED_PATTERNS.some((p) => p.test(t));
    });
  const piece = fc.constantFrom(
    "・",
    "。",
    "引き続き",
    "拡充",
    "拡",
    "充",
    "大",
    "強",
    "化",
    "強化",
    "更なる",
    "さらなる",
    "被害の",
    "感染",
    "拡大",
    "防止",
    "新たに",
    "[内閣官房]\n",
    "\n",
    " "
  );
  let skipped = 0;
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
      const nextPlan = parts.join("");
      if (EXPANDED_NEEDS.some((c) => nextPlan.includes(c))) return;
      skipped++;
      expect(slowExpanded(nextPlan)).toBe(false);
      expect(classifyStatus({ plan: "計画", nextPlan }).status).not.toBe("expanded");
    }),
    { numRuns: 2000 }
  );
  expect(skipped).toBeGreaterThan(50);
});

test("someLeadSentenceExpands reads the lead sentences in place exactly as leadSentences() + the patterns do", () => {
  const slowExpanded = (squashed: string) =>
    leadSentences(squashed).some((s) => {
      const t = EXPANDED_EXCLUSIONS.reduce((x, p) => x.replace(p, ""), s);
      return EXPANDED_PATTERNS.some((p) => p.test(t));
    });
  expect(someLeadSentenceExpands("・引き続き実施する。具体的には対象を拡大する。")).toBe(false);
  expect(someLeadSentenceExpands("・引き続き実施する。・対象を拡大する。")).toBe(true);
  expect(someLeadSentenceExpands("[総務省]・対象を拡充する")).toBe(true);
  const piece = fc.constantFrom(
    "・",
    "･",
    "。",
    "]",
    "】",
    "[内閣官房]",
    "引き続き",
    "拡充",
    "拡大",
    "更なる強化",
    "被害の拡大",
    "防止",
    "具体的には",
    "a",
    "\ud842\udfb7"
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
      const s = parts.join("");
      expect(someLeadSentenceExpands(s)).toBe(slowExpanded(s));
    }),
    { numRuns: 3000 }
  );
});
