/**
 * Budgets of one import, decided before the work: how big a file, how much it may expand, how
 * many cells, pages and seconds. Generous for any real plan table (the largest report table has
 * about 1,500 measures), small enough that a hostile file (a zip bomb, a 500 MB cell) is refused
 * in seconds with bounded memory instead of freezing the pane or the CLI.
 * A file over a budget gets an `unreadable-file` problem with reason `over-budget`, naming the
 * budget, its limit and the file; the other files of the import go on.
 */
import type { Problem } from "../domain/model";

export interface ImportBudgets {
  /** Bytes of the file as given (a zip's compressed size). */
  maxFileBytes: number;
  /** Bytes one part of a zip may inflate to. */
  maxPartBytes: number;
  /** Bytes all parts read from one zip may inflate to, together. */
  maxExpandedBytes: number;
  /** Inflated ÷ compressed size of a part larger than RATIO_FLOOR_BYTES. */
  maxRatio: number;
  /** Cells of one sheet (rows × columns read, merged areas included). */
  maxCells: number;
  /** Characters of one cell or one shared string. */
  maxCellChars: number;
  /** Pages of one PDF. */
  maxPdfPages: number;
  /** Milliseconds one file may take to read. */
  maxMillis: number;
}

const MB = 1024 * 1024;

export const DEFAULT_BUDGETS: Readonly<ImportBudgets> = Object.freeze({
  maxFileBytes: 200 * MB,
  maxPartBytes: 200 * MB,
  maxExpandedBytes: 200 * MB,
  maxRatio: 500,
  maxCells: 1_000_000,
  // Excel holds 32,767 characters in a cell; a longer one is reported (cell-too-long), not refused.
  maxCellChars: 1_000_000,
  maxPdfPages: 500,
  maxMillis: 60_000,
});

/** Parts smaller than this are not held to the ratio: a tiny part cannot hurt, and a few compress very well. */
export const RATIO_FLOOR_BYTES = 1 * MB;

export type BudgetName = keyof ImportBudgets;

/** The unit a budget is shown in (params.limit, params.actual are in it). */
export const BUDGET_UNITS: Record<BudgetName, "MB" | "x" | "cells" | "chars" | "pages" | "s"> = {
  maxFileBytes: "MB",
  maxPartBytes: "MB",
  maxExpandedBytes: "MB",
  maxRatio: "x",
  maxCells: "cells",
  maxCellChars: "chars",
  maxPdfPages: "pages",
  maxMillis: "s",
};

/** The CLI option that raises each budget (its value in the unit above). */
export const BUDGET_FLAGS: Record<BudgetName, string> = {
  maxFileBytes: "--max-file-mb",
  maxPartBytes: "--max-part-mb",
  maxExpandedBytes: "--max-expanded-mb",
  maxRatio: "--max-ratio",
  maxCells: "--max-cells",
  maxCellChars: "--max-cell-chars",
  maxPdfPages: "--max-pdf-pages",
  maxMillis: "--max-seconds",
};

/** A budget's value given in its unit (a CLI flag) → the value kept in ImportBudgets. */
export function budgetFromUnit(budget: BudgetName, value: number): number {
  const unit = BUDGET_UNITS[budget];
  if (unit === "MB") return Math.round(value * MB);
  if (unit === "s") return Math.round(value * 1000);
  return value;
}

function shown(budget: BudgetName, value: number): number {
  const unit = BUDGET_UNITS[budget];
  if (unit === "MB") return Math.ceil((value / MB) * 10) / 10;
  if (unit === "s") return Math.ceil(value / 100) / 10;
  return Math.ceil(value);
}

/** Thrown inside a reader when a budget is passed; the importer turns it into a problem. */
export class BudgetExceeded extends Error {
  constructor(
    readonly budget: BudgetName,
    readonly limit: number,
    /** What was found, when known (a lying zip directory shows only that the limit was passed). */
    readonly actual?: number,
    /** The part of a package, when the budget is per part. */
    readonly part?: string
  ) {
    super(`over budget ${budget}: ${actual ?? ">"} > ${limit}`);
  }
}

/** The plain problem for a file over a budget. */
export function overBudgetProblem(file: string, e: BudgetExceeded): Problem {
  const params: Record<string, string | number> = {
    reason: "over-budget",
    budget: e.budget,
    limit: shown(e.budget, e.limit),
    unit: BUDGET_UNITS[e.budget],
    flag: BUDGET_FLAGS[e.budget],
  };
  if (e.actual !== undefined) params.actual = shown(e.budget, e.actual);
  if (e.part) params.part = e.part;
  return { code: "unreadable-file", severity: "error", file, params };
}

/** Budgets with some raised or lowered (CLI flags, tests). */
export function budgetsWith(changes: Partial<ImportBudgets> = {}): ImportBudgets {
  return { ...DEFAULT_BUDGETS, ...changes };
}

/** A clock for the time budget of one file. */
export class Deadline {
  private readonly end: number;
  private ticks = 0;
  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now
  ) {
    this.end = now() + limit;
  }
  /** Cheap enough for inner loops: reads the clock every 1024 calls. */
  check(): void {
    if ((++this.ticks & 1023) !== 0) return;
    this.checkNow();
  }
  checkNow(): void {
    if (this.now() > this.end) throw new BudgetExceeded("maxMillis", this.limit);
  }
}
