/**
 * PDFs that hold no plan table say so plainly, in both languages: one with text but no header
 * the table reader knows names the pages it looked at; one without any text (a scan) says that it
 * needs OCR. Both PDFs are written here, byte by byte.
 */
import { problemMessage } from "../../../src/domain/messages";
import { importReportPdf } from "../../../src/importers/pdf";

/** A PDF whose pages show the given lines in Helvetica (offsets computed so the xref is exact). */
function textPdf(pages: string[][]): Uint8Array {
  const objs: string[] = ["<< /Type /Catalog /Pages 2 0 R >>", ""];
  const kids: string[] = [];
  const font = 3;
  objs.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (const lines of pages) {
    const content = lines
      .map((l, i) => `BT /F1 11 Tf 72 ${760 - i * 16} Td (${l}) Tj ET`)
      .join("\n");
    objs.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    const contentId = objs.length;
    objs.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${contentId} 0 R /Resources << /Font << /F1 ${font} 0 R >> >> >>`
    );
    kids.push(`${objs.length} 0 R`);
  }
  objs[1] = `<< /Type /Pages /Kids [${kids.join(" ")}] /Count ${kids.length} >>`;
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

test("a PDF with text but no plan table header on any page says it holds no plan table, naming the pages looked at", async () => {
  const pdf = textPdf([
    ["Minutes of the liaison meeting", "1. Opening remarks", "2. Reports from the members"],
    ["3. Next meeting", "The next meeting will be held in April."],
    ["Annex: list of participants"],
  ]);
  const r = await importReportPdf(pdf, "minutes.pdf");
  expect(r.drafts).toEqual([]);
  const fatal = r.problems.filter((p) => p.severity === "error");
  expect(fatal).toEqual([
    expect.objectContaining({
      code: "no-table-found",
      file: "minutes.pdf",
      params: { reason: "no-plan-table", pages: "1–3" },
    }),
  ]);
  expect(problemMessage(fatal[0], "ja")).toContain("この PDF には施策の表がありません");
  expect(problemMessage(fatal[0], "ja")).toContain("確認したページ: 1–3");
  expect(problemMessage(fatal[0], "en")).toContain("This PDF holds no plan table");
  expect(problemMessage(fatal[0], "en")).toContain("Pages checked: 1–3");
}, 60000);

test("a PDF without any text (a scan) says it needs OCR, in both languages", async () => {
  const pdf = textPdf([[]]);
  const r = await importReportPdf(pdf, "scan.pdf");
  expect(r.problems).toEqual([
    expect.objectContaining({
      code: "no-table-found",
      severity: "error",
      params: expect.objectContaining({ reason: "no-text-layer" }),
    }),
  ]);
  expect(problemMessage(r.problems[0], "ja")).toContain("OCR");
  expect(problemMessage(r.problems[0], "en")).toContain("needs OCR");
}, 60000);

test("the furniture note names only what was found, in both languages", () => {
  const p = {
    code: "ambiguous-layout" as const,
    severity: "info" as const,
    file: "r.pdf",
    params: { reason: "pdf-furniture", "page-number": 3, "repeated-header": 2 },
  };
  expect(problemMessage(p, "ja")).toBe(
    "表の内容ではない行を除きました(ページ番号 3 行、繰り返しの見出し行 2 行)。"
  );
  expect(problemMessage(p, "en")).toBe(
    "Lines that are not table content were left out: page numbers 3, repeated header lines 2."
  );
});
