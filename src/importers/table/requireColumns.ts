/**
 * Stage 3 of readPlanTable: the required columns, as the column table marks them. A missing one
 * is blocking: nothing of the table is imported.
 */
import { COLUMNS, type ColumnTable } from "../../domain/columns";
import type { Problem } from "../../domain/model";
import type { ColumnMap, HeaderPlace } from "./mapColumns";

/**
 * The roles missing, in the table's order: first the columns required outright, then those that
 * another column may replace (`{ or }`), each group named by that column when all of it is missing
 * (no results and no next-plan column: the combined column is what is missing).
 */
export function requireColumns(cols: ColumnMap, columns: ColumnTable = COLUMNS): string[] {
  const missing: string[] = [];
  for (const spec of columns)
    if (spec.required === true && !cols[spec.role]) missing.push(spec.role);
  const groups = new Map<string, { all: number; missing: string[] }>();
  for (const spec of columns) {
    const req = spec.required;
    if (req === undefined || req === true || cols[req.or]) continue;
    const g = groups.get(req.or) ?? { all: 0, missing: [] };
    g.all++;
    if (!cols[spec.role]) g.missing.push(spec.role);
    groups.set(req.or, g);
  }
  for (const [or, g] of groups) {
    if (g.missing.length === g.all) missing.push(or);
    else missing.push(...g.missing);
  }
  return missing;
}

/** One blocking problem per missing column, naming it and showing the header row as read. */
export function missingColumnProblems(
  missing: readonly string[],
  header: readonly string[],
  at: HeaderPlace,
  columns: ColumnTable = COLUMNS
): Problem[] {
  return missing.map((role) => {
    const names = columns.find((c) => c.role === role)?.names ?? { ja: role, en: role };
    return {
      code: "missing-label",
      severity: "error",
      ...at.base,
      row: at.headerRowNo,
      column: names.ja,
      // `found`: the header row as read, so the user sees which heading was not recognised.
      params: {
        column: names.ja,
        columnEn: names.en,
        found: header.filter((h) => h !== "").join(" | "),
      },
    };
  });
}
