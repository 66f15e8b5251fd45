/** Loading pdf.js: configuration for hosts without Node's import (the task pane) and clear failures. */
import * as fs from "fs";
import * as path from "path";
import { configurePdfjs, importReportPdf } from "../../../src/importers/pdf";

const PDF = new Uint8Array(
  fs.readFileSync(path.join(__dirname, "../../fixtures/pdf/report-sample.pdf"))
);

afterEach(() => configurePdfjs({ load: undefined, loadWorker: undefined }));

test("when pdf.js cannot be loaded, the PDF gives an unreadable-file problem saying so, not an exception", async () => {
  configurePdfjs({ load: () => Promise.reject(new Error("chunk pdfjs failed to load")) });
  const r = await importReportPdf(PDF, "別添2.pdf");
  expect(r.drafts).toEqual([]);
  expect(r.problems).toEqual([
    expect.objectContaining({
      code: "unreadable-file",
      severity: "error",
      params: expect.objectContaining({
        reason: "pdf",
        detail: expect.stringContaining("chunk pdfjs failed to load"),
      }),
    }),
  ]);
});

test("after a failed load, a later import tries again", async () => {
  configurePdfjs({ load: () => Promise.reject(new Error("offline")) });
  expect((await importReportPdf(PDF, "a.pdf")).drafts).toEqual([]);
  configurePdfjs({ load: undefined });
  expect((await importReportPdf(PDF, "a.pdf")).drafts).toHaveLength(8);
}, 60000);
