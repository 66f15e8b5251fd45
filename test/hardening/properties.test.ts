/**
 * Property-based tests (fast-check, bounded runs): whatever comes in, the importers answer with
 * data and never an uncaught exception; no non-blank row is dropped without a measure or a
 * located problem; column order does not change the result; parse → render → parse keeps the
 * measures.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { matchHeader, splitCombinedCell } from "../../src/domain/headers";
import {
  PROBLEM_CODES,
  type Measure,
  type Problem,
  type ProblemCode,
} from "../../src/domain/model";
import { buildPlanTable } from "../../src/domain/pipeline";
import { readPlanTable } from "../../src/importers/table/readTable";
import { tidyCell } from "../../src/domain/text";
import { importFile, importGrid, importText, type ImportResult } from "../../src/importers";
import { importReportText } from "../../src/importers/reportText";
import { LEDGER_PLACES } from "../../src/domain/ledger";
import { buildWorkbookPlan } from "../../src/workbook/buildWorkbookPlan";
import { renderXlsx } from "../../src/xlsx/renderXlsx";
import {
  HEADER_VARIANTS,
  type GenTable,
  type Role,
  cellFor,
  encode,
  rowIsBlank,
  serialise,
  tableArb,
  tableGrid,
  tried,
  type TableEncoding,
} from "./tableArbitraries";

const CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>(PROBLEM_CODES);

/** A result is data of the agreed shape: arrays, known codes and severities, the given file name. */
function expectWellFormed(r: ImportResult, file: string): void {
  expect(Array.isArray(r.drafts)).toBe(true);
  expect(Array.isArray(r.problems)).toBe(true);
  for (const p of r.problems) {
    expect(CODES.has(p.code)).toBe(true);
    expect(["error", "warning", "info"]).toContain(p.severity);
    expect(p.file).toBe(file);
  }
  for (const d of r.drafts)
    expect(typeof d.label === "string" && typeof d.plan === "string").toBe(true);
  expectLedgerHolds(r);
}

/**
 * The ledger adds up: every cell or line counted once, in one place; every one placed as a
 * problem is a problem the user sees (its own unplaced-text, or the error that refused the file).
 */
function expectLedgerHolds(r: ImportResult): void {
  const l = r.ledger;
  if (!l) {
    // Only a file that was never read as cells or lines has none: one file-level error says why.
    expect(r.drafts).toEqual([]);
    expect(r.problems.some((p) => p.severity === "error")).toBe(true);
    return;
  }
  expect(LEDGER_PLACES.reduce((n, p) => n + l.counts[p], 0)).toBe(l.total);
  expect(l.entries.length).toBe(l.total - l.counts.measure - l.counts.extra);
  const codes = new Set(r.problems.map((p) => p.code));
  for (const e of l.entries.filter((x) => x.place === "problem")) {
    if (e.what === "unplaced-text" || e.what === "preamble")
      expect(
        r.problems.some(
          (p) => p.code === "unplaced-text" && (p.row ?? p.line) === (e.row ?? e.line)
        )
      ).toBe(true);
    else expect(codes.has(e.what as ProblemCode)).toBe(true);
  }
  tried.ledgered += l.total;
}

/** Non-blank cells of a grid, counted independently of the reader. */
const nonBlankCells = (grid: readonly (readonly string[])[]) =>
  grid.reduce((n, row) => n + row.filter((c) => c.trim() !== "").length, 0);

afterAll(() => {
  console.log(`hardening/properties: ${JSON.stringify(tried)}`);
});

const RUNS = { numRuns: 150 };

describe("arbitrary input never throws: problems are data", () => {
  const names = ["x.csv", "x.tsv", "x.txt", "x.xlsx", "x.pdf", "x"];
  const prefixes: number[][] = [
    [],
    [0x50, 0x4b, 0x03, 0x04],
    [0x25, 0x50, 0x44, 0x46],
    [0xef, 0xbb, 0xbf],
    [0xff, 0xfe],
    [0xd0, 0xcf, 0x11, 0xe0],
  ];

  it("importFile with arbitrary bytes under any name (zip, PDF, BOM and OLE signatures included)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.constantFrom(...prefixes),
        fc.uint8Array({ maxLength: 3000 }),
        async (name, prefix, body) => {
          tried.inputs++;
          const bytes = Uint8Array.from([...prefix, ...body]);
          expectWellFormed(await importFile(name, bytes), name);
        }
      ),
      { numRuns: 300 }
    );
  });

  it("importFile with arbitrary Unicode text as UTF-8, Shift_JIS and UTF-16", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("x.csv", "x.tsv", "x.txt"),
        fc.string({ unit: "grapheme", maxLength: 400 }),
        fc.constantFrom("UTF-8", "Shift_JIS", "UTF-16LE-BOM") as fc.Arbitrary<TableEncoding>,
        async (name, text, enc) => {
          tried.inputs++;
          expectWellFormed(await importFile(name, encode(text, enc)), name);
        }
      ),
      RUNS
    );
  });

  it("pasted text, report text, header cells and combined cells", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 600 }), async (text) => {
        tried.inputs += 4;
        expectWellFormed(await importText("貼り付け", text), "貼り付け");
        expectWellFormed(importReportText(text, "report.txt"), "report.txt");
        const m = matchHeader(text);
        expect(m === null || typeof m.role === "string").toBe(true);
        const split = splitCombinedCell(text);
        expect(typeof split.results === "string" && typeof split.nextPlan === "string").toBe(true);
      }),
      RUNS
    );
  });

  it("a worksheet's used range of any values (strings, numbers, NaN, dates, booleans, null)", () => {
    const value = fc.oneof(
      fc.string(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.date({ noInvalidDate: false }),
      fc.constantFrom(...Object.values(HEADER_VARIANTS).flat())
    );
    fc.assert(
      fc.property(fc.array(fc.array(value, { maxLength: 8 }), { maxLength: 15 }), (grid) => {
        tried.inputs++;
        expectWellFormed(
          importGrid(grid, { file: "(current sheet)", sheet: "Sheet1" }),
          "(current sheet)"
        );
        expectWellFormed(
          readPlanTable(
            grid.map((r) => r.map((v) => String(v ?? ""))),
            { file: "g" }
          ),
          "g"
        );
      }),
      RUNS
    );
  });
});

describe("the generators speak the real header vocabulary", () => {
  it.each(Object.entries(HEADER_VARIANTS))(
    "every %s header variant is recognised as that column",
    (role, variants) => {
      for (const v of variants) {
        const m = matchHeader(v);
        // A year-bearing or plain 年次計画 is a plan column; the reader pairs plan/next by year or position.
        expect(m?.role).toBe(role);
      }
    }
  );
});

/** The table's rows as a file gives them: file row (1-based, header = 1) and whether it has text. */
function dataRows(t: GenTable): { fileRow: number; blank: boolean; index: number }[] {
  return t.rows.map((row, i) => ({
    fileRow: i + 2,
    blank: rowIsBlank(t.roles.map((r) => cellFor(row, r))),
    index: i,
  }));
}

/**
 * Conservation: the ledger of the import counts every non-blank cell of the table written, each in
 * one place; every non-blank row is a measure or has a problem at its row; the measure keeps every
 * cell, character for character (after the documented tidying).
 */
function expectNothingLost(
  t: GenTable,
  measures: Measure[],
  problems: Problem[],
  imported?: ImportResult
): void {
  if (imported) {
    expectLedgerHolds(imported);
    expect(imported.ledger?.total).toBe(nonBlankCells(tableGrid(t)));
    // Header cells are the table header; nothing of a generated table is left unplaced.
    expect(imported.ledger?.counts.problem).toBe(0);
  }
  const byRow = new Map(measures.map((m) => [m.source.row, m]));
  const problemRows = new Set(problems.map((p) => p.row));
  for (const r of dataRows(t)) {
    tried.rows++;
    const m = byRow.get(r.fileRow);
    if (r.blank) {
      expect(m).toBeUndefined();
      continue;
    }
    if (!m && !problemRows.has(r.fileRow)) tried.lost++;
    expect(m !== undefined || problemRows.has(r.fileRow)).toBe(true);
    if (!m) continue;
    const g = t.rows[r.index];
    expect(m.ownersText).toBe(g.owners.trim());
    expect(m.plan).toBe(tidyCell(g.plan.trim()));
    expect(m.results).toBe(tidyCell(g.results.trim()));
    expect(m.nextPlan).toBe(tidyCell(g.nextPlan.trim()));
    if (t.roles.includes("note") && g.note.trim() !== "") expect(m.note).toBe(g.note.trim());
  }
  tried.measures += measures.length;
  tried.problems += problems.length;
  // Nothing invented either: one measure per non-blank row.
  expect(measures.length).toBe(dataRows(t).filter((r) => !r.blank).length);
}

describe("no silent drop: every non-blank row is a measure or a located problem", () => {
  it("CSV and TSV, UTF-8 (with or without BOM), Shift_JIS and UTF-16, CRLF or LF", async () => {
    await fc.assert(
      fc.asyncProperty(
        tableArb,
        fc.constantFrom(",", "\t") as fc.Arbitrary<"," | "\t">,
        fc.constantFrom(
          "UTF-8",
          "UTF-8-BOM",
          "Shift_JIS",
          "UTF-16LE-BOM"
        ) as fc.Arbitrary<TableEncoding>,
        fc.constantFrom("\r\n", "\n"),
        async (t, delimiter, enc, eol) => {
          tried.inputs++;
          const name = delimiter === "," ? "府省庁.csv" : "府省庁.tsv";
          const bytes = encode(serialise(tableGrid(t), delimiter, eol), enc);
          const imported = await importFile(name, bytes);
          const table = buildPlanTable([imported]);
          expect(
            table.problems.filter((p) => p.severity === "error" && p.row === undefined)
          ).toEqual([]);
          expectNothingLost(t, table.measures, table.problems, imported);
        }
      ),
      RUNS
    );
  });

  it(".xlsx workbooks (written by exceljs, read back by the importer)", async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, fc.boolean(), async (t, titleSheetFirst) => {
        tried.inputs++;
        const wb = new ExcelJS.Workbook();
        // A first sheet without a table (a cover page) must not hide the table on the next one.
        if (titleSheetFirst) wb.addWorksheet("表紙").getCell("A1").value = "別添2";
        const ws = wb.addWorksheet("施策");
        for (const row of tableGrid(t)) ws.addRow(row);
        const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
        const imported = await importFile("府省庁.xlsx", bytes);
        const table = buildPlanTable([imported]);
        expect(table.problems.filter((p) => p.severity === "error" && p.row === undefined)).toEqual(
          []
        );
        expectNothingLost(t, table.measures, table.problems, imported);
      }),
      { numRuns: 40 }
    );
  }, 120_000);

  it("a worksheet's used range (the 'current sheet' import)", () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        tried.inputs++;
        const imported = importGrid(tableGrid(t), { file: "(current sheet)", sheet: "Sheet1" });
        const table = buildPlanTable([imported]);
        expectNothingLost(t, table.measures, table.problems, imported);
      }),
      RUNS
    );
  });
});

describe("column order does not matter", () => {
  it("the same table with its columns in another order gives the same measures and problems", async () => {
    await fc.assert(
      fc.asyncProperty(
        tableArb,
        fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        async (t, keys) => {
          tried.inputs += 2;
          const other = t.roles
            .map((r, i) => ({ r, k: keys[i] }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.r);
          const read = async (roles: Role[]) =>
            buildPlanTable([
              await importFile("府省庁.csv", encode(serialise(tableGrid(t, roles), ","), "UTF-8")),
            ]);
          const a = await read(t.roles);
          const b = await read(other);
          expect(b.measures).toEqual(a.measures);
          // Column indexes move with the columns; everything else about a problem stays.
          const key = (p: Problem) => JSON.stringify({ ...p, columnIndex: undefined });
          expect(b.problems.map(key).sort()).toEqual(a.problems.map(key).sort());
        }
      ),
      RUNS
    );
  });
});

const SAME = (m: Measure) => ({
  id: m.id,
  owners: m.owners,
  plan: m.plan,
  results: m.results,
  nextPlan: m.nextPlan,
  status: m.status,
  reposted: m.reposted,
  chapter: m.chapter,
  section: m.section,
  subsection: m.subsection,
});

describe("round trips keep the measures", () => {
  it("parse → 施策一覧 in an .xlsx (renderXlsx) → parse gives the same measures", async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, async (t) => {
        tried.inputs++;
        const first = buildPlanTable([
          await importFile("府省庁.csv", encode(serialise(tableGrid(t), ","), "UTF-8")),
        ]);
        const xlsx = await renderXlsx(buildWorkbookPlan(first, { lang: "ja" }));
        const again = buildPlanTable([await importFile("plan-tables.xlsx", xlsx)]);
        expect(again.measures.map(SAME)).toEqual(first.measures.map(SAME));
      }),
      { numRuns: 25 }
    );
  }, 120_000);

  it("parse → the four columns written back as CSV → parse gives the same measures", async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, async (t) => {
        tried.inputs++;
        const first = buildPlanTable([
          await importFile("a.csv", encode(serialise(tableGrid(t), ","), "UTF-8")),
        ]);
        const grid = [
          ["項番", "担当府省庁", "2023年度年次計画", "成果・進捗状況", "2024年度年次計画", "再掲"],
          ...first.measures.map((m) => [
            m.id,
            m.owners.join("\n"),
            m.plan,
            m.results,
            m.nextPlan,
            m.reposted ? "○" : "",
          ]),
        ];
        const again = buildPlanTable([
          await importFile("b.csv", encode(serialise(grid, ","), "Shift_JIS")),
        ]);
        const core = (m: Measure) => ({
          id: m.id,
          owners: m.owners,
          plan: m.plan,
          results: m.results,
          nextPlan: m.nextPlan,
          reposted: m.reposted,
        });
        expect(again.measures.map(core)).toEqual(first.measures.map(core));
      }),
      RUNS
    );
  });
});

// Runs last (Jest runs a file's tests in order): the figures README's "Nothing lost" quotes.
it("README figures: about 2,000 generated inputs a run, every cell or line in the ledger, 0 rows lost", () => {
  expect(tried.inputs).toBeGreaterThanOrEqual(2000);
  expect(tried.lost).toBe(0);
  expect(tried.ledgered).toBeGreaterThan(tried.inputs);
});
