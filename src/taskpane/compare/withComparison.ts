/**
 * The workbook plan with last year's comparison added (年度比較, 前年度項番, ministry counts,
 * 比較の確認 holding the person's decisions), or unchanged when no previous edition was added.
 */
import { compareEditions, type PairDecision } from "../../domain/compare/compareEditions";
import type { PlanTable } from "../../domain/model";
import { addComparison } from "../../workbook/comparisonSheet";
import { COMPARISON_STRINGS } from "../../workbook/comparisonStrings";
import { readDecisions } from "../../workbook/decisionsSheet";
import type { WorkbookPlan } from "../../workbook/plan";
import type { WorkbookGateway } from "../gateway/WorkbookGateway";

export interface ComparisonChoice {
  previous: PlanTable | null;
  /** Editions older than `previous` added with it (status per fiscal year on 年度比較). */
  older?: readonly PlanTable[];
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
  return addComparison(plan, {
    current,
    previous: choice.previous,
    older: choice.older ?? [],
    comparison,
    decisions,
  });
}

/**
 * The decisions on the workbook's 比較の確認 sheet (its Japanese or English name), none when the
 * gateway cannot read sheets or the workbook has none. A sheet the user renamed is theirs, not read.
 */
export async function loadSavedDecisions(gateway: WorkbookGateway): Promise<PairDecision[]> {
  if (!gateway.readSheet) return [];
  for (const lang of ["ja", "en"] as const) {
    try {
      const values = await gateway.readSheet(COMPARISON_STRINGS[lang].decisionsSheet);
      if (values) return readDecisions(values);
    } catch {
      // Reading is a convenience here: a failure leaves the decisions to be made again, never blocks.
    }
  }
  return [];
}
