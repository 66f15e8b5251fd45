/** PDF pages built by hand (no pdf.js): text runs where a four-column table prints them, and its borders. */
import type { DrawnRules } from "../../../src/importers/pdf/drawnRules";
import type { PdfPageText, TextRun } from "../../../src/importers/pdf/textItems";

export const SIZE = 8;
/** A run as pdf.js gives it: wide characters one em, narrow ones half. */
export function run(str: string, x: number, y: number): TextRun {
  const ems = [...str].reduce((s, c) => s + ((c.codePointAt(0) ?? 0) >= 0x2000 ? 1 : 0.5), 0);
  return { str, x, y, width: ems * SIZE, size: SIZE };
}

/** Column starts of a four-column table: 項番 | 担当府省庁 (9 characters wide) | plan | results. */
export const X = [40, 62, 134, 330];
export const RIGHT = 560;

export function header(y: number): TextRun[] {
  return [
    run("項番", X[0] + 2, y),
    run("担当府省庁", X[1] + 2, y),
    run("2023年度年次計画", X[2] + 40, y),
    run("2023年度", X[3] + 60, y + 10),
    run("取組の成果、進捗状況及び2024年度年次計画", X[3] + 2, y),
  ];
}

/** Borders of a table whose rows end at the given heights. */
export function grid(top: number, rowEnds: number[]): DrawnRules {
  const bottom = rowEnds[rowEnds.length - 1];
  return {
    horizontal: [top, ...rowEnds].map((at) => ({ at, a: X[0] - 2, b: RIGHT })),
    vertical: [X[0] - 2, X[1] - 1, X[2], X[3] - 1, RIGHT].map((at) => ({ at, a: bottom, b: top })),
  };
}

export const page = (n: number, runs: TextRun[], rules: DrawnRules): PdfPageText => ({
  page: n,
  width: 595,
  height: 842,
  runs,
  rules,
});
export const noRules: DrawnRules = { horizontal: [], vertical: [] };
