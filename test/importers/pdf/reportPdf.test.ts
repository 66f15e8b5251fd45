/**
 * The PDF importer round trip: a report-like PDF made from a known table
 * (scripts/fixtures/makeReportPdf.ts: LibreOffice prints a four-column .xlsx laid out like 別添2)
 * imports back to that table. Needs Jest with --experimental-vm-modules (pdf.js is an ES module).
 */
import * as fs from "fs";
import * as path from "path";
import { finalizeMeasures } from "../../../src/domain/finalize";
import type { Measure } from "../../../src/domain/model";
import { importFile, importFiles } from "../../../src/importers";
import { importReportPdf } from "../../../src/importers/pdf";
import type { ImportResult } from "../../../src/domain/importResult";
import { lcs } from "../reportText/fixtureScore";

const DIR = path.join(__dirname, "../../fixtures/pdf");
const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(DIR, name)));

interface ExpectedRow {
  label: string;
  section: string;
  subsection: string | null;
  ministries: string[];
  plan: string;
  results: string;
  nextPlan: string;
  reposted: boolean;
  status: string;
}
const expected = JSON.parse(
  fs.readFileSync(path.join(DIR, "report-sample.expected.json"), "utf8")
) as { fiscalYears: { plan: number; next: number }; rows: ExpectedRow[] };
const key = (s: string) => s.replace(/\r?\n/gu, "").normalize("NFKC");

const results = new Map<string, { result: ImportResult; measures: Measure[] }>();

/** The same known table: 項番/担当府省庁 top-aligned (as in the 2024 report) or centred vertically; strategy boxes full width or indented. */
describe.each(["report-sample.pdf", "report-centred-labels.pdf", "report-indented-box.pdf"])(
  "report-like PDF round trip: %s",
  (pdf) => {
    let result: ImportResult;
    let measures: Measure[];
    beforeAll(async () => {
      result = await importReportPdf(read(pdf), pdf);
      measures = finalizeMeasures(result.drafts);
      results.set(pdf, { result, measures });
    }, 60000);

    test("the edition's years come from the page title (2024 → 2025)", () => {
      expect(result.fiscalYears).toEqual(expected.fiscalYears);
    });

    test("every measure of the known table comes back, in order, with its section and sub-section", () => {
      expect(
        measures.map((m) => [m.label, m.section?.number ?? null, m.subsection?.number ?? null])
      ).toEqual(expected.rows.map((r) => [r.label, r.section, r.subsection]));
    });

    test("owners, status and (再掲) are those of the known table", () => {
      expect(
        measures.map((m) => ({ owners: m.owners, status: m.status, reposted: m.reposted }))
      ).toEqual(
        expected.rows.map((r) => ({ owners: r.ministries, status: r.status, reposted: r.reposted }))
      );
    });

    test("every cell text is recovered exactly (line breaks removed, NFKC)", () => {
      const got = measures.map((m) => [key(m.plan), key(m.results), key(m.nextPlan)]);
      expect(got).toEqual(expected.rows.map((r) => [key(r.plan), key(r.results), key(r.nextPlan)]));
    });

    test("the row running over a page break is one measure, located on its first page", () => {
      const e = measures.find((m) => m.id === "2.1(1)(エ)");
      expect(e?.source.page).toBe(1);
      expect(e?.results.split("\n")).toHaveLength(34);
      expect(e?.nextPlan).toBe("・引き続き、地域連絡会議を開催し、被害事例と対策の共有を進める。");
    });

    test("the 別添3 page in the same PDF is skipped, with an info", () => {
      expect(measures.some((m) => m.plan.includes("別添3"))).toBe(false);
      expect(result.problems).toContainEqual(
        expect.objectContaining({
          severity: "info",
          params: expect.objectContaining({ reason: "other-appendix-skipped", pages: 1 }),
        })
      );
    });

    test("rows read by position are certain: confidence 1 and no warnings", () => {
      expect(result.drafts.map((d) => d.confidence)).toEqual(expected.rows.map(() => 1));
      expect(result.problems.filter((p) => p.severity !== "info")).toEqual([]);
    });
  }
);

describe("PDF through the import door", () => {
  test("importFile reads a .pdf as the report, by its %PDF signature", async () => {
    const r = await importFile("別添2.pdf", read("report-sample.pdf"));
    expect(r.drafts.map((d) => d.label)).toEqual(expected.rows.map((x) => x.label));
  });
});

describe("a PDF without a table header row", () => {
  test("is read as report text (with an info), giving the same row as report text fixture 02", async () => {
    const r = await importReportPdf(read("report-lines-only.pdf"), "lines.pdf");
    const truth = JSON.parse(
      fs.readFileSync(
        path.join(__dirname, "../../fixtures/report-text/02_split_ministry_name_ppc.expected.json"),
        "utf8"
      )
    ) as {
      rows: {
        label: string;
        ministries: string[];
        plan_prev_year: string;
        results: string;
        plan_next_year: string;
      }[];
    };
    const [m] = finalizeMeasures(r.drafts);
    const [e] = truth.rows;
    expect(r.drafts).toHaveLength(1);
    expect([m.label, m.owners, key(m.plan), key(m.results), key(m.nextPlan)]).toEqual([
      `(${e.label})`,
      e.ministries,
      key(e.plan_prev_year),
      key(e.results),
      key(e.plan_next_year),
    ]);
    expect(r.problems).toContainEqual(
      expect.objectContaining({ severity: "info", params: { reason: "pdf-columns-not-found" } })
    );
  }, 60000);
});

describe("PDFs that are not the table", () => {
  test("a PDF without a text layer (a scan) gives a clear no-text-layer problem", async () => {
    const r = await importReportPdf(read("no-text-layer.pdf"), "scan.pdf");
    expect(r.drafts).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: "no-table-found",
        severity: "error",
        file: "scan.pdf",
        params: expect.objectContaining({ reason: "no-text-layer" }),
      }),
    ]);
  });

  test("bytes that are not a PDF give an unreadable-file problem, not an exception", async () => {
    const r = await importReportPdf(
      new TextEncoder().encode("項番,担当府省庁\n(ア),総務省\n"),
      "not-a.pdf"
    );
    expect(r.drafts).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({ code: "unreadable-file", severity: "error" }),
    ]);
  });
});

afterAll(() => {
  const figures: Record<string, unknown> = {};
  for (const [pdf, { measures, result }] of results) {
    // A run where pdf.js could not load (Jest without --experimental-vm-modules) measures nothing: say so.
    const notLoaded = result.problems.find((p) => p.code === "unreadable-file");
    if (notLoaded) {
      figures[pdf] = { error: String(notLoaded.params?.detail ?? "unreadable") };
      continue;
    }
    let chars = 0;
    let right = 0;
    expected.rows.forEach((r, i) => {
      const m = measures[i];
      for (const [w, g] of [
        [r.plan, m?.plan ?? ""],
        [r.results, m?.results ?? ""],
        [r.nextPlan, m?.nextPlan ?? ""],
      ]) {
        const a = [...key(w)];
        const b = [...key(g)];
        chars += a.length;
        const denom = Math.max(a.length, b.length);
        right += denom === 0 ? 0 : (lcs(key(w), key(g)) * a.length) / denom;
      }
    });
    figures[pdf] = {
      measuresFound: measures.length,
      measuresExpected: expected.rows.length,
      labelsRight: expected.rows.filter((r, i) => measures[i]?.label === r.label).length,
      ownersRight: expected.rows.filter(
        (r, i) => JSON.stringify(measures[i]?.owners) === JSON.stringify(r.ministries)
      ).length,
      statusRight: expected.rows.filter((r, i) => measures[i]?.status === r.status).length,
      cellCharShare: chars === 0 ? 1 : Math.round((right / chars) * 10000) / 10000,
    };
  }
  if (results.size === 0) return;
  console.log(`Report PDF round trips: ${JSON.stringify(figures)}`);
  const out = path.join(__dirname, "../../../artifacts");
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, "report-import.json");
  const prev = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>)
    : {};
  fs.writeFileSync(file, JSON.stringify({ ...prev, pdf: figures }, null, 2));
});

describe("several files given together are one report", () => {
  test("a PDF cut in two files: the row over the cut is whole, each row names its own file and page", async () => {
    const results = await importFiles([
      { name: "p1.pdf", bytes: read("report-sample-part1.pdf") },
      { name: "p2.pdf", bytes: read("report-sample-part2.pdf") },
    ]);
    expect(results).toHaveLength(1);
    const measures = finalizeMeasures(results[0].drafts);
    expect(measures.map((m) => m.label)).toEqual(expected.rows.map((r) => r.label));
    expect(measures.map((m) => [key(m.plan), key(m.results), key(m.nextPlan)])).toEqual(
      expected.rows.map((r) => [key(r.plan), key(r.results), key(r.nextPlan)])
    );
    const e = measures.find((m) => m.label === "(エ)");
    expect(e?.source).toMatchObject({ file: "p1.pdf", page: 1 });
    expect(e?.results.split("\n")).toHaveLength(34);
    expect(measures.find((m) => m.label === "(オ)")?.source).toMatchObject({
      file: "p2.pdf",
      page: 1,
    });
    expect(results[0].problems.filter((p) => p.severity !== "info")).toEqual([]);
  }, 60000);

  test("the second file alone starts with a row whose label is on the other file: kept, with a located warning", async () => {
    const r = await importReportPdf(read("report-sample-part2.pdf"), "p2.pdf");
    expect(r.drafts[0]).toMatchObject({ label: "", source: { file: "p2.pdf", page: 1 } });
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        file: "p2.pdf",
        page: 1,
        params: expect.objectContaining({ reason: "row-without-label" }),
      })
    );
  }, 60000);
});

describe("the report's page furniture and headings", () => {
  test("running title, chapter line, page numbers, the header printed again and the strategy boxes are listed as furniture, not read as measures or heading titles", async () => {
    const r = await importReportPdf(read("report-sample.pdf"), "report.pdf");
    const kinds = (k: string) =>
      r.furniture.filter((f) => f.kind === k).map((f) => [f.page, f.text]);
    expect(kinds("page-number")).toEqual([
      [1, "別添2 - 1 -"],
      [2, "別添2 - 2 -"],
    ]);
    expect(kinds("running-title").map(([p]) => p)).toEqual([2, 2]);
    expect(kinds("repeated-header").every(([p]) => p === 2)).toBe(true);
    expect(kinds("strategy-box").map(([, t]) => String(t).slice(0, 13))).toEqual([
      "サイバーセキュリティ戦略(",
      "・国は、利用者が安心して製",
      "・国は、デジタル改革と一体",
    ]);
    const measures = finalizeMeasures(r.drafts);
    expect(measures[0].section).toEqual({
      number: "2.1",
      title: "国民・社会を守るためのサイバーセキュリティ環境の提供",
    });
    expect(measures[0].subsection).toEqual({
      number: "(1)",
      title: "安全・安心なサイバー空間の利用環境の構築",
    });
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        severity: "info",
        params: expect.objectContaining({
          reason: "pdf-furniture",
          "strategy-box": 3,
          "page-number": 2,
        }),
      })
    );
  }, 60000);
});
