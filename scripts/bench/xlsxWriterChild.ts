/**
 * One side of the `xlsx-writer-*` scenario, run in a process of its own so that each side's
 * memory is its own: `ours` (renderXlsx, as `build` writes) or `exceljs` (its streaming
 * WorkbookWriter, no styles, inline strings, writing every sheet's cell values of the same plan).
 * Prints one JSON line: the peak RSS of the first write above the level before it (sampled every
 * 2 ms from a worker thread, which sees the whole process), then the median ms of `runs` warm
 * writes, and the output's sizes.
 * Bundled by esbuild and started with --expose-gc by scenarios/31-xlsx-writer.ts.
 */
import { PassThrough } from "node:stream";
import { Worker } from "node:worker_threads";
import { unzipSync } from "fflate";
import * as ExcelJS from "exceljs";
import { syntheticWorkbookPlan } from "../../test/support/syntheticPlan";
import type { WorkbookPlan } from "../../src/workbook/plan";
import { nodeCompressor } from "../../src/cli/nodeCompressor";
import { renderXlsx } from "../../src/xlsx/renderXlsx";
import { sheetGrid } from "../../src/xlsx/writeSheet";

/** As `plan-tables build` writes: Node's zlib for deflate. */
async function ours(plan: WorkbookPlan): Promise<Uint8Array> {
  return renderXlsx(plan, { compressor: nodeCompressor });
}

async function bareExcelJs(plan: WorkbookPlan): Promise<Uint8Array> {
  const Lib = ((ExcelJS as unknown as { default?: typeof ExcelJS }).default ??
    ExcelJS) as typeof ExcelJS;
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (c: Buffer) => chunks.push(c));
  const wb = new Lib.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: false,
    useSharedStrings: false,
  });
  for (const s of plan.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const line of sheetGrid(s)) ws.addRow(line ?? []).commit();
    ws.commit();
  }
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

function sampler(): { reset(): void; peak(): Promise<number>; stop(): void } {
  const w = new Worker(
    `const { parentPort } = require("node:worker_threads");
     let max = 0;
     setInterval(() => { const r = process.memoryUsage.rss(); if (r > max) max = r; }, 2);
     parentPort.on("message", (m) => { if (m === "reset") max = 0; else parentPort.postMessage(max); });`,
    { eval: true }
  );
  return {
    reset: () => w.postMessage("reset"),
    peak: () =>
      new Promise((resolve) => {
        w.once("message", resolve);
        w.postMessage("peak");
      }),
    stop: () => void w.terminate(),
  };
}

async function main(): Promise<void> {
  const [side, rowsArg, ministriesArg, runsArg] = process.argv.slice(2);
  const rows = Number(rowsArg);
  const ministries = Number(ministriesArg);
  const runs = Number(runsArg ?? 3);
  const write = side === "ours" ? ours : bareExcelJs;
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const t0 = performance.now();
  const plan = await syntheticWorkbookPlan({ rows, ministries });
  const planMs = Math.round(performance.now() - t0);
  // Memory on the first write, from the level after the plan is built and collected (a warm-up
  // first would leave its garbage in the baseline); then the timed runs, warm.
  const mem = sampler();
  await new Promise((r) => setTimeout(r, 50));
  gc();
  const before = process.memoryUsage.rss();
  mem.reset();
  await new Promise((r) => setTimeout(r, 20));
  let bytes: Uint8Array = await write(plan);
  await new Promise((r) => setTimeout(r, 20));
  const peak = await mem.peak();
  mem.stop();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    bytes = await write(plan);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  let xmlBytes = 0;
  let sheetXmlBytes = 0;
  for (const [p, d] of Object.entries(unzipSync(bytes))) {
    xmlBytes += d.length;
    if (p.startsWith("xl/worksheets/sheet")) sheetXmlBytes += d.length;
  }
  process.stdout.write(
    JSON.stringify({
      side,
      planMs,
      ms: Math.round(times[Math.floor(times.length / 2)]),
      times: times.map(Math.round),
      peakAboveMB: Math.round(((peak - before) / 2 ** 20) * 10) / 10,
      zipBytes: bytes.length,
      xmlBytes,
      sheetXmlBytes,
    }) + "\n"
  );
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(1);
});
