/**
 * For the record, not a goal: the same pipeline-100000 comparison inside Chromium, where the pane
 * runs the pipeline (in its worker): src bundled for the browser as webpack bundles it, against
 * bare papaparse with the browser's own TextDecoder. Node's `buffer` module is not there, so both
 * sides decode with TextDecoder (which is faster in Chromium than in Node). Skipped when
 * /usr/bin/chromium is missing (CHROMIUM_PATH names another).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { chromium } from "playwright-core";
import type { BenchScenario } from "../scenario";
import { bundleEntry } from "../shippedPipeline";

const ROWS = 100_000;
const RUNS = 5;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Runs in the page: builds the CSV there, then times both sides alternately (median of RUNS). */
const ENTRY = `
import Papa from "papaparse";
import { summarize } from "./src/domain/aggregate";
import { buildPlanTable } from "./src/domain/pipeline";
import { importFile } from "./src/importers";
import { syntheticCsv } from "./test/support/syntheticReport";
globalThis.planTablesBench = async (rows, runs) => {
  const bytes = new TextEncoder().encode(syntheticCsv({ rows, ministries: 40 }));
  const pipeline = async () => summarize(buildPlanTable([await importFile("bench.csv", bytes)]));
  const papa = () => Papa.parse(new TextDecoder().decode(bytes), { skipEmptyLines: false });
  const summary = await pipeline();
  if (summary.measures < rows || papa().data.length < rows) throw new Error("not read whole");
  const a = [], b = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await pipeline();
    a.push(performance.now() - t);
    t = performance.now();
    papa();
    b.push(performance.now() - t);
  }
  const median = (x) => [...x].sort((p, q) => p - q)[x.length >> 1];
  return { ms: median(a), papaparseMs: median(b) };
};
`;

const scenario: BenchScenario = {
  name: `pipeline-${ROWS}-chromium`,
  async run() {
    if (!fs.existsSync(CHROMIUM))
      return { scenario: this.name, skipped: `no Chromium at ${CHROMIUM}` };
    const script = bundleEntry(ENTRY, path.resolve(__dirname, "..", "..", ".."), "browser");
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run"],
    });
    try {
      const page = await browser.newPage();
      await page.addScriptTag({ content: script });
      const r = await page.evaluate(
        ([rows, runs]) =>
          (
            globalThis as unknown as {
              planTablesBench(
                rows: number,
                runs: number
              ): Promise<{ ms: number; papaparseMs: number }>;
            }
          ).planTablesBench(rows, runs),
        [ROWS, RUNS] as const
      );
      const ms = Math.round(r.ms);
      const papaparseMs = Math.round(r.papaparseMs);
      return {
        scenario: this.name,
        ms,
        papaparseMs,
        ratio: Math.round((ms / papaparseMs) * 100) / 100,
      };
    } finally {
      await browser.close();
    }
  },
};
export default scenario;
