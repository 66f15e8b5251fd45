/**
 * The report-text import's last stages alone: every line placed for the ledger while the rows
 * are built (feedRows), the edition's years from the page titles (editionYears), and a row as a
 * draft with its confidence and located warnings (rowDraft).
 */
import type { Problem } from "../../../src/domain/model";
import { classifyPages } from "../../../src/importers/reportText/classify";
import { editionYears, rowDraft } from "../../../src/importers/reportText/importReportText";
import { splitPages } from "../../../src/importers/reportText/pages";
import { RowBuilder, type Row } from "../../../src/importers/reportText/rows";
import { importReportText } from "../../../src/importers/reportText";
import { feedRows } from "../../../src/importers/reportText/textLedger";
import { arrayWork } from "../../support/arrayWork";

const TITLE_2024 = "別添2 2023 年度のサイバーセキュリティ関連施策の実施状況及び 2024 年度年次計画";
const TITLE_2025 = "2024 年度のサイバーセキュリティ関連施策の実施状況及び 2025 年度年次計画";
const CH2 = "2 国民が安全で安心して暮らせるデジタル社会の実現";

const PAGE = [
  TITLE_2024,
  CH2,
  "(ア) 総務省",
  "総務省において、引き続き、中小企業向けの点検表を <成果・進捗状況>",
  "更新し、業界団体を通じて周知する。 ・計画に基づき、点検表を更新した。",
  "<2024 年度年次計画>",
  "・引き続き、点検表の更新と周知を行う。",
  "- 18 -",
];

describe("feedRows", () => {
  test("every line gets its place: title and footer furniture, chapter heading, label and cells in a measure", () => {
    const split = splitPages(PAGE.join("\n"));
    const builder = new RowBuilder();
    const places = feedRows(split, classifyPages(split.pages), builder);
    expect([...places].sort(([a], [b]) => a - b)).toEqual([
      [1, { place: "furniture", what: "running-title" }],
      [2, { place: "heading", what: "chapter" }],
      [3, { place: "measure", what: "label" }],
      [4, { place: "measure", what: "content" }],
      [5, { place: "measure", what: "content" }],
      [6, { place: "measure", what: "content" }],
      [7, { place: "measure", what: "content" }],
      [8, { place: "furniture", what: "page-number" }],
    ]);
    expect(builder.rows).toHaveLength(1);
    expect(builder.pages[0].labels.map((l) => l.label)).toEqual(["(ア)"]);
  });

  test("a (再掲) line with no row before it is no measure line (the ledger reports it)", () => {
    const split = splitPages([TITLE_2024, CH2, "(再掲)", ...PAGE.slice(2)].join("\n"));
    const builder = new RowBuilder();
    const places = feedRows(split, classifyPages(split.pages), builder);
    expect(builder.strays.map((s) => [s.what, s.at.line])).toEqual([["reposted", 3]]);
    expect(places.get(3)).toBeUndefined();
  });
});

describe("editionYears", () => {
  test("the first title's years; a page of another edition is warned at its title line", () => {
    const split = splitPages([...PAGE, TITLE_2025, CH2, "・引き続き実施する。"].join("\n"));
    const { fiscalYears, problems } = editionYears(split, "cs.txt");
    expect(fiscalYears).toEqual({ plan: 2023, next: 2024 });
    expect(problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        page: 2,
        line: 9,
        params: expect.objectContaining({ reason: "edition-years-differ", found: "2024/2025" }),
      }),
    ]);
  });

  test("no page title: no years, and an info", () => {
    const { fiscalYears, problems } = editionYears(splitPages(PAGE.slice(2).join("\n")), "cs.txt");
    expect(fiscalYears).toBeNull();
    expect(problems.map((p) => [p.severity, p.params?.reason])).toEqual([
      ["info", "no-page-title"],
    ]);
  });
});

describe("rowDraft", () => {
  const at = (line: number, text = "") => ({ text, line });
  const cell = (text: string, line: number, seq: number) => ({ text, at: at(line), page: 1, seq });
  const row = (over: Partial<Row> = {}): Row => ({
    page: 1,
    first: at(4),
    left: [
      cell("総務省において、引き続き、中小企業向けの点検表を", 4, 0),
      cell("更新し、業界団体を通じて周知する。", 5, 2),
    ],
    results: [cell("・計画に基づき、点検表を更新した。", 5, 3)],
    nextPlan: [cell("・引き続き、点検表の更新と周知を行う。", 7, 4)],
    phase: "nextPlan",
    repostedOn: [],
    chapter: { number: "2", title: "国民が安全で安心して暮らせるデジタル社会の実現" },
    section: null,
    subsection: null,
    guesses: [],
    continuedOn: [],
    markerYears: [{ year: 2024, page: 1, line: 6 }],
    openedBy: "marker",
    label: {
      kind: "label",
      label: "(ア)",
      owners: ["総務省"],
      partialOwner: null,
      at: at(3, "(ア) 総務省"),
      page: 1,
    },
    ...over,
  });
  const ctx = {
    last: false,
    fiscalYears: { plan: 2023, next: 2024 },
    unsure: false,
    file: "cs.txt",
  };

  test("a whole row: cells joined as wrapped text, located at its label, full confidence, no warning", () => {
    const problems: Problem[] = [];
    const d = rowDraft(row(), ctx, problems);
    expect(d).toMatchObject({
      label: "(ア)",
      ownersText: "総務省",
      plan: "総務省において、引き続き、中小企業向けの点検表を更新し、業界団体を通じて周知する。",
      results: "・計画に基づき、点検表を更新した。",
      nextPlan: "・引き続き、点検表の更新と周知を行う。",
      reposted: false,
      source: { file: "cs.txt", page: 1, line: 3 },
      confidence: 1,
    });
    expect(problems).toEqual([]);
  });

  test("a row cut off before its next-year plan, with a column guess and a marker of another year: lower confidence, each warned", () => {
    const problems: Problem[] = [];
    const d = rowDraft(
      row({
        phase: "results",
        nextPlan: [],
        guesses: [{ page: 1, line: 5 }],
        markerYears: [{ year: 2025, page: 1, line: 6 }],
      }),
      { ...ctx, last: true },
      problems
    );
    expect(d.confidence).toBe(0.65);
    expect(problems.map((p) => [p.params?.reason, p.line])).toEqual([
      ["column-guess", 5],
      ["truncated-row", 3],
      ["marker-year", 6],
    ]);
  });

  test("a (再掲) line in the row, or a mark closing a cell, makes the draft reposted", () => {
    expect(rowDraft(row({ repostedOn: [1] }), ctx, []).reposted).toBe(true);
    const closing = row({ nextPlan: [cell("・引き続き、周知を行う。(再掲)", 7, 4)] });
    expect(rowDraft(closing, ctx, []).reposted).toBe(true);
  });
});

describe("the whole import", () => {
  /** `pages` pages of `rows` rows each, the owner under its label (as a narrow owner column prints it). */
  function report(pages: number, rows: number): string {
    const out: string[] = [];
    for (let p = 0; p < pages; p++) {
      out.push(TITLE_2024, CH2);
      for (let k = 0; k < rows; k++)
        out.push(
          "(ア)",
          "総務省",
          `総務省において、引き続き、中小企業向けの点検表（第${k}版）を <成果・進捗状況>`,
          "更新し、業界団体を通じて周知する。 ・計画に基づき、点検表を更新した。",
          "<2024 年度年次計画>",
          "・引き続き、点検表の更新と周知を行う。",
          ""
        );
      out.push(`- ${p + 1} -`);
    }
    return out.join("\n");
  }

  test("twice the pages take about twice the work (no search of earlier pages per owner line)", () => {
    const small = report(150, 3);
    const large = report(300, 3);
    const r = importReportText(large, "cs.txt");
    expect(r.drafts).toHaveLength(900);
    expect(r.drafts.every((d) => d.ownersText === "総務省")).toBe(true);
    const a = arrayWork(() => importReportText(small, "cs.txt"));
    const b = arrayWork(() => importReportText(large, "cs.txt"));
    // Linear work doubles; searching all earlier pages on every owner line made it about 3x here.
    expect(b / a).toBeLessThan(2.3);
    expect(b / a).toBeGreaterThan(1.7);
  });
});
