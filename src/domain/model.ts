/**
 * The plan-table model: what one measure (施策) of the NISC annual report's appendix 2 is,
 * where it came from, and the problems found while reading it.
 *
 * Pure data. Importers produce `MeasureDraft`s (or a cell grid that `readPlanTable` turns into
 * drafts); `finalizeMeasures` normalises owners, qualifies the 項番 and classifies the status.
 */

export type Lang = "ja" | "en";

/** Derived (or user-overridden) progress of a measure, read from the next-year plan. */
export type Status = "continuing" | "expanded" | "new" | "ended" | "unreported";
export const STATUSES: readonly Status[] = ["continuing", "expanded", "new", "ended", "unreported"];

/** A heading of the report: chapter `2`, section `2.1`, sub-section `(1)`, each with its title. */
export interface HeadingRef {
  /** As used in a qualified 項番: "2", "2.1", "(1)" (NFKC, no spaces). */
  number: string;
  /** The heading text after the number, e.g. "国民が安全で安心して暮らせるデジタル社会の実現". May be "". */
  title: string;
}

/** Where a row came from. Rows/lines/pages are 1-based, as a person counts them. */
export interface SourceRef {
  /** File name as the user gave it ("総務省.csv"), or a label such as "貼り付け" / "(current sheet)". */
  file: string;
  sheet?: string;
  /** Row in the sheet or CSV (1-based, header included). */
  row?: number;
  /** Page and line for report text / PDF. */
  page?: number;
  line?: number;
}

/** The measure as read, before normalisation. Every importer ends up here. */
export interface MeasureDraft {
  /** The item label as written, e.g. "(ア)", "（イ）", or a fully qualified "2.1(1)(ア)". */
  label: string;
  chapter: HeadingRef | null;
  section: HeadingRef | null;
  subsection: HeadingRef | null;
  /** The owner cell as written: one or more 府省庁, separated by newlines, 、・ etc. */
  ownersText: string;
  /** The year's plan (20XX年度年次計画). */
  plan: string;
  /** <成果・進捗状況> part. */
  results: string;
  /** <20YY年度年次計画> part. */
  nextPlan: string;
  /** `(再掲)`: listed again from another section; listed, not counted. */
  reposted: boolean;
  /** A user's 進捗区分 cell, as written (Japanese or English status name), if any. */
  statusOverride?: string;
  /** 備考, if any. */
  note?: string;
  /** Columns the reader does not know, by their header as written: carried, never dropped. */
  extra?: Record<string, string>;
  source: SourceRef;
  /** 0..1: how sure the importer is of this row's layout (report text/PDF). 1 for tables. */
  confidence?: number;
}

/** A normalised measure: the draft's fields (extra columns are written after the known ones), and what normalising adds. */
export interface Measure extends Omit<MeasureDraft, "confidence"> {
  /** Fully qualified 項番, e.g. "2.1(1)(ア)"; the label alone when headings are unknown. */
  id: string;
  /** The item label in NFKC form with half-width parentheses, e.g. "（ア）" → "(ア)". */
  label: string;
  /** Formal names (経産省 → 経済産業省); unknown names kept as written. Read-only: measures of one owner cell share it. */
  owners: readonly string[];
  status: Status;
  /** Which rule fired (an id from the status rule table, e.g. "ended-keyword"), shown to users. */
  statusRule: string;
  confidence: number;
}

export type Severity = "error" | "warning" | "info";

/** Every problem code, as data: message tables and tests iterate over it, so a new code cannot be forgotten. */
export const PROBLEM_CODES = [
  // Frictionless-style table problems
  "missing-label", // a required column is absent: blocking, nothing is imported
  "duplicate-label",
  "blank-label",
  "missing-cell",
  "unknown-ministry",
  "group-ministry", // 関係府省庁 etc.: kept, flagged
  "duplicate-id",
  "malformed-id",
  "cell-too-long",
  "formula-like",
  "blank-row",
  "no-rows", // a header row and nothing under it: the ministry may have sent the wrong file
  "invalid-status", // a 進捗区分 cell that names no status: ignored, the rules decide
  // file level
  "unreadable-file",
  "unsupported-encoding",
  "undecodable-bytes", // bytes of a Shift_JIS file that do not decode: read as U+FFFD (�), flagged
  "no-table-found",
  "other-edition", // a file of another pair of fiscal years among one edition's files: not merged
  // report text / PDF layout
  "ambiguous-layout",
  // the ledger: nothing read is dropped
  "unplaced-text", // a non-blank cell or line that is no measure, heading or page furniture: kept here, with its text
  "extra-columns", // columns the reader does not know: carried as extra columns of 施策一覧 (info, once per file)
  "unterminated-quote", // a CSV quote opened and never closed: read as text so the rows after it are kept; the cell is flagged
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** A located problem. Data, not an exception: a run reports all of them at once. */
export interface Problem {
  code: ProblemCode;
  severity: Severity;
  file: string;
  sheet?: string;
  /** 1-based row in the source (header row included), when known. */
  row?: number;
  /** The column's header as found in the file (e.g. "担当府省庁"), when known. */
  column?: string;
  /** 1-based column index in the source, when known. */
  columnIndex?: number;
  page?: number;
  line?: number;
  /** Values the message template fills in (e.g. { value: "経産", suggestion: "経済産業省" }). */
  params?: Record<string, string | number>;
  /** Qualified 項番 of the measure concerned, when there is one. */
  measureId?: string;
}

export interface FiscalYears {
  /** The year whose plan and results are reported (e.g. 2023). */
  plan: number;
  /** The year whose plan is announced (e.g. 2024). */
  next: number;
}

/** The result of importing one or more sources. */
export interface PlanTable {
  measures: Measure[];
  problems: Problem[];
  fiscalYears: FiscalYears | null;
  /** Headers of the extra columns of all sources (same header = one column), in the order first seen. */
  extraColumns?: string[];
}
