/**
 * The pure pipeline on a 100,000-row CSV (UTF-8 bytes in): decode + parse + header recognition +
 * validate + classify + aggregate (importFile → buildPlanTable → summarize), against bare
 * papaparse on the same bytes (the usual `new TextDecoder().decode` + Papa.parse), timed side by
 * side in one run, alternating, median of five after a warm-up. Both timings start from the bytes.
 * The pipeline is timed as it ships (one bundle, see shippedPipeline.ts), not through tsx.
 * Goal: at most 2× papaparse.
 */
import Papa from "papaparse";
import { syntheticCsv } from "../../../test/support/syntheticReport";
import type { BenchScenario } from "../scenario";
import { loadShippedPipeline } from "../shippedPipeline";

const ROWS = 100_000;

/** Timed runs of each side (alternating, after a warm-up); the median is reported. */
const RUNS = 5;

const scenario: BenchScenario = {
  name: `pipeline-${ROWS}`,
  async run() {
    const { importFile, buildPlanTable, summarize } = loadShippedPipeline();
    const bytes = new TextEncoder().encode(syntheticCsv({ rows: ROWS, ministries: 40 }));
    const pipeline = async () => summarize(buildPlanTable([await importFile("bench.csv", bytes)]));
    const papa = () =>
      Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: false });
    // Warm-up (JIT, lazy tables), and a check that every side read every row.
    const summary = await pipeline();
    const parsed = papa();
    if (summary.measures < ROWS || parsed.data.length < ROWS)
      throw new Error("the benchmark input was not read whole");
    const pipeTimes: number[] = [];
    const papaTimes: number[] = [];
    const time = async (f: () => unknown, into: number[]) => {
      const t0 = performance.now();
      await f();
      into.push(performance.now() - t0);
    };
    for (let i = 0; i < RUNS; i++) {
      await time(pipeline, pipeTimes);
      await time(papa, papaTimes);
    }
    const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
    const ms = Math.round(median(pipeTimes));
    const papaparseMs = Math.round(median(papaTimes));
    return {
      scenario: this.name,
      ms,
      papaparseMs,
      ratio: Math.round((ms / papaparseMs) * 100) / 100,
    };
  },
  check(r) {
    return (r.ratio as number) > 2
      ? [`${r.scenario}: the pipeline takes ${r.ratio}× bare papaparse (goal: at most 2×)`]
      : [];
  },
};
export default scenario;
