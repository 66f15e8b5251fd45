/** Several report text files given together, read as one report and located back in their own files. */
import type { ImportResult } from "../../domain/importResult";
import { importReportText } from "./importReportText";
import { splitPages } from "./pages";

/**
 * Several report texts given together (pages copied into separate files) are one report: the
 * texts are read as one, so a row running over from one file to the next is whole; every row and
 * problem is then located in its own file (page and line counted per file).
 */
export function importReportTexts(parts: readonly { file: string; text: string }[]): ImportResult {
  if (parts.length === 1) return importReportText(parts[0].text, parts[0].file);
  const lineCounts = parts.map((p) => p.text.split(/\r\n|\r|\n/u).length);
  // Each part starts after a form feed line: a page break the page splitter honours.
  const offsets: number[] = [];
  let total = 0;
  for (const n of lineCounts) {
    offsets.push(total);
    total += n + 1;
  }
  const joined = parts.map((p) => p.text).join("\n\f\n");
  const result = importReportText(joined, parts[0].file);
  const partOfLine = (line: number) => {
    let k = 0;
    while (k + 1 < parts.length && line > offsets[k + 1]) k++;
    return k;
  };
  // The first line of every page, to count pages within each part.
  const pageStarts = splitPages(joined).pages.map((p) => p.firstLine);
  const firstPageOf = parts.map((_, k) => pageStarts.findIndex((l) => partOfLine(l) === k) + 1);
  const where = <T extends { file: string; page?: number; line?: number }>(x: T): T => {
    const k =
      x.line !== undefined
        ? partOfLine(x.line)
        : x.page !== undefined
          ? partOfLine(pageStarts[x.page - 1] ?? 1)
          : 0;
    const out: T = { ...x, file: parts[k].file };
    if (x.line !== undefined) out.line = x.line - offsets[k];
    if (x.page !== undefined && firstPageOf[k] > 0) out.page = x.page - firstPageOf[k] + 1;
    return out;
  };
  return {
    ...result,
    drafts: result.drafts.map((d) => ({ ...d, source: where(d.source) })),
    problems: result.problems.map(where),
    ...(result.ledger
      ? {
          ledger: {
            ...result.ledger,
            entries: result.ledger.entries.map((e) => where({ ...e, file: parts[0].file })),
          },
        }
      : {}),
  };
}
