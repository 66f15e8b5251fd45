/**
 * Generation inside Excel, through the real Excel client library (@microsoft/office-js, loaded
 * from node_modules) with the strict simulator as Excel: realistic plans (synthetic report →
 * import pipeline → buildWorkbookPlan) of 1,000, 10,000 and 50,000 measures, 5 and 40 ministries.
 * Request bytes are the real serialised bodies the library sends.
 * Goals: syncs independent of the number of ministries and at most 4 + ceil(total bytes / 4 MB);
 * no request over 4,000,000 bytes (Excel on the web refuses 5,000,000).
 */
import { applyWorkbookPlan } from "../../../src/excel/applyPlan";
import { CHUNK_LIMIT_BYTES } from "../../../src/excel/batching/payload";
import type { ExcelHost } from "../../../src/excel/host";
import { createExcelSimulator, PAYLOAD_LIMIT_BYTES } from "../../../test/support/excelSimulator";
import { installRealOfficeJs } from "../../../test/support/realOfficeJs";
import { syntheticWorkbookPlan } from "../../../test/support/syntheticPlan";
import type { BenchScenario } from "../scenario";

/** 4 MB as the chunk limit counts it (src/excel/batching/payload.ts). */
const MB4 = CHUNK_LIMIT_BYTES;

function generation(rows: number, ministries: number): BenchScenario {
  return {
    name: `generation-${rows}-${ministries}`,
    async run() {
      const plan = await syntheticWorkbookPlan({ rows, ministries });
      installRealOfficeJs();
      const sim = createExcelSimulator({ sheets: ["Sheet1"] });
      const t0 = performance.now();
      await applyWorkbookPlan(plan, { host: sim as unknown as ExcelHost });
      const ms = Math.round(performance.now() - t0);
      const sizes = sim.syncs.map((s) => s.requestBytes);
      return {
        scenario: this.name,
        rows,
        ministries,
        syncs: sim.syncs.length,
        /** The library's own clean-up request at the end of Excel.run (not a sync of ours). */
        cleanupRequests: sim.cleanupRequests.length,
        maxRequestBytes: Math.max(...sizes),
        totalRequestBytes: sizes.reduce((a, b) => a + b, 0),
        ms,
      };
    },
    check(r) {
      const problems: string[] = [];
      const syncs = r.syncs as number;
      const bound = 4 + Math.ceil((r.totalRequestBytes as number) / MB4);
      if (syncs > bound)
        problems.push(`${r.scenario}: ${syncs} syncs > 4 + ceil(total / 4 MB) = ${bound}`);
      if ((r.maxRequestBytes as number) > PAYLOAD_LIMIT_BYTES)
        problems.push(`${r.scenario}: a request is over 5 MB`);
      if ((r.maxRequestBytes as number) > MB4)
        problems.push(`${r.scenario}: a request is over the 4,000,000-byte chunk limit`);
      return problems;
    },
  };
}

const scenarios: BenchScenario[] = [];
for (const rows of [1000, 10000, 50000])
  for (const ministries of [5, 40]) scenarios.push(generation(rows, ministries));
export default scenarios;
