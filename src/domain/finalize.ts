/**
 * Drafts → measures: normalised label and qualified id, formal owner names, status with its rule.
 * Validation is separate (validate.ts): finalising never drops or rejects a row.
 */
import { COLUMNS, optionalTextColumns, type ColumnTable } from "./columns";
import type { Measure, MeasureDraft } from "./model";
import { normalizeLabel, qualifiedId } from "./labels";
import { normalizeOwnersShared } from "./ministries";
import { isReposted } from "./reposted";
import { classifyTexts } from "./status";
import { isSquashEmpty, tidyCell } from "./text";

export function finalizeMeasure(d: MeasureDraft, columns: ColumnTable = COLUMNS): Measure {
  const plan = tidyCell(d.plan);
  const results = tidyCell(d.results);
  const nextPlan = tidyCell(d.nextPlan);
  const override =
    d.statusOverride !== undefined && !isSquashEmpty(d.statusOverride)
      ? d.statusOverride.trim()
      : undefined;
  const { status, rule } = classifyTexts(plan, nextPlan, override);
  const m: Measure = {
    id: qualifiedId(d),
    label: normalizeLabel(d.label),
    chapter: d.chapter,
    section: d.section,
    subsection: d.subsection,
    // Shared with every measure of the same owner cell (frozen in the cache): a copy per row was garbage.
    owners: normalizeOwnersShared(d.ownersText).owners,
    ownersText: d.ownersText,
    plan,
    results,
    nextPlan,
    reposted:
      d.reposted || isReposted({ itemNumber: d.label, texts: [d.plan, d.results, d.nextPlan] }),
    status,
    statusRule: rule,
    source: d.source,
    confidence: d.confidence ?? 1,
  };
  if (override !== undefined) m.statusOverride = override;
  // Optional text columns (備考…): trimmed, kept when not blank.
  const from = d as unknown as Partial<Record<string, string>>;
  const to = m as unknown as Record<string, string>;
  for (const { fill } of optionalTextOf(columns)) {
    const v = from[fill.field];
    if (v !== undefined && v.trim() !== "") to[fill.field] = v.trim();
  }
  if (d.extra !== undefined) m.extra = d.extra;
  return m;
}

/** finalizeMeasure runs once per draft: a table's optional text columns are listed once. */
const optionalOf = new WeakMap<
  ColumnTable,
  ReturnType<typeof optionalTextColumns<string, string>>
>();
const OPTIONAL_TEXT = optionalTextColumns(COLUMNS);
function optionalTextOf(columns: ColumnTable) {
  if (columns === COLUMNS) return OPTIONAL_TEXT;
  let list = optionalOf.get(columns);
  if (!list) optionalOf.set(columns, (list = optionalTextColumns(columns)));
  return list;
}

/** Normalise every draft, in order. */
export function finalizeMeasures(
  drafts: MeasureDraft[],
  columns: ColumnTable = COLUMNS
): Measure[] {
  return drafts.map((d) => finalizeMeasure(d, columns));
}
