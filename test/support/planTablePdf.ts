/**
 * Plan tables laid out the way a ministry prints them from a spreadsheet: a title row above the
 * header, bordered cells with wrapped text, fitted to the page width, in the report's four-column
 * form (combined 取組の成果、進捗状況及び次年度年次計画) or with separate 成果・進捗状況 and
 * 20XX年度 年次計画 columns. The same table comes out as the grid a CSV holds (the truth) and as
 * an .xlsx that LibreOffice prints to PDF (scripts/fixtures/makePlanTablePdf.ts for the committed
 * fixtures; test/e2e/xlsx/pdfRoundTrip.test.ts at test time).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";

export interface PlanRow {
  label: string;
  owners: string[];
  plan: string;
  results: string;
  nextPlan: string;
}

export interface PlanSection {
  /** Heading rows above the section's measures: "2.1 …", "(1) …". */
  headings: string[];
  rows: PlanRow[];
}

export interface PlanTableSpec {
  years: { plan: number; next: number };
  chapter: string;
  sections: PlanSection[];
}

export interface PlanLayout {
  columns: 4 | 5;
  /** Header texts (default: the report's for 4 columns; 担当省庁 and 「2023年度 年次計画」 for 5). */
  header?: string[];
  paper: "A4" | "A3";
  orientation: "portrait" | "landscape";
  /** Print the header row again at the top of every page. */
  repeatHeader: boolean;
  /** Print this measure (0-based) as two rows with a page break inside its results. */
  breakInside?: number;
  /** Column widths in Excel's units. */
  widths?: number[];
  fontSize?: number;
}

export function defaultHeader(columns: 4 | 5, years: { plan: number; next: number }): string[] {
  return columns === 4
    ? [
        "項番",
        "担当府省庁",
        `${years.plan} 年度\n年次計画`,
        `${years.plan} 年度\n取組の成果、進捗状況及び ${years.next} 年度\n年次計画`,
      ]
    : [
        "項番",
        "担当省庁",
        `${years.plan}年度 年次計画`,
        "成果・進捗状況",
        `${years.next}年度 年次計画`,
      ];
}

/** The data cells of one measure in the layout's columns. */
function rowCells(r: PlanRow, columns: 4 | 5, next: number): string[] {
  const owners = r.owners.join("\n");
  if (columns === 5) return [r.label, owners, r.plan, r.results, r.nextPlan];
  const combined = [
    ...(r.results !== "" ? ["<成果・進捗状況>", r.results] : []),
    `<${next} 年度年次計画>`,
    ...(r.nextPlan !== "" ? [r.nextPlan] : []),
  ].join("\n");
  return [r.label, owners, r.plan, combined];
}

/** The table as a CSV would hold it: title, chapter, header, heading rows and measure rows. */
export function planGrid(spec: PlanTableSpec, layout: PlanLayout): string[][] {
  const n = layout.columns;
  const pad = (first: string) => [first, ...Array<string>(n - 1).fill("")];
  const grid: string[][] = [
    pad(
      `別添2 ${spec.years.plan} 年度のサイバーセキュリティ関連施策の実施状況及び ${spec.years.next} 年度年次計画`
    ),
    pad(spec.chapter),
    layout.header ?? defaultHeader(n, spec.years),
  ];
  for (const s of spec.sections) {
    for (const h of s.headings) grid.push(pad(h));
    for (const r of s.rows) grid.push(rowCells(r, n, spec.years.next));
  }
  return grid;
}

const thin = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** Lines a text takes in a column of `chars` full-width characters (half-width counts half). */
function lineCount(text: string, chars: number): number {
  return text.split("\n").reduce((sum, line) => {
    let w = 0;
    for (const ch of line) w += (ch.codePointAt(0) ?? 0) >= 0x2000 ? 1 : 0.5;
    return sum + Math.max(1, Math.ceil(w / chars));
  }, 0);
}

/** A measure's cells cut in two inside its results (at a paragraph): the second part has no label, owner or plan. */
function splitRow(cells: string[], n: 4 | 5): [string[], string[]] {
  const lines = cells[3].split("\n");
  const first = [...cells];
  const rest = cells.map(() => "");
  if (n === 4) {
    const next = lines.findIndex((l) => /^<\d{4} 年度年次計画>$/u.test(l));
    const cut = 1 + Math.max(1, Math.floor((next - 1) / 2));
    first[3] = lines.slice(0, cut).join("\n");
    rest[3] = lines.slice(cut).join("\n");
  } else {
    const cut = Math.max(1, Math.floor(lines.length / 2));
    first[3] = lines.slice(0, cut).join("\n");
    rest[3] = lines.slice(cut).join("\n");
    first[4] = "";
    rest[4] = cells[4];
  }
  return [first, rest];
}

/** The grid as an .xlsx laid out for printing: merged title and heading rows, bordered table cells. */
export async function planXlsx(spec: PlanTableSpec, layout: PlanLayout): Promise<Buffer> {
  const grid = planGrid(spec, layout);
  const n = layout.columns;
  const size = layout.fontSize ?? 9;
  const widths = layout.widths ?? (n === 4 ? [6, 12, 42, 58] : [6, 12, 34, 40, 34]);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("別添2");
  ws.columns = widths.map((width) => ({ width }));
  ws.pageSetup = {
    paperSize: (layout.paper === "A3" ? 8 : 9) as ExcelJS.PaperSize,
    orientation: layout.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(layout.repeatHeader ? { printTitlesRow: "3:3" } : {}),
  };
  ws.headerFooter = { oddFooter: "&C- &P -" };
  // Characters per line of each column at this font size (Excel width units are about 0.55 em of 9 pt text).
  const chars = widths.map((w) => Math.max(1, (w * 0.95 * 9) / size / 1.8));
  const style = (row: ExcelJS.Row, isHeader: boolean, cells: string[]) => {
    row.eachCell({ includeEmpty: true }, (c) => {
      c.font = { name: "IPAexGothic", size, bold: isHeader };
      c.alignment = {
        wrapText: true,
        vertical: isHeader ? "middle" : "top",
        horizontal: isHeader ? "center" : "left",
      };
      c.border = BORDER;
    });
    const lines = Math.max(...cells.map((t, k) => lineCount(t, chars[k])));
    row.height = lines * (size * 1.3) + 3;
  };
  let measure = 0;
  grid.forEach((cells, i) => {
    const row = ws.addRow(cells);
    const isHeader = i === 2;
    const wide = !isHeader && cells.slice(1).every((c) => c === "");
    if (wide) {
      ws.mergeCells(row.number, 1, row.number, n);
      const c = row.getCell(1);
      c.font = { name: "IPAexGothic", size: i === 0 ? size + 1 : size, bold: i === 0 };
      c.alignment = { wrapText: true, vertical: "top" };
      if (i > 1) c.border = BORDER;
      row.height =
        lineCount(
          cells[0],
          chars.reduce((a, b) => a + b, 0)
        ) *
          (size * 1.3) +
        3;
      return;
    }
    if (i > 2 && measure++ === layout.breakInside) {
      // Calc never splits a row over pages: the row is printed as two rows with a page break
      // between, the second without label and owner, as a long row of the report continues.
      const [first, rest] = splitRow(cells, n);
      row.values = first;
      style(row, false, first);
      row.addPageBreak();
      style(ws.addRow(rest), false, rest);
      return;
    }
    style(row, isHeader, cells);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** LibreOffice prints an .xlsx to PDF (a profile of our own, so parallel runs never share one). */
export function printWithLibreOffice(xlsx: string, outDir: string): string {
  fs.mkdirSync(outDir, { recursive: true });
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file:///tmp/lo-plan-pdf-${process.pid}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      outDir,
      xlsx,
    ],
    { stdio: "pipe", timeout: 170000 }
  );
  return path.join(outDir, path.basename(xlsx).replace(/\.(xlsx|ods)$/iu, ".pdf"));
}

export function libreOfficeVersion(): string {
  return execFileSync("soffice", ["--version"], { encoding: "utf8" }).trim();
}
