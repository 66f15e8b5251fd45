/**
 * applyWorkbookPlan on the strict simulator, with plans built the way the pane builds them
 * (synthetic report → import pipeline → buildWorkbookPlan).
 */
import { applyWorkbookPlan, type ApplyProgress } from "../../src/excel/applyPlan";
import { ExcelApplyError } from "../../src/excel/errors";
import type { ExcelHost } from "../../src/excel/host";
import {
  GENERATED_NAME_TAG,
  GENERATED_SHEET_TAG,
  type SheetPlan,
  type WorkbookPlan,
} from "../../src/workbook/plan";
import {
  createExcelSimulator,
  type ExcelSimulator,
  type Fault,
  type SimSheet,
} from "../support/excelSimulator";
import { syntheticWorkbookPlan } from "../support/syntheticPlan";
import { buildTemplatePlan } from "../../src/workbook/templatePlan";

const MB = 1_000_000;
const host = (sim: ExcelSimulator) => sim as unknown as ExcelHost;
const tagOf = (s: SimSheet) => s.customProps.get(GENERATED_SHEET_TAG.toLowerCase())?.value ?? null;
const generatedSheets = (sim: ExcelSimulator) =>
  sim.workbook.sheets.filter((s) => tagOf(s) !== null);

/** A user's workbook: a sheet named like a ministry, with data, a formula, a table and a format. */
function userWorkbook(faults: Fault[] = []): ExcelSimulator {
  const sim = createExcelSimulator({ sheets: ["メモ", "総務省"], faults });
  const s = sim.workbook.sheet("総務省");
  const a1 = s.cellForWrite(0, 0);
  a1.value = "総務省の担当者メモ";
  const b2 = s.cellForWrite(1, 1);
  b2.formula = "=SUM(A1:A9)";
  b2.value = 0;
  sim.workbook.addTable(s, { row: 3, column: 0, rowCount: 3, columnCount: 2 }, true);
  s.formats.push({
    rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 },
    prop: "font.bold",
    value: true,
  });
  return sim;
}

const snapshots = (sim: ExcelSimulator, names: string[]) =>
  names.map((n) => sim.workbook.sheet(n).snapshot());

let plan40: WorkbookPlan;
let plan5: WorkbookPlan;
beforeAll(async () => {
  plan40 = await syntheticWorkbookPlan({ rows: 400, ministries: 40, formulaLikeEvery: 50 });
  plan5 = await syntheticWorkbookPlan({ rows: 400, ministries: 5, formulaLikeEvery: 50 });
});

describe("generation", () => {
  test("every sheet of the plan is created in plan order, tagged with its key, and the first sheet is activated", async () => {
    const sim = createExcelSimulator();
    const result = await applyWorkbookPlan(plan40, { host: host(sim) });
    const made = generatedSheets(sim);
    expect(made.map((s) => tagOf(s))).toEqual(plan40.sheets.map((s) => s.key));
    expect(made.map((s) => s.name)).toEqual(plan40.sheets.map((s) => result.sheets[s.key]));
    expect(sim.workbook.activeSheet().name).toBe(result.sheets[plan40.sheets[0].key]);
    expect(sim.unsyncedActions).toBe(0);
  });

  test("cell values arrive exactly as planned, strings as Text", async () => {
    const sim = createExcelSimulator();
    await applyWorkbookPlan(plan5, { host: host(sim) });
    const measures = plan5.sheets.find((s) => s.kind === "measures") as SheetPlan;
    const sheet = sim.workbook.sheet(measures.name);
    for (const block of measures.blocks)
      block.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const cell = sheet.cell(block.row + r, block.column + c);
          if (v === null || v === "") return;
          expect(cell?.value).toBe(v);
          expect(cell?.formula).toBeNull();
          if (typeof v === "string") expect(cell?.numberFormat).toBe("@");
        })
      );
  });

  test.each(["=cmd|' /C calc'!A0", "+81-3-1234-5678", "-2023 年度で終了", "@SUM(A1:A9)"])(
    "imported text %j stays text in the generated sheets",
    async (text) => {
      const sim = createExcelSimulator();
      await applyWorkbookPlan(plan40, { host: host(sim) });
      let found = 0;
      for (const s of generatedSheets(sim))
        for (let r = 0; r < 500; r++)
          for (let c = 0; c < 14; c++) {
            const cell = s.cell(r, c);
            if (cell && (cell.value === text || cell.formula?.includes(text.slice(1)))) {
              expect(cell).toMatchObject({ value: text, formula: null, numberFormat: "@" });
              found++;
            }
          }
      expect(found).toBeGreaterThan(0);
    }
  );

  test("a table is laid over each filled range, with its planned name and style", async () => {
    const sim = createExcelSimulator();
    await applyWorkbookPlan(plan5, { host: host(sim) });
    const planned = plan5.sheets.flatMap((s) => s.tables.map((t) => ({ sheet: s.name, ...t })));
    const actual = sim.workbook
      .allTables()
      .map((t) => ({ sheet: t.sheet.name, name: t.name, range: t.rect, style: t.style }));
    expect(actual).toEqual(planned);
    const measures = sim.workbook.allTables().find((t) => t.name === "PlanMeasures");
    expect(measures?.sheet.cell(0, 0)?.value).toBe("項番");
  });

  test("charts always say columns or rows, never auto, and read the dashboard's cells", async () => {
    const sim = createExcelSimulator();
    await applyWorkbookPlan(plan40, { host: host(sim) });
    const charts = sim.workbook.sheets.flatMap((s) => s.charts);
    expect(charts).toHaveLength(plan40.sheets.reduce((n, s) => n + s.charts.length, 0));
    for (const c of charts) expect(["Columns", "Rows"]).toContain(c.seriesBy);
    expect(
      charts.every((c) => !c.sourceSheet.deleted && generatedSheets(sim).includes(c.sourceSheet))
    ).toBe(true);
  });

  test("the 進捗区分 dropdown, conditional formats, frozen panes, paper and print titles are applied", async () => {
    const sim = createExcelSimulator();
    await applyWorkbookPlan(plan5, { host: host(sim) });
    const measures = sim.workbook.sheet("施策一覧");
    const rule = measures.validations[0].rule as { list: { source: string } };
    expect(rule.list.source).toBe("継続,拡充,新規,終了,未報告");
    expect(measures.conditionalFormats.length).toBeGreaterThan(0);
    expect(measures.conditionalFormats.every((c) => c.formula?.startsWith("="))).toBe(true);
    expect(measures.freeze).toEqual({ rows: 1, columns: 1 });
    expect(measures.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A3",
      titleRows: "$1:$1",
    });
    expect(sim.workbook.sheet("検証結果").pageLayout).toMatchObject({ paperSize: "A4" });
  });
});

describe("user sheets", () => {
  test("a sheet named like a ministry that the user made survives generation untouched; the generated one gets a suffix and links follow it", async () => {
    const sim = userWorkbook();
    const before = snapshots(sim, ["メモ", "総務省"]);
    const result = await applyWorkbookPlan(plan40, { host: host(sim) });
    expect(snapshots(sim, ["メモ", "総務省"])).toEqual(before);
    expect(result.sheets["ministry:総務省"]).toBe("総務省 (2)");
    const dashboard = sim.workbook.sheet(result.sheets.dashboard);
    const refs: string[] = [];
    for (let r = 0; r < 60; r++)
      for (let c = 0; c < 10; c++) {
        const link = dashboard.cell(r, c)?.hyperlink;
        if (link?.documentReference) refs.push(link.documentReference);
      }
    expect(refs).toContain("'総務省 (2)'!A1");
    for (const ref of refs)
      expect(
        sim.workbook.findSheet(ref.slice(1, ref.indexOf("'!")).replace(/''/g, "'"))
      ).toBeDefined();
  });

  test("regeneration replaces only the tagged sheets and leaves the user's sheets as they were", async () => {
    const sim = userWorkbook();
    await applyWorkbookPlan(plan40, { host: host(sim) });
    const before = snapshots(sim, ["メモ", "総務省"]);
    const first = sim.workbook.sheets.map((s) => s.name);
    const second = await applyWorkbookPlan(plan40, { host: host(sim) });
    expect(second.replaced.sort()).toEqual(
      first.filter((n) => n !== "メモ" && n !== "総務省").sort()
    );
    expect(sim.workbook.sheets.map((s) => s.name)).toEqual(first);
    expect(second.sheets["ministry:総務省"]).toBe("総務省 (2)");
    expect(snapshots(sim, ["メモ", "総務省"])).toEqual(before);
    expect(generatedSheets(sim)).toHaveLength(plan40.sheets.length);
  });

  test("a generated sheet the user renamed and wrote in is theirs: regeneration keeps it as it is and makes a new one", async () => {
    const sim = createExcelSimulator({ sheets: ["メモ"] });
    await applyWorkbookPlan(plan5, { host: host(sim) });
    const mine = sim.workbook.sheet("内閣府");
    sim.workbook.renameSheet(mine, "内閣府 確認済");
    mine.cellForWrite(0, 6).value = "照会済み(11/20 回答あり)";
    const before = snapshots(sim, ["メモ", "内閣府 確認済"]);
    const syncsBefore = sim.syncs.length;
    const second = await applyWorkbookPlan(plan5, { host: host(sim) });
    expect(snapshots(sim, ["メモ", "内閣府 確認済"])).toEqual(before);
    expect(second.replaced).not.toContain("内閣府 確認済");
    // The new generation has its own 内閣府 sheet, and the run took no extra round trip.
    expect(second.sheets["ministry:内閣府"]).toBe("内閣府");
    expect(tagOf(sim.workbook.sheet("内閣府"))).toBe("ministry:内閣府");
    expect(sim.syncs.length - syncsBefore).toBe(second.syncs);
    // Generating once more still leaves it alone.
    await applyWorkbookPlan(plan5, { host: host(sim) });
    expect(snapshots(sim, ["メモ", "内閣府 確認済"])).toEqual(before);
  });

  test("a sheet tagged before names were recorded, or left under a temporary name by a stopped run, is still replaced", async () => {
    const sim = createExcelSimulator({ sheets: ["メモ"] });
    await applyWorkbookPlan(plan5, { host: host(sim) });
    const names = sim.workbook.sheets.map((s) => s.name);
    // An older generation: no name tag on the dashboard; a stopped run: 内閣府 set aside.
    sim.workbook.sheet("ダッシュボード").customProps.delete(GENERATED_NAME_TAG.toLowerCase());
    sim.workbook.renameSheet(sim.workbook.sheet("内閣府"), "PT旧abcd1234_1");
    const second = await applyWorkbookPlan(plan5, { host: host(sim) });
    expect(second.replaced).toEqual(expect.arrayContaining(["ダッシュボード", "PT旧abcd1234_1"]));
    expect(sim.workbook.sheets.map((s) => s.name)).toEqual(names);
  });

  test("a user's table holding a planned table name keeps it; the generated table gets a suffix", async () => {
    const sim = createExcelSimulator({ sheets: ["集計"] });
    const t = sim.workbook.addTable(
      sim.workbook.sheet("集計"),
      { row: 0, column: 0, rowCount: 2, columnCount: 1 },
      true
    );
    sim.workbook.renameTable(t, "PlanMeasures");
    await applyWorkbookPlan(plan5, { host: host(sim) });
    expect(t.name).toBe("PlanMeasures");
    expect(sim.workbook.sheet("施策一覧").tables[0].name).toBe("PlanMeasures_2");
  });
});

describe("round trips and payload", () => {
  test.each([
    [5, 2000],
    [40, 2000],
    [40, 200],
  ])(
    "with %i ministries and %i rows: at most 4 + ceil(bytes / 4 MB) syncs and no request over 4,000,000 real bytes",
    async (ministries, rows) => {
      const plan = await syntheticWorkbookPlan({ rows, ministries });
      const sim = createExcelSimulator();
      const result = await applyWorkbookPlan(plan, { host: host(sim) });
      const total = sim.syncs.reduce((n, s) => n + s.requestBytes, 0);
      expect(result.syncs).toBe(sim.syncs.length);
      expect(result.syncs).toBeLessThanOrEqual(4 + Math.ceil(total / (4 * MB)));
      expect(Math.max(...sim.syncs.map((s) => s.requestBytes))).toBeLessThanOrEqual(4 * MB);
    }
  );

  test("the number of syncs does not grow with the number of sheets: 43 sheets of a small table take 3 syncs", async () => {
    const plan = await syntheticWorkbookPlan({ rows: 200, ministries: 40 });
    const sim = createExcelSimulator();
    const result = await applyWorkbookPlan(plan, { host: host(sim) });
    expect(plan.sheets.length).toBeGreaterThan(40);
    expect(result.syncs).toBe(3);
  });

  test("each writing sync suspends calculation and screen updating; the reading syncs do not", async () => {
    const sim = createExcelSimulator();
    await applyWorkbookPlan(plan5, { host: host(sim), chunkLimitBytes: 256 * 1024 });
    expect(sim.syncs.length).toBeGreaterThan(3);
    expect(sim.syncs.slice(0, 2).some((s) => s.suspendedCalculation)).toBe(false);
    for (const s of sim.syncs.slice(2))
      expect(s).toMatchObject({ suspendedCalculation: true, suspendedScreenUpdating: true });
  });

  test("the estimate of each request stays above the body the real library sends", async () => {
    const sim = createExcelSimulator();
    const result = await applyWorkbookPlan(plan40, {
      host: host(sim),
      chunkLimitBytes: 300 * 1024,
    });
    const writes = sim.syncs.slice(2);
    expect(writes).toHaveLength(result.chunkBytes.length);
    writes.forEach((w, i) => expect(w.requestBytes).toBeLessThanOrEqual(result.chunkBytes[i]));
    expect(Math.max(...writes.map((s) => s.requestBytes))).toBeLessThanOrEqual(300 * 1024);
  });

  test("progress is reported for reading and for every writing chunk", async () => {
    const sim = createExcelSimulator();
    const seen: ApplyProgress[] = [];
    await applyWorkbookPlan(plan5, {
      host: host(sim),
      chunkLimitBytes: 256 * 1024,
      onProgress: (p) => seen.push(p),
    });
    const writes = seen.filter((p) => p.step === "writing");
    expect(seen[0]).toEqual({ step: "reading", done: 0, total: 2 });
    expect(writes.map((p) => p.done)).toEqual(writes.map((_, i) => i + 1));
    expect(writes[writes.length - 1].done).toBe(writes[0].total);
  });
});

describe("failures", () => {
  async function failingRun(
    sim: ExcelSimulator,
    plan: WorkbookPlan,
    syncTimeoutMs?: number
  ): Promise<ExcelApplyError> {
    const err = await applyWorkbookPlan(plan, {
      host: host(sim),
      chunkLimitBytes: 200 * 1024,
      syncTimeoutMs,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExcelApplyError);
    return err as ExcelApplyError;
  }

  test("a GeneralException in the fourth writing sync deletes every sheet this run made and leaves user sheets as they were", async () => {
    const sim = userWorkbook([{ kind: "GeneralException", atSync: 6, afterActions: 40 }]);
    const before = snapshots(sim, ["メモ", "総務省"]);
    const err = await failingRun(sim, plan40);
    expect(err.code).toBe("GeneralException");
    expect(err.cleanup).toBe("removed");
    expect(sim.workbook.sheets.map((s) => s.name)).toEqual(["メモ", "総務省"]);
    expect(snapshots(sim, ["メモ", "総務省"])).toEqual(before);
    expect(err.userMessage("ja")).toContain("お使いのシートは変更されていません");
  });

  test("a failure inside the first writing sync, between adding sheets and tagging them, still leaves no generated sheet", async () => {
    // Where the first sheet's add and its first tag are in the request the library sends.
    const probe = createExcelSimulator({ sheets: ["メモ", "総務省"], recordActions: true });
    await applyWorkbookPlan(plan5, { host: host(probe), chunkLimitBytes: 200 * 1024 });
    const labels = probe.syncs[2].actionLabels as string[];
    const add = labels.indexOf("new Worksheets.Add");
    expect(labels.indexOf("new CustomProperties.Add")).toBeGreaterThan(add);
    const sim = userWorkbook([{ kind: "GeneralException", atSync: 3, afterActions: add + 1 }]);
    const err = await failingRun(sim, plan5);
    expect(err.cleanup).toBe("removed");
    expect(sim.workbook.sheets.map((s) => s.name)).toEqual(["メモ", "総務省"]);
  });

  test.each([
    ["in the first writing sync, while the new sheets are being added", 3, 20],
    ["in a later writing sync, after values and tables", 7, 10],
    ["in the last writing sync", -1, 5],
  ])(
    "a regeneration failing %s gives back the previous generation whole",
    async (_when, atWrite, afterActions) => {
      const sim = userWorkbook();
      await applyWorkbookPlan(plan5, { host: host(sim) });
      const names = sim.workbook.sheets.map((s) => s.name);
      const before = snapshots(sim, names);
      // Count the writing syncs of a regeneration first, on a copy of the same workbook.
      const probe = userWorkbook();
      await applyWorkbookPlan(plan5, { host: host(probe) });
      const start = probe.syncs.length;
      await applyWorkbookPlan(plan5, { host: host(probe), chunkLimitBytes: 200 * 1024 });
      const last = probe.syncs.length - start;
      sim.faults = [
        {
          kind: "GeneralException",
          atSync: sim.syncs.length + (atWrite > 0 ? atWrite : last),
          afterActions,
        },
      ];
      const err = await failingRun(sim, plan5);
      expect(err.cleanup).toBe("removed");
      expect(sim.workbook.sheets.map((s) => s.name)).toEqual(names);
      expect(snapshots(sim, names)).toEqual(before);
    }
  );

  test("a writing request Excel refuses for its size is sent again in two halves, and the run completes", async () => {
    const clean = createExcelSimulator({ sheets: ["メモ", "総務省"] });
    const expected = await applyWorkbookPlan(plan5, {
      host: host(clean),
      chunkLimitBytes: 200 * 1024,
    });
    const sim = userWorkbook([{ kind: "RequestPayloadSizeLimitExceeded", atSync: 4 }]);
    const result = await applyWorkbookPlan(plan5, { host: host(sim), chunkLimitBytes: 200 * 1024 });
    expect(sim.syncs[3].error).toBe("RequestPayloadSizeLimitExceeded");
    // The refused request, then its operations again in two (or three, when operations do not
    // divide evenly) requests instead of one.
    expect(result.syncs).toBeGreaterThanOrEqual(expected.syncs + 2);
    expect(result.syncs).toBeLessThanOrEqual(expected.syncs + 3);
    expect(sim.workbook.sheets.map((s) => s.name)).toEqual(
      clean.workbook.sheets.map((s) => s.name)
    );
    for (const s of plan5.sheets)
      expect(sim.workbook.sheet(result.sheets[s.key]).usedRect()).toEqual(
        clean.workbook.sheet(expected.sheets[s.key]).usedRect()
      );
  });

  test("a reading request refused for its size is reported in plain words and nothing is made", async () => {
    const sim = userWorkbook([{ kind: "RequestPayloadSizeLimitExceeded", atSync: 1 }]);
    const err = await failingRun(sim, plan5);
    expect(err.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(err.userMessage("en")).toMatch(/5 MB/);
    expect(sim.workbook.sheets.map((s) => s.name)).toEqual(["メモ", "総務省"]);
  });

  test("a sync that never returns ends in a Timeout error, and the run's sheets are removed", async () => {
    const sim = userWorkbook([{ kind: "Hang", atSync: 4 }]);
    const err = await failingRun(sim, plan5, 50);
    expect(err.code).toBe("Timeout");
    expect(err.userMessage("ja")).toContain("応答しません");
    expect(sim.workbook.sheets.map((s) => s.name)).toEqual(["メモ", "総務省"]);
  });

  test("when the connection is lost the error says the leftover sheets are tagged and will be replaced", async () => {
    const sim = userWorkbook([{ kind: "ConnectionLost", atSync: 4 }]);
    const before = snapshots(sim, ["メモ", "総務省"]);
    const err = await failingRun(sim, plan5);
    // The real library reports a failed transport as GeneralException, with the transport's message.
    expect(err.code).toBe("GeneralException");
    expect(err.cleanup).toBe("failed");
    expect(err.userMessage("en")).toContain("tagged as generated");
    expect(snapshots(sim, ["メモ", "総務省"])).toEqual(before);
    expect(generatedSheets(sim).every((s) => tagOf(s) !== null)).toBe(true);
  });

  test("an Excel older than ExcelApi 1.12 is refused before anything is sent", async () => {
    const sim = createExcelSimulator({ excelApi: "1.7" });
    const err = await failingRun(sim, plan5);
    expect(err.code).toBe("ExcelTooOld");
    expect(err.userMessage("ja")).toContain("1.12");
    expect(sim.syncs).toHaveLength(0);
  });

  test("a plan with an inline list over 255 characters is refused before anything is sent", async () => {
    const sim = createExcelSimulator();
    const bad: WorkbookPlan = structuredClone(plan5);
    const measures = bad.sheets.find((s) => s.kind === "measures") as SheetPlan;
    measures.validations[0].list = { kind: "inline", values: Array(60).fill("経済産業省") };
    const err = await failingRun(sim, bad);
    expect(err.code).toBe("InvalidPlan");
    expect(sim.syncs).toHaveLength(0);
  });

  test("a user typing in a cell does not break the run (delayForCellEdit)", async () => {
    const sim = userWorkbook();
    sim.workbook.cellEditMode = true;
    await expect(applyWorkbookPlan(plan5, { host: host(sim) })).resolves.toMatchObject({
      syncs: expect.any(Number),
    });
  });
});

describe("the input template", () => {
  test("template sheets are not tagged as generated, and applying the template leaves an earlier generation alone", async () => {
    const sim = userWorkbook();
    await applyWorkbookPlan(plan5, { host: host(sim) });
    const generatedBefore = generatedSheets(sim).map((s) => s.name);
    const template = buildTemplatePlan("ja");
    const result = await applyWorkbookPlan(template, { host: host(sim) });
    expect(generatedSheets(sim).map((s) => s.name)).toEqual(generatedBefore);
    for (const s of template.sheets)
      expect(tagOf(sim.workbook.sheet(result.sheets[s.key]))).toBeNull();
    // Regenerating afterwards replaces the generation and keeps the template the user may have filled in.
    const filled = sim.workbook.sheet(result.sheets[template.sheets[0].key]);
    filled.cellForWrite(5, 1).value = "総務省";
    const snapshot = filled.snapshot();
    await applyWorkbookPlan(plan5, { host: host(sim) });
    expect(sim.workbook.sheet(result.sheets[template.sheets[0].key]).snapshot()).toEqual(snapshot);
  });
});
