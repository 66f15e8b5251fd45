/** Issue 15, findings 4 and 9: a PDF that is not the report says so plainly; English counts agree in number. */
import { problemMessage } from "../../src/domain/messages";
import type { Problem } from "../../src/domain/model";

describe("plain words for a file that is not the report", () => {
  const notReport = (file: string): Problem => ({ code: "no-table-found", severity: "error", file, params: { reason: "no-report-rows" } });

  test("a PDF without the 別添2 table is named as such, not as a missing header row", () => {
    const ja = problemMessage(notReport("予算資料.pdf"), "ja");
    expect(ja).toContain("この PDF には、年次報告の別添2");
    expect(ja).not.toContain("見出し行");
    expect(problemMessage(notReport("予算資料.pdf"), "en")).toMatch(/^This PDF does not contain the annual report's appendix 2 table/);
    expect(problemMessage(notReport("memo.txt"), "ja")).toContain("このファイルには");
  });

  test("a table without a header row still says which header it looked for", () => {
    expect(problemMessage({ code: "no-table-found", severity: "error", file: "総務省.xlsx", params: { sheets: "Sheet1" } }, "ja")).toContain("表の見出し行");
  });

  test("one guessed line is 'line 59', several are 'lines 59, 60'", () => {
    const guess = (lines: string): Problem => ({ code: "ambiguous-layout", severity: "warning", file: "r.pdf", params: { reason: "column-guess", lines } });
    expect(problemMessage(guess("59"), "en")).toContain("(line 59)");
    expect(problemMessage(guess("59, 60"), "en")).toContain("(lines 59, 60)");
  });
});
