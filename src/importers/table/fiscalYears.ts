/** Stage 6 of readPlanTable: the fiscal years, from the headers first, then the title, then the markers in cells. */
import type { FiscalYears } from "../../domain/model";
import type { ColumnMap } from "./mapColumns";

export function fiscalYearsOf(
  cols: ColumnMap,
  titleYears: FiscalYears | null,
  markerYear: number | undefined
): FiscalYears | null {
  const planYear = cols.plan?.year ?? cols.combined?.year ?? cols.results?.year ?? titleYears?.plan;
  const nextYear = cols.combined?.year2 ?? cols.nextPlan?.year ?? titleYears?.next ?? markerYear;
  if (planYear === undefined && nextYear === undefined) return null;
  return { plan: planYear ?? nextYear! - 1, next: nextYear ?? planYear! + 1 };
}
