/**
 * Text extracted by another tool: poppler's pdftotext output of the generated report-like PDF
 * (test/fixtures/pdf, made by scripts/fixtures/makeReportPdf.ts), whose columns are wider than the
 * 2024 report's. The report-text importer measures the widths and must give back the known table.
 */
import * as fs from "fs";
import * as path from "path";
import { finalizeMeasures } from "../../../src/domain/finalize";
import { importReportText } from "../../../src/importers/reportText";

const DIR = path.join(__dirname, "../../fixtures/pdf");
const expected = JSON.parse(
  fs.readFileSync(path.join(DIR, "report-sample.expected.json"), "utf8")
) as {
  fiscalYears: { plan: number; next: number };
  rows: {
    label: string;
    ministries: string[];
    plan: string;
    results: string;
    nextPlan: string;
    status: string;
    reposted: boolean;
  }[];
};
const key = (s: string) => s.replace(/\r?\n/gu, "").normalize("NFKC");

describe("pdftotext output of a report-like PDF with wider columns", () => {
  const r = importReportText(
    fs.readFileSync(path.join(DIR, "report-sample.pdftotext.txt"), "utf8"),
    "report-sample.txt"
  );
  const measures = finalizeMeasures(r.drafts);

  test("years, labels, owners, status and (再掲) are those of the known table", () => {
    expect(r.fiscalYears).toEqual(expected.fiscalYears);
    expect(measures.map((m) => [m.label, m.owners, m.status, m.reposted])).toEqual(
      expected.rows.map((e) => [e.label, e.ministries, e.status, e.reposted])
    );
  });

  test("every cell text is recovered exactly; the 別添3 page is skipped", () => {
    expect(measures.map((m) => [key(m.plan), key(m.results), key(m.nextPlan)])).toEqual(
      expected.rows.map((e) => [key(e.plan), key(e.results), key(e.nextPlan)])
    );
    expect(measures.some((m) => m.plan.includes("別添3"))).toBe(false);
  });
});
