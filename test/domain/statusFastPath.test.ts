/**
 * classifyStatus skips the sentence-by-sentence expansion test for a next-year plan without any
 * EXPANDED_NEEDS character: that is only right while every expansion pattern needs one of them.
 */
import fc from "fast-check";
import {
  ENDED_NEEDS,
  ENDED_PATTERNS,
  EXPANDED_EXCLUSIONS,
  EXPANDED_NEEDS,
  EXPANDED_PATTERNS,
  classifyStatus,
  leadSentences,
  ownerBlocks,
  someLeadSentenceExpands,
} from "../../src/domain/status";
import { isBlankOrDash, squash } from "../../src/domain/text";

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

test("every ended pattern needs a word of ENDED_NEEDS (the ended fast path's condition)", () => {
  // Each pattern's matching samples, with 了 and 廃止 taken out, match no more.
  const samples = [
    "2023年度で終了。",
    "2023年度をもって完了した。",
    "本年度末をもって廃止する。",
    "をもって本施策は終了となった。",
    "・終了",
    "事業を廃止する。",
    "完了した。",
  ];
  for (const p of ENDED_PATTERNS) {
    const matching = samples.filter((s) => p.test(s));
    expect(matching.length).toBeGreaterThan(0);
    for (const s of matching) {
      const without = ENDED_NEEDS.reduce((x, w) => x.split(w).join(""), s);
      expect(ENDED_NEEDS.some((w) => without.includes(w))).toBe(false);
      expect(p.test(without)).toBe(false);
    }
  }
});

test("random next-year plans: ended exactly when the patterns say so, whether or not the fast path skips them", () => {
  const piece = fc.constantFrom(
    "・",
    "。",
    "2023年度",
    "で",
    "をもって",
    "本施策は",
    "終了",
    "完了",
    "廃止",
    "了",
    "終",
    "止",
    "した",
    "する",
    "予定",
    "引き続き",
    "[内閣官房]\n",
    "[金融庁]\n",
    "\n",
    " "
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
      const nextPlan = parts.join("");
      // The rule as written without the fast path: every owner block matches an ended pattern.
      const slowEnded =
        !isBlankOrDash(nextPlan) &&
        ownerBlocks(nextPlan).every((b) => ENDED_PATTERNS.some((p) => p.test(b)));
      expect(classifyStatus({ plan: "計画", nextPlan }).rule === "ended-keyword").toBe(slowEnded);
    }),
    { numRuns: 2000 }
  );
  expect(classifyStatus({ plan: "計画", nextPlan: "・2023 年度で終了。" })).toEqual({
    status: "ended",
    rule: "ended-keyword",
  });
  expect(
    classifyStatus({
      plan: "計画",
      nextPlan: "[内閣官房]\n・2023 年度で終了。\n[金融庁]\n・引き続き実施する。",
    }).status
  ).toBe("continuing");
});
