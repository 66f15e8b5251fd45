/** A PDF with more pages than the budget is refused from its page count, before any page is read. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { problemMessage } from "../../src/domain/messages";
import { budgetsWith, importFile } from "../../src/importers";

const pdf = new Uint8Array(
  readFileSync(join(__dirname, "..", "fixtures", "pdf", "report-sample.pdf"))
);

describe("the PDF page budget", () => {
  it("refuses a PDF over it, naming the pages", async () => {
    const r = await importFile("report.pdf", pdf, budgetsWith({ maxPdfPages: 1 }));
    expect(r.drafts).toEqual([]);
    expect(r.problems).toEqual([
      {
        code: "unreadable-file",
        severity: "error",
        file: "report.pdf",
        params: {
          reason: "over-budget",
          budget: "maxPdfPages",
          limit: 1,
          actual: 3,
          unit: "pages",
          flag: "--max-pdf-pages",
        },
      },
    ]);
    expect(problemMessage(r.problems[0], "ja")).toMatch(
      /PDF のページ数が上限の 1 ページを超えています\(3 ページ\)。正しいファイルであれば、表のあるページだけを別の PDF に保存して/u
    );
  }, 30_000);

  it("reads it under the default budget", async () => {
    const r = await importFile("report.pdf", pdf);
    expect(r.drafts.length).toBeGreaterThan(0);
  }, 30_000);
});
