/**
 * The simulator must be as strict as Excel's documentation: these tests protect the rules the
 * renderer's tests rely on.
 */
import {
  createExcelSimulator,
  PAYLOAD_LIMIT_BYTES,
  type ExcelSimulator,
} from "../support/excelSimulator";

/* eslint-disable @typescript-eslint/no-explicit-any -- the simulator's proxies are driven the way office.js code drives them */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read -- these tests read too early on purpose, to see the simulator refuse */
type Ctx = any;

function run<T>(
  sim: ExcelSimulator,
  batch: (ctx: Ctx) => Promise<T>,
  options: { delayForCellEdit?: boolean } = {}
): Promise<T> {
  return sim.run<T>(options, batch);
}

describe("queued operations and loading", () => {
  test("a value set on a range takes effect only at sync()", async () => {
    const sim = createExcelSimulator();
    await run(sim, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["総務省"]];
      expect(sim.workbook.sheet("Sheet1").cell(0, 0)).toBeUndefined();
      await ctx.sync();
      expect(sim.workbook.sheet("Sheet1").cell(0, 0)?.value).toBe("総務省");
    });
  });

  test("reading a property that was not loaded throws PropertyNotLoaded", async () => {
    const sim = createExcelSimulator();
    await run(sim, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      expect(() => ws.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      ws.load("name");
      // Loaded but not yet synced: still not readable.
      expect(() => ws.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(ws.name).toBe("Sheet1");
      // Another property of the same object was not loaded.
      expect(() => ws.position).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("a collection's items are readable only after load and sync", async () => {
    const sim = createExcelSimulator({ sheets: ["Sheet1", "総務省"] });
    await run(sim, async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      sheets.load("items/name");
      await ctx.sync();
      expect(sheets.items.map((s: { name: string }) => s.name)).toEqual(["Sheet1", "総務省"]);
    });
  });

  test("actions the batch left queued are sent by the library's final sync, and counted as unsynced", async () => {
    const sim = createExcelSimulator();
    await run(sim, async (ctx) => {
      ctx.workbook.worksheets.add("未同期");
    });
    // Excel.run syncs what the batch left (the real library does), so code must not rely on it.
    expect(sim.unsyncedActions).toBeGreaterThan(0);
    expect(sim.workbook.findSheet("未同期")).toBeDefined();
  });
});

describe("page layout", () => {
  test("a paper size outside Excel.PaperType is InvalidArgument; A3 and A4 are taken", async () => {
    const sim = createExcelSimulator();
    await run(sim, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").pageLayout.paperSize = "A3";
      await ctx.sync();
    });
    expect(sim.workbook.sheet("Sheet1").pageLayout.paperSize).toBe("A3");
    await expect(
      run(sim, async (ctx) => {
        (ctx.workbook.worksheets.getItem("Sheet1").pageLayout as { paperSize: string }).paperSize =
          "A3横";
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("values", () => {
  test("a values array that does not match the range's shape is InvalidArgument", async () => {
    const sim = createExcelSimulator();
    await expect(
      run(sim, async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, 2, 2).values = [
          ["a", "b"],
        ];
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("a null entry leaves that cell as it was", async () => {
    const sim = createExcelSimulator();
    await run(sim, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, 1, 2);
      r.values = [["継続", "拡充"]];
      r.values = [[null, "終了"]];
      await ctx.sync();
    });
    const s = sim.workbook.sheet("Sheet1");
    expect([s.cell(0, 0)?.value, s.cell(0, 1)?.value]).toEqual(["継続", "終了"]);
  });

  test.each(["=cmd|' /C calc'!A0", "+81-3-1234-5678", "-1+2"])(
    "a string starting with = + or - (%s) becomes a formula in a General cell",
    async (text) => {
      const sim = createExcelSimulator();
      await run(sim, async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("B2").values = [[text]];
        await ctx.sync();
      });
      expect(sim.workbook.sheet("Sheet1").cell(1, 1)?.formula).not.toBeNull();
    }
  );

  test.each(["=cmd|' /C calc'!A0", "+81-3-1234-5678"])(
    "the same string (%s) stays text in a cell formatted as Text (@)",
    async (text) => {
      const sim = createExcelSimulator();
      await run(sim, async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("B2");
        r.numberFormat = [["@"]];
        r.values = [[text]];
        r.load("values");
        await ctx.sync();
        expect(r.values).toEqual([[text]]);
      });
      expect(sim.workbook.sheet("Sheet1").cell(1, 1)).toMatchObject({ value: text, formula: null });
    }
  );

  test("number format set after the value does not make text of a formula", async () => {
    const sim = createExcelSimulator();
    await run(sim, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.values = [["=1+1"]];
      r.numberFormat = [["@"]];
      await ctx.sync();
    });
    expect(sim.workbook.sheet("Sheet1").cell(0, 0)?.formula).toBe("=1+1");
  });
});

describe("worksheets", () => {
  test.each(["", "a".repeat(32), "施策:一覧", "a/b", "[x]", "'quoted'", "History"])(
    "the sheet name %j is InvalidArgument",
    async (name) => {
      const sim = createExcelSimulator();
      await expect(
        run(sim, async (ctx) => {
          ctx.workbook.worksheets.add(name);
          await ctx.sync();
        })
      ).rejects.toMatchObject({ code: "InvalidArgument" });
    }
  );

  test("a sheet name already in use (ignoring case) is ItemAlreadyExists", async () => {
    const sim = createExcelSimulator({ sheets: ["Data"] });
    await expect(
      run(sim, async (ctx) => {
        ctx.workbook.worksheets.add("data");
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  test("getItemOrNullObject gives a null object for a missing sheet, getItem fails at sync", async () => {
    const sim = createExcelSimulator();
    await run(sim, async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("総務省");
      expect(() => missing.isNullObject).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" })
      );
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
    });
    await expect(
      run(sim, async (ctx) => {
        ctx.workbook.worksheets.getItem("総務省").load("name");
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("the last visible sheet cannot be deleted", async () => {
    const sim = createExcelSimulator();
    await expect(
      run(sim, async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").delete();
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  test("worksheet custom property keys are case-insensitive and add() overwrites", async () => {
    const sim = createExcelSimulator();
    await run(sim, async (ctx) => {
      const props = ctx.workbook.worksheets.getItem("Sheet1").customProperties;
      props.add("PlanTablesGenerated", "measures");
      props.add("plantablesgenerated", "dashboard");
      const p = props.getItemOrNullObject("PLANTABLESGENERATED").load("value");
      await ctx.sync();
      expect(p.isNullObject).toBe(false);
      expect(p.value).toBe("dashboard");
    });
  });
});

describe("tables, charts, validation, conditional formats", () => {
  test("tables cannot overlap, and a duplicate table name is refused", async () => {
    const sim = createExcelSimulator();
    await expect(
      run(sim, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1:B3").values = [
          ["項番", "担当府省庁"],
          ["(ア)", "総務省"],
          ["(イ)", "警察庁"],
        ];
        ws.tables.add(ws.getRange("A1:B3"), true);
        ws.tables.add(ws.getRange("B2:C4"), true);
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      run(sim, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.tables.add(ws.getRange("E1:E2"), true).name = "施策";
        ws.tables.add(ws.getRange("G1:G2"), true).name = "施策";
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  test("a chart added without seriesBy records Auto", async () => {
    const sim = createExcelSimulator();
    await run(sim, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.charts.add("BarStacked", ws.getRange("A1:C3"));
      await ctx.sync();
    });
    expect(sim.workbook.sheet("Sheet1").charts[0].seriesBy).toBe("Auto");
  });

  test("an inline list source over 255 characters is refused", async () => {
    const sim = createExcelSimulator();
    await expect(
      run(sim, async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A9").dataValidation.rule = {
          list: { inCellDropDown: true, source: Array(60).fill("経済産業省").join(",") },
        };
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("limits and faults", () => {
  test("a request over 5 MB is refused with RequestPayloadSizeLimitExceeded and nothing is applied", async () => {
    const sim = createExcelSimulator();
    const big = "あ".repeat(30000); // 90 KB in UTF-8
    await expect(
      run(sim, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1").values = [["before"]];
        ws.getRangeByIndexes(1, 0, 60, 1).values = Array.from({ length: 60 }, () => [big]);
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(sim.syncs[0].requestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(sim.workbook.sheet("Sheet1").cell(0, 0)).toBeUndefined();
  });

  test("an injected GeneralException stops the batch after some actions, which stay applied", async () => {
    const sim = createExcelSimulator({
      // Actions as the library sends them: instantiate the workbook, the collection, then each add.
      faults: [{ kind: "GeneralException", atSync: 1, afterActions: 3 }],
    });
    await expect(
      run(sim, async (ctx) => {
        ctx.workbook.worksheets.add("一");
        ctx.workbook.worksheets.add("二");
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect(sim.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1", "一"]);
  });

  test("a lost connection fails that sync and every later one (the library reports a failed transport as GeneralException)", async () => {
    const sim = createExcelSimulator({ faults: [{ kind: "ConnectionLost", atSync: 1 }] });
    for (let i = 0; i < 2; i++)
      await expect(
        run(sim, async (ctx) => {
          ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[i]];
          await ctx.sync();
        })
      ).rejects.toMatchObject({
        code: "GeneralException",
        message: expect.stringMatching(/connection/),
      });
    expect(sim.syncs.map((s) => s.error)).toEqual(["ConnectionLost", "ConnectionLost"]);
  });

  test("in cell-edit mode a batch fails unless run with delayForCellEdit", async () => {
    const sim = createExcelSimulator();
    sim.workbook.cellEditMode = true;
    const write = async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["総務省"]];
      await ctx.sync();
    };
    await expect(run(sim, write)).rejects.toMatchObject({
      code: "InvalidOperationInCellEditMode",
    });
    await expect(run(sim, write, { delayForCellEdit: true })).resolves.toBeUndefined();
  });

  test("every sync is recorded with its request size and suspensions", async () => {
    const sim = createExcelSimulator();
    await run(sim, async (ctx) => {
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["内閣官房"]];
      await ctx.sync();
      await ctx.sync();
    });
    // The second sync had nothing to send: the library sends no request for it.
    expect(sim.syncs).toHaveLength(1);
    expect(sim.syncs[0]).toMatchObject({ suspendedCalculation: true, error: null });
    // The real request: instantiations and a kept reference besides the two actions of the code.
    expect(sim.syncs[0].actions).toBeGreaterThan(2);
    expect(sim.syncs[0].requestBytes).toBeGreaterThan(300);
  });
});

describe("the real client library in front", () => {
  test("Excel.run is the library's: its requests, its errors (OfficeExtension.Error) and its clean-up request", async () => {
    const sim = createExcelSimulator({ recordActions: true });
    const err = await run(sim, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.values = [["総務省"]];
      await ctx.sync();
      r.load("values");
      return r.formulas; // read before load + sync: the library's own PropertyNotLoaded
    }).catch((e: unknown) => e);
    const lib = globalThis as unknown as { OfficeExtension: { Error: new () => Error } };
    expect(err).toBeInstanceOf(lib.OfficeExtension.Error);
    expect(err).toMatchObject({ code: "PropertyNotLoaded" });
    expect(sim.syncs[0].actionLabels).toEqual(
      expect.arrayContaining(["new .Worksheets", "new Worksheets.", "_KeepReference", "Values"])
    );
    expect(sim.cleanupRequests).toHaveLength(1);
  });
});
