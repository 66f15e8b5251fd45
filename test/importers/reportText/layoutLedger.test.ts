/**
 * The ledger as a property of the report-text reader (fast-check): generated measures laid out as
 * the report's text in the layouts the reader knows, with page breaks at any line (running title
 * with or without the chapter line, or a page that opens with its chapter line and no title),
 * labels printed late (between results and next-year plan) or alone with their owner on the next
 * line or the next page. Every cell comes back in the right measure, and every line is counted
 * once in the ledger. For arbitrary text, every character of a line that is not furniture or a
 * heading is in a measure or a problem.
 */
import fc from "fast-check";
import { importReportText, importReportTexts } from "../../../src/importers/reportText";
import { LEDGER_PLACES } from "../../../src/domain/ledger";
import type { ImportResult } from "../../../src/domain/importResult";
import { reportFixtures } from "./fixtureScore";

const TITLE = "2023 年度のサイバーセキュリティ関連施策の実施状況及び 2024 年度年次計画";
const CHAPTER = "3 国際社会の平和・安定及び我が国の安全保障への寄与";
const KANA = "アイウエオカキクケコサシスセソタチツテト";
const OWNERS = ["内閣官房", "総務省", "外務省", "経済産業省", "防衛省", "警察庁", "デジタル庁"];
const SUBJECTS = ["関係機関", "重要インフラ事業者", "中小企業", "地方公共団体", "教育機関"];
const PLAN_ACTS = [
  "説明会を開催する。",
  "訓練を実施する。",
  "指針を改定する。",
  "情報共有を行う。",
];
const RESULT_ACTS = [
  "説明会を2回開催した。",
  "訓練を3回実施した。",
  "指針を改定した。",
  "12か国と情報共有を行った。",
];
const NEXT_ACTS = [
  "引き続き、説明会を開催する。",
  "引き続き、訓練を実施する。",
  "対象を拡充し、取組を推進する。",
];

interface GenMeasure {
  owner: string;
  plan: string;
  results: string[];
  next: string[];
  /** Where the label is printed: on the row's first line, alone before it, late (before the next-year plan), alone with the owner on the next line. */
  labelAt: "top" | "late" | "alone";
}

const measureArb: fc.Arbitrary<GenMeasure> = fc
  .record({
    owner: fc.constantFrom(...OWNERS),
    subject: fc.constantFrom(...SUBJECTS),
    act: fc.constantFrom(...PLAN_ACTS),
    results: fc.array(fc.tuple(fc.constantFrom(...SUBJECTS), fc.constantFrom(...RESULT_ACTS)), {
      minLength: 1,
      maxLength: 3,
    }),
    next: fc.array(fc.constantFrom(...NEXT_ACTS), { minLength: 1, maxLength: 2 }),
    labelAt: fc.constantFrom<GenMeasure["labelAt"]>("top", "late", "alone"),
  })
  .map((g) => ({
    owner: g.owner,
    // Each cell line fits its column (left about 23 full-width characters, right about 28), as in the report.
    plan: `${g.owner}において、${g.subject}の${g.act}`.slice(0, 23),
    results: g.results.map(([s, a]) => `・${s}向けに${a}`),
    next: g.next.map((n) => `・${n}`),
    labelAt: g.labelAt,
  }));

/** A page break: running title (+ chapter line), or a page that opens with its chapter line and no title. */
type Break = "title" | "title+chapter" | "chapter";
const breakLines = (b: Break) =>
  b === "title" ? [TITLE] : b === "title+chapter" ? [TITLE, CHAPTER] : [CHAPTER];

interface Layout {
  lines: string[];
  /** Pages as separate texts (split at the breaks). */
  pages: string[];
}

/** The lines of the measures, then page breaks inserted before the given line positions (never inside a label-owner pair unless asked). */
function layOut(
  ms: GenMeasure[],
  breaks: { at: number; kind: Break }[],
  firstPage: Break,
  ownerOnNextPage: boolean
): Layout {
  const body: string[] = [];
  const glue: boolean[] = [];
  const push = (l: string, keepWithNext = false) => {
    body.push(l);
    glue.push(keepWithNext);
  };
  ms.forEach((m, i) => {
    const label = `(${KANA[i % KANA.length]})`;
    if (m.labelAt === "top") push(`${label} ${m.owner}`);
    if (m.labelAt === "alone") {
      push(label, !ownerOnNextPage);
      push(m.owner);
    }
    push(`${m.plan} <成果・進捗状況>`);
    for (const r of m.results) push(r);
    if (m.labelAt === "late") push(`${label} ${m.owner}`);
    push("<2024 年度年次計画>");
    for (const n of m.next) push(n);
  });
  // Page breaks, at positions (mod the body length), never between the lines glued together.
  const at = new Map<number, Break>();
  for (const b of breaks) {
    const k = b.at % (body.length + 1);
    if (k > 0 && glue[k - 1]) continue;
    at.set(k, b.kind);
  }
  const pages: string[][] = [[...breakLines(firstPage)]];
  body.forEach((l, k) => {
    const br = at.get(k);
    if (br && k > 0) pages.push([...breakLines(br)]);
    pages[pages.length - 1].push(l);
  });
  // In one text, a page without its running title is told by the form feed pdftotext writes.
  return {
    lines: pages.flatMap((p, k) => (k > 0 && p[0] === CHAPTER ? [`\f${p[0]}`, ...p.slice(1)] : p)),
    pages: pages.map((p) => p.join("\n")),
  };
}

const nonBlank = (text: string) =>
  text.split(/\r\n|\r|\n/u).filter((l) => l.replace(/\f/gu, "").trim() !== "").length;

function expectLedgerAddsUp(r: ImportResult, lines: number): void {
  const l = r.ledger!;
  expect(l.total).toBe(lines);
  expect(LEDGER_PLACES.reduce((n, p) => n + l.counts[p], 0)).toBe(l.total);
}

const join = (xs: string[]) => xs.join("\n");

describe("generated tables laid out as report text: every cell back in its measure", () => {
  it.each([
    ["one text", false],
    ["one file per page, in reading order", true],
  ])("%s", (_name, perPage) => {
    fc.assert(
      fc.property(
        fc.array(measureArb, { minLength: 1, maxLength: 6 }),
        fc.array(
          fc.record({
            at: fc.nat(),
            kind: fc.constantFrom<Break>("title", "title+chapter", "chapter"),
          }),
          { maxLength: 4 }
        ),
        fc.constantFrom<Break>("title", "title+chapter", "chapter"),
        fc.boolean(),
        (ms, breaks, first, ownerOnNextPage) => {
          const layout = layOut(ms, breaks, first, ownerOnNextPage);
          const text = join(layout.lines);
          const r = perPage
            ? importReportTexts(layout.pages.map((t, k) => ({ file: `p${k + 1}.txt`, text: t })))
            : importReportText(text, "別添2.txt");
          expect(
            r.drafts.map((d) => ({
              label: d.label,
              owners: d.ownersText,
              plan: d.plan,
              results: d.results,
              next: d.nextPlan,
            }))
          ).toEqual(
            ms.map((m, i) => ({
              label: `(${KANA[i % KANA.length]})`,
              owners: m.owner,
              plan: m.plan,
              results: join(m.results),
              next: join(m.next),
            }))
          );
          // Nothing in the text is left unplaced, and the ledger counts every line once.
          expect(r.problems.filter((p) => p.code === "unplaced-text")).toEqual([]);
          expectLedgerAddsUp(
            r,
            perPage ? layout.pages.reduce((n, p) => n + nonBlank(p), 0) : nonBlank(text)
          );
        }
      ),
      { numRuns: 200 }
    );
  });
});

/** Characters of a text without white space, NFKC, counted. */
function chars(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of s.normalize("NFKC").replace(/\s/gu, "")) out.set(c, (out.get(c) ?? 0) + 1);
  return out;
}

describe("arbitrary text: every character not furniture or heading is in a measure or a problem", () => {
  const fixtureLines = reportFixtures().flatMap((f) => f.text.split("\n"));
  const line = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...fixtureLines) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        TITLE,
        CHAPTER,
        "(ア) 総務省",
        "防衛省",
        "<成果・進捗状況>",
        "<2024 年度年次計画>",
        "- 18 -",
        ""
      ),
    }
  );
  it("report text built from real lines, page furniture and random strings", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        const text = join(lines);
        const r = importReportText(text, "x.txt");
        expectLedgerAddsUp(r, nonBlank(text));
        const l = r.ledger!;
        const placedElsewhere = new Set(
          l.entries
            .filter((e) => e.place === "furniture" || e.place === "heading")
            .map((e) => e.line)
        );
        const problemLines = new Set(
          l.entries.filter((e) => e.place === "problem").map((e) => e.line)
        );
        // Every problem-place line is a problem: a located unplaced-text one, or the file's no-table-found error.
        for (const e of l.entries.filter((x) => x.place === "problem"))
          if (e.what === "no-table-found")
            expect(r.problems.some((p) => p.code === "no-table-found")).toBe(true);
          else
            expect(r.problems).toContainEqual(
              expect.objectContaining({ code: "unplaced-text", line: e.line })
            );
        // The characters of the lines in measures are in the measures (cell markers and (再掲) are structure).
        const inMeasures = chars(
          r.drafts
            .map((d) => [d.label, d.ownersText, d.plan, d.results, d.nextPlan].join(""))
            .join("")
        );
        const want = chars(
          lines
            .filter((_, i) => !placedElsewhere.has(i + 1) && !problemLines.has(i + 1))
            .join("")
            .normalize("NFKC")
            .replace(
              /<\s*成\s*果\s*・\s*進\s*捗\s*状\s*況\s*>|<\s*\d{4}\s*年\s*度\s*年\s*次\s*計\s*画\s*>|\(\s*再\s*掲\s*\)/gu,
              ""
            )
        );
        const missing = [...want].filter(([c, n]) => (inMeasures.get(c) ?? 0) < n);
        expect(missing).toEqual([]);
      }),
      { numRuns: 300 }
    );
  });
});
