/**
 * The report-text ledger: every non-blank line lands in a measure, a heading, page furniture or a
 * located problem; the fixtures and the seed page leave nothing unplaced inside a page. And the
 * page-break layout of issue 12 (page 1 opening with its chapter line, no running title; the last
 * row's label and owner printed only on page 2) imports both measures whole, as one text or as
 * two files in reading order.
 */
import * as fs from "fs";
import * as path from "path";
import { buildPlanTable } from "../../../src/domain/pipeline";
import { importReportText, importReportTexts } from "../../../src/importers/reportText";
import { LEDGER_PLACES } from "../../../src/domain/ledger";
import type { ImportResult } from "../../../src/domain/importResult";
import { reportFixtures } from "./fixtureScore";

const PAGE_BREAK = path.join(__dirname, "../../fixtures/report-text/page-break");
const page1 = fs.readFileSync(path.join(PAGE_BREAK, "page1.txt"), "utf8");
const page2 = fs.readFileSync(path.join(PAGE_BREAK, "page2.txt"), "utf8");
const expected = JSON.parse(fs.readFileSync(path.join(PAGE_BREAK, "expected.json"), "utf8")) as {
  chapter: { number: string; title: string };
  rows: { label: string; owners: string[]; plan: string; results: string; nextPlan: string }[];
};

const nonBlankLines = (text: string) =>
  text.split(/\r\n|\r|\n/u).filter((l) => l.replace(/\f/gu, "").trim() !== "").length;

function expectConserved(r: ImportResult, text: string): void {
  const l = r.ledger!;
  expect(l.total).toBe(nonBlankLines(text));
  expect(LEDGER_PLACES.reduce((n, p) => n + l.counts[p], 0)).toBe(l.total);
  // Every line listed outside a measure is listed once, with its text.
  expect(l.entries).toHaveLength(l.total - l.counts.measure - l.counts.extra);
  // Every problem-place line is a problem the user sees, at its line.
  for (const e of l.entries.filter((x) => x.place === "problem" && x.what !== "no-table-found"))
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        code: "unplaced-text",
        line: e.line,
        params: { text: e.text.trim() },
      })
    );
}

describe("page break: chapter line without running title, label and owner on the next page", () => {
  const check = (r: ImportResult) => {
    const table = buildPlanTable([r]);
    expect(
      table.measures.map((m) => ({
        label: m.label,
        owners: [...m.owners],
        plan: m.plan,
        results: m.results,
        nextPlan: m.nextPlan,
      }))
    ).toEqual(expected.rows);
    for (const m of table.measures) expect(m.chapter).toEqual(expected.chapter);
    expect(table.problems.filter((p) => p.severity !== "info")).toEqual([]);
  };

  it("as one text", () => {
    const text = page1 + page2;
    const r = importReportText(text, "別添2.txt");
    check(r);
    expectConserved(r, text);
    expect(r.ledger!.counts).toEqual({
      measure: 12,
      extra: 0,
      heading: 1,
      furniture: 1,
      problem: 0,
    });
  });

  it("as two files in reading order, each measure located in its own file", () => {
    const r = importReportTexts([
      { file: "p18.txt", text: page1 },
      { file: "p19.txt", text: page2 },
    ]);
    check(r);
    expect(r.drafts.map((d) => d.source)).toEqual([
      { file: "p18.txt", page: 1, line: 3 },
      { file: "p18.txt", page: 1, line: 9 },
    ]);
    expect(r.ledger!.entries.map((e) => [e.file, e.line, e.what])).toEqual([
      ["p18.txt", 1, "chapter"],
      ["p19.txt", 1, "running-title"],
    ]);
  });

  it("page 1 alone: the chapter is read, and the unfinished row says why it has no label", () => {
    const r = importReportText(page1, "p18.txt");
    expect(r.drafts[0].chapter).toEqual(expected.chapter);
    expect(r.drafts[0].plan).toBe(expected.rows[0].plan);
    expect(r.problems.map((p) => p.params?.reason)).toEqual(
      expect.arrayContaining(["truncated-row", "row-without-label"])
    );
    expectConserved(r, page1);
  });
});

describe("nothing unplaced on the fixtures and the seed page", () => {
  it.each(reportFixtures().map((f) => [f.name, f.text]))(
    "%s: every line in a measure, heading or furniture",
    (_name, text) => {
      const r = importReportText(text, "x.txt");
      expectConserved(r, text);
      expect(r.ledger!.counts.problem).toBe(0);
      expect(r.ledger!.counts.measure).toBeGreaterThan(0);
    }
  );

  it("the seed page: the web page around it is reported (info, with its text), the page itself fully placed", () => {
    const text = fs.readFileSync("/work/shared/data/seed/cs2024-appendix2-page18.txt", "utf8");
    const r = importReportText(text, "page18.txt");
    expectConserved(r, text);
    const outside = r.ledger!.entries.filter((e) => e.place === "problem");
    expect(outside.every((e) => e.page === undefined)).toBe(true);
    expect(r.problems.filter((p) => p.code === "unplaced-text").map((p) => p.severity)).toEqual(
      outside.map(() => "info")
    );
    expect(r.ledger!.counts).toEqual({
      measure: 50,
      extra: 0,
      heading: 3,
      furniture: 27,
      problem: 9,
    });
  });

  it("a stray line inside a page ((再掲) before any row) is a located warning with its text", () => {
    const text = [
      "2023 年度のサイバーセキュリティ関連施策の実施状況及び 2024 年度年次計画",
      "(再掲)",
      page1,
    ].join("\n");
    const r = importReportText(text, "x.txt");
    expectConserved(r, text);
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        code: "unplaced-text",
        severity: "warning",
        page: 1,
        line: 2,
        params: { text: "(再掲)" },
      })
    );
  });
});
