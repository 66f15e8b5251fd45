/**
 * The writer's progress and cancel, as both front ends use them: progress is the real steps
 * (sheet n of m, by name, then compressing); an AbortSignal stops the writing at the next sheet
 * or piece of XML with an AbortError, and no workbook comes out. The plan is a realistic one
 * (synthetic report of several ministries through the import pipeline).
 */
import { syntheticWorkbookPlan } from "../support/syntheticPlan";
import { nodeCompressor } from "../../src/cli/nodeCompressor";
import { renderXlsx, type RenderProgress } from "../../src/xlsx/renderXlsx";
import type { WorkbookPlan } from "../../src/workbook/plan";
import type { PartCompressor } from "../../src/xlsx/zipStream";

jest.setTimeout(60_000);

let plan: WorkbookPlan;
beforeAll(async () => {
  plan = await syntheticWorkbookPlan({ rows: 3000, ministries: 6 });
});

/** Node's zlib, counting the pieces of XML it is given, and calling `onPiece` with each. */
function countingCompressor(onPiece: (n: number) => void = () => undefined) {
  const c = {
    pieces: 0,
    deflate(piece: Uint8Array, final: boolean) {
      onPiece(++c.pieces);
      return nodeCompressor.deflate(piece, final);
    },
    crc32: nodeCompressor.crc32,
  } satisfies PartCompressor & { pieces: number };
  return c;
}

describe("renderXlsx progress and cancel", () => {
  it("reports each sheet in turn, by name, then compressing", async () => {
    const seen: RenderProgress[] = [];
    await renderXlsx(plan, { compressor: nodeCompressor, onProgress: (p) => seen.push(p) });
    const m = plan.sheets.length;
    expect(seen).toEqual([
      ...plan.sheets.map((s, i) => ({ phase: "sheet", done: i, total: m, sheet: s.name })),
      { phase: "compress", done: m, total: m },
    ]);
    expect(seen.map((p) => p.sheet)).toEqual(expect.arrayContaining(["施策一覧", "内閣官房"]));
  });

  it("cancelled between sheets, it stops there: no later sheet, no compressing, an AbortError", async () => {
    const controller = new AbortController();
    const seen: RenderProgress[] = [];
    const rendering = renderXlsx(plan, {
      compressor: nodeCompressor,
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.phase === "sheet" && p.done === 2) controller.abort();
      },
    });
    await expect(rendering).rejects.toMatchObject({ name: "AbortError" });
    expect(seen.map((p) => `${p.phase} ${p.done}`)).toEqual(["sheet 0", "sheet 1", "sheet 2"]);
  });

  it("cancelled inside a long sheet, it stops at the next piece of XML, before the next sheet", async () => {
    // The measure list (3,000 rows) is written in many pieces; cancel after its first.
    const measures = (seen: RenderProgress[]) =>
      seen.length > 0 && seen[seen.length - 1].sheet === "施策一覧";
    const full: RenderProgress[] = [];
    let fullPieces = 0;
    await renderXlsx(plan, {
      compressor: countingCompressor(() => {
        if (measures(full)) fullPieces++;
      }),
      onProgress: (p) => full.push(p),
    });
    expect(fullPieces).toBeGreaterThan(5);

    const controller = new AbortController();
    const seen: RenderProgress[] = [];
    let piecesAfterCancel = 0;
    const rendering = renderXlsx(plan, {
      compressor: countingCompressor(() => {
        if (controller.signal.aborted) piecesAfterCancel++;
        else if (measures(seen)) controller.abort();
      }),
      signal: controller.signal,
      onProgress: (p) => seen.push(p),
    });
    await expect(rendering).rejects.toMatchObject({ name: "AbortError" });
    expect(controller.signal.aborted).toBe(true);
    expect(seen[seen.length - 1]).toMatchObject({ phase: "sheet", sheet: "施策一覧" });
    expect(piecesAfterCancel).toBe(0);
  });

  it("with the browser's deflate (fflate) too, and a signal already aborted writes nothing", async () => {
    const controller = new AbortController();
    controller.abort();
    const seen: RenderProgress[] = [];
    await expect(
      renderXlsx(plan, { signal: controller.signal, onProgress: (p) => seen.push(p) })
    ).rejects.toMatchObject({ name: "AbortError" });
    expect(seen).toEqual([]);
  });
});
