/**
 * The PDF round trip as a property over layouts: plan tables of every layout a ministry prints
 * (4 and 5 columns, chapters as rows, several owners in a cell, long wrapped cells, owners that
 * fill their column, rows across page breaks, A4 and A3, portrait and landscape) are written as
 * .xlsx, printed to PDF by LibreOffice headless at test time, and imported. Each must give the
 * same measures as the CSV of the same table (ids, owners, status) with at least 98 % of the cell
 * characters. A bounded set of cases (each a LibreOffice run); rendered PDFs are kept under
 * artifacts/pdf-roundtrip/ for a person to look at.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { finalizeMeasures } from "../../../src/domain/finalize";
import type { Measure } from "../../../src/domain/model";
import { importGrid } from "../../../src/importers/grid";
import { importReportPdf } from "../../../src/importers/pdf";
import { lcs } from "../../importers/reportText/fixtureScore";
import { pdfPages } from "./libreoffice";
import {
  libreOfficeVersion,
  planGrid,
  planXlsx,
  printWithLibreOffice,
  type PlanLayout,
} from "../../support/planTablePdf";
import { samplePlanTable, type SampleOptions } from "../../support/planTableSamples";

const ART = join(__dirname, "..", "..", "..", "artifacts", "pdf-roundtrip");

interface Case {
  name: string;
  layout: PlanLayout;
  sample: SampleOptions;
}

const CASES: Case[] = [
  {
    name: "4col-A4-landscape-repeated-header",
    layout: { columns: 4, paper: "A4", orientation: "landscape", repeatHeader: true },
    sample: { seed: 1, measures: 24, perSubsection: 6, chapters: true },
  },
  {
    name: "5col-A4-landscape-row-over-page-break",
    layout: {
      columns: 5,
      paper: "A4",
      orientation: "landscape",
      repeatHeader: true,
      breakInside: 8,
    },
    sample: { seed: 2, measures: 24, perSubsection: 8, chapters: true },
  },
  {
    name: "4col-A4-portrait-long-cells-row-over-page-break",
    layout: {
      columns: 4,
      paper: "A4",
      orientation: "portrait",
      repeatHeader: false,
      breakInside: 3,
    },
    sample: { seed: 3, measures: 20, perSubsection: 10, longParagraphs: 14 },
  },
  {
    name: "5col-A3-portrait-repeated-header",
    layout: { columns: 5, paper: "A3", orientation: "portrait", repeatHeader: true, fontSize: 10 },
    sample: { seed: 4, measures: 30, perSubsection: 7, chapters: true },
  },
  {
    name: "4col-A3-landscape-wide-columns",
    layout: {
      columns: 4,
      paper: "A3",
      orientation: "landscape",
      repeatHeader: false,
      widths: [6, 12.2, 60, 80],
    },
    sample: { seed: 5, measures: 18, perSubsection: 9 },
  },
  {
    name: "5col-A4-portrait-2024-header-variants",
    layout: {
      columns: 5,
      paper: "A4",
      orientation: "portrait",
      repeatHeader: true,
      header: [
        "項目番号",
        "担当府省庁",
        "2023年度年次計画",
        "2023年度の取組の成果・進捗状況",
        "2024年度年次計画",
      ],
    },
    sample: { seed: 6, measures: 22, perSubsection: 11, longParagraphs: 9 },
  },
];

const key = (s: string) => s.replace(/\s/gu, "").normalize("NFKC");
const figures: Record<string, unknown> = {};

beforeAll(() => {
  rmSync(ART, { recursive: true, force: true });
  mkdirSync(ART, { recursive: true });
  figures.libreOffice = libreOfficeVersion();
});

afterAll(() => {
  writeFileSync(join(ART, "figures.json"), JSON.stringify(figures, null, 2));
  console.log(`PDF round trips: ${JSON.stringify(figures)}`);
});

describe.each(CASES)("$name", ({ name, layout, sample }) => {
  test("the printed PDF imports as the CSV: same measures, owners and status, ≥ 98 % of cell characters", async () => {
    const spec = samplePlanTable(sample);
    const xlsx = join(ART, `${name}.xlsx`);
    writeFileSync(xlsx, await planXlsx(spec, layout));
    const pdf = printWithLibreOffice(xlsx, ART);
    const fromPdf = await importReportPdf(new Uint8Array(readFileSync(pdf)), `${name}.pdf`);
    const fromCsv = importGrid(planGrid(spec, layout), { file: `${name}.csv` });
    const want = finalizeMeasures(fromCsv.drafts);
    const got = finalizeMeasures(fromPdf.drafts);
    expect(want).toHaveLength(sample.measures);

    const ids = (ms: Measure[]) => ms.map((m) => [m.id, m.owners, m.status]);
    expect(ids(got)).toEqual(ids(want));
    let chars = 0;
    let right = 0;
    let exact = 0;
    want.forEach((w, i) => {
      const g = got[i];
      const fields = (m: Measure) => [m.plan, m.results, m.nextPlan].map(key);
      if (fields(w).join("|") === fields(g).join("|")) exact++;
      fields(w).forEach((a, k) => {
        const b = fields(g)[k];
        chars += [...a].length;
        right += Math.min([...a].length, lcs(a, b) - Math.max(0, [...b].length - [...a].length));
      });
    });
    const share = chars === 0 ? 1 : right / chars;
    figures[name] = {
      pages: pdfPages(pdf),
      measures: got.length,
      exactMeasures: exact,
      cellCharShare: Math.round(share * 10000) / 10000,
      warnings: fromPdf.problems.filter((p) => p.severity !== "info").length,
    };
    expect(pdfPages(pdf)).toBeGreaterThan(1);
    expect(share).toBeGreaterThanOrEqual(0.98);
    expect(fromPdf.fiscalYears).toEqual(fromCsv.fiscalYears);
  });
});
