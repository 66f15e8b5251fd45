/**
 * One side of the `xlsx-writer-*` scenario, run in a process of its own so that each side's
 * memory is its own: `ours` (renderXlsx, as `build` writes) or `exceljs` (its streaming
 * WorkbookWriter, no styles, inline strings, writing every sheet's cell values of the same plan).
 * Prints one JSON line: the peak memory of the first write (heap in use + external) above the
 * level before it, after the plan is built and collected, then the median ms of `runs` warm
 * writes, their CPU time (all threads, and the main thread alone) and the output's sizes.
 * Bundled by esbuild and started with --expose-gc by scenarios/31-xlsx-writer.ts.
 */
import { readFileSync } from "node:fs";
import { PassThrough } from "node:stream";
import { unzipSync } from "fflate";
import * as ExcelJS from "exceljs";
import { syntheticWorkbookPlan } from "../../test/support/syntheticPlan";
import type { WorkbookPlan } from "../../src/workbook/plan";
import { nodeCompressor } from "../../src/cli/nodeCompressor";
import { renderXlsx } from "../../src/xlsx/renderXlsx";
import { sheetGrid } from "../../src/xlsx/writeSheet";

/**
 * Memory held by the process's JavaScript: heap in use plus memory outside it (Buffers, zlib's
 * output). Sampled in the writing thread at every piece each side hands on (about every 256 KB
 * of XML for ours, every chunk and every 1,000 rows for exceljs), so the peak of a write is seen.
 */
let peakBytes = 0;
/** Only during the memory run: process.memoryUsage() is not free, and must not weigh on the timed runs. */
let sampling = false;
function sample(): void {
  if (!sampling) return;
  const m = process.memoryUsage();
  const used = m.heapUsed + m.external;
  if (used > peakBytes) peakBytes = used;
}

/**
 * CPU time of the main thread (the one that writes the XML; deflate runs on zlib's thread pool on
 * both sides), in ms, from Linux's /proc (10 ms ticks); null elsewhere. Node 20 has no
 * per-thread CPU call. With the machine shared, CPU time varies less than wall time.
 */
function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** As `plan-tables build` writes: Node's zlib for deflate. */
async function ours(plan: WorkbookPlan): Promise<Uint8Array> {
  return renderXlsx(plan, {
    compressor: {
      deflate: (piece, final) => {
        sample();
        return nodeCompressor.deflate(piece, final);
      },
      crc32: nodeCompressor.crc32,
    },
  });
}

async function bareExcelJs(plan: WorkbookPlan): Promise<Uint8Array> {
  const Lib = ((ExcelJS as unknown as { default?: typeof ExcelJS }).default ??
    ExcelJS) as typeof ExcelJS;
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (c: Buffer) => {
    sample();
    chunks.push(c);
  });
  const wb = new Lib.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: false,
    useSharedStrings: false,
  });
  for (const s of plan.sheets) {
    const ws = wb.addWorksheet(s.name);
    sheetGrid(s).forEach((line, r) => {
      ws.addRow(line ?? []).commit();
      if (r % 1000 === 999) sample();
    });
    ws.commit();
  }
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
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
  gc();
  const m0 = process.memoryUsage();
  const before = m0.heapUsed + m0.external;
  peakBytes = before;
  sampling = true;
  let bytes: Uint8Array = await write(plan);
  sample();
  sampling = false;
  const peak = peakBytes;
  const times: number[] = [];
  const cpu: number[] = [];
  const mainCpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    const m = mainThreadCpuMs();
    bytes = await write(plan);
    times.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
    const m1 = mainThreadCpuMs();
    if (m !== null && m1 !== null) mainCpu.push(m1 - m);
  }
  const median = (xs: number[]) =>
    xs.length === 0 ? null : Math.round([...xs].sort((a, b) => a - b)[xs.length >> 1]);
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
      cpuMs: median(cpu),
      mainCpuMs: median(mainCpu),
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
