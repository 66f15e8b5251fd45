/**
 * `build`'s writer against bare exceljs, side by side in one run: renderXlsx on the plan of a
 * synthetic report (as `plan-tables build` writes it) and exceljs's streaming WorkbookWriter
 * writing the same cell values (no styles, no tables, no charts), each side in a process of its
 * own (scripts/bench/xlsxWriterChild.ts, bundled by esbuild as the CLI and the pane join modules),
 * two processes per side, alternating; ms is the median of their four warm writes. Memory: the
 * highest of the two first writes' peak memory (heap + external) above the level before writing.
 * Goals: ms ≤ 1.5 × exceljs; peak memory ≤ 2 × the output's uncompressed XML.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { bundleEntry } from "../shippedPipeline";
import type { BenchScenario } from "../scenario";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const RATIO_GOAL = 1.5;
const MEMORY_GOAL = 2;

let script: string | null = null;
function childScript(): string {
  if (script) return script;
  const cache = path.join(ROOT, "node_modules", ".cache");
  fs.mkdirSync(cache, { recursive: true });
  const dir = fs.mkdtempSync(path.join(cache, "plan-tables-bench-"));
  script = path.join(dir, "xlsxWriter.cjs");
  fs.writeFileSync(script, bundleEntry('import "./scripts/bench/xlsxWriterChild";', ROOT, "node"));
  process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  return script;
}

type Side = {
  ms: number;
  times: number[];
  peakAboveMB: number;
  zipBytes: number;
  xmlBytes: number;
  planMs: number;
  cpuMs: number | null;
  mainCpuMs: number | null;
};

function runSide(side: "ours" | "exceljs", rows: number, ministries: number): Side {
  const out = execFileSync(
    process.execPath,
    [
      "--expose-gc",
      "--max-old-space-size=4096",
      childScript(),
      side,
      String(rows),
      String(ministries),
      "3",
    ],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 20 }
  );
  return JSON.parse(out.trim().split("\n").pop()!) as Side;
}

/** The machine's 1-minute load average at the end (Linux), to read the wall times by. */
function loadAverage(): number | null {
  try {
    return Number(fs.readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
  } catch {
    return null;
  }
}

function writer(rows: number, ministries: number): BenchScenario {
  return {
    name: `xlsx-writer-${rows}-${ministries}`,
    async run() {
      // Alternating processes, so that a busy moment of the machine falls on both sides.
      const oursRuns = [runSide("ours", rows, ministries)];
      const exceljsRuns = [runSide("exceljs", rows, ministries)];
      oursRuns.push(runSide("ours", rows, ministries));
      exceljsRuns.push(runSide("exceljs", rows, ministries));
      const median = (runs: Side[]) => {
        const t = runs.flatMap((r) => r.times).sort((a, b) => a - b);
        return Math.round((t[(t.length - 1) >> 1] + t[t.length >> 1]) / 2);
      };
      // CPU time (median write of each process, mean of the two processes): for the record. On a
      // shared machine it varies far less than wall time; both sides deflate on zlib's thread pool.
      const cpu = (runs: Side[], key: "cpuMs" | "mainCpuMs") =>
        runs.every((r) => r[key] !== null)
          ? Math.round(runs.reduce((sum, r) => sum + r[key]!, 0) / runs.length)
          : null;
      const ratioOf = (a: number | null, b: number | null) =>
        a === null || b === null || b === 0 ? null : Math.round((a / b) * 100) / 100;
      const cpuFigures = {
        cpuMs: cpu(oursRuns, "cpuMs"),
        exceljsCpuMs: cpu(exceljsRuns, "cpuMs"),
        mainCpuMs: cpu(oursRuns, "mainCpuMs"),
        exceljsMainCpuMs: cpu(exceljsRuns, "mainCpuMs"),
      };
      const ours = { ...oursRuns[0], ms: median(oursRuns) };
      const exceljs = { ...exceljsRuns[0], ms: median(exceljsRuns) };
      ours.peakAboveMB = Math.max(...oursRuns.map((r) => r.peakAboveMB));
      exceljs.peakAboveMB = Math.max(...exceljsRuns.map((r) => r.peakAboveMB));
      const xmlMB = Math.round((ours.xmlBytes / 2 ** 20) * 10) / 10;
      return {
        scenario: this.name,
        rows,
        ministries,
        ms: ours.ms,
        exceljsMs: exceljs.ms,
        ratio: Math.round((ours.ms / exceljs.ms) * 100) / 100,
        peakAboveMB: ours.peakAboveMB,
        exceljsPeakAboveMB: exceljs.peakAboveMB,
        xmlMB,
        memoryRatio: Math.round((ours.peakAboveMB / xmlMB) * 100) / 100,
        zipBytes: ours.zipBytes,
        exceljsZipBytes: exceljs.zipBytes,
        planMs: ours.planMs,
        ...cpuFigures,
        cpuRatio: ratioOf(cpuFigures.cpuMs, cpuFigures.exceljsCpuMs),
        mainCpuRatio: ratioOf(cpuFigures.mainCpuMs, cpuFigures.exceljsMainCpuMs),
        loadAverage: loadAverage(),
      };
    },
    check(r) {
      const missed: string[] = [];
      if ((r.ratio as number) > RATIO_GOAL)
        missed.push(
          `${r.scenario}: ${r.ms} ms is ${r.ratio} × bare exceljs (goal ≤ ${RATIO_GOAL})`
        );
      if ((r.memoryRatio as number) > MEMORY_GOAL)
        missed.push(
          `${r.scenario}: peak ${r.peakAboveMB} MB is ${r.memoryRatio} × the ${r.xmlMB} MB of XML (goal ≤ ${MEMORY_GOAL})`
        );
      return missed;
    },
  };
}

export default [writer(10000, 42), writer(50000, 42)];
