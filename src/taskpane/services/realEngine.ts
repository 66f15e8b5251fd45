/**
 * The engine the pane uses: the importers, validation and planning run in the import worker
 * (main-thread fallback where a worker cannot start); messages come from the domain's table.
 * Loaded by dynamic import from index.tsx, so none of it is in the first bundle.
 */
import type { Lang, Problem } from "../../domain/model";
import { problemMessage } from "../../domain/messages";
import { sharedOps } from "../worker/sharedOps";
import type { PlanEngine } from "./engine";

export const SAMPLE_FILE = "cs2024-appendix2-page18.txt";

export async function loadRealEngine(): Promise<PlanEngine> {
  const ops = sharedOps();
  return {
    importFile: (name, bytes) => ops.file(name, bytes),
    importText: (name, text) => ops.text(name, text),
    importGrid: (grid, source) => ops.grid(grid, source),
    async importSample() {
      const res = await fetch(new URL(`sample/${SAMPLE_FILE}`, document.baseURI).href);
      if (!res.ok) throw new Error(`sample: HTTP ${res.status}`);
      return { name: SAMPLE_FILE, result: await ops.report(SAMPLE_FILE, await res.text()) };
    },
    buildTable: (results) => ops.build(results),
    buildPlan: (table, lang, order) => ops.plan(table, lang, order),
    problemMessage: (p: Problem, lang: Lang) => problemMessage(p, lang),
  };
}
