/**
 * Comparing two editions (`compareEditions`, what `compare`, `build --previous` and the pane's
 * 前年度と比較 run) on generated editions of 1,000 and 5,000 measures with a known crosswalk
 * (test/domain/compare/editionGenerator.ts; beyond its few dozen corpus sentences, plans are three
 * sentences joined, so many share whole sentences, as in files merged over years). `ms`: median
 * of three after a warm-up, the code as it ships (bundled); `cpuMs`: user CPU time per run (the
 * machine's load does not change it); `precision`/`recall`: the pairs found against the
 * crosswalk; `review`: items listed for a person. Goal: 5,000 measures in 5 s (`ms`).
 */
import type { compareEditions as CompareEditions } from "../../../src/domain/compare/compareEditions";
import { editionMeasures, generateEditions } from "../../../test/domain/compare/editionGenerator";
import { timeMedian, type BenchScenario } from "../scenario";
import { loadBundle } from "../shippedPipeline";

const ENTRY = `export { compareEditions } from "./src/domain/compare/compareEditions";`;
const GOAL_MS = 5000;

function compare(measures: number): BenchScenario {
  return {
    name: `compare-${measures}`,
    async run() {
      const { compareEditions } = loadBundle<{ compareEditions: typeof CompareEditions }>(ENTRY);
      const g = generateEditions({ seed: 1, measures, added: Math.round(measures / 20) });
      const before = editionMeasures(g.before);
      const after = editionMeasures(g.after);
      const c = compareEditions(before, after); // warm-up, and the result scored
      const cpu = process.cpuUsage();
      const ms = await timeMedian(3, () => compareEditions(before, after));
      // This process's CPU time per run (mean of the three): on a shared machine, wall time
      // follows the load; this does not.
      const cpuMs = Math.round(process.cpuUsage(cpu).user / 3000);
      // The truth by row: the generator's rows keep their identity (key) across editions.
      const afterByKey = new Map(g.after.rows.map((row, j) => [row.key, j]));
      const expected = new Set<string>();
      g.before.rows.forEach((row, i) => {
        const j = afterByKey.get(row.key);
        if (j !== undefined) expected.add(`${i}:${j}`);
      });
      const right = c.pairs.filter((p) => expected.has(`${p.before}:${p.after}`)).length;
      return {
        scenario: this.name,
        before: before.length,
        after: after.length,
        truePairs: expected.size,
        pairs: c.pairs.length,
        precision: Number((right / c.pairs.length).toFixed(4)),
        recall: Number((right / expected.size).toFixed(4)),
        review: c.review.length,
        ms,
        cpuMs,
      };
    },
    check(r) {
      return (r.before as number) <= 5000 && (r.ms as number) > GOAL_MS
        ? [`${r.scenario}: ${r.ms} ms > ${GOAL_MS} ms`]
        : [];
    },
  };
}

export default [compare(1000), compare(5000)];
