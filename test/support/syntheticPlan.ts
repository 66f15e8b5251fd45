/** Synthetic report → helper A's import pipeline → helper C's workbook plan, as the pane does it. */
import { buildPlanTable } from "../../src/domain/pipeline";
import type { PlanTable } from "../../src/domain/model";
import { importFile } from "../../src/importers";
import { buildWorkbookPlan } from "../../src/workbook/buildWorkbookPlan";
import type { WorkbookPlan } from "../../src/workbook/plan";
import { syntheticCsv, type SyntheticOptions } from "./syntheticReport";

export async function syntheticPlanTable(o: SyntheticOptions): Promise<PlanTable> {
  const bytes = new TextEncoder().encode(syntheticCsv(o));
  return buildPlanTable([await importFile("synthetic.csv", bytes)]);
}

export async function syntheticWorkbookPlan(o: SyntheticOptions): Promise<WorkbookPlan> {
  return buildWorkbookPlan(await syntheticPlanTable(o), { lang: "ja" });
}
