/**
 * 比較の確認: the pairs a person confirmed, linked or unlinked in the pane, one per row. The tool
 * reads it back (`readDecisions`) before regenerating, so regeneration keeps the decisions; the
 * sheet is generated (rewritten each time from what was read), and the rows are plain text a
 * person may also edit by hand.
 */
import type { PairDecision } from "../domain/compare/compareEditions";
import type { Lang } from "../domain/model";
import { squash } from "../domain/text";
import { COMPARISON_STRINGS } from "./comparisonStrings";
import { range } from "./geometry";
import type { CellValue, SheetPlan } from "./plan";
import { BLOCK_HEADER_FORMAT, emptySheet } from "./sheetPlan";

export const DECISIONS_SHEET_KEY = "comparisonDecisions";
export const DECISIONS_TABLE_NAME = "PlanComparisonDecisions";

export function buildDecisionsSheet(
  decisions: readonly PairDecision[],
  lang: Lang,
  name: string
): SheetPlan {
  const t = COMPARISON_STRINGS[lang];
  const sheet = emptySheet(DECISIONS_SHEET_KEY, "comparison", name);
  const rows: CellValue[][] = decisions.map((d) => [d.before, d.after, t.decisions[d.decision]]);
  const body = rows.length > 0 ? rows : [["", "", ""]];
  sheet.blocks.push({ row: 0, column: 0, values: [t.decisionHeader, ...body] });
  sheet.tables.push({
    name: DECISIONS_TABLE_NAME,
    range: range(0, 0, body.length + 1, 3),
    style: "TableStyleLight9",
  });
  sheet.formats.push({ range: range(0, 0, 1, 3), format: BLOCK_HEADER_FORMAT });
  sheet.columns = [
    { column: 0, width: 16 },
    { column: 1, width: 16 },
    { column: 2, width: 14 },
  ];
  sheet.validations.push({
    range: range(1, 2, body.length, 1),
    list: { kind: "inline", values: Object.values(t.decisions) },
    allowOther: false,
  });
  return sheet;
}

/** Decision words in either language (and the English keys) → the decision. */
const WORDS = new Map<string, PairDecision["decision"]>();
for (const lang of ["ja", "en"] as const)
  for (const [k, v] of Object.entries(COMPARISON_STRINGS[lang].decisions)) {
    WORDS.set(squash(v).toLowerCase(), k as PairDecision["decision"]);
    WORDS.set(k, k as PairDecision["decision"]);
  }

/**
 * The decisions on a 比較の確認 sheet's values (its header row first). Rows without both ids or
 * with an unknown word are left out: a decision is never guessed.
 */
export function readDecisions(values: readonly (readonly unknown[])[]): PairDecision[] {
  const out: PairDecision[] = [];
  for (const row of values.slice(1)) {
    const [b, a, d] = row.map((v) => (v == null ? "" : squash(String(v))));
    const decision = WORDS.get((d ?? "").toLowerCase());
    if (!b || !a || !decision) continue;
    out.push({ before: b, after: a, decision });
  }
  return out;
}
