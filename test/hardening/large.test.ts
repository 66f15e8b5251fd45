/**
 * A large report: 50,000 measures of 47 ministries, through the import pipeline, the workbook
 * plan, the .xlsx renderer and Office.js on the strict simulator. Excel's limits hold (sheet
 * names valid and unique, ≤ 31 characters, cells ≤ 32,767 characters, no request over 5 MB) and
 * memory stays reasonable. Heap figures are printed, never asserted against a clock.
 */
import { applyWorkbookPlan } from "../../src/excel/applyPlan";
import type { ExcelHost } from "../../src/excel/host";
import type { PlanTable } from "../../src/domain/model";
import { MINISTRIES } from "../../src/domain/ministries";
import { buildWorkbookPlan } from "../../src/workbook/buildWorkbookPlan";
import type { WorkbookPlan } from "../../src/workbook/plan";
import { renderXlsx } from "../../src/xlsx/renderXlsx";
import {
  PAYLOAD_LIMIT_BYTES,
  checkSheetName,
  createExcelSimulator,
} from "../support/excelSimulator";
import { syntheticPlanTable } from "../support/syntheticPlan";
import { strFromU8, unzipSync } from "fflate";

const MEASURES = 50_000;
const MINISTRY_COUNT = 47;
/**
 * The dictionary knows 43 formal names; four more owners, as officials really write them or as a
 * hostile file could, make 47 — each a name Excel would refuse as it stands.
 */
const EXTRA_OWNERS = [
  "内閣官房国家サイバー統括室/サイバー安全保障体制整備準備室[仮称]",
  "History",
  "'引用符の庁'",
  "施策一覧",
];
const MiB = 1024 * 1024;
const heap = () => Math.round(process.memoryUsage().heapUsed / MiB);
const figures: Record<string, number | string> = {};

let table: PlanTable;
let plan: WorkbookPlan;

beforeAll(async () => {
  figures.heapStartMiB = heap();
  const base = await syntheticPlanTable({
    rows: MEASURES,
    ministries: MINISTRY_COUNT,
    formulaLikeEvery: 500,
  });
  table = {
    ...base,
    measures: base.measures.map((m, i) =>
      i % 1000 < EXTRA_OWNERS.length
        ? { ...m, owners: [EXTRA_OWNERS[i % 1000]], ownersText: EXTRA_OWNERS[i % 1000] }
        : m
    ),
  };
  figures.heapAfterImportMiB = heap();
  plan = buildWorkbookPlan(table, { lang: "ja" });
  figures.heapAfterPlanMiB = heap();
}, 600_000);

afterAll(() => console.log(`hardening/large: ${JSON.stringify(figures)}`));

describe("50,000 measures, 47 ministries", () => {
  it("are all imported, from 47 ministries", () => {
    expect(table.measures).toHaveLength(MEASURES);
    const owners = new Set(table.measures.flatMap((m) => m.owners));
    figures.ministries = owners.size;
    expect([...owners].filter((o) => MINISTRIES.includes(o))).toHaveLength(MINISTRIES.length);
    expect(owners.size).toBe(MINISTRY_COUNT);
  });

  it("give a plan whose sheet names Excel accepts: valid, at most 31 characters, unique ignoring case", () => {
    figures.sheets = plan.sheets.length;
    for (const s of plan.sheets) expect(() => checkSheetName(s.name)).not.toThrow();
    const lower = plan.sheets.map((s) => s.name.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
    // One sheet per ministry besides the measures, report and dashboard sheets; Excel has no sheet-count limit but memory.
    expect(plan.sheets.filter((s) => s.kind === "ministry").length).toBeGreaterThanOrEqual(
      MINISTRY_COUNT
    );
    figures.extraOwnerSheets = plan.sheets
      .slice(-EXTRA_OWNERS.length)
      .map((s) => s.name)
      .join(" | ");
    let cells = 0;
    const tooLong: string[] = [];
    for (const s of plan.sheets)
      for (const b of s.blocks)
        for (const row of b.values)
          for (const v of row) {
            cells++;
            if (typeof v === "string" && v.length > 32767) tooLong.push(`${s.name}: ${v.length}`);
          }
    expect(tooLong).toEqual([]);
    figures.planCells = cells;
  });

  it("render to an .xlsx holding every sheet and every measure row", async () => {
    const bytes = await renderXlsx(plan);
    figures.heapAfterRenderMiB = heap();
    figures.xlsxMiB = Math.round((bytes.length / MiB) * 10) / 10;
    const parts = unzipSync(bytes);
    const workbook = strFromU8(parts["xl/workbook.xml"]);
    const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/gu)].map((m) =>
      m[1].replace(/&amp;/gu, "&").replace(/&apos;/gu, "'")
    );
    expect(names).toEqual(plan.sheets.map((s) => s.name));
    // The measures sheet holds the header and one row per measure.
    const measuresIndex = plan.sheets.findIndex((s) => s.kind === "measures");
    const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"]);
    const rid = [...workbook.matchAll(/<sheet [^>]*r:id="([^"]+)"/gu)][measuresIndex][1];
    const target =
      new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`, "u").exec(rels) ??
      new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`, "u").exec(rels);
    const xml = strFromU8(parts[`xl/${target![1].replace(/^\/?xl\//u, "")}`]);
    const rows = xml.match(/<row /gu)?.length ?? 0;
    expect(rows).toBe(MEASURES + 1);
    expect(xml).not.toMatch(/<f[ >]/u);
  }, 600_000);

  it("generate through the real Excel client library on the simulator with no request over 4,000,000 bytes and every measure written", async () => {
    const sim = createExcelSimulator();
    const result = await applyWorkbookPlan(plan, {
      host: sim as unknown as ExcelHost,
      syncTimeoutMs: 600_000,
    });
    figures.heapAfterSimulatorMiB = heap();
    figures.syncs = result.syncs;
    figures.maxRequestMiB =
      Math.round((Math.max(...sim.syncs.map((s) => s.requestBytes)) / MiB) * 100) / 100;
    figures.totalRequestMiB = Math.round(sim.syncs.reduce((n, s) => n + s.requestBytes, 0) / MiB);
    for (const s of sim.syncs) {
      expect(s.error).toBeNull();
      expect(s.requestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
      // Through the real client library: 20 % under the limit, and the chunker's estimate above it.
      expect(s.requestBytes).toBeLessThan(4_000_000);
      expect(s.responseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    }
    sim.syncs
      .slice(2)
      .forEach((s, i) => expect(s.requestBytes).toBeLessThanOrEqual(result.chunkBytes[i]));
    const made = sim.workbook.sheets.filter((s) => !s.deleted && s.name !== "Sheet1");
    expect(made.map((s) => s.name)).toEqual(plan.sheets.map((s) => result.sheets[s.key]));
    const measures = sim.workbook.sheet(
      result.sheets[plan.sheets.find((s) => s.kind === "measures")!.key]
    );
    expect(measures.usedRect()?.rowCount).toBe(MEASURES + 1);
    expect(measures.cell(MEASURES, 0)?.value).toBe(table.measures[MEASURES - 1].id);
    // Memory: the whole run (import, plan, .xlsx, simulator) within a 2-core, 4 GB machine's means.
    expect(heap()).toBeLessThan(3000);
  }, 600_000);
});
