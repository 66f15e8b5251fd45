/**
 * `--max-expanded-mb 500`, `--max-cells 2000000`, …: the import budgets (src/importers/budgets.ts)
 * raised or lowered from the command line, each in the unit its message shows.
 */
import {
  BUDGET_FLAGS,
  budgetFromUnit,
  DEFAULT_BUDGETS,
  type BudgetName,
  type ImportBudgets,
} from "../importers/budgets";
import type { ParsedArgs } from "./args";

const NAMES = Object.keys(BUDGET_FLAGS) as BudgetName[];

/** The option names for parseArgs, without their dashes. */
export const BUDGET_OPTIONS: readonly string[] = NAMES.map((n) => BUDGET_FLAGS[n].slice(2));

/** Usage text for the budget options. */
export const BUDGET_USAGE =
  "[--max-expanded-mb N] [--max-file-mb N] [--max-cells N] [--max-pdf-pages N] [--max-seconds N] …";

/** The budgets the options ask for, or an error naming the bad option. */
export function budgetsFromArgs(args: ParsedArgs): ImportBudgets | { error: string } {
  const budgets: ImportBudgets = { ...DEFAULT_BUDGETS };
  for (const name of NAMES) {
    const flag = BUDGET_FLAGS[name];
    const raw = args.options.get(flag.slice(2));
    if (raw === undefined) continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0)
      return { error: `${flag} needs a positive number, not "${raw}"` };
    budgets[name] = budgetFromUnit(name, value);
  }
  // One part cannot be larger than all parts together: raising the total raises the part's limit.
  if (args.options.has("max-expanded-mb") && !args.options.has("max-part-mb"))
    budgets.maxPartBytes = budgets.maxExpandedBytes;
  return budgets;
}
