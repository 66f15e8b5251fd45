/**
 * The workbook plan with last year's comparison added (年度比較, 前年度項番, ministry counts,
 * 比較の確認 holding the person's decisions), or unchanged when no previous edition was added.
 */
import { compareEditions, type PairDecision } from "../../domain/compare/compareEditions";
import type { PlanTable } from "../../domain/model";
import { addComparison } from "../../workbook/comparisonSheet";
import type { WorkbookPlan } from "../../workbook/plan";

export interface ComparisonChoice {
  previous: PlanTable | null;
  decisions: readonly PairDecision[];
}

export function withComparison(
  plan: WorkbookPlan,
  current: PlanTable,
  choice: ComparisonChoice
): WorkbookPlan {
  if (!choice.previous) return plan;
  const decisions = [...choice.decisions];
  const comparison = compareEditions(choice.previous.measures, current.measures, { decisions });
  return addComparison(plan, { current, previous: choice.previous, comparison, decisions });
}
