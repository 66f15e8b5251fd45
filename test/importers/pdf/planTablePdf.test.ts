/**
 * Plan tables printed to PDF the way a ministry does it (scripts/fixtures/makePlanTablePdf.ts:
 * .xlsx with bordered, wrapped cells and a title row, printed landscape A4 by LibreOffice) import
 * exactly as the CSV of the same table: the grid read from the PDF goes through the same table
 * reader. Needs Jest with --experimental-vm-modules (pdf.js is an ES module).
 */
import * as fs from "fs";
import * as path from "path";
import { finalizeMeasures } from "../../../src/domain/finalize";
import type { Measure } from "../../../src/domain/model";
import { importFile } from "../../../src/importers";
import { importReportPdf, type PdfImportResult } from "../../../src/importers/pdf";
import type { ImportResult } from "../../../src/domain/importResult";
import { readPdfText } from "../../../src/importers/pdf/textItems";

const DIR = path.join(__dirname, "../../fixtures/pdf");
const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(DIR, name)));

const view = (m: Measure) => ({
  id: m.id,
  owners: m.owners,
  plan: m.plan,
  results: m.results,
  nextPlan: m.nextPlan,
  status: m.status,
  reposted: m.reposted,
});

describe.each([
  ["plan-4col", "four columns, results and next-year plan in one cell"],
  [
    "plan-5col",
    "five columns: 成果・進捗状況 and 2024年度 年次計画 apart, 担当省庁, header repeated on every page",
  ],
])("%s.pdf (%s)", (name) => {
  let pdf: PdfImportResult;
  let csv: ImportResult;
  beforeAll(async () => {
    pdf = await importReportPdf(read(`${name}.pdf`), `${name}.pdf`);
    csv = await importFile(`${name}.csv`, read(`${name}.csv`));
  }, 60000);

  test("imports exactly as the CSV of the same table: every measure, owner, cell text and status", () => {
    expect(csv.drafts).toHaveLength(15);
    expect(finalizeMeasures(pdf.drafts).map(view)).toEqual(finalizeMeasures(csv.drafts).map(view));
    expect(pdf.fiscalYears).toEqual({ plan: 2023, next: 2024 });
  });

  test("個人情報保護委員会, which fills its narrow column, is one owner and the plan beside it is whole", async () => {
    // The fixture really is that tight: the name ends within 3 pt of the plan text beside it.
    const runs = (await readPdfText(read(`${name}.pdf`))).flatMap((p) => p.runs);
    const owner = runs.find((r) => r.str === "個人情報保護委員会")!;
    const plan = runs.find(
      (r) => r.str.startsWith("個人情報保護委員会において") && r.y === owner.y
    )!;
    expect(plan.x - (owner.x + owner.width)).toBeLessThan(3);
    const ppc = finalizeMeasures(pdf.drafts).find((m) => m.owners.includes("個人情報保護委員会"));
    expect(ppc?.owners).toEqual(["個人情報保護委員会"]);
    expect(ppc?.plan.startsWith("個人情報保護委員会において、")).toBe(true);
  });

  test("no warnings or errors; each measure is located by page and line", () => {
    expect(pdf.problems.filter((p) => p.severity !== "info")).toEqual([]);
    for (const d of pdf.drafts)
      expect(d.source).toEqual({
        file: `${name}.pdf`,
        page: expect.any(Number),
        line: expect.any(Number),
      });
    expect(new Set(pdf.drafts.map((d) => d.source.page)).size).toBeGreaterThan(1);
  });

  test("page numbers are recognised as furniture, one per page", () => {
    const numbers = pdf.furniture.filter((f) => f.kind === "page-number");
    expect(numbers.map((f) => f.text.replace(/\s/gu, ""))).toEqual(
      numbers.map((_, i) => `-${i + 1}-`)
    );
    expect(numbers.length).toBeGreaterThan(1);
  });
});

test("the header printed again at the top of each page is furniture, not a measure", async () => {
  const r = await importReportPdf(read("plan-5col.pdf"), "plan-5col.pdf");
  const pages = new Set(r.drafts.map((d) => d.source.page));
  const repeated = r.furniture.filter((f) => f.kind === "repeated-header");
  expect(new Set(repeated.map((f) => f.page))).toEqual(new Set([...pages].filter((p) => p !== 1)));
  expect(repeated.every((f) => f.text.includes("項番"))).toBe(true);
  expect(r.drafts.some((d) => d.label.includes("項番"))).toBe(false);
}, 60000);
