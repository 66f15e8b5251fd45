/**
 * Hostile files through the CLI as it ships (bin/plan-tables.js on lib/, so run `npm run build:cli`
 * first), each in its own process under /usr/bin/time -v, which reports the process's peak
 * resident memory: zip bombs made on the spot (test/support/zipBombs.ts) must be refused within
 * seconds and a few hundred MB; a 20 MB CSV and a 50,000-row .xlsx must be read within a stated
 * multiple of their size. An empty CSV gives the baseline (Node and the CLI loaded, nothing read).
 * Goals: each bomb that its zip directory gives away (or that lies about a size under the limit it
 * then passes) refused (exit 2) in under 10 s with under 400 MB peak; a bomb whose directory claims
 * a size within the budgets is read like a real sheet until the cell budget (1,000,000 cells)
 * stops it: under the time budget (60 s) and 600 MB. Peak above the baseline at most 12× the CSV's
 * size and 12× the .xlsx's expanded XML size (its compressed size is shown too).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { syntheticCsv } from "../../../test/support/syntheticReport";
import {
  cellBomb,
  lyingRowsBomb,
  rowsBomb,
  sharedStringsBomb,
} from "../../../test/support/zipBombs";
import { readZipDirectory } from "../../../src/importers/zipReader";
import type { BenchScenario } from "../scenario";

const ROOT = join(__dirname, "..", "..", "..");
const CLI = join(ROOT, "bin", "plan-tables.js");
const MB = 1024 * 1024;

interface Run {
  exit: number;
  ms: number;
  peakMB: number;
  problem: string;
}

function runCli(file: string): Run {
  const t0 = performance.now();
  const r = spawnSync("/usr/bin/time", ["-v", process.execPath, CLI, "validate", file, "--json"], {
    encoding: "utf8",
    maxBuffer: 512 * MB,
    timeout: 120_000,
  });
  const ms = Math.round(performance.now() - t0);
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/u.exec(r.stderr)?.[1] ?? NaN);
  let problem = "";
  try {
    const issue = (JSON.parse(r.stdout) as { issues: { code: string; message: string }[] })
      .issues[0];
    problem = issue ? `${issue.code}: ${issue.message.slice(0, 60)}` : "";
  } catch {
    problem = `(no JSON: ${r.stderr.split("\n").slice(-3).join(" ").slice(0, 120)})`;
  }
  return { exit: r.status ?? -1, ms, peakMB: Math.round(kb / 1024), problem };
}

async function fiftyThousandRowXlsx(path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet("別添2");
  ws.addRow([
    "項番",
    "担当府省庁",
    "2023年度年次計画",
    "取組の成果、進捗状況及び2024年度年次計画",
  ]).commit();
  const owners = [
    "総務省",
    "経済産業省",
    "警察庁",
    "内閣官房",
    "文部科学省",
    "防衛省",
    "デジタル庁",
  ];
  for (let i = 0; i < 50_000; i++) {
    const owner = owners[i % owners.length];
    ws.addRow([
      `(${i + 1})`,
      owner,
      `${owner}において、重要インフラ事業者等のサイバーセキュリティ対策の強化に向けた取組を推進する(第${i + 1}号)。`,
      `<成果・進捗状況>\n・計画に基づき、説明会を${(i % 30) + 1}回開催し、${(i % 7) + 2}件の事案に対応した。\n<2024年度年次計画>\n・引き続き、取組を推進する。`,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

const scenario: BenchScenario = {
  name: "hostile-files-memory",
  async run() {
    if (!existsSync(join(ROOT, "lib", "cli", "main.js")))
      execFileSync("npm", ["run", "build:cli"], { cwd: ROOT, stdio: "ignore" });
    const dir = mkdtempSync(join(tmpdir(), "plan-tables-hostile-"));
    const put = (name: string, bytes: Uint8Array | string) => {
      const p = join(dir, name);
      writeFileSync(p, bytes);
      return p;
    };
    const bombs: Record<string, string> = {
      "rows-500MB.xlsx": put("rows-500MB.xlsx", rowsBomb(500)),
      "one-cell-500MB.xlsx": put("one-cell-500MB.xlsx", cellBomb(500)),
      "shared-strings-1100MB.xlsx": put("shared-strings-1100MB.xlsx", sharedStringsBomb(1100)),
      "lying-300MB-claims-1MB.xlsx": put("lying-300MB-claims-1MB.xlsx", lyingRowsBomb(300, 1 * MB)),
      "lying-500MB-claims-190MB.xlsx": put(
        "lying-500MB-claims-190MB.xlsx",
        lyingRowsBomb(500, 190 * MB)
      ),
    };
    const baseline = runCli(put("empty.csv", ""));
    const out: Record<string, unknown> = { scenario: this.name, baselinePeakMB: baseline.peakMB };
    const results: Record<string, Run & { fileKB: number }> = {};
    for (const [name, path] of Object.entries(bombs))
      results[name] = { ...runCli(path), fileKB: Math.round(statSync(path).size / 1024) };
    const csv = put("real-20MB.csv", "");
    let text = syntheticCsv({ rows: 1000, ministries: 40 });
    for (
      let rows = 1000;
      Buffer.byteLength(text) < 20 * MB;
      rows = Math.ceil(rows * ((20 * MB) / Buffer.byteLength(text)) * 1.02)
    )
      text = syntheticCsv({ rows, ministries: 40 });
    writeFileSync(csv, text);
    const xlsx = join(dir, "rows-50000.xlsx");
    await fiftyThousandRowXlsx(xlsx);
    for (const [name, path] of [
      ["real-20MB.csv", csv],
      ["rows-50000.xlsx", xlsx],
    ] as const) {
      const fileBytes = statSync(path).size;
      const r = runCli(path);
      results[name] = { ...r, fileKB: Math.round(fileBytes / 1024) };
      // A workbook is measured against its XML as inflated (what a reader must scan).
      const bytes = path.endsWith(".xlsx")
        ? readZipDirectory(new Uint8Array(readFileSync(path))).reduce((n, e) => n + e.size, 0)
        : fileBytes;
      out[`${name}.readMB`] = Math.round((bytes / MB) * 10) / 10;
      out[`${name}.peakOverBaselineTimesSize`] =
        Math.round(((r.peakMB - baseline.peakMB) * MB * 10) / bytes) / 10;
    }
    out.files = results;
    return out;
  },
  check(r) {
    const problems: string[] = [];
    const files = r.files as Record<string, Run>;
    for (const [name, f] of Object.entries(files)) {
      if (name.startsWith("real-") || name.startsWith("rows-50000")) continue;
      const readToBudget = name === "lying-500MB-claims-190MB.xlsx";
      const [ms, mb] = readToBudget ? [60_000, 600] : [10_000, 400];
      if (f.exit !== 2) problems.push(`${name}: exit ${f.exit}, not refused`);
      if (f.ms > ms) problems.push(`${name}: ${f.ms} ms (goal < ${ms / 1000} s)`);
      if (f.peakMB > mb) problems.push(`${name}: ${f.peakMB} MB peak (goal < ${mb} MB)`);
    }
    if ((r["real-20MB.csv.peakOverBaselineTimesSize"] as number) > 12)
      problems.push("20 MB CSV: peak over 12× its size");
    if ((r["rows-50000.xlsx.peakOverBaselineTimesSize"] as number) > 12)
      problems.push("50,000-row .xlsx: peak over 12× its XML size");
    return problems;
  },
};

export default scenario;
