/**
 * Requests sized as Excel receives them: for realistic plans of 1,000 and 10,000 measures, each
 * writing request's estimate (what the chunker packs by) stays above the body the real Excel client
 * library serialises, and every request stays under 4,000,000 bytes — 20 % under Excel on the web's
 * 5,000,000 (50,000 measures: test/hardening/large.test.ts). The syncs stay within 4 + ⌈bytes / 4 MB⌉.
 */
import { applyWorkbookPlan } from "../../src/excel/applyPlan";
import { CHUNK_LIMIT_BYTES } from "../../src/excel/batching/payload";
import type { ExcelHost } from "../../src/excel/host";
import { createExcelSimulator } from "../support/excelSimulator";
import { syntheticWorkbookPlan } from "../support/syntheticPlan";

test.each([
  [1000, 5],
  [1000, 40],
  [10000, 40],
])(
  "%i measures, %i ministries: every estimate ≥ the real body, every body < 4,000,000 bytes",
  async (rows, ministries) => {
    const plan = await syntheticWorkbookPlan({ rows, ministries, formulaLikeEvery: 100 });
    const sim = createExcelSimulator();
    const result = await applyWorkbookPlan(plan, { host: sim as unknown as ExcelHost });
    const writes = sim.syncs.slice(2);
    expect(writes.map((w) => w.error)).toEqual(writes.map(() => null));
    expect(writes).toHaveLength(result.chunkBytes.length);
    writes.forEach((w, i) => expect(w.requestBytes).toBeLessThanOrEqual(result.chunkBytes[i]));
    for (const s of sim.syncs) expect(s.requestBytes).toBeLessThan(CHUNK_LIMIT_BYTES);
    const total = sim.syncs.reduce((n, s) => n + s.requestBytes, 0);
    expect(result.syncs).toBeLessThanOrEqual(4 + Math.ceil(total / CHUNK_LIMIT_BYTES));
    // The library's own clean-up request at the end of the run, not counted as a sync.
    expect(sim.cleanupRequests.length).toBe(1);
  },
  300_000
);
