/** The report importers' layout warnings: "ambiguous-layout" problems with a reason, a page and a line. */
import type { Problem } from "../../domain/model";

/** Why a layout warning was raised: the `reason` param of an "ambiguous-layout" problem. */
export type LayoutReason =
  | "column-guess"
  | "label-count"
  | "row-without-label"
  | "label-without-text"
  | "truncated-row"
  | "owner-incomplete"
  | "marker-year"
  | "edition-years-differ"
  | "other-appendix-skipped"
  | "no-page-title";

export function layoutProblem(
  file: string,
  reason: LayoutReason,
  at: { page?: number; line?: number },
  params: Record<string, string | number> = {},
  severity: Problem["severity"] = "warning"
): Problem {
  const p: Problem = { code: "ambiguous-layout", severity, file, params: { reason, ...params } };
  if (at.page !== undefined) p.page = at.page;
  if (at.line !== undefined) p.line = at.line;
  return p;
}
