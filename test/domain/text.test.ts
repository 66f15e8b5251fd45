/**
 * The fast paths of text.ts (texts NFKC leaves alone skip normalize()) must give exactly what
 * the plain definitions give, for every input: NFKC then no white space; tidyCell's line rules.
 */
import fc from "fast-check";
import {
  isBlankOrDash,
  isNfkcStable,
  isSquashEmpty,
  nfkc,
  squash,
  tidyCell,
} from "../../src/domain/text";

/** The definitions, written the slow and obvious way. */
const plainSquash = (s: string) => s.normalize("NFKC").replace(/\s+/gu, "");
const plainBlankOrDash = (s: string) => {
  const k = plainSquash(s);
  return (
    k === "" ||
    /^[-‐‑‒–—―−ーｰ─━・]+$/u.test(k) ||
    ["なし", "無し", "該当なし", "n/a", "na"].includes(k.toLowerCase())
  );
};
const plainTidy = (s: string) =>
  s
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/[\s\u3000]+$/u, ""))
    .join("\n")
    .replace(/^\s*\n/, "")
    .trim();

/** Characters where the fast paths have edges: kana with voiced marks, full-width forms, dashes, every kind of space. */
const TRICKY = [
  ..."かが\u3099\u309aカ\u309bﾞﾊﾟ゠ゟヿヽヾ・ー－ｰ―—‐‑−─━ＡＺａ０９（）［］【】〔〕〈〉「」、。，．",
  ..."\u3000\u00a0\u2002\u2028\u2029\u202f\u205f\ufeff\t\n\r\v\f ",
  ..."㈱①ⅷ㍻㌢ｶﾞ\ud842\udfb7\ud800é\u0301ᄀ\u1161가",
  ..."なし無し該当n/aNA再掲(再掲)（再掲）政府機関総務省経済産業省-=+@",
];
const text = fc
  .array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 3, unit: "binary" })), {
    maxLength: 20,
  })
  .map((a) => a.join(""));

describe("NFKC fast path", () => {
  test("every code unit the table calls stable is its own NFKC form", () => {
    for (let c = 0; c < 0x10000; c++) {
      const s = String.fromCharCode(c);
      if (isNfkcStable(s)) expect([c, s.normalize("NFKC")]).toEqual([c, s]);
    }
  });

  test("ordinary Japanese cell text takes the fast path (no normalize call needed)", () => {
    expect(
      isNfkcStable(
        "計画に基づき、説明会を 12 回開催し、延べ 1,500 名が参加した。\n<2024 年度年次計画>"
      )
    ).toBe(true);
    expect(isNfkcStable("（ア）")).toBe(false);
  });

  test("squash, nfkc and isSquashEmpty equal their definitions on any text", () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(squash(s)).toBe(plainSquash(s));
        expect(nfkc(s)).toBe(s.normalize("NFKC"));
        expect(isSquashEmpty(s)).toBe(plainSquash(s) === "");
      }),
      { numRuns: 3000 }
    );
  });

  test("isBlankOrDash equals its definition on any text, dashes and なし included", () => {
    for (const s of [
      "",
      " ",
      "\u3000",
      "―",
      " ー ",
      "－",
      "ｰ",
      "・",
      "なし",
      "該当なし",
      "N/A",
      "na",
      "nothing",
      "なにか",
      "－ー",
      "-1",
    ]) {
      expect([s, isBlankOrDash(s)]).toEqual([s, plainBlankOrDash(s)]);
    }
    fc.assert(
      fc.property(text, (s) => {
        expect(isBlankOrDash(s)).toBe(plainBlankOrDash(s));
      }),
      { numRuns: 3000 }
    );
  });

  test("tidyCell equals its definition on any text (CR, trailing spaces, blank first lines)", () => {
    for (const s of ["a\r\nb", "a \nb", "\n\na", "a\u3000", " a", "a\u2028\nb", "a\n\n", "a\nb"])
      expect(tidyCell(s)).toBe(plainTidy(s));
    fc.assert(
      fc.property(text, (s) => {
        expect(tidyCell(s)).toBe(plainTidy(s));
      }),
      { numRuns: 3000 }
    );
  });
});
