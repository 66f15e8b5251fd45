/** Which pages of a PDF are the table's: pages of other appendices (別添3, 別添4), and pages after them until 別添2 comes back, are not. */
import type { Problem } from "../../domain/model";
import { appendixOf } from "../reportText/lineRules";
import { OUR_APPENDIX } from "../reportText/rules";
import type { FurnitureLine } from "./furniture";
import { lineText, type PdfLine } from "./layout";
import type { PdfPageText } from "./textItems";

/** Lines at a page top where its appendix number stands. */
const APPENDIX_LINES = 4;

export interface AppendixPages {
  /** Per page: read as the table. */
  ours: boolean[];
  /** Every line of the other pages. */
  furniture: FurnitureLine[];
  /** An info when pages were skipped. */
  problems: Problem[];
  /** Page numbers read. */
  pagesRead: number[];
}

export function appendixPages(
  pages: readonly PdfPageText[],
  lines: readonly (readonly PdfLine[])[],
  file: string
): AppendixPages {
  let current: number | null = null;
  const ours = lines.map((ls) => {
    for (const l of ls.slice(0, APPENDIX_LINES)) {
      const a = appendixOf(lineText(l));
      if (a !== null) {
        current = a;
        break;
      }
    }
    return current === null || current === OUR_APPENDIX;
  });
  const furniture: FurnitureLine[] = [];
  pages.forEach((p, i) => {
    if (ours[i]) return;
    for (const l of lines[i])
      furniture.push({ kind: "other-appendix", page: p.page, line: l.index, text: lineText(l) });
  });
  const skipped = ours.filter((o) => !o).length;
  const problems: Problem[] =
    skipped > 0
      ? [
          {
            code: "ambiguous-layout",
            severity: "info",
            file,
            params: { reason: "other-appendix-skipped", pages: skipped },
          },
        ]
      : [];
  return {
    ours,
    furniture,
    problems,
    pagesRead: pages.filter((_, i) => ours[i]).map((p) => p.page),
  };
}
