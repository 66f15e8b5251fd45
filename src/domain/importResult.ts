/**
 * What every importer returns: drafts (not yet normalised), located problems, and the fiscal
 * years read from the headers. Problems are data: an importer never throws for a bad file.
 */
import type { FiscalYears, MeasureDraft, Problem } from "./model";
import type { ColumnRole } from "./columns";
import type { Ledger } from "./ledger";

/** A recognised column: its header text as found in the file and its 1-based index. */
export interface ColumnInfo {
  header: string;
  index: number;
}

export interface ImportResult {
  drafts: MeasureDraft[];
  problems: Problem[];
  fiscalYears: FiscalYears | null;
  /** The columns recognised in a table (absent for report text/PDF): lets validation name a cell's column as the file does. */
  columns?: Partial<Record<ColumnRole, ColumnInfo>>;
  /** Where every non-blank input cell or line went (ledger.ts); absent only for inputs never read (unreadable files). */
  ledger?: Ledger;
  /** Headers of the columns carried as `extra` (tables only), in the file's order. */
  extraColumns?: string[];
}

/** An import that produced nothing but one file-level problem. */
export function failedImport(problem: Problem): ImportResult {
  return { drafts: [], problems: [problem], fiscalYears: null };
}
