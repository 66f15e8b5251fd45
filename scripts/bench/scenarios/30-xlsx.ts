/**
 * The .xlsx renderer on realistic plans (synthetic report → import pipeline → buildWorkbookPlan):
 * `ms` is renderXlsx alone with fflate's deflate, as the pane's worker runs it (median of three
 * after a warm-up), `bytes` the file size. The CLI's writer (Node's zlib) is xlsx-writer-*. Goal: 10,000 measures render in under 20 s on the CI machine (2 cores).
 */
import { renderXlsx } from "../../../src/xlsx/renderXlsx";
import { syntheticWorkbookPlan } from "../../../test/support/syntheticPlan";
import { timeMedian, type BenchScenario } from "../scenario";

function xlsx(rows: number, ministries: number): BenchScenario {
  return {
    name: `xlsx-${rows}-${ministries}`,
    async run() {
      const plan = await syntheticWorkbookPlan({ rows, ministries });
      const bytes = await renderXlsx(plan); // warm-up
      const ms = await timeMedian(3, () => renderXlsx(plan));
      return {
        scenario: this.name,
        rows,
        ministries,
        sheets: plan.sheets.length,
        bytes: bytes.length,
        ms,
      };
    },
    check(r) {
      return (r.rows as number) <= 10000 && (r.ms as number) > 20000
        ? [`${r.scenario}: ${r.ms} ms > 20 s`]
        : [];
    },
  };
}

export default [xlsx(1000, 5), xlsx(1000, 40), xlsx(10000, 40)];
