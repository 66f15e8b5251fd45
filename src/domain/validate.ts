/**
 * Measure-level validation, Frictionless style: every problem at once, each located (file,
 * sheet, row, column as the file names it) with a code and a severity. Table-level problems
 * (missing/duplicate/blank labels, blank rows, formula-like and over-long cells) come from
 * readPlanTable, which sees the raw cells.
 */
import type { ColumnInfo } from "./importResult";
import { COLUMN_NAMES, type ColumnRole } from "./columns";
import { isQualifiedId, isWellFormedLabel } from "./labels";
import type { Measure, Problem, ProblemCode, Severity, SourceRef } from "./model";
import { normalizeOwnersShared } from "./ministries";
import { EXCEL_CELL_LIMIT as MAX_CELL_LENGTH } from "./cellLimit";
import { parseStatusName } from "./status";
import { isBlankOrDash, isSquashEmpty } from "./text";

/** Severity of each measure-level problem. */
export const PROBLEM_SEVERITY: Readonly<Partial<Record<ProblemCode, Severity>>> = {
  "unknown-ministry": "warning",
  "group-ministry": "warning",
  "duplicate-id": "error",
  "malformed-id": "warning",
  "cell-too-long": "error",
  "invalid-status": "warning",
};

/** A required cell's severity: without a label or an owner a measure cannot be placed or counted. */
export const MISSING_CELL_SEVERITY: Readonly<Record<RequiredField, Severity>> = {
  label: "error",
  ownersText: "error",
  plan: "warning",
  results: "warning",
  nextPlan: "warning",
};

type RequiredField = "label" | "ownersText" | "plan" | "results" | "nextPlan";
const FIELD_ROLES: Record<RequiredField, ColumnRole[]> = {
  label: ["itemNumber"],
  ownersText: ["owners"],
  plan: ["plan"],
  results: ["results", "combined"],
  nextPlan: ["nextPlan", "combined"],
};

/** Cells a measure may leave empty, by status: an ended measure has no next-year part; a new one has no year's plan or results. */
function exempt(m: Measure, field: RequiredField): boolean {
  if (m.status === "ended") return field === "nextPlan";
  if (m.status === "new") return field === "results" || (field === "plan" && isBlankOrDash(m.plan));
  return false;
}

export interface ValidateOptions {
  /** The columns recognised in the measure's source table, to name cells as the file does. */
  columnsFor?: (source: SourceRef) => Partial<Record<ColumnRole, ColumnInfo>> | undefined;
}

type Location = Pick<
  Problem,
  "file" | "sheet" | "row" | "column" | "columnIndex" | "page" | "line" | "measureId"
>;
type Columns = Partial<Record<ColumnRole, ColumnInfo>> | undefined;

/** Where a measure's problem is: its source, the column of `field` as the file names it, its id. */
function locate(m: Measure, columns: Columns, field: RequiredField | null): Location {
  const loc: Location = { file: m.source.file };
  if (m.source.sheet !== undefined) loc.sheet = m.source.sheet;
  if (m.source.row !== undefined) loc.row = m.source.row;
  if (m.source.page !== undefined) loc.page = m.source.page;
  if (m.source.line !== undefined) loc.line = m.source.line;
  if (field) {
    const roles = FIELD_ROLES[field];
    const info = roles.map((r) => columns?.[r]).find((c) => c !== undefined);
    loc.column = info?.header ?? COLUMN_NAMES[roles[0]].ja;
    if (info) loc.columnIndex = info.index;
  }
  if (m.id !== "") loc.measureId = m.id;
  return loc;
}

/**
 * The first measure seen with each id: a Map per id head ("2.1(1)" of "2.1(1)(ア)", cut at the last
 * "(", a function of the id alone). Neighbouring rows share a head, so lookups stay in small maps
 * instead of probing one map of 100,000 ids at random (measured: the largest cost of validation).
 */
class IdIndex {
  private readonly byHead = new Map<string, Map<string, Measure>>();
  private lastHead = "";
  private last: Map<string, Measure> | undefined;
  private inner(id: string, create: boolean): Map<string, Measure> | undefined {
    const cut = id.lastIndexOf("(");
    // The same head as the row before: found without cutting a new string from the id.
    if (
      this.last !== undefined &&
      (cut > 0
        ? cut === this.lastHead.length && id.startsWith(this.lastHead)
        : this.lastHead === "")
    )
      return this.last;
    const head = cut > 0 ? id.slice(0, cut) : "";
    let map = this.byHead.get(head);
    if (map === undefined) {
      if (!create) return undefined;
      map = new Map();
      this.byHead.set(head, map);
    }
    this.lastHead = head;
    this.last = map;
    return map;
  }
  get(id: string): Measure | undefined {
    return this.inner(id, false)?.get(id);
  }
  set(id: string, m: Measure): void {
    this.inner(id, true)!.set(id, m);
  }
}

/** One measure-level problem; its location is built only then (no closures per row). */
function addProblem(
  problems: Problem[],
  m: Measure,
  columns: Columns,
  code: ProblemCode,
  field: RequiredField | null,
  params?: Record<string, string | number>,
  severity?: Severity
): void {
  const p: Problem = {
    code,
    severity: severity ?? PROBLEM_SEVERITY[code] ?? "warning",
    ...locate(m, columns, field),
  };
  if (params) p.params = params;
  problems.push(p);
}

function missingCell(
  problems: Problem[],
  m: Measure,
  columns: Columns,
  field: RequiredField
): void {
  addProblem(problems, m, columns, "missing-cell", field, { field }, MISSING_CELL_SEVERITY[field]);
}

export function validatePlanTable(measures: Measure[], options: ValidateOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const firstById = new IdIndex();

  // Indexed loops over rows: for…of left an iterator result per row before optimisation (measured at 100,000 rows).
  for (let i = 0; i < measures.length; i++) {
    const m = measures[i];
    const columns = options.columnsFor?.(m.source);

    // missing-cell: required cells, minus what the status allows to be empty.
    // Field by field, in FIELD_ROLES order (a keyed loop over the fields was a measurable cost at 100,000 rows).
    if (isSquashEmpty(m.label) && !exempt(m, "label")) missingCell(problems, m, columns, "label");
    if (isSquashEmpty(m.ownersText) && !exempt(m, "ownersText"))
      missingCell(problems, m, columns, "ownersText");
    if (isSquashEmpty(m.plan) && !exempt(m, "plan")) missingCell(problems, m, columns, "plan");
    if (isSquashEmpty(m.results) && !exempt(m, "results"))
      missingCell(problems, m, columns, "results");
    if (isSquashEmpty(m.nextPlan) && !exempt(m, "nextPlan"))
      missingCell(problems, m, columns, "nextPlan");

    // Owners: unknown names (with a suggestion) and group names.
    const owners = normalizeOwnersShared(m.ownersText);
    for (let k = 0; k < owners.unknown.length; k++)
      addProblem(problems, m, columns, "unknown-ministry", "ownersText", {
        value: owners.unknown[k].name,
        suggestion: owners.unknown[k].suggestion ?? "",
      });
    for (let k = 0; k < owners.groups.length; k++)
      addProblem(problems, m, columns, "group-ministry", "ownersText", { value: owners.groups[k] });

    // 項番: shape, then uniqueness ((再掲) rows repeat an id on purpose).
    if (m.label !== "" && !isWellFormedLabel(m.label))
      addProblem(problems, m, columns, "malformed-id", "label", { value: m.label });
    if (m.label !== "" && !m.reposted) {
      const first = firstById.get(m.id);
      if (first) {
        const params: Record<string, string | number> = {
          id: m.id,
          firstFile: first.source.file,
          firstRow: first.source.row ?? first.source.line ?? "",
        };
        // No heading at all: the label alone ("(ア)") is the id, so the hint is to add headings.
        if (!m.chapter && !m.section && !m.subsection && !isQualifiedId(m.id)) params.unqualified = 1;
        addProblem(problems, m, columns, "duplicate-id", "label", params);
      } else firstById.set(m.id, m);
      // (IdIndex: same answers as a Map<string, Measure>.)
    }

    // 進捗区分 that names no status.
    if (m.statusOverride !== undefined && parseStatusName(m.statusOverride) === null) {
      problems.push({
        code: "invalid-status",
        severity: "warning",
        ...locate(m, columns, null),
        column: columns?.status?.header ?? COLUMN_NAMES.status.ja,
        params: { value: m.statusOverride },
      });
    }

    // Over-long text from sources without cells (report text, PDF); tables are checked per raw cell.
    if (!columns) {
      for (const field of ["plan", "results", "nextPlan"] as const) {
        if (m[field].length > MAX_CELL_LENGTH)
          addProblem(problems, m, columns, "cell-too-long", field, {
            length: m[field].length,
            max: MAX_CELL_LENGTH,
          });
      }
    }
  }
  return problems;
}
