/**
 * splitCombinedCell finds the usual marker spellings without a match object (speed on 100,000
 * rows): for any cell it must give what splitting at RESULTS_MARKER / NEXT_PLAN_MARKER's exec()
 * matches gives (the rule as first written, kept here as the reference). Every character of the
 * cell but the markers lands in results or the next plan.
 */
import fc from "fast-check";
import { NEXT_PLAN_MARKER, RESULTS_MARKER, splitCombinedCell } from "../../src/domain/headers";

function reference(text: string): ReturnType<typeof splitCombinedCell> {
  const r = RESULTS_MARKER.exec(text);
  const n = NEXT_PLAN_MARKER.exec(text);
  let results: string;
  let nextPlan = "";
  let nextYear: number | undefined;
  if (n) {
    const y = n.groups?.year;
    if (y) nextYear = Number(y.normalize("NFKC"));
    nextPlan = text.slice(n.index + n[0].length);
    const before = text.slice(0, n.index);
    // Text before the results marker stays in results: nothing in the cell is dropped.
    results = r && r.index < n.index ? before.slice(0, r.index) + before.slice(r.index + r[0].length) : before;
    if (r && r.index > n.index) {
      nextPlan = text.slice(n.index + n[0].length, r.index);
      results = text.slice(0, n.index) + text.slice(r.index + r[0].length);
    }
  } else {
    results = r ? text.slice(0, r.index) + text.slice(r.index + r[0].length) : text;
  }
  return {
    results: results.trim(),
    nextPlan: nextPlan.trim(),
    nextYear,
    markers: (r ? 1 : 0) + (n ? 1 : 0),
  };
}

const PIECES = [
  "<成果・進捗状況>",
  "＜成果・進捗状況＞",
  "【取組の成果、進捗状況】",
  "< 成 果 ・ 進 捗 状 況 >",
  "<2024 年度年次計画>",
  "<2024年度年次計画>",
  "<２０２４年度年次計画>",
  "<2024  年度年次計画>",
  "<202 年度年次計画>",
  "<20245年度年次計画>",
  "<次年度年次計画>",
  "〈2025 年 度 の 年 次 計 画〉",
  "<年次計画>",
  "<2024 年度年次計画",
  "2024 年度年次計画>",
  "<",
  ">",
  " ",
  "\n",
  "・説明会を開催した。",
  "・引き続き実施する。",
  "2024",
  // 画 in the results: the next-plan marker found by indexOf must still be the regexp's first match.
  "・計画に基づき実施した。",
  "計画",
  "画",
  "画 】",
  "\u3000",
  "】",
  "＞",
  // Every closing bracket and kinds of white space a closing bracket may follow 画 after.
  ">",
  "〉",
  "》",
  "]",
  "］",
  "\t",
  "\u00a0",
  "\ufeff",
  "年度年次計画>",
  "〈年次計画",
  "<2024",
];

describe("splitCombinedCell: the usual marker spellings read by position", () => {
  test("the report's cell: results and next-year plan at the usual markers", () => {
    expect(
      splitCombinedCell(
        "<成果・進捗状況>\n・説明会を開催した。\n<2024 年度年次計画>\n・引き続き実施する。"
      )
    ).toEqual({
      results: "・説明会を開催した。",
      nextPlan: "・引き続き実施する。",
      nextYear: 2024,
      markers: 2,
    });
  });

  test("any cell made of markers (usual, full-width, spaced, broken) and text: as the exec() reference", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }), (parts) => {
        const text = parts.join("");
        expect(splitCombinedCell(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 }
    );
  });
});

describe("splitCombinedCell: an earlier unusual marker wins over the usual one", () => {
  test("〈次年度年次計画〉 before <2025 年度年次計画> is the next-plan marker, though results say 計画に", () => {
    const text =
      "<成果・進捗状況>\n計画に基づき実施した。\n〈次年度年次計画〉\n・継続する。\n<2025 年度年次計画>\n・拡充する。";
    expect(splitCombinedCell(text)).toEqual(reference(text));
    expect(splitCombinedCell(text).nextPlan).toBe(
      "・継続する。\n<2025 年度年次計画>\n・拡充する。"
    );
  });

  test.each(
    [">", "＞", "〉", "》", "】", "]", "］"].flatMap((close) =>
      ["", " ", "\u3000", "\t", "\n"].map((space) => [close, space] as const)
    )
  )("an earlier marker closed by %j after %j is found before the usual one", (close, space) => {
    const text = `<成果・進捗状況>\n計画に基づき実施した。\n［年次計画${space}${close}\n・継続する。\n<2025 年度年次計画>\n・拡充する。`;
    expect(splitCombinedCell(text)).toEqual(reference(text));
    expect(splitCombinedCell(text).nextPlan).toBe(
      "・継続する。\n<2025 年度年次計画>\n・拡充する。"
    );
  });

  test("計画に in the results does not hide the usual marker after it", () => {
    expect(
      splitCombinedCell(
        "<成果・進捗状況>\n計画に基づき実施した。\n<2025 年度年次計画>\n・拡充する。"
      )
    ).toEqual({
      results: "計画に基づき実施した。",
      nextPlan: "・拡充する。",
      nextYear: 2025,
      markers: 2,
    });
  });
});

test("text printed before <成果・進捗状況> is kept in results, not dropped (the PDF ledger property found it)", () => {
  const cell = "(第1四半期実施)\n<成果・進捗状況>\n・説明会を3回開催した。\n<2025年度年次計画>\n・引き続き、開催する。";
  expect(splitCombinedCell(cell)).toEqual({
    results: "(第1四半期実施)\n\n・説明会を3回開催した。",
    nextPlan: "・引き続き、開催する。",
    nextYear: 2025,
    markers: 2,
  });
});
